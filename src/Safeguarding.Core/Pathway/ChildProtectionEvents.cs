using Safeguarding.Core.Audit;

namespace Safeguarding.Core.Pathway;

// Ids and codes only: the audit trail never carries what was said about the child.

public sealed record StrategyDiscussionRecorded(Guid StrategyDiscussionId, Guid EpisodeId, Guid PersonId, DateOnly HeldOn, int Agencies, bool Section47Agreed, Guid? Section47EnquiryId) : IDomainEvent
{
    public string SubjectType => ChildProtection.EpisodeSubjectType;
    public string SubjectId => EpisodeId.ToString();
}

public sealed record Section47OutcomeRecorded(Guid Section47EnquiryId, Guid PersonId, Section47Outcome Outcome, DateOnly OutcomeDate, bool ConferenceNotRequired) : IDomainEvent
{
    public string SubjectType => ChildProtection.EnquirySubjectType;
    public string SubjectId => Section47EnquiryId.ToString();
}

public sealed record InitialConferenceRecorded(Guid ConferenceId, Guid Section47EnquiryId, Guid PersonId, DateOnly HeldOn, ConferenceDecision Decision, string? CategoryOfAbuse, bool Late, Guid? PlanId) : IDomainEvent
{
    public string SubjectType => ChildProtection.EnquirySubjectType;
    public string SubjectId => Section47EnquiryId.ToString();
}

public sealed record ChildProtectionPlanStarted(Guid PlanId, Guid PersonId, DateOnly StartDate, string Category, int PreviousPlans, bool IsRepeatWithinTwoYears) : IDomainEvent
{
    public string SubjectType => ChildProtection.PlanSubjectType;
    public string SubjectId => PlanId.ToString();
}

public sealed record ReviewConferenceRecorded(Guid ConferenceId, Guid PlanId, Guid PersonId, DateOnly HeldOn, ConferenceDecision Decision, string? CategoryOfAbuse, bool Late) : IDomainEvent
{
    public string SubjectType => ChildProtection.PlanSubjectType;
    public string SubjectId => PlanId.ToString();
}

public sealed record ChildProtectionPlanEnded(Guid PlanId, Guid PersonId, DateOnly EndDate, Guid ConferenceId) : IDomainEvent
{
    public string SubjectType => ChildProtection.PlanSubjectType;
    public string SubjectId => PlanId.ToString();
}

public sealed record CoreGroupMeetingRecorded(Guid MeetingId, Guid PlanId, Guid PersonId, DateOnly HeldOn, bool First) : IDomainEvent
{
    public string SubjectType => ChildProtection.PlanSubjectType;
    public string SubjectId => PlanId.ToString();
}
