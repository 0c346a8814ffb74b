using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;

namespace Safeguarding.Core.Children;

/// <summary>
/// A user without a named grant opened a restricted record, giving a reason. The grant lasts a
/// working day so they can do the job without breaking glass on every page.
/// </summary>
public sealed class BreakGlassAccess : IPartnershipOwned
{
    public static readonly TimeSpan Lasts = TimeSpan.FromHours(8);

    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid PersonId { get; set; }
    public Guid UserId { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>
/// Break glass on a restricted record. Carries identifiers only, never the person's details; the
/// reason is the audit event's own reason.
/// </summary>
public sealed record RestrictedRecordOpened(Guid BreakGlassAccessId, Guid PersonId, Guid UserId, DateTimeOffset ExpiresAt) : IDomainEvent
{
    public string SubjectType => RestrictedRecordAccess.PersonSubjectType;

    public string SubjectId => PersonId.ToString();
}
