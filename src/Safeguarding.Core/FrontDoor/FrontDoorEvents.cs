using Safeguarding.Core.Audit;

namespace Safeguarding.Core.FrontDoor;

// Events carry ids and facts about the process, not the family's details: those stay in their tables.

public sealed record RequestForSupportDraftStarted(Guid DraftId, ContactChannel Channel) : IDomainEvent
{
    public string SubjectType => "RequestForSupportDraft";
    public string SubjectId => DraftId.ToString();
}

public sealed record RequestForSupportDraftSaved(Guid DraftId, string Section) : IDomainEvent
{
    public string SubjectType => "RequestForSupportDraft";
    public string SubjectId => DraftId.ToString();
}

public sealed record RequestForSupportDraftDiscarded(Guid DraftId) : IDomainEvent
{
    public string SubjectType => "RequestForSupportDraft";
    public string SubjectId => DraftId.ToString();
}

public sealed record RequestForSupportAttachmentAdded(Guid DraftId, Guid AttachmentId, string ContentType, long SizeBytes) : IDomainEvent
{
    public string SubjectType => "RequestForSupportDraft";
    public string SubjectId => DraftId.ToString();
}

public sealed record RequestForSupportAttachmentRemoved(Guid DraftId, Guid AttachmentId) : IDomainEvent
{
    public string SubjectType => "RequestForSupportDraft";
    public string SubjectId => DraftId.ToString();
}

public sealed record ContactReceived(Guid ContactId, string Reference, ContactChannel Channel, DateTimeOffset ReceivedAt, Urgency Urgency, int Children, int Attachments, Guid? FromDraftId) : IDomainEvent
{
    public string SubjectType => "Contact";
    public string SubjectId => ContactId.ToString();
}
