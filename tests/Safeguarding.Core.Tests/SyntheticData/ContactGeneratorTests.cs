using Safeguarding.Core.Calendar;
using Safeguarding.Core.FrontDoor;
using Safeguarding.SyntheticData;

namespace Safeguarding.Core.Tests.SyntheticData;

/// <summary>The synthetic front door: Birmingham's rates scaled to the city, the same every time.</summary>
public sealed class ContactGeneratorTests
{
    private static readonly SyntheticCity Demo = CityGenerator.Generate(new CitySpec { Children = 2_000 });
    private static readonly Lazy<SyntheticCity> Large = new(() => CityGenerator.Generate(new CitySpec { Children = 20_000 }));

    [Fact]
    public void Generate_SameSeedTwice_GivesTheSameContacts()
    {
        var again = CityGenerator.Generate(new CitySpec { Children = 2_000 });

        Assert.Equal(
            Demo.Contacts.Contacts.Select(c => (c.Id, c.Reference, c.ReceivedAt, c.State, c.SubmittedByUserId, c.IsReferral, c.FirstDecidedAt)),
            again.Contacts.Contacts.Select(c => (c.Id, c.Reference, c.ReceivedAt, c.State, c.SubmittedByUserId, c.IsReferral, c.FirstDecidedAt)));
        Assert.Equal(Demo.Contacts.Decisions.Select(d => (d.Id, d.Outcome)), again.Contacts.Decisions.Select(d => (d.Id, d.Outcome)));
        Assert.Equal(Demo.Contacts.Clocks.Select(c => (c.Id, c.DueAt)), again.Contacts.Clocks.Select(c => (c.Id, c.DueAt)));
    }

    [Fact]
    public void TheDemoCity_HasAbout620Contacts_FromTheLastTwoYears()
    {
        // 2,000 children x 0.155 contacts a year x 2 years, spread over both years.
        Assert.Equal(620, Demo.Contacts.Contacts.Count);
        var end = LondonTime.StartOfDay(Demo.Spec.ReferenceDate);
        Assert.All(Demo.Contacts.Contacts, c => Assert.InRange(c.ReceivedAt, end.AddDays(-731), end));
        Assert.InRange(Demo.Contacts.Contacts.Count(c => c.ReceivedAt < end.AddDays(-365)), 250, 370);
    }

    [Fact]
    public void AtTwentyThousandChildren_TheRatesMatchBirmingham()
    {
        var city = Large.Value;
        var contacts = city.Contacts.Contacts;
        var decided = contacts.Where(c => c.State == ContactState.Decided).ToList();
        var referrals = decided.Where(c => c.IsReferral).ToList();

        Assert.Equal(6_200, contacts.Count);
        Assert.InRange(referrals.Count / 20_000.0 / 2, 0.050, 0.060); // per child per year, over two years
        Assert.InRange(referrals.Count(c => c.IsReReferral) / (double)referrals.Count, 0.16, 0.25);
        Assert.InRange(decided.Count(c => c.FirstDecidedAt - c.ReceivedAt <= TimeSpan.FromHours(24)) / (double)decided.Count, 0.80, 0.88);
        Assert.InRange(city.Contacts.Decisions.Count(d => d.IsReferral) / (double)decided.Count, 0.30, 0.40);

        // Most arrive on weekdays in office hours, but not all.
        var weekend = contacts.Count(c => LondonTime.ToLondon(c.ReceivedAt).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        Assert.InRange(weekend / (double)contacts.Count, 0.03, 0.15);
    }

    [Fact]
    public void Contacts_AreConsistent_WithTheRestOfTheCity()
    {
        var city = Large.Value;
        var set = city.Contacts;
        var children = city.Children.Select(c => c.Id).ToHashSet();
        var users = city.Users.Select(u => u.Id).ToHashSet();
        var contactIds = set.Contacts.Select(c => c.Id).ToHashSet();

        Assert.Equal(set.Contacts.Count, set.Contacts.Select(c => c.Reference).Distinct().Count());
        Assert.Equal(set.Contacts.Count, set.Contacts.Select(c => c.IdempotencyKey).Distinct().Count());
        Assert.All(set.Contacts, c => Assert.Contains(c.SubmittedByUserId, users));
        Assert.All(set.Children, c => Assert.Contains(c.PersonId!.Value, children));
        Assert.All(set.Contacts, c => Assert.Contains(set.Children, child => child.ContactId == c.Id));
        Assert.All(set.Decisions, d => Assert.Contains(d.ContactId, contactIds));
        Assert.Equal(set.Contacts.Count(c => c.State == ContactState.Decided), set.Decisions.Count);

        // The queue has work: a few open contacts, each with its 24-hour clock, and no clocks for history.
        var open = set.Contacts.Where(c => c.State is ContactState.Received or ContactState.InScreening).ToList();
        Assert.NotEmpty(open);
        Assert.All(open, c => Assert.Single(set.Clocks, k => k.SubjectId == c.Id && k.RuleId == "FD-1"));
        Assert.Equal(open.Count, set.Clocks.Count(k => k.RuleId == "FD-1"));
        Assert.Contains(set.InformationRequests, r => r.IsAnswered);

        // The counter continues after the synthetic references, so a real request cannot reuse one.
        foreach (var counter in set.ReferenceCounters)
        {
            Assert.Equal(set.Contacts.Count(c => c.Reference.StartsWith($"RFS-{counter.Year}-", StringComparison.Ordinal)), counter.LastNumber);
        }
    }
}
