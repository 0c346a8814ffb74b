using Safeguarding.Core.Access;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.FrontDoor;

public enum ContactOutcome
{
    /// <summary>Advice or signposting given; no further action by children's social care.</summary>
    AdviceAndNoFurtherAction,

    /// <summary>Stepped down to early help in a locality.</summary>
    StepDownToEarlyHelp,

    /// <summary>Accepted for a social work assessment: the contact becomes a referral (CIN census).</summary>
    SocialWorkAssessment,

    /// <summary>A strategy discussion, on the section 47 route: also a referral.</summary>
    StrategyDiscussion,

    /// <summary>Passed to the exploitation hub.</summary>
    ExploitationHub,
}

/// <summary>
/// A front door manager's decision on a contact. A change after the decision is a new row with a
/// reason; the one it replaces stays, marked superseded, so the first decision time (the 24-hour
/// KPI) and every change are kept.
/// </summary>
public sealed class ContactDecision : IPartnershipOwned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid ContactId { get; set; }
    public LevelOfNeed LevelOfNeed { get; set; }
    public ContactOutcome Outcome { get; set; }
    public required string Rationale { get; set; }

    /// <summary>For a step down to early help: the locality's early help team.</summary>
    public Guid? EarlyHelpLocalityId { get; set; }

    /// <summary>For a referral: the DfE referral source code (CIN census, e.g. "1A" individual, "3A" school).</summary>
    public string? ReferralSourceCode { get; set; }

    /// <summary>For a referral: the DfE primary need code, N1 to N9.</summary>
    public string? PrimaryNeedCode { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
    public Guid DecidedByUserId { get; set; }
    public DateTimeOffset? SupersededAt { get; set; }

    /// <summary>Why this decision replaced the one before it (null for the first decision).</summary>
    public string? ChangeReason { get; set; }

    public bool IsReferral => Outcome is ContactOutcome.SocialWorkAssessment or ContactOutcome.StrategyDiscussion;
}

public enum RagPriority
{
    Red,
    Amber,
    Green,
}

/// <summary>
/// A MASH check: the front door asks an agency (police, health, education, probation, housing) what it
/// knows. The priority sets the deadline through the FD-3 clock; the agency answers with its own RAG.
/// </summary>
public sealed class AgencyInformationRequest : IPartnershipOwned, IConcurrencyVersioned, IAgencyHeldRecord
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid ContactId { get; set; }

    /// <summary>The agency asked; its researchers see only requests to their agency.</summary>
    public Guid AgencyId { get; set; }
    public RagPriority Priority { get; set; }
    public required string Question { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public Guid RequestedByUserId { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public Guid? ClockId { get; set; }
    public string? Response { get; set; }
    public RagPriority? ResponseRag { get; set; }
    public DateTimeOffset? RespondedAt { get; set; }
    public Guid? RespondedByUserId { get; set; }
    public long Version { get; set; }

    public bool IsAnswered => RespondedAt is not null;
}

/// <summary>
/// A key an agency's own system uses to send Requests for Support through the API. Only a hash of
/// the key is kept; the prefix finds the row without scanning. Requests it sends are recorded as
/// submitted by the key's service user, so every contact has a submitter like any other.
/// </summary>
public sealed class AgencyApiKey : IPartnershipOwned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid AgencyId { get; set; }
    public Guid ServiceUserId { get; set; }
    public required string Name { get; set; }

    /// <summary>The key's first characters, shown to administrators and used to look it up.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the whole key, hex.</summary>
    public required string Hash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedByUserId { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public Guid? RevokedByUserId { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }

    public bool IsRevoked => RevokedAt is not null;
}
