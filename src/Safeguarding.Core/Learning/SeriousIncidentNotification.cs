using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Learning;

public enum SeriousIncidentOutcome
{
    Died,
    SeriouslyHarmed,
}

/// <summary>
/// A serious incident the local authority must notify to the Child Safeguarding Practice Review Panel
/// within 5 working days of becoming aware (statutory-rules.md LR-1), telling the safeguarding
/// partners too (LR-2).
/// </summary>
public sealed class SeriousIncidentNotification : IPartnershipOwned, IConcurrencyVersioned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }

    /// <summary>The partnership's own reference, e.g. SIN-2025-004: what people say in meetings.</summary>
    public required string Reference { get; set; }
    public Guid? ChildId { get; set; }
    public DateOnly IncidentDate { get; set; }
    public DateTimeOffset LocalAuthorityAwareAt { get; set; }
    public SeriousIncidentOutcome Outcome { get; set; }
    public bool AbuseOrNeglectKnownOrSuspected { get; set; }
    public bool ChildWasLookedAfter { get; set; }
    public bool ChildWasCareLeaver { get; set; }
    public DateTimeOffset? NotifiedToPanelAt { get; set; }
    public Guid RecordedBy { get; set; }
    public long Version { get; set; }

    /// <summary>
    /// The notification criteria: abuse or neglect known or suspected and the child died or was
    /// seriously harmed; the death of a looked-after child or a care leaver is notified whatever the cause.
    /// </summary>
    public bool MeetsCriteria => AbuseOrNeglectKnownOrSuspected
        || (Outcome == SeriousIncidentOutcome.Died && (ChildWasLookedAfter || ChildWasCareLeaver));
}

public sealed record SeriousIncidentRecorded(Guid NotificationId, string Reference, DateOnly IncidentDate, DateTimeOffset LocalAuthorityAwareAt, SeriousIncidentOutcome Outcome) : IDomainEvent
{
    public string SubjectType => "SeriousIncidentNotification";
    public string SubjectId => NotificationId.ToString();
}

public sealed record SeriousIncidentNotifiedToPanel(Guid NotificationId, DateTimeOffset NotifiedAt, bool Late, string? ReasonForLateness) : IDomainEvent
{
    public string SubjectType => "SeriousIncidentNotification";
    public string SubjectId => NotificationId.ToString();
}
