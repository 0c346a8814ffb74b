namespace Safeguarding.Core.Audit;

public enum AuditKind
{
    /// <summary>Something changed: a domain event written in the same transaction as the change.</summary>
    Write,

    /// <summary>Someone looked at a personal record.</summary>
    Access,

    /// <summary>Signing in and out, failed attempts, lockouts.</summary>
    Security,
}

/// <summary>
/// One row of the append-only audit trail. Rows are chained: each carries the hash of the one
/// before, so editing or deleting any row breaks every hash after it (see <see cref="AuditChain"/>).
/// </summary>
public sealed class AuditEvent
{
    public long Sequence { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public AuditKind Kind { get; set; }
    public required string EventType { get; set; }
    public Guid? PartnershipId { get; set; }
    public Guid? ActorUserId { get; set; }
    public required string ActorName { get; set; }
    public string? SubjectType { get; set; }
    public string? SubjectId { get; set; }

    /// <summary>Why: the reason given for a change, or the purpose of a read.</summary>
    public string? Reason { get; set; }

    /// <summary>The event's own fields as JSON (old and new values for a change).</summary>
    public required string Data { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}

/// <summary>The single row that holds the end of the chain; updating it serialises appends.</summary>
public sealed class AuditChainHead
{
    public int Id { get; set; }
    public long LastSequence { get; set; }
    public required string LastHash { get; set; }
}

/// <summary>A business event worth keeping: named in the past tense, carrying what changed.</summary>
public interface IDomainEvent
{
    string SubjectType { get; }
    string SubjectId { get; }
}
