using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Safeguarding.Core.Access;
using Safeguarding.Core.Children;
using Safeguarding.SyntheticData;

namespace Safeguarding.Core.Tests.SyntheticData;

public sealed class CityGeneratorTests
{
    // The ethnicity enumeration of the DfE CIN census schema (CIN_schema_2026.xsd, ethnicitytype).
    private static readonly HashSet<string> CinCensusEthnicityCodes =
    [
        "WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND",
        "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT",
    ];

    // The full UK postcode pattern (outward code rules per position, inward letters without C I K M O V).
    private static readonly Regex UkPostcode = new(
        "^[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]([0-9ABEHMNPRV-Y])?|[0-9][A-HJKPS-UW]) [0-9][ABD-HJLNP-UW-Z]{2}$",
        RegexOptions.CultureInvariant);

    private static readonly SyntheticCity City = CityGenerator.Generate(new CitySpec { Children = 3_000 });

    [Fact]
    public void Generate_SameSeedTwice_GivesIdenticalCities()
    {
        var spec = new CitySpec { Children = 800, Seed = 42 };

        Assert.Equal(Fingerprint(CityGenerator.Generate(spec)), Fingerprint(CityGenerator.Generate(spec)));
    }

    [Fact]
    public void Generate_DifferentSeed_GivesDifferentCity()
    {
        var first = CityGenerator.Generate(new CitySpec { Children = 800, Seed = 42 });
        var second = CityGenerator.Generate(new CitySpec { Children = 800, Seed = 43 });

        Assert.NotEqual(Fingerprint(first), Fingerprint(second));
        Assert.NotEqual(first.People[0].Id, second.People[0].Id);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(500)]
    [InlineData(3_000)]
    [InlineData(12_345)]
    public void Generate_ScalesByChildren(int children)
    {
        var city = CityGenerator.Generate(new CitySpec { Children = children });

        Assert.Equal(children, city.People.Count(p => p.IsChild));
        var expectedSchools = Math.Max(1, children / 640.0);
        Assert.InRange(city.Schools.Count(), Math.Floor(expectedSchools), Math.Ceiling(expectedSchools));
        Assert.Equal(10, city.Localities.Count);
    }

    [Fact]
    public void Generate_EveryAgencyType_IsPresent()
    {
        foreach (var type in Enum.GetValues<AgencyType>())
        {
            Assert.Contains(City.Agencies, a => a.Type == type);
        }

        Assert.Equal(City.Agencies.Count, City.Agencies.Select(a => a.Name).Distinct().Count());
    }

    [Fact]
    public void Generate_Schools_HaveUniqueSixDigitUrnsAndALocality()
    {
        var schools = City.Schools.ToList();

        Assert.All(schools, s => Assert.Matches("^[0-9]{6}$", s.Reference));
        Assert.All(schools, s => Assert.NotNull(s.LocalityId));
        Assert.Equal(schools.Count, schools.Select(s => s.Reference).Distinct().Count());
        Assert.Contains(City.SchoolPhases.Values, p => p == SchoolPhase.Primary);
        Assert.Contains(City.SchoolPhases.Values, p => p == SchoolPhase.Secondary);
    }

    [Fact]
    public void Generate_NhsNumbers_AreValidUniqueAndInTheTestRange()
    {
        var numbers = City.People.Select(p => p.NhsNumber).OfType<string>().ToList();

        Assert.True(numbers.Count > City.People.Count * 0.9);
        Assert.All(numbers, n => Assert.True(Safeguarding.Core.Children.NhsNumberFormat.IsValid(n), n));
        Assert.All(numbers, n => Assert.StartsWith(NhsNumber.SyntheticPrefix, n, StringComparison.Ordinal));
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }

    [Theory]
    [InlineData("9434765919", true)]
    [InlineData("9434765918", false)]
    [InlineData("943476591", false)]
    [InlineData("94347659A9", false)]
    public void NhsNumber_IsValid_ChecksModulus11(string value, bool valid) =>
        Assert.Equal(valid, Safeguarding.Core.Children.NhsNumberFormat.IsValid(value));

    [Fact]
    public void Generate_Postcodes_AreUkFormatInTheFictionalArea()
    {
        var postcodes = City.People.Select(p => p.Postcode).Concat(City.Agencies.Select(a => a.Postcode)).ToList();

        Assert.All(postcodes, p => Assert.Matches(UkPostcode, p));
        Assert.All(postcodes, p => Assert.StartsWith("ZX", p, StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_DemoUsers_OnePerRoleWithKnownEmails()
    {
        Assert.Equal(Roles.All.Count, DemoCity.Users.Count);
        foreach (var role in Roles.All)
        {
            var user = City.DemoUser(role);
            Assert.Equal([role], City.UserRoles.Where(r => r.UserId == user.Id).Select(r => r.Role));
            Assert.EndsWith("@demo.safeguarding.test", user.Email, StringComparison.Ordinal);
            Assert.Equal(user.Email!.ToUpperInvariant(), user.NormalizedEmail);
        }

        Assert.Equal("referrer@demo.safeguarding.test", DemoCity.EmailFor(Roles.Referrer));
        Assert.Equal("front-door-worker@demo.safeguarding.test", DemoCity.EmailFor(Roles.FrontDoorWorker));
    }

    [Theory]
    [InlineData(Roles.Referrer, AgencyType.School)]
    [InlineData(Roles.AgencyResearcher, AgencyType.Police)]
    [InlineData(Roles.SocialWorker, AgencyType.ChildrensTrust)]
    [InlineData(Roles.FrontDoorManager, AgencyType.ChildrensTrust)]
    [InlineData(Roles.PartnershipOfficer, AgencyType.LocalAuthority)]
    [InlineData(Roles.AgencySafeguardingLead, AgencyType.Health)]
    [InlineData(Roles.Administrator, AgencyType.LocalAuthority)]
    public void Generate_DemoUsers_WorkInAFittingAgency(string role, AgencyType type)
    {
        var user = City.DemoUser(role);

        Assert.Equal(type, City.Agencies.Single(a => a.Id == user.AgencyId).Type);
    }

    [Fact]
    public void Generate_StaffUsers_HaveUniqueUserNamesAndNoPassword()
    {
        Assert.Equal(City.Users.Count, City.Users.Select(u => u.NormalizedUserName).Distinct().Count());
        Assert.True(City.Users.Count >= Roles.All.Count + 30);
        Assert.All(City.Users, u => Assert.Null(u.PasswordHash));
        Assert.All(City.Users, u => Assert.Contains(City.Agencies, a => a.Id == u.AgencyId));
    }

    [Fact]
    public void Generate_EthnicityCodes_AreAllFromTheCinCensusCodeSet()
    {
        Assert.All(City.People, p => Assert.Contains(p.EthnicityCode!, CinCensusEthnicityCodes));
        var children = City.Children.ToList();
        var whiteBritish = children.Count(c => c.EthnicityCode == "WBRI") / (double)children.Count;
        Assert.InRange(whiteBritish, 0.25, 0.5);
        Assert.True(children.Select(c => c.EthnicityCode).Distinct().Count() >= 15);
    }

    [Fact]
    public void Generate_Children_AreAged0To17OrUnborn()
    {
        var reference = City.Spec.ReferenceDate;
        foreach (var child in City.Children)
        {
            if (child.DateOfBirth is { } born)
            {
                Assert.InRange(born, reference.AddYears(-18).AddDays(1), reference);
                Assert.Null(child.ExpectedDateOfBirth);
            }
            else
            {
                Assert.True(child.ExpectedDateOfBirth > reference);
                Assert.Null(child.NhsNumber);
            }
        }

        Assert.Contains(City.Children, c => c.DateOfBirth is null);
    }

    [Fact]
    public void Generate_SchoolAgeChildren_MostlyHaveASchool()
    {
        var reference = City.Spec.ReferenceDate;
        var primaryAge = City.Children.Where(c => c.DateOfBirth is { } b && b <= reference.AddYears(-5) && b > reference.AddYears(-11)).ToList();
        var schoolIds = City.Schools.Select(s => s.Id).ToHashSet();

        Assert.All(primaryAge, c => Assert.Contains(c.SchoolId!.Value, schoolIds));
        Assert.All(City.Children.Where(c => c.DateOfBirth > reference.AddYears(-3)), c => Assert.Null(c.SchoolId));
    }

    [Fact]
    public void Generate_Relationships_ReferenceExistingPeople()
    {
        var ids = City.People.Select(p => p.Id).ToHashSet();

        Assert.All(City.Relationships, r => Assert.Contains(r.PersonId, ids));
        Assert.All(City.Relationships, r => Assert.Contains(r.RelatedPersonId, ids));
        Assert.All(City.Relationships, r => Assert.NotEqual(r.PersonId, r.RelatedPersonId));
        foreach (var type in Enum.GetValues<RelationshipType>())
        {
            Assert.Contains(City.Relationships, r => r.Type == type);
        }
    }

    [Fact]
    public void Generate_EveryChild_HasAParentOrCarerAtTheSameAddress()
    {
        var people = City.People.ToDictionary(p => p.Id);
        var cared = City.Relationships.Where(r => r.Type is RelationshipType.Parent or RelationshipType.Carer)
            .ToLookup(r => r.PersonId);

        foreach (var child in City.Children)
        {
            var carers = cared[child.Id].Select(r => people[r.RelatedPersonId]).ToList();
            Assert.NotEmpty(carers);
            Assert.All(carers, a => Assert.False(a.IsChild));
            Assert.All(carers, a => Assert.Equal(child.AddressLine, a.AddressLine));
        }
    }

    [Fact]
    public void Generate_SomeSingleParentHouseholds()
    {
        var parentCounts = City.Relationships.Where(r => r.Type == RelationshipType.Parent)
            .GroupBy(r => r.PersonId).Select(g => g.Count()).ToList();

        Assert.Contains(1, parentCounts);
        Assert.Contains(2, parentCounts);
    }

    [Fact]
    public void Generate_RestrictsAboutTwoInAThousandChildren()
    {
        Assert.Equal(6, City.People.Count(p => p.IsRestricted));
        Assert.All(City.People.Where(p => p.IsRestricted), p => Assert.True(p.IsChild));
    }

    [Fact]
    public void Generate_FictionalCity_NamedAshbridge()
    {
        Assert.Equal("Ashbridge", City.Spec.CityName);
        Assert.All(City.People, p => Assert.Equal("Ashbridge", p.Town));
        Assert.All(City.People, p => Assert.False(string.IsNullOrWhiteSpace(p.GivenName)));
        Assert.All(City.People, p => Assert.Equal(City.Partnership.Id, p.PartnershipId));
    }

    private static string Fingerprint(SyntheticCity city)
    {
        var json = JsonSerializer.Serialize(new
        {
            city.Partnership,
            city.Localities,
            city.Agencies,
            city.SchoolPhases,
            city.Users,
            city.UserRoles,
            city.People,
            city.Relationships,
        });
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }
}
