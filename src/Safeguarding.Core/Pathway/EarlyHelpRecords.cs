using Safeguarding.Core.Access;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Pathway;

/// <summary>How a child's early help began.</summary>
public enum EarlyHelpRoute
{
    /// <summary>The front door decided the contact should go to early help (ContactOutcome.StepDownToEarlyHelp).</summary>
    FrontDoorStepDown,

    /// <summary>A social work assessment ended with the outcome early help (AssessmentOutcome.EarlyHelp).</summary>
    AssessmentStepDown,

    /// <summary>A child in need episode (or plan) closed with the family still needing support.</summary>
    ClosureStepDown,

    /// <summary>A partner agency (a school, health, the voluntary sector) started an early help assessment itself.</summary>
    PartnerAssessment,
}

/// <summary>Why a child's early help ended.</summary>
public enum EarlyHelpEndReason
{
    NeedsMet,
    SteppedUpToSocialCare,
    ConsentWithdrawn,
    MovedAway,
}

/// <summary>
/// A child's early help: from the day it started (stepped down from social care, or a partner's own
/// assessment) to its end. It holds its one early help assessment (Annex A list 2: start, completion and
/// the organisation completing it, with the lead practitioner) and its one "Our Family Plan": a new
/// assessment after the end is a new episode.
/// </summary>
public sealed class EarlyHelpEpisode : IPartnershipOwned, IConcurrencyVersioned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid PersonId { get; set; }
    public DateOnly StartDate { get; set; }
    public EarlyHelpRoute Route { get; set; }

    /// <summary>The front door contact stepped down, when that is how it started.</summary>
    public Guid? ContactId { get; set; }

    /// <summary>The child in need episode it stepped down from (after an assessment or a closure).</summary>
    public Guid? FromCinEpisodeId { get; set; }

    /// <summary>The locality whose early help team supports the family.</summary>
    public Guid? LocalityId { get; set; }

    /// <summary>Annex A list 2 "Assessment start date".</summary>
    public DateOnly? AssessmentStartDate { get; set; }

    /// <summary>Annex A list 2 "Assessment completion date"; empty while it is still being done.</summary>
    public DateOnly? AssessmentCompletedDate { get; set; }

    /// <summary>Annex A list 2 "Organisation completing assessment".</summary>
    public Guid? AssessingAgencyId { get; set; }

    /// <summary>The lead practitioner: the professional who coordinates the family's support (a name, not a user: they may not use this system).</summary>
    public string? LeadPractitionerName { get; set; }
    public Guid? LeadPractitionerAgencyId { get; set; }

    /// <summary>"Our Family Plan": when it was agreed, when it is next reviewed, when it ended.</summary>
    public DateOnly? PlanStartDate { get; set; }
    public DateOnly? PlanNextReviewDue { get; set; }
    public DateOnly? PlanEndDate { get; set; }

    public DateOnly? EndDate { get; set; }
    public EarlyHelpEndReason? EndReason { get; set; }

    /// <summary>The referral (child in need episode) a step-up led to, when it is recorded.</summary>
    public Guid? SteppedUpToCinEpisodeId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid? RecordedByUserId { get; set; }

    /// <summary>Where the record came from when it was not recorded here; null when recorded in the system.</summary>
    public string? Source { get; set; }
    public long Version { get; set; }

    public bool IsOpen => EndDate is null;

    public bool HasPlan => PlanStartDate is not null;

    public bool PlanIsActive => PlanStartDate is not null && PlanEndDate is null;
}

/// <summary>A review of a family's "Our Family Plan", and when the next is due.</summary>
public sealed class FamilyPlanReview : IPartnershipOwned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid EarlyHelpEpisodeId { get; set; }
    public Guid PersonId { get; set; }
    public DateOnly HeldOn { get; set; }
    public DateOnly NextReviewDue { get; set; }

    /// <summary>Where the record came from when it was not recorded here; null when recorded in the system.</summary>
    public string? Source { get; set; }
}
