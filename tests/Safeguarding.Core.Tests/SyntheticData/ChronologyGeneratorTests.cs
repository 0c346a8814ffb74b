using Safeguarding.Core.Chronology;
using Safeguarding.SyntheticData;

namespace Safeguarding.Core.Tests.SyntheticData;

public sealed class ChronologyGeneratorTests
{
    private static readonly SyntheticCity City = CityGenerator.Generate(new CitySpec { Children = 2_000 });

    [Fact]
    public void Generate_SameSeedTwice_GivesTheSameHistory()
    {
        var again = CityGenerator.Generate(new CitySpec { Children = 2_000 });

        Assert.Equal(
            City.ChronologyEntries.Select(e => (e.Id, e.PersonId, e.OccurredOn, e.AgencyId, e.Type, e.Summary, e.IsSignificant)),
            again.ChronologyEntries.Select(e => (e.Id, e.PersonId, e.OccurredOn, e.AgencyId, e.Type, e.Summary, e.IsSignificant)));
    }

    [Fact]
    public void Generate_GivesAboutAThirdOfChildrenAHistory_OfBornChildrenOnly()
    {
        var children = City.Children.ToDictionary(c => c.Id);
        var withHistory = City.ChronologyEntries.Select(e => e.PersonId).Distinct().ToList();

        Assert.All(withHistory, id => Assert.NotNull(children[id].DateOfBirth));
        var share = withHistory.Count / (double)children.Count;
        Assert.InRange(share, 0.2, 0.35);
    }

    [Fact]
    public void Generate_Entries_AreDatedWithinTheChildsLife_AndComeFromTheCitysAgencies()
    {
        var children = City.Children.ToDictionary(c => c.Id);
        var agencies = City.Agencies.Select(a => a.Id).ToHashSet();

        Assert.All(City.ChronologyEntries, e =>
        {
            Assert.InRange(e.OccurredOn, children[e.PersonId].DateOfBirth!.Value, City.Spec.ReferenceDate);
            Assert.Contains(e.AgencyId!.Value, agencies);
            Assert.Equal(City.Partnership.Id, e.PartnershipId);
            Assert.InRange(e.Summary.Length, 20, ChildChronology.LongestSummary);
            Assert.DoesNotContain(children[e.PersonId].FamilyName, e.Summary, StringComparison.Ordinal);
        });
        Assert.Contains(City.ChronologyEntries, e => e.IsSignificant);
        Assert.Contains(City.ChronologyEntries, e => !e.IsSignificant);
        Assert.True(City.ChronologyEntries.Select(e => e.Type).Distinct().Count() >= 6);
    }
}
