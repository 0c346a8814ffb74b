using System.Globalization;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Timescales;

namespace Safeguarding.Web.Features.Timescales;

/// <summary>How timescales read on screen: durations, dates in London time and state tags.</summary>
public static class TimescaleText
{
    public static string Amount(double amount, ClockMarginUnit unit)
    {
        // Round up: 20 minutes late is "1 hour" late, not "0 hours".
        var n = (int)Math.Ceiling(amount);
        return unit switch
        {
            ClockMarginUnit.Hours => Plural(n, "hour"),
            ClockMarginUnit.WorkingDays => Plural(n, "working day"),
            _ => Plural(n, "day"),
        };
    }

    public static string Duration(int duration, TimescaleUnit unit)
    {
        var n = Math.Abs(duration);
        var text = unit switch
        {
            TimescaleUnit.Hours => Plural(n, "hour"),
            TimescaleUnit.WorkingDays => Plural(n, "working day"),
            TimescaleUnit.CalendarDays => n == 0 ? "Same day" : Plural(n, "day"),
            TimescaleUnit.Weeks => Plural(n, "week"),
            _ => Plural(n, "month"),
        };
        return duration < 0 ? $"{text} before" : text;
    }

    public static string UnitName(TimescaleUnit unit) => unit switch
    {
        TimescaleUnit.Hours => "Hours",
        TimescaleUnit.WorkingDays => "Working days",
        TimescaleUnit.CalendarDays => "Calendar days",
        TimescaleUnit.Weeks => "Weeks",
        _ => "Months",
    };

    public static string DueSoon(TimescaleRule rule) =>
        rule.DueSoonWarning == 0 ? "None" : Amount(rule.DueSoonWarning, rule.MarginUnit) + " before";

    /// <summary>Day-based clocks are due by the end of a date; hour clocks at an exact London time.</summary>
    public static string When(DateTimeOffset instant, bool withTime) =>
        withTime
            ? LondonTime.ToLondon(instant).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture)
            : DateDisplay.Readable(LondonTime.DateOf(instant));

    public static string ShortId(Guid id) => id.ToString("N")[..8].ToUpperInvariant();

    public static string StateName(ClockState state) => state switch
    {
        ClockState.Overdue => "Overdue",
        ClockState.DueToday => "Due today",
        ClockState.DueSoon => "Due soon",
        ClockState.Running => "Running",
        ClockState.Met => "Met",
        ClockState.MetLate => "Met late",
        ClockState.NotRequired => "Not required",
        _ => "Not started",
    };

    /// <summary>The tag text and colour for an open clock's state.</summary>
    public static (string Text, string Class) Tag(ClockStatus status) => status.State switch
    {
        ClockState.Overdue => ($"Overdue by {Amount(status.Overrun, status.Unit)}", "govuk-tag--red"),
        ClockState.DueToday => ("Due today", "govuk-tag--orange"),
        ClockState.DueSoon => ($"Due in {Amount(status.Remaining, status.Unit)}", "govuk-tag--yellow"),
        ClockState.Running => ($"Due in {Amount(status.Remaining, status.Unit)}", "govuk-tag--blue"),
        _ => (StateName(status.State), "govuk-tag--grey"),
    };

    /// <summary>Lower is more urgent; used to sort by state.</summary>
    public static int Urgency(ClockState state) => state switch
    {
        ClockState.Overdue => 0,
        ClockState.DueToday => 1,
        ClockState.DueSoon => 2,
        _ => 3,
    };

    private static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n.ToString(CultureInfo.InvariantCulture)} {unit}s";
}

/// <summary>One open clock as the deadline tables show it.</summary>
public sealed record ClockRow(Clock Clock, TimescaleRule Rule, ClockStatus Status, string? Agency)
{
    public bool HasTime => Rule.Unit == TimescaleUnit.Hours;

    public string Started => TimescaleText.When(Clock.StartedAt, HasTime);

    public string Due => TimescaleText.When(Clock.DueAt, HasTime);

    public string Subject => $"{Clock.SubjectType} {TimescaleText.ShortId(Clock.SubjectId)}";

    /// <summary>Said on screen when the trigger fell on a weekend or holiday (statutory-rules.md).</summary>
    public string? StartMovedMessage => Status.Due is { StartMoved: true } due
        ? $"Counting started on {DateDisplay.Readable(due.CountedFrom)} because {DateDisplay.Readable(due.StartDate)} was not a working day"
        : null;

    public static ClockRow For(PartnershipClockSetup setup, Clock clock, DateTimeOffset now, string? agency = null) =>
        new(clock, setup.Rules.Version(clock.RuleId, clock.RuleVersionEffectiveFrom), setup.Evaluate(clock, now), agency);
}
