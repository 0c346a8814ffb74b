using Safeguarding.Core.Access;

namespace Safeguarding.Core.Children;

// The facts agencies hold about a person. Each keeps who told us (the source agency) and when it was
// recorded, so a merge never loses where a fact came from and an unmerge can hand it back.
// The person's current name, address and school also sit on Person itself, for search and display.

public enum PersonNameKind
{
    Current,
    Birth,
    Previous,
    Alias,
    KnownAs,
}

/// <summary>A name the person has, had, or is known by.</summary>
public sealed class PersonName : IPartnershipOwned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid PersonId { get; set; }
    public required string GivenName { get; set; }
    public required string FamilyName { get; set; }
    public PersonNameKind Kind { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public Guid? SourceAgencyId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public string FullName => $"{GivenName} {FamilyName}";
}

public enum PersonIdentifierType
{
    NhsNumber,
    UniquePupilNumber,
    LocalAuthorityChildId,
    PoliceReference,
    Other,
}

/// <summary>An agency's identifier for the person, with the agency that issued it.</summary>
public sealed class PersonIdentifier : IPartnershipOwned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid PersonId { get; set; }
    public PersonIdentifierType Type { get; set; }
    public required string Value { get; set; }
    public Guid? IssuingAgencyId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>Where the person lived, and when. No end date means they live there now.</summary>
public sealed class PersonAddress : IPartnershipOwned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid PersonId { get; set; }
    public required string AddressLine { get; set; }
    public string? Town { get; set; }
    public string? Postcode { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public Guid? SourceAgencyId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A school or setting the child attends or attended (the school is an agency).</summary>
public sealed class PersonSchool : IPartnershipOwned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid PersonId { get; set; }
    public Guid SchoolId { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public Guid? SourceAgencyId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
