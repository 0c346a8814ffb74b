using Safeguarding.Core.Access;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Children;

public enum PersonSex
{
    NotKnown,
    Female,
    Male,
}

/// <summary>
/// A child or an adult around a child. One record per person across agencies; agencies' own
/// identifiers sit beside it rather than replacing it.
/// </summary>
public sealed class Person : IPartnershipOwned, IConcurrencyVersioned, IRestrictedRecord
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public required string GivenName { get; set; }
    public required string FamilyName { get; set; }
    public string? OtherNames { get; set; }
    public DateOnly? DateOfBirth { get; set; }

    /// <summary>For an unborn child the expected date of birth takes the place of the date of birth.</summary>
    public DateOnly? ExpectedDateOfBirth { get; set; }
    public PersonSex Sex { get; set; }

    /// <summary>DfE ethnicity code (CIN census), e.g. WBRI, APKN, BCRB.</summary>
    public string? EthnicityCode { get; set; }
    public string? NhsNumber { get; set; }
    public string? AddressLine { get; set; }
    public string? Town { get; set; }
    public string? Postcode { get; set; }
    public Guid? LocalityId { get; set; }
    public Guid? SchoolId { get; set; }
    public bool IsChild { get; set; }

    /// <summary>
    /// SSDA903 MOTHER as an imported return gave it: a girl the return says is a mother, whose child may have no record
    /// here. The export counts this beside the children recorded through relationships.
    /// </summary>
    public bool IsMotherPerSsda903 { get; set; }

    /// <summary>SSDA903 MC_DOB as an imported return gave it: the birth of her most recent child, when the return knew it.</summary>
    public DateOnly? ChildBornOnPerSsda903 { get; set; }

    /// <summary>Only named users see a restricted record; others must break glass with a reason.</summary>
    public bool IsRestricted { get; set; }

    /// <summary>
    /// Set when this record turned out to be the same child as another and was merged into it. The
    /// record and its facts stay where they are, so an unmerge restores exactly what was there.
    /// </summary>
    public Guid? MergedIntoId { get; set; }
    public long Version { get; set; }

    public string FullName => $"{GivenName} {FamilyName}";
}

public enum RelationshipType
{
    Parent,
    Carer,
    Sibling,
    HouseholdMember,
    PartnerOfParent,
}

/// <summary>How an adult or another child stands to a person: "Ayesha's mother", "mother's new partner".</summary>
public sealed class PersonRelationship : IPartnershipOwned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid PersonId { get; set; }
    public Guid RelatedPersonId { get; set; }
    public RelationshipType Type { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
}
