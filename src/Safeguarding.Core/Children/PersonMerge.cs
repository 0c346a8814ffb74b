using Safeguarding.Core.Access;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Children;

/// <summary>
/// Two records found to be the same child: the merged record points at the one that survives, and
/// this row says who decided it, when and why. Unmerging fills in the second half; the row stays.
/// </summary>
public sealed class PersonMerge : IPartnershipOwned, IConcurrencyVersioned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid SurvivorId { get; set; }
    public Guid MergedId { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset MergedAt { get; set; }
    public Guid MergedByUserId { get; set; }
    public DateTimeOffset? UnmergedAt { get; set; }
    public Guid? UnmergedByUserId { get; set; }
    public string? UnmergeReason { get; set; }
    public long Version { get; set; }

    public bool IsUndone => UnmergedAt is not null;
}
