using Safeguarding.Core.Audit;

namespace Safeguarding.Core.Workforce;

// Workforce events: ids, dates and codes only. A post's reference and team are the establishment's own
// labels, not personal details; workers are named by their user id.

public sealed record WorkforcePostAdded(Guid PostId, string Reference, string Team, WorkforceRole Role, DateOnly EstablishedOn) : IDomainEvent
{
    public string SubjectType => Establishment.SubjectType;
    public string SubjectId => PostId.ToString();
}

public sealed record WorkforcePostDeleted(Guid PostId, DateOnly DeletedOn) : IDomainEvent
{
    public string SubjectType => Establishment.SubjectType;
    public string SubjectId => PostId.ToString();
}

public sealed record WorkforcePostFilled(Guid PostId, Guid HoldingId, Guid UserId, Employment Employment, DateOnly StartDate) : IDomainEvent
{
    public string SubjectType => Establishment.SubjectType;
    public string SubjectId => PostId.ToString();
}

public sealed record PostHoldingEnded(Guid PostId, Guid HoldingId, Guid UserId, DateOnly EndDate) : IDomainEvent
{
    public string SubjectType => Establishment.SubjectType;
    public string SubjectId => PostId.ToString();
}

public sealed record SupervisionRecorded(Guid SupervisionId, Guid WorkerUserId, Guid? SupervisorUserId, DateOnly HeldOn) : IDomainEvent
{
    public string SubjectType => SupervisionRecording.SubjectType;
    public string SubjectId => SupervisionId.ToString();
}

public sealed record CaseAllocated(Guid AllocationId, Guid PersonId, Guid WorkerUserId, DateOnly StartDate, Guid? PreviousAllocationId) : IDomainEvent
{
    public string SubjectType => CaseAllocations.SubjectType;
    public string SubjectId => AllocationId.ToString();
}

public sealed record CaseAllocationEnded(Guid AllocationId, Guid PersonId, DateOnly EndDate) : IDomainEvent
{
    public string SubjectType => CaseAllocations.SubjectType;
    public string SubjectId => AllocationId.ToString();
}
