using Safeguarding.Core.Audit;

namespace Safeguarding.Core.Pathway;

// Looked-after events: ids, dates and SSDA903 codes about the process, never where the child lives or who cares for them.

public sealed record CarePeriodStarted(Guid CarePeriodId, Guid PersonId, Guid CareEpisodeId, DateOnly StartDate, string LegalStatus, string CategoryOfNeed, string PlacementType, Guid? CinEpisodeId) : IDomainEvent
{
    public string SubjectType => CareRecording.SubjectType;
    public string SubjectId => CarePeriodId.ToString();
}

public sealed record CareEpisodeChanged(Guid CarePeriodId, Guid PersonId, Guid CareEpisodeId, Guid PreviousCareEpisodeId, DateOnly StartDate, string ReasonNewEpisode, string LegalStatus, string PlacementType, string? ReasonPlaceChange) : IDomainEvent
{
    public string SubjectType => CareRecording.SubjectType;
    public string SubjectId => CarePeriodId.ToString();
}

public sealed record CarePeriodEnded(Guid CarePeriodId, Guid PersonId, Guid CareEpisodeId, DateOnly EndDate, string EndReason) : IDomainEvent
{
    public string SubjectType => CareRecording.SubjectType;
    public string SubjectId => CarePeriodId.ToString();
}

public sealed record LookedAfterReviewRecorded(Guid ReviewId, Guid CarePeriodId, Guid PersonId, DateOnly HeldOn, string Participation, bool Late) : IDomainEvent
{
    public string SubjectType => CareRecording.SubjectType;
    public string SubjectId => CarePeriodId.ToString();
}
