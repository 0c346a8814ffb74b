namespace Safeguarding.SyntheticData;

/// <summary>
/// What city to generate. Everything scales from <see cref="Children"/>: 286,500 is the size of
/// England's largest local authority; tests use a few hundred. Dates are measured back from
/// <see cref="ReferenceDate"/>, never from the clock, so the same spec always gives the same city.
/// </summary>
public sealed record CitySpec
{
    public int Children { get; init; } = 2_000;

    /// <summary>Years of statutory pathway history before <see cref="ReferenceDate"/> (see <see cref="PathwayGenerator"/>); 0 for none.</summary>
    public int Years { get; init; } = 10;
    public int Seed { get; init; } = DemoCity.DefaultSeed;
    public string PartnershipCode { get; init; } = DemoCity.PartnershipCode;
    public string PartnershipName { get; init; } = DemoCity.PartnershipName;
    public string LocalAuthorityName { get; init; } = DemoCity.LocalAuthorityName;
    public string CityName { get; init; } = DemoCity.CityName;

    /// <summary>Postcode area letters; must not be a real area (see <see cref="Postcodes"/>).</summary>
    public string PostcodeArea { get; init; } = DemoCity.PostcodeArea;
    public DateOnly ReferenceDate { get; init; } = DemoCity.ReferenceDate;

    /// <summary>One school per this many children, about the English average.</summary>
    public int ChildrenPerSchool { get; init; } = 640;

    /// <summary>One GP practice per this many children.</summary>
    public int ChildrenPerGpPractice { get; init; } = 1_700;

    /// <summary>One staff user (besides the demo users) per this many children.</summary>
    public int ChildrenPerStaffUser { get; init; } = 100;

    /// <summary>Share of children whose records are restricted (adoption, witness protection, staff's own children).</summary>
    public double RestrictedShare { get; init; } = 0.002;

    public int SchoolCount => Math.Max(1, (int)Math.Round(Children / (double)ChildrenPerSchool, MidpointRounding.AwayFromZero));
}
