namespace Safeguarding.Core.Calendar;

/// <summary>
/// Europe/London civil time. Clocks are stored as UTC instants and judged against London calendar
/// dates. Conversions for 1990-2060 use a table of London midnights built once from the system time
/// zone database, so the hot path is two array reads; other years fall back to <see cref="TimeZoneInfo"/>.
/// </summary>
public static class LondonTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static readonly int FirstDayNumber = WorkingDayCalendar.FirstDate.DayNumber;
    private static readonly int DayCount = WorkingDayCalendar.LastDate.DayNumber - FirstDayNumber + 1;

    // midnightUtcTicks[i] = UTC ticks of 00:00 London on FirstDate + i; one extra entry so the end of
    // the last day is known. London midnight is never skipped or repeated (changes happen at 01:00 UTC).
    private static readonly long[] MidnightUtcTicks = BuildMidnights();

    /// <summary>The London calendar date at an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant)
    {
        var utcTicks = instant.UtcTicks;
        var utcDay = (int)(utcTicks / TimeSpan.TicksPerDay);
        var i = utcDay - FirstDayNumber;
        if ((uint)i >= (uint)DayCount)
        {
            return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
        }

        // London is UTC or UTC+1, so the London date is the UTC date or the day after.
        return utcTicks >= MidnightUtcTicks[i + 1] ? DateOnly.FromDayNumber(utcDay + 1) : DateOnly.FromDayNumber(utcDay);
    }

    /// <summary>00:00 London on a date, as a UTC instant.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date)
    {
        var i = date.DayNumber - FirstDayNumber;
        return (uint)i <= (uint)DayCount
            ? new DateTimeOffset(MidnightUtcTicks[i], TimeSpan.Zero)
            : SlowMidnight(date);
    }

    /// <summary>
    /// The last instant of a London date: 23:59:59.9999999 London (one tick before the next midnight),
    /// as a UTC instant. A deadline "by the end of" a day is met by anything at or before it.
    /// </summary>
    public static DateTimeOffset EndOfDay(DateOnly date)
    {
        var i = date.DayNumber - FirstDayNumber + 1;
        return (uint)i <= (uint)DayCount
            ? new DateTimeOffset(MidnightUtcTicks[i] - 1, TimeSpan.Zero)
            : SlowMidnight(date.AddDays(1)).AddTicks(-1);
    }

    /// <summary>The same instant shown with London's offset (for display).</summary>
    public static DateTimeOffset ToLondon(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>A London wall-clock time as an instant (the earlier one when the clocks go back).</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            // In the skipped hour the clocks have already gone forward; read it as the time after.
            local = local.AddHours(1);
        }

        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private static long[] BuildMidnights()
    {
        var ticks = new long[DayCount + 1];
        for (var i = 0; i <= DayCount; i++)
        {
            ticks[i] = SlowMidnight(DateOnly.FromDayNumber(FirstDayNumber + i)).UtcTicks;
        }

        return ticks;
    }

    private static DateTimeOffset SlowMidnight(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
