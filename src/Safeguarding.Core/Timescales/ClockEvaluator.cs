using Safeguarding.Core.Calendar;

namespace Safeguarding.Core.Timescales;

/// <summary>
/// Works out due dates and states. Pure: everything, including "now", is passed in. Allocation-free,
/// because every queue and KPI page evaluates all open clocks.
/// </summary>
/// <remarks>
/// "Due by end of day": for working-day, calendar-day, week and month rules the deadline is the last
/// instant of the due date in Europe/London, 23:59:59.9999999 local (one tick before the next London
/// midnight), stored as UTC. A stop at or before that instant is met. Hour rules are due exactly
/// Duration elapsed hours after the start instant, computed on UTC instants so a clock change adds or
/// loses no time.
/// </remarks>
public sealed class ClockEvaluator(WorkingDayCalendar calendar)
{
    public WorkingDayCalendar Calendar { get; } = calendar;

    public ClockDue DueFor(TimescaleRule rule, DateTimeOffset start)
    {
        var startDate = LondonTime.DateOf(start);
        switch (rule.Unit)
        {
            case TimescaleUnit.Hours:
                var dueAt = start.ToUniversalTime().AddHours(rule.Duration);
                return new ClockDue(dueAt, LondonTime.DateOf(dueAt), startDate, startDate);

            case TimescaleUnit.WorkingDays:
                var count = Calendar.AddWorkingDaysExplained(startDate, rule.Duration);
                return new ClockDue(LondonTime.EndOfDay(count.Result), count.Result, startDate, count.CountedFrom);

            default:
                var dueDate = rule.Unit switch
                {
                    TimescaleUnit.CalendarDays => startDate.AddDays(rule.Duration),
                    TimescaleUnit.Weeks => startDate.AddDays(7 * rule.Duration),
                    TimescaleUnit.Months => startDate.AddMonths(rule.Duration),
                    _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Unit, "Unknown timescale unit"),
                };
                return new ClockDue(LondonTime.EndOfDay(dueDate), dueDate, startDate, startDate);
        }
    }

    /// <param name="start">When the start event happened; null if it has not.</param>
    /// <param name="stop">When the stop event happened; null while the clock runs.</param>
    /// <param name="notRequired">The process turned out not to be needed (e.g. no ICPC after the S47).</param>
    public ClockStatus Evaluate(TimescaleRule rule, DateTimeOffset? start, DateTimeOffset? stop, bool notRequired, DateTimeOffset now)
    {
        var unit = rule.MarginUnit;
        if (start is not { } started)
        {
            return new ClockStatus(notRequired ? ClockState.NotRequired : ClockState.NotStarted, null, 0, unit);
        }

        var due = DueFor(rule, started);
        return Evaluate(rule, due, stop, notRequired, now);
    }

    /// <summary>The state for an already-computed due (e.g. a stored <c>Clock.DueAt</c>).</summary>
    public ClockStatus Evaluate(TimescaleRule rule, ClockDue due, DateTimeOffset? stop, bool notRequired, DateTimeOffset now)
    {
        var unit = rule.MarginUnit;
        var at = stop ?? now;
        var margin = Margin(unit, due, at);

        if (notRequired)
        {
            return new ClockStatus(ClockState.NotRequired, due, 0, unit);
        }

        if (stop is { } stopped)
        {
            return new ClockStatus(stopped <= due.DueAt ? ClockState.Met : ClockState.MetLate, due, margin, unit);
        }

        ClockState state;
        if (now > due.DueAt)
        {
            state = ClockState.Overdue;
        }
        else if (LondonTime.DateOf(now) == due.DueDate)
        {
            state = ClockState.DueToday;
        }
        else if (margin <= rule.DueSoonWarning)
        {
            state = ClockState.DueSoon;
        }
        else
        {
            state = ClockState.Running;
        }

        return new ClockStatus(state, due, margin, unit);
    }

    private double Margin(ClockMarginUnit unit, ClockDue due, DateTimeOffset at)
    {
        if (unit == ClockMarginUnit.Hours)
        {
            return (due.DueAt - at).TotalHours;
        }

        var date = LondonTime.DateOf(at);
        if (unit == ClockMarginUnit.CalendarDays)
        {
            return due.DueDate.DayNumber - date.DayNumber;
        }

        if (date <= due.DueDate)
        {
            // Working days still to come after today, up to and including the due day.
            return Calendar.WorkingDaysBetween(date, due.DueDate);
        }

        // Late: a weekend or holiday counts with the working day after it, so a Friday deadline
        // missed on Saturday reads "1 working day late", not 0.
        return -Calendar.WorkingDaysBetween(due.DueDate, Calendar.WorkingDayOnOrAfter(date));
    }
}
