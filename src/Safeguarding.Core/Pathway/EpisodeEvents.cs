using Safeguarding.Core.Audit;

namespace Safeguarding.Core.Pathway;

// Child in need episode events: ids, dates and codes about the process, never the family's details.

public sealed record CinEpisodeOpened(Guid EpisodeId, Guid PersonId, Guid? ContactId, DateOnly ReferralDate, string ReferralSource, bool IsReReferral) : IDomainEvent
{
    public string SubjectType => Episodes.SubjectType;
    public string SubjectId => EpisodeId.ToString();
}

public sealed record AssessmentStarted(Guid AssessmentId, Guid EpisodeId, DateOnly StartDate, Guid? SocialWorkerUserId) : IDomainEvent
{
    public string SubjectType => Episodes.AssessmentSubjectType;
    public string SubjectId => AssessmentId.ToString();
}

public sealed record AssessmentAllocated(Guid AssessmentId, Guid SocialWorkerUserId, DateOnly AllocatedOn, Guid? PreviousSocialWorkerUserId) : IDomainEvent
{
    public string SubjectType => Episodes.AssessmentSubjectType;
    public string SubjectId => AssessmentId.ToString();
}

public sealed record AssessmentChildVisited(Guid AssessmentId, DateOnly VisitedOn) : IDomainEvent
{
    public string SubjectType => Episodes.AssessmentSubjectType;
    public string SubjectId => AssessmentId.ToString();
}

public sealed record AssessmentAuthorised(Guid AssessmentId, Guid EpisodeId, DateOnly AuthorisationDate, string Factors, AssessmentOutcome Outcome) : IDomainEvent
{
    public string SubjectType => Episodes.AssessmentSubjectType;
    public string SubjectId => AssessmentId.ToString();
}

public sealed record CinPlanStarted(Guid PlanId, Guid EpisodeId, DateOnly StartDate) : IDomainEvent
{
    public string SubjectType => Episodes.CinPlanSubjectType;
    public string SubjectId => PlanId.ToString();
}

public sealed record CinPlanEnded(Guid PlanId, Guid EpisodeId, DateOnly EndDate) : IDomainEvent
{
    public string SubjectType => Episodes.CinPlanSubjectType;
    public string SubjectId => PlanId.ToString();
}

public sealed record CinEpisodeClosed(Guid EpisodeId, DateOnly ClosureDate, string ClosureReason, bool NoFurtherAction) : IDomainEvent
{
    public string SubjectType => Episodes.SubjectType;
    public string SubjectId => EpisodeId.ToString();
}
