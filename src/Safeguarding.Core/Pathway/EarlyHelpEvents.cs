using Safeguarding.Core.Audit;

namespace Safeguarding.Core.Pathway;

// Early help events: ids, dates and codes only; never the lead practitioner's name or anything about the family.

public sealed record EarlyHelpStarted(Guid EpisodeId, Guid PersonId, DateOnly StartDate, EarlyHelpRoute Route, Guid? LocalityId, Guid? FromCinEpisodeId, Guid? ContactId) : IDomainEvent
{
    public string SubjectType => EarlyHelpRecording.SubjectType;
    public string SubjectId => EpisodeId.ToString();
}

public sealed record EarlyHelpAssessmentRecorded(Guid EpisodeId, Guid PersonId, DateOnly StartDate, DateOnly? CompletedDate, Guid AssessingAgencyId, Guid LeadPractitionerAgencyId) : IDomainEvent
{
    public string SubjectType => EarlyHelpRecording.SubjectType;
    public string SubjectId => EpisodeId.ToString();
}

public sealed record FamilyPlanStarted(Guid EpisodeId, Guid PersonId, DateOnly StartDate, DateOnly NextReviewDue) : IDomainEvent
{
    public string SubjectType => EarlyHelpRecording.SubjectType;
    public string SubjectId => EpisodeId.ToString();
}

public sealed record FamilyPlanReviewed(Guid ReviewId, Guid EpisodeId, Guid PersonId, DateOnly HeldOn, DateOnly NextReviewDue) : IDomainEvent
{
    public string SubjectType => EarlyHelpRecording.SubjectType;
    public string SubjectId => EpisodeId.ToString();
}

public sealed record FamilyPlanEnded(Guid EpisodeId, Guid PersonId, DateOnly EndDate) : IDomainEvent
{
    public string SubjectType => EarlyHelpRecording.SubjectType;
    public string SubjectId => EpisodeId.ToString();
}

public sealed record EarlyHelpEnded(Guid EpisodeId, Guid PersonId, DateOnly EndDate, EarlyHelpEndReason Reason, Guid? SteppedUpToCinEpisodeId) : IDomainEvent
{
    public string SubjectType => EarlyHelpRecording.SubjectType;
    public string SubjectId => EpisodeId.ToString();
}
