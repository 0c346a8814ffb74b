using Safeguarding.Core.Access;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Pathway;

/// <summary>
/// A child in need episode: from the referral (a contact accepted for a social work assessment) to
/// its closure. The CIN census's CINdetails; every later event on the pathway belongs to one.
/// </summary>
public sealed class CinEpisode : IPartnershipOwned, IConcurrencyVersioned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid PersonId { get; set; }

    /// <summary>The front door contact that became this referral, when it came through the front door.</summary>
    public Guid? ContactId { get; set; }
    public DateOnly ReferralDate { get; set; }

    /// <summary>CIN census referral source code (1A to 10).</summary>
    public required string ReferralSource { get; set; }

    /// <summary>CIN census primary need code (N0 to N9); may be settled at assessment.</summary>
    public string? PrimaryNeed { get; set; }

    /// <summary>Within 12 months of the child's previous referral (CIN census definition; KPI 2). Set when recorded.</summary>
    public bool IsReReferral { get; set; }

    /// <summary>The referral led to no further action (CIN census ReferralNFA).</summary>
    public bool NoFurtherAction { get; set; }
    public DateOnly? ClosureDate { get; set; }

    /// <summary>CIN census reason for closure (RC1 to RC9).</summary>
    public string? ClosureReason { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid? RecordedByUserId { get; set; }

    /// <summary>Where the record came from when it was not recorded here (e.g. "CIN census 2025-26 import"); null when recorded in the system.</summary>
    public string? Source { get; set; }
    public long Version { get; set; }

    public bool IsOpen => ClosureDate is null;
}

public enum AssessmentOutcome
{
    NoFurtherAction,
    EarlyHelp,
    ChildInNeedPlan,
    StrategyDiscussion,
    LookedAfter,
}

/// <summary>A child and family assessment (CIN census Assessments): CW-1 45 working days from the referral.</summary>
public sealed class Assessment : IPartnershipOwned, IConcurrencyVersioned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid EpisodeId { get; set; }
    public Guid PersonId { get; set; }
    public DateOnly StartDate { get; set; }

    /// <summary>The social worker the assessment is allocated to (a user of the system).</summary>
    public Guid? SocialWorkerUserId { get; set; }
    public DateOnly? AllocatedOn { get; set; }
    public DateOnly? FirstVisitOn { get; set; }

    /// <summary>The manager's authorisation: the assessment's completion date in the census and KPI 3.</summary>
    public DateOnly? AuthorisationDate { get; set; }

    /// <summary>CIN census factors identified at assessment, codes separated by spaces ("3A 16A").</summary>
    public string? Factors { get; set; }
    public AssessmentOutcome? Outcome { get; set; }

    /// <summary>Where the record came from when it was not recorded here (e.g. "CIN census 2025-26 import"); null when recorded in the system.</summary>
    public string? Source { get; set; }
    public long Version { get; set; }

    public bool IsCompleted => AuthorisationDate is not null;
}

/// <summary>A child in need plan (CIN census CINPlanDates).</summary>
public sealed class CinPlan : IPartnershipOwned, IConcurrencyVersioned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid EpisodeId { get; set; }
    public Guid PersonId { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }

    /// <summary>Where the record came from when it was not recorded here (e.g. "CIN census 2025-26 import"); null when recorded in the system.</summary>
    public string? Source { get; set; }
    public long Version { get; set; }
}

/// <summary>A multi-agency strategy discussion; when it decides on a section 47 enquiry, CW-5 (ICPC in 15 working days) starts.</summary>
public sealed class StrategyDiscussion : IPartnershipOwned, IConcurrencyVersioned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid EpisodeId { get; set; }
    public Guid PersonId { get; set; }
    public DateOnly HeldOn { get; set; }
    public bool Section47Agreed { get; set; }
    public required string Rationale { get; set; }
    public string? Actions { get; set; }
    public List<StrategyDiscussionAttendee> Attendees { get; set; } = [];

    /// <summary>Where the record came from when it was not recorded here (e.g. "CIN census 2025-26 import"); null when recorded in the system.</summary>
    public string? Source { get; set; }
    public long Version { get; set; }
}

/// <summary>Who took part in a strategy discussion, by agency.</summary>
public sealed class StrategyDiscussionAttendee : IPartnershipOwned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid StrategyDiscussionId { get; set; }
    public Guid AgencyId { get; set; }
    public required string Name { get; set; }
    public string? Role { get; set; }
}

public enum Section47Outcome
{
    /// <summary>Concerns substantiated and the child is likely to suffer significant harm: an ICPC is needed.</summary>
    ConferenceRequired,

    /// <summary>Concerns substantiated but no ICPC needed (e.g. a child in need plan instead).</summary>
    SubstantiatedNoConference,

    /// <summary>Concerns not substantiated.</summary>
    NotSubstantiated,
}

/// <summary>A section 47 enquiry (CIN census Section47): its ICPC target comes from CW-5.</summary>
public sealed class Section47Enquiry : IPartnershipOwned, IConcurrencyVersioned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid EpisodeId { get; set; }
    public Guid PersonId { get; set; }
    public Guid StrategyDiscussionId { get; set; }
    public DateOnly StartDate { get; set; }

    /// <summary>15 working days from the strategy discussion (CW-5), kept as the census reports it.</summary>
    public DateOnly InitialConferenceTarget { get; set; }
    public Section47Outcome? Outcome { get; set; }
    public DateOnly? OutcomeDate { get; set; }

    /// <summary>CIN census ICPCnotRequired.</summary>
    public bool ConferenceNotRequired { get; set; }

    /// <summary>The initial conference this enquiry led to, once held.</summary>
    public Guid? InitialConferenceId { get; set; }

    /// <summary>Where the record came from when it was not recorded here (e.g. "CIN census 2025-26 import"); null when recorded in the system.</summary>
    public string? Source { get; set; }
    public long Version { get; set; }
}

public enum ConferenceKind
{
    Initial,
    Review,
}

public enum ConferenceDecision
{
    /// <summary>Initial: the child becomes subject of a child protection plan.</summary>
    PlanStarted,

    /// <summary>Initial: no plan (e.g. a child in need plan instead).</summary>
    NoPlan,

    /// <summary>Review: the plan continues.</summary>
    PlanContinues,

    /// <summary>Review: the plan ends.</summary>
    PlanEnded,
}

/// <summary>A child protection conference, initial or review.</summary>
public sealed class ChildProtectionConference : IPartnershipOwned, IConcurrencyVersioned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid EpisodeId { get; set; }
    public Guid PersonId { get; set; }
    public ConferenceKind Kind { get; set; }

    /// <summary>For an initial conference, the enquiry that called it.</summary>
    public Guid? Section47EnquiryId { get; set; }

    /// <summary>For a review, the plan under review.</summary>
    public Guid? PlanId { get; set; }
    public DateOnly HeldOn { get; set; }
    public required string Chair { get; set; }
    public ConferenceDecision Decision { get; set; }

    /// <summary>CIN census category of abuse (NEG, PHY, SAB, EMO, MUL) when a plan starts or continues.</summary>
    public string? CategoryOfAbuse { get; set; }
    public string? ReasonLate { get; set; }
    public List<ConferenceAttendance> Attendance { get; set; } = [];

    /// <summary>Where the record came from when it was not recorded here (e.g. "CIN census 2025-26 import"); null when recorded in the system.</summary>
    public string? Source { get; set; }
    public long Version { get; set; }
}

/// <summary>An agency's part in a conference: invited, attended, sent a report (a partnership concern in seed 001).</summary>
public sealed class ConferenceAttendance : IPartnershipOwned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid ConferenceId { get; set; }
    public Guid AgencyId { get; set; }
    public bool Invited { get; set; }
    public bool Attended { get; set; }
    public bool ReportSubmitted { get; set; }
}

/// <summary>A child protection plan (CIN census ChildProtectionPlans).</summary>
public sealed class ChildProtectionPlan : IPartnershipOwned, IConcurrencyVersioned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid EpisodeId { get; set; }
    public Guid PersonId { get; set; }
    public Guid InitialConferenceId { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public required string InitialCategory { get; set; }
    public required string LatestCategory { get; set; }

    /// <summary>Plans the child had before this one (CIN census NumberOfPreviousCPP).</summary>
    public int PreviousPlans { get; set; }

    /// <summary>Started within two years of a previous plan ending (KPI 5's definition).</summary>
    public bool IsRepeatWithinTwoYears { get; set; }

    /// <summary>Where the record came from when it was not recorded here (e.g. "CIN census 2025-26 import"); null when recorded in the system.</summary>
    public string? Source { get; set; }
    public long Version { get; set; }

    public bool IsActive => EndDate is null;
}

/// <summary>A core group meeting of a child protection plan: the first within 10 working days of the ICPC (CW-6).</summary>
public sealed class CoreGroupMeeting : IPartnershipOwned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid PlanId { get; set; }
    public Guid PersonId { get; set; }
    public DateOnly HeldOn { get; set; }
    public string? Notes { get; set; }
}
