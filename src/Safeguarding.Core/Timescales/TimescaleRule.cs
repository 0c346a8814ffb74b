namespace Safeguarding.Core.Timescales;

public enum TimescaleUnit
{
    /// <summary>Elapsed clock hours (UTC instants), across weekends, holidays and clock changes.</summary>
    Hours,

    /// <summary>England and Wales working days; due by the end of the day in Europe/London.</summary>
    WorkingDays,

    /// <summary>Calendar days from the London date; due by the end of the day.</summary>
    CalendarDays,

    /// <summary>Seven calendar days each.</summary>
    Weeks,

    /// <summary>Calendar months from the London date (31 Jan + 1 month = 28/29 Feb).</summary>
    Months,
}

/// <summary>How sure we are of a rule's source (statutory-rules.md).</summary>
public enum RuleConfidence
{
    /// <summary>Statute or statutory guidance text.</summary>
    S,

    /// <summary>Guidance as quoted by many partnerships' published procedures.</summary>
    G,

    /// <summary>Local practice.</summary>
    L,

    /// <summary>Commonly quoted: confirm against Working Together 2023 before relying on it.</summary>
    C,
}

/// <summary>
/// One version of a timescale: when a clock starts, how long it runs and what stops it. Rules are data
/// (seeded by <see cref="DefaultTimescaleRules"/>, editable per partnership) and versioned by
/// <see cref="EffectiveFrom"/>: a clock uses the version in force on the London date its clock started.
/// </summary>
public sealed record TimescaleRule
{
    /// <summary>Stable id shared by all versions, e.g. "LR-1"; RAG variants have their own ids ("FD-3R").</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>The Core/Web module that owns the process (FrontDoor, Casework, Learning...).</summary>
    public required string Module { get; init; }

    /// <summary>The event type that starts the clock (see <see cref="TimescaleEvents"/>).</summary>
    public required string ClockStartEvent { get; init; }

    /// <summary>How many units; negative for "at least N before" the start event (LR-6).</summary>
    public required int Duration { get; init; }

    public required TimescaleUnit Unit { get; init; }

    /// <summary>The event type that stops the clock (met, or met late).</summary>
    public required string StopEvent { get; init; }

    /// <summary>
    /// The rule whose clock starts when this one stops, for recurring timescales: CW-7 (first review,
    /// 3 months) → CW-8 (later reviews, 6 months) → CW-8 again. Each occurrence runs from the actual
    /// previous event, not a fixed schedule, as the guidance intends.
    /// </summary>
    public string? NextRuleId { get; init; }

    /// <summary>
    /// Remaining amount at or below which a running clock is "due soon", in the clock's margin unit:
    /// hours for hour rules, working days for working-day rules, calendar days otherwise. 0 turns it off.
    /// </summary>
    public int DueSoonWarning { get; init; }

    public required DateOnly EffectiveFrom { get; init; }

    public required RuleConfidence Confidence { get; init; }

    public string Notes { get; init; } = "";

    /// <summary>For variants chosen per case (FD-3's red/amber/green), the family id ("FD-3").</summary>
    public string? VariantOf { get; init; }

    /// <summary>The variant's name ("Red"), shown next to the family name.</summary>
    public string? Variant { get; init; }

    /// <summary>The unit in which remaining time and overruns are reported for this rule.</summary>
    public ClockMarginUnit MarginUnit => Unit switch
    {
        TimescaleUnit.Hours => ClockMarginUnit.Hours,
        TimescaleUnit.WorkingDays => ClockMarginUnit.WorkingDays,
        _ => ClockMarginUnit.CalendarDays,
    };
}
