using Safeguarding.Core.Access;

namespace Safeguarding.Core.Timescales;

/// <summary>
/// A partnership's own version of a statutory or local rule from a date: a different duration, unit
/// or due-soon warning. Defaults stay as they are; clocks started before the date keep the old rule.
/// Rows are never edited: a further override from a later date replaces one.
/// </summary>
public sealed class TimescaleRuleOverride : IPartnershipOwned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public required string RuleId { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public int Duration { get; set; }
    public TimescaleUnit Unit { get; set; }
    public int DueSoonWarning { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }

    /// <summary>The default rule with this override's numbers, as a new version.</summary>
    public TimescaleRule Apply(TimescaleRule defaultRule) => defaultRule with
    {
        Duration = Duration,
        Unit = Unit,
        DueSoonWarning = DueSoonWarning,
        EffectiveFrom = EffectiveFrom,
        Notes = $"Local override: {Reason}",
    };
}
