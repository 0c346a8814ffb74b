namespace Safeguarding.Core.Calendar;

/// <summary>
/// The result of counting working days, with what a page must say when the start day was not a
/// working day ("counting started from Mon 21 Apr 2025").
/// </summary>
public readonly record struct WorkingDayCount(DateOnly Start, int WorkingDays, DateOnly CountedFrom, DateOnly Result)
{
    /// <summary>True when the start fell on a non-working day and counting began on the next working day.</summary>
    public bool StartMoved => CountedFrom != Start;
}

/// <summary>
/// England and Wales working days over 1990-2060: any day except Saturday, Sunday and the bank
/// holidays given (which include Christmas Day and Good Friday). Every operation is O(1) over
/// precomputed tables and allocates nothing, because due dates are worked out for every open clock
/// on every queue page.
/// </summary>
/// <remarks>
/// Counting convention (statutory-rules.md): the trigger day is day 0 and "within N working days"
/// means by the end of the Nth working day after it. A trigger on a non-working day is treated as
/// happening on the next working day, which becomes day 0. For negative N ("N working days before")
/// the result is the Nth working day before the start, whatever kind of day the start is.
/// </remarks>
public sealed class WorkingDayCalendar
{
    public static readonly DateOnly FirstDate = new(BankHolidayRules.FirstYear, 1, 1);
    public static readonly DateOnly LastDate = new(BankHolidayRules.LastYear, 12, 31);

    private static readonly int FirstDayNumber = FirstDate.DayNumber;
    private static readonly int DayCount = LastDate.DayNumber - FirstDate.DayNumber + 1;

    // workingBefore[i] = working days in [FirstDate, FirstDate + i); length DayCount + 1 so that
    // "is day i working" is workingBefore[i + 1] - workingBefore[i].
    private readonly int[] _workingBefore;

    // workingDay[k] = day index of the k-th working day (0-based).
    private readonly int[] _workingDay;
    private readonly Dictionary<DateOnly, BankHoliday> _holidays;

    public WorkingDayCalendar(IEnumerable<BankHoliday> holidays)
    {
        _holidays = [];
        var isHoliday = new bool[DayCount];
        foreach (var holiday in holidays)
        {
            var index = holiday.Date.DayNumber - FirstDayNumber;
            if ((uint)index < (uint)DayCount)
            {
                isHoliday[index] = true;
                _holidays[holiday.Date] = holiday;
            }
        }

        _workingBefore = new int[DayCount + 1];
        var working = new List<int>(DayCount);
        for (var i = 0; i < DayCount; i++)
        {
            var day = DateOnly.FromDayNumber(FirstDayNumber + i).DayOfWeek;
            var isWorking = day is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !isHoliday[i];
            if (isWorking)
            {
                working.Add(i);
            }

            _workingBefore[i + 1] = working.Count;
        }

        _workingDay = [.. working];
        Holidays = [.. _holidays.Values.OrderBy(h => h.Date)];
    }

    /// <summary>The England and Wales calendar: shipped GOV.UK list, rules, proclamations, then the given changes.</summary>
    public static WorkingDayCalendar EnglandAndWales(IEnumerable<BankHolidayChange>? changes = null) =>
        new(changes is null ? EnglandAndWalesBankHolidays.Base() : EnglandAndWalesBankHolidays.WithChanges(changes));

    public static WorkingDayCalendar FromDates(IEnumerable<DateOnly> holidays) =>
        new(holidays.Select(d => new BankHoliday(d, "Bank holiday", BankHolidaySource.Administrator)));

    /// <summary>The holidays in the calendar's range, in date order.</summary>
    public IReadOnlyList<BankHoliday> Holidays { get; }

    public bool IsWorkingDay(DateOnly date)
    {
        var i = IndexOf(date);
        return _workingBefore[i + 1] != _workingBefore[i];
    }

    /// <summary>The bank holiday's name, or null when the date is not a bank holiday.</summary>
    public string? HolidayTitle(DateOnly date) => _holidays.GetValueOrDefault(date)?.Title;

    /// <summary>
    /// The Nth working day after <paramref name="start"/> (day 0); see the class remarks for
    /// non-working starts and negative N.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int n)
    {
        // For a working start its ordinal is workingBefore[i]; for a non-working start workingBefore[i]
        // is the ordinal of the next working day (the moved day 0) and also one more than the previous
        // working day (so "1 before" lands on it). One formula covers all four cases.
        var k = _workingBefore[IndexOf(start)] + n;
        if ((uint)k >= (uint)_workingDay.Length)
        {
            throw OutOfRange(start, n);
        }

        return DateOnly.FromDayNumber(FirstDayNumber + _workingDay[k]);
    }

    /// <summary>Like <see cref="AddWorkingDays"/>, saying which day counting started from.</summary>
    public WorkingDayCount AddWorkingDaysExplained(DateOnly start, int n)
    {
        var countedFrom = n >= 0 && !IsWorkingDay(start) ? NextWorkingDay(start) : start;
        return new WorkingDayCount(start, n, countedFrom, AddWorkingDays(start, n));
    }

    /// <summary>
    /// Working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative
    /// when <paramref name="to"/> is earlier. For a working-day <paramref name="from"/> this inverts
    /// <see cref="AddWorkingDays"/>.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var a = IndexOf(from);
        var b = IndexOf(to);
        return _workingBefore[b + 1] - _workingBefore[a + 1];
    }

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date)
    {
        var k = _workingBefore[IndexOf(date) + 1];
        if (k >= _workingDay.Length)
        {
            throw OutOfRange(date, 1);
        }

        return DateOnly.FromDayNumber(FirstDayNumber + _workingDay[k]);
    }

    /// <summary>The date itself when it is a working day, otherwise the next working day.</summary>
    public DateOnly WorkingDayOnOrAfter(DateOnly date) => AddWorkingDays(date, 0);

    public static bool InRange(DateOnly date) => (uint)(date.DayNumber - FirstDayNumber) < (uint)DayCount;

    private static int IndexOf(DateOnly date)
    {
        var i = date.DayNumber - FirstDayNumber;
        if ((uint)i >= (uint)DayCount)
        {
            throw OutOfRange(date);
        }

        return i;
    }

    private static ArgumentOutOfRangeException OutOfRange(DateOnly date, int? n = null) =>
        new(nameof(date), n is null
            ? $"{DateDisplay.Iso(date)} is outside the working-day calendar ({DateDisplay.Iso(FirstDate)} to {DateDisplay.Iso(LastDate)})"
            : $"{n} working days from {DateDisplay.Iso(date)} falls outside the working-day calendar ({DateDisplay.Iso(FirstDate)} to {DateDisplay.Iso(LastDate)})");
}
