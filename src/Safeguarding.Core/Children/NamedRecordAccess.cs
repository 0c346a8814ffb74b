using Safeguarding.Core.Access;

namespace Safeguarding.Core.Children;

/// <summary>
/// A user named on a restricted record: they open it without breaking glass. The owner (usually the
/// allocated worker or their manager) is told whenever someone else breaks glass on it.
/// Removing a name keeps the row, with when and by whom.
/// </summary>
public sealed class NamedRecordAccess : IPartnershipOwned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid PersonId { get; set; }
    public Guid UserId { get; set; }
    public bool IsOwner { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
    public Guid? GrantedByUserId { get; set; }
    public DateTimeOffset? RemovedAt { get; set; }
    public Guid? RemovedByUserId { get; set; }
}

/// <summary>
/// Bumped whenever people or their facts change, so every app instance knows its in-memory matching
/// index is stale without scanning the people table.
/// </summary>
public sealed class PersonIndexRevision
{
    public Guid PartnershipId { get; set; }
    public long Revision { get; set; }
}
