using Safeguarding.Core.Audit;

namespace Safeguarding.Core.Pathway;

// Missing episodes, care leavers and adoption: ids, dates and codes only; the audit trail never carries what was said about the child.

public sealed record MissingEpisodeStarted(Guid MissingEpisodeId, Guid PersonId, MissingKind Kind, DateTimeOffset StartedAt, Guid? CarePeriodId) : IDomainEvent
{
    public string SubjectType => MissingEpisodeRecording.SubjectType;
    public string SubjectId => MissingEpisodeId.ToString();
}

public sealed record MissingEpisodeReturned(Guid MissingEpisodeId, Guid PersonId, DateTimeOffset ReturnedAt) : IDomainEvent
{
    public string SubjectType => MissingEpisodeRecording.SubjectType;
    public string SubjectId => MissingEpisodeId.ToString();
}

public sealed record ReturnHomeInterviewRecorded(Guid MissingEpisodeId, Guid PersonId, DateTimeOffset OfferedAt, bool? Accepted, DateTimeOffset? CompletedAt, bool Late) : IDomainEvent
{
    public string SubjectType => MissingEpisodeRecording.SubjectType;
    public string SubjectId => MissingEpisodeId.ToString();
}

public sealed record CareLeaverContactRecorded(Guid CareLeaverContactId, Guid PersonId, int Age, DateOnly Birthday, string InTouch, string Activity, string Accommodation, bool Corrected) : IDomainEvent
{
    public string SubjectType => nameof(CareLeaverContact);
    public string SubjectId => CareLeaverContactId.ToString();
}

public sealed record AdoptionDecisionRecorded(Guid AdoptionRecordId, Guid CarePeriodId, Guid PersonId, DateOnly DecisionDate) : IDomainEvent
{
    public string SubjectType => AdoptionRecording.SubjectType;
    public string SubjectId => AdoptionRecordId.ToString();
}

public sealed record AdoptionMilestoneRecorded(
    Guid AdoptionRecordId, Guid CarePeriodId, Guid PersonId, AdoptionMilestone Milestone, DateOnly Date,
    int? NumberOfAdopters, string? AdopterSex, string? AdopterLegalStatus, bool? AdoptedByFosterCarers, string? CeasedReason) : IDomainEvent
{
    public string SubjectType => AdoptionRecording.SubjectType;
    public string SubjectId => AdoptionRecordId.ToString();
}
