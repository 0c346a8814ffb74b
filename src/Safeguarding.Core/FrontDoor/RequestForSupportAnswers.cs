using Safeguarding.Core.Children;

namespace Safeguarding.Core.FrontDoor;

public enum Urgency
{
    /// <summary>A child is at immediate risk: the referrer is told to call 999 or the front door now.</summary>
    ImmediateRisk,
    Urgent,
    NotUrgent,
}

public enum ConcernCategory
{
    Neglect,
    PhysicalAbuse,
    SexualAbuse,
    EmotionalAbuse,
    DomesticAbuse,
    ChildSexualExploitation,
    ChildCriminalExploitation,
    Missing,
    Radicalisation,
    FemaleGenitalMutilation,
    MentalHealth,
    SubstanceMisuse,
    Other,
}

public enum ConsentStatus
{
    Obtained,
    NotObtained,
}

/// <summary>Right Help, Right Time threshold levels; their names and descriptors are configuration (<see cref="LevelOfNeedGuidance"/>).</summary>
public enum LevelOfNeed
{
    Universal,
    Additional,
    Complex,
    Significant,
}

public enum ContactChannel
{
    Web,
    Api,

    /// <summary>Typed in by a front door worker while a professional is on the phone.</summary>
    Phone,
}

/// <summary>A child the request is about. Either a date of birth or, for an unborn baby, an expected one.</summary>
public sealed class ChildAnswer
{
    public Guid Id { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? OtherNames { get; set; }
    public bool Unborn { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public DateOnly? ExpectedDateOfBirth { get; set; }
    public PersonSex? Sex { get; set; }
    public string? NhsNumber { get; set; }
    public string? Address { get; set; }
    public string? Postcode { get; set; }

    /// <summary>The school or setting from the partnership's agencies, or its name typed when it is not listed.</summary>
    public Guid? SchoolAgencyId { get; set; }
    public string? SchoolName { get; set; }

    public string FullName => $"{FirstName} {LastName}".Trim();
}

/// <summary>A parent, carer or other member of the household.</summary>
public sealed class HouseholdMemberAnswer
{
    public Guid Id { get; set; }
    public string? Name { get; set; }
    public string? Relationship { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public string? Address { get; set; }
}

/// <summary>
/// Everything a referrer tells the front door. A draft holds these as they are typed (so a half-done
/// request is still readable); the web journey and the API validate them with the same
/// <see cref="RequestForSupportRules"/> before a contact is made from them.
/// </summary>
public sealed class RequestForSupportAnswers
{
    public string? ReferrerName { get; set; }
    public string? ReferrerRole { get; set; }
    public string? ReferrerPhone { get; set; }
    public string? ReferrerEmail { get; set; }
    public Guid? ReferrerAgencyId { get; set; }
    public string? ReferrerAgencyName { get; set; }

    public Urgency? Urgency { get; set; }

    public List<ChildAnswer> Children { get; set; } = [];
    public List<HouseholdMemberAnswer> Household { get; set; } = [];

    public List<ConcernCategory> Concerns { get; set; } = [];
    public string? OtherConcern { get; set; }
    public string? ConcernNarrative { get; set; }

    public string? ChildsVoice { get; set; }
    public string? HowChildWasSeen { get; set; }

    public bool? EarlyHelpTried { get; set; }
    public string? WhatHasBeenTried { get; set; }
    public string? PlansInPlace { get; set; }

    public ConsentStatus? Consent { get; set; }
    public string? ConsentGivenBy { get; set; }
    public string? ConsentNotObtainedReason { get; set; }

    public LevelOfNeed? LevelOfNeed { get; set; }
}
