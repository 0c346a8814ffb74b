using Safeguarding.Core.Access;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.FrontDoor;

public enum ContactState
{
    Received,
    InScreening,
    AwaitingInformation,
    AwaitingDecision,
    Decided,
}

/// <summary>
/// A submitted Request for Support: what the front door screens and decides within 24 hours (FD-1).
/// It becomes a referral (CIN census) only when a decision accepts it for a social care assessment.
/// </summary>
public sealed class Contact : IPartnershipOwned, IConcurrencyVersioned
{
    public const string SubjectType = nameof(Contact);

    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }

    /// <summary>What the referrer quotes on the phone, e.g. RFS-2026-000123; unique per partnership.</summary>
    public required string Reference { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public ContactChannel Channel { get; set; }
    public ContactState State { get; set; }

    /// <summary>The signed-in user (or the agency's API client user) who sent it; "Your requests" lists by this.</summary>
    public Guid SubmittedByUserId { get; set; }

    /// <summary>Per submitter, the key that makes a repeated submission return this contact, not a second one.</summary>
    public required string IdempotencyKey { get; set; }

    public required string ReferrerName { get; set; }
    public required string ReferrerRole { get; set; }
    public required string ReferrerPhone { get; set; }
    public string? ReferrerEmail { get; set; }
    public Guid? ReferrerAgencyId { get; set; }
    public required string ReferrerAgencyName { get; set; }

    public Urgency Urgency { get; set; }
    public required string ConcernNarrative { get; set; }
    public string? OtherConcern { get; set; }
    public required string ChildsVoice { get; set; }
    public required string HowChildWasSeen { get; set; }
    public bool EarlyHelpTried { get; set; }
    public required string WhatHasBeenTried { get; set; }
    public string? PlansInPlace { get; set; }
    public ConsentStatus Consent { get; set; }
    public string? ConsentGivenBy { get; set; }
    public string? ConsentNotObtainedReason { get; set; }
    public LevelOfNeed ReferrerLevelOfNeed { get; set; }

    /// <summary>What the referrer is told once the front door has decided (FD-2); null until then.</summary>
    /// <summary>The front door worker working the contact (picked up or assigned).</summary>
    public Guid? AssignedWorkerId { get; set; }

    /// <summary>When screening began; with <see cref="ScreenedOutOfHours"/>, the Ofsted visit's first question.</summary>
    public DateTimeOffset? ScreeningStartedAt { get; set; }
    public bool ScreenedOutOfHours { get; set; }

    /// <summary>A worker confirmed the consent status (and the reason when it was not obtained).</summary>
    public DateTimeOffset? ConsentCheckedAt { get; set; }

    /// <summary>Contacts about the same children in the 12 months before this one, found at screening.</summary>
    public int PreviousContactsInYear { get; set; }

    /// <summary>A referral about a child within 12 months of a previous referral (KPI: re-referrals).</summary>
    public bool IsReReferral { get; set; }

    /// <summary>The locality of the first child, for the queue's filter and early help step-down.</summary>
    public Guid? LocalityId { get; set; }

    /// <summary>The first decision, for the 24-hour KPI (decision time minus received time).</summary>
    public DateTimeOffset? FirstDecidedAt { get; set; }

    /// <summary>Accepted for a social care assessment or a strategy discussion: a referral in the CIN census.</summary>
    public bool IsReferral { get; set; }

    public string? OutcomeFeedback { get; set; }
    public DateTimeOffset? OutcomeFeedbackAt { get; set; }

    public long Version { get; set; }

    public List<ContactChild> Children { get; set; } = [];
    public List<ContactPerson> Household { get; set; } = [];
    public List<ContactConcern> Concerns { get; set; } = [];
    public List<ContactAttachment> Attachments { get; set; } = [];
    public List<ContactDecision> Decisions { get; set; } = [];
    public List<AgencyInformationRequest> InformationRequests { get; set; } = [];
}

/// <summary>A child named in a contact, as the referrer described them; matched to the child record later.</summary>
public sealed class ContactChild : IPartnershipOwned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid ContactId { get; set; }
    public int Position { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? OtherNames { get; set; }
    public bool Unborn { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public DateOnly? ExpectedDateOfBirth { get; set; }
    public PersonSex Sex { get; set; }
    public string? NhsNumber { get; set; }
    public string? Address { get; set; }
    public string? Postcode { get; set; }
    public Guid? SchoolAgencyId { get; set; }
    public string? SchoolName { get; set; }

    /// <summary>The child record this child was matched to by the front door; null until screened.</summary>
    public Guid? PersonId { get; set; }

    /// <summary>When a worker chose to leave this child unmatched for now (too little to go on); cleared by a match.</summary>
    public DateTimeOffset? LeftUnmatchedAt { get; set; }
}

/// <summary>A parent, carer or household member named in a contact.</summary>
public sealed class ContactPerson : IPartnershipOwned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid ContactId { get; set; }
    public int Position { get; set; }
    public required string Name { get; set; }
    public required string Relationship { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public string? Address { get; set; }
    public Guid? PersonId { get; set; }
}

/// <summary>One concern category of a contact: a row each so the workspace can filter by category.</summary>
public sealed class ContactConcern : IPartnershipOwned
{
    public Guid ContactId { get; set; }
    public Guid PartnershipId { get; set; }
    public ConcernCategory Category { get; set; }
}

/// <summary>
/// A file sent with a request (an exploitation screening tool, a chronology). It belongs to a draft
/// while the request is written and moves to the contact on submission, so bytes are never copied.
/// </summary>
public sealed class ContactAttachment : IPartnershipOwned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid? DraftId { get; set; }
    public Guid? ContactId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public Guid UploadedByUserId { get; set; }
}

/// <summary>The last reference number given out per partnership and year; incremented in the submission's transaction.</summary>
public sealed class ContactReferenceCounter
{
    public Guid PartnershipId { get; set; }
    public int Year { get; set; }
    public int LastNumber { get; set; }
}
