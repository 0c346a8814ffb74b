namespace Safeguarding.Core.Data;

/// <summary>
/// Which partnership the current request or job works for. Queries on partnership-owned rows are
/// filtered to it; a scope with no partnership (start-up, the command line) sees every partnership.
/// </summary>
public interface ITenantScope
{
    Guid? PartnershipId { get; }
}

public sealed class FixedTenantScope(Guid? partnershipId) : ITenantScope
{
    public static readonly FixedTenantScope AllPartnerships = new(null);

    public Guid? PartnershipId { get; } = partnershipId;
}
