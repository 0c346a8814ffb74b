using Safeguarding.Core.Audit;

namespace Safeguarding.SyntheticData;

/// <summary>
/// One batch of a synthetic city was written. Counts only: the audit trail never carries the
/// (made-up) names, so it reads the same as it would for real records.
/// </summary>
public sealed record SyntheticBatchLoaded(Guid PartnershipId, int Batch, string Entity, int Rows) : IDomainEvent
{
    public string SubjectType => "Partnership";
    public string SubjectId => PartnershipId.ToString();
}

/// <summary>A whole synthetic city is in place; written last, in the same transaction as the rest.</summary>
public sealed record DemoCityLoaded(
    Guid PartnershipId,
    string PartnershipCode,
    int Seed,
    int Children,
    int People,
    int Relationships,
    int Households,
    int Agencies,
    int Users) : IDomainEvent
{
    public string SubjectType => "Partnership";
    public string SubjectId => PartnershipId.ToString();
}
