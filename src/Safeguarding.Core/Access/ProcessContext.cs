namespace Safeguarding.Core.Access;

/// <summary>
/// Who is doing something, when, and why. Every write and every audited read carries one, so the
/// audit trail can answer "who changed this, and on what grounds" without guessing.
/// </summary>
public sealed record ProcessContext(
    Guid? UserId,
    string ActorName,
    Guid? PartnershipId,
    DateTimeOffset Now,
    string? Reason = null,
    string? Evidence = null)
{
    /// <summary>A context for the system itself: start-up, seeding, background jobs, the command line.</summary>
    public static ProcessContext System(DateTimeOffset now, string actor = "system", Guid? partnershipId = null, string? reason = null) =>
        new(null, actor, partnershipId, now, reason);

    public ProcessContext WithReason(string? reason) => this with { Reason = reason };
}
