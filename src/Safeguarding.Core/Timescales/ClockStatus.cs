namespace Safeguarding.Core.Timescales;

public enum ClockState
{
    NotStarted,
    Running,
    DueSoon,
    DueToday,
    Overdue,
    Met,
    MetLate,
    NotRequired,
}

/// <summary>The unit a clock's remaining time or overrun is reported in.</summary>
public enum ClockMarginUnit
{
    Hours,
    WorkingDays,
    CalendarDays,
}

/// <summary>When a clock is due, worked out from its rule and start.</summary>
/// <param name="DueAt">The deadline instant (UTC). For day-based units, the end of <paramref name="DueDate"/> in London.</param>
/// <param name="DueDate">The London date of <paramref name="DueAt"/>.</param>
/// <param name="StartDate">The London date the clock started.</param>
/// <param name="CountedFrom">
/// Day 0 of a working-day count: the start date, or the next working day when the start fell on a
/// non-working day (the page must say so).
/// </param>
public readonly record struct ClockDue(DateTimeOffset DueAt, DateOnly DueDate, DateOnly StartDate, DateOnly CountedFrom)
{
    public bool StartMoved => CountedFrom != StartDate;
}

/// <summary>A clock's state at a moment.</summary>
/// <param name="Margin">
/// Signed amount in <paramref name="Unit"/>: positive is time remaining (or, once met, how early);
/// negative is the overrun (overdue by, or met late by). Zero on the due day of a day-based clock.
/// </param>
public readonly record struct ClockStatus(ClockState State, ClockDue? Due, double Margin, ClockMarginUnit Unit)
{
    public DateTimeOffset? DueAt => Due?.DueAt;

    public DateOnly? DueDate => Due?.DueDate;

    /// <summary>True when the trigger fell on a non-working day and counting started from the next working day.</summary>
    public bool StartMoved => Due is { StartMoved: true };

    public double Remaining => Margin > 0 ? Margin : 0;

    public double Overrun => Margin < 0 ? -Margin : 0;
}
