using Safeguarding.Core.Data;

namespace Safeguarding.Core.Access;

public enum AgencyType
{
    Police,
    Health,
    LocalAuthority,
    ChildrensTrust,
    School,
    Voluntary,
    Probation,
    Housing,
}

/// <summary>An organisation taking part in the partnership: a police force, a health trust, a school...</summary>
public sealed class Agency : IPartnershipOwned, IConcurrencyVersioned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public required string Name { get; set; }
    public AgencyType Type { get; set; }
    public Guid? LocalityId { get; set; }

    /// <summary>For schools, the DfE unique reference number; for others a local code.</summary>
    public string? Reference { get; set; }
    public string? Postcode { get; set; }
    public bool IsActive { get; set; } = true;
    public long Version { get; set; }
}

/// <summary>One of the city's localities (early help and front-door teams are organised by them).</summary>
public sealed class Locality : IPartnershipOwned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public required string Name { get; set; }
}

public static class AgencyTypeNames
{
    public static string Describe(this AgencyType type) => type switch
    {
        AgencyType.Police => "Police",
        AgencyType.Health => "Health",
        AgencyType.LocalAuthority => "Local authority",
        AgencyType.ChildrensTrust => "Children's trust",
        AgencyType.School => "School or setting",
        AgencyType.Voluntary => "Voluntary and community sector",
        AgencyType.Probation => "Probation",
        AgencyType.Housing => "Housing",
        _ => type.ToString(),
    };
}
