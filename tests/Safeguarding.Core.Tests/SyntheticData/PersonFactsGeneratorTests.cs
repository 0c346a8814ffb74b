using Safeguarding.Core.Children;
using Safeguarding.SyntheticData;

namespace Safeguarding.Core.Tests.SyntheticData;

/// <summary>The demo city's identifiers, addresses, schools and other names: valid, consistent, repeatable.</summary>
public sealed class PersonFactsGeneratorTests
{
    private static readonly SyntheticCity City = CityGenerator.Generate(new CitySpec { Children = 1_000 });
    private static readonly SyntheticPersonFacts Facts = PersonFactsGenerator.For(City);

    [Fact]
    public void EveryIdentifier_PassesItsOwnCheck_AndNamesItsIssuer()
    {
        Assert.All(Facts.Identifiers.Where(i => i.Type == PersonIdentifierType.NhsNumber), i => Assert.True(NhsNumberFormat.IsValid(i.Value)));
        Assert.All(Facts.Identifiers.Where(i => i.Type == PersonIdentifierType.UniquePupilNumber), i => Assert.True(UpnFormat.IsValid(i.Value), i.Value));
        Assert.All(Facts.Identifiers, i => Assert.NotNull(i.IssuingAgencyId));
        Assert.Contains(Facts.Identifiers, i => i.Type == PersonIdentifierType.LocalAuthorityChildId);
    }

    [Fact]
    public void LocalAuthorityChildIds_AreUnique_EvenInACityBigEnoughForRandomIdsToCollide()
    {
        // 30,000 children give about 6,000 ids out of 900,000: some twenty would collide if drawn independently.
        var facts = PersonFactsGenerator.For(CityGenerator.Generate(new CitySpec { Children = 30_000, Years = 0 }));

        var ids = facts.Identifiers.Where(i => i.Type == PersonIdentifierType.LocalAuthorityChildId).Select(i => i.Value).ToList();

        Assert.True(ids.Count > 5_000, $"{ids.Count} ids");
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^ASH[1-9][0-9]{5}$", id));
    }

    [Fact]
    public void UniquePupilNumbers_AreUnique_ForChildrenAtSchool_AndYoungPeopleWhoHaveLeftIt()
    {
        var upns = Facts.Identifiers.Where(i => i.Type == PersonIdentifierType.UniquePupilNumber).ToList();
        Assert.Equal(upns.Count, upns.Select(u => u.Value).Distinct().Count());
        var reference = City.Spec.ReferenceDate;
        bool LeftSchool(Person p) => p.SchoolId is null && p.DateOfBirth is { } born && born.AddYears(16) <= reference && born.AddYears(25) > reference;
        var atSchool = City.Children.Where(c => c.SchoolId is not null).Select(c => c.Id).ToHashSet();
        var leavers = City.People.Concat(City.LookedAfter.FormerChildren).Where(LeftSchool).Select(p => p.Id).ToHashSet();
        Assert.Equal(atSchool.Count + leavers.Count, upns.Count);
        Assert.All(upns, u => Assert.True(atSchool.Contains(u.PersonId) || leavers.Contains(u.PersonId)));
        Assert.Contains(City.LookedAfter.FormerChildren, f => leavers.Contains(f.Id));
    }

    [Fact]
    public void EachPerson_HasOneCurrentAddress_MatchingTheirRecord_AndHistoryEndsBeforeItStarts()
    {
        var byPerson = Facts.Addresses.GroupBy(a => a.PersonId).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var person in City.People.Where(p => p.AddressLine is not null))
        {
            var current = Assert.Single(byPerson[person.Id], a => a.To is null);
            Assert.Equal((person.AddressLine, person.Postcode), (current.AddressLine, current.Postcode));
            Assert.All(byPerson[person.Id].Where(a => a.To is not null), a => Assert.True(a.To < current.From && a.From <= a.To));
            if (person.DateOfBirth is { } born)
            {
                Assert.All(byPerson[person.Id], a => Assert.True(a.From >= born));
            }
        }

        Assert.Contains(Facts.Addresses, a => a.To is not null);
    }

    [Fact]
    public void OtherNames_IncludeBirthNamesAndKnownAsNames()
    {
        Assert.Contains(Facts.Names, n => n.Kind == PersonNameKind.Birth);
        Assert.Contains(Facts.Names, n => n.Kind == PersonNameKind.KnownAs);
        var people = City.People.ToDictionary(p => p.Id);
        Assert.All(Facts.Names.Where(n => n.Kind == PersonNameKind.Birth), n => Assert.NotEqual(people[n.PersonId].FamilyName, n.FamilyName));
    }

    [Fact]
    public void TheSameCity_GivesTheSameFacts()
    {
        var again = PersonFactsGenerator.For(City);
        Assert.Equal(Facts.Identifiers.Select(i => (i.Id, i.Value)), again.Identifiers.Select(i => (i.Id, i.Value)));
        Assert.Equal(Facts.Addresses.Select(a => (a.Id, a.From)), again.Addresses.Select(a => (a.Id, a.From)));
    }
}
