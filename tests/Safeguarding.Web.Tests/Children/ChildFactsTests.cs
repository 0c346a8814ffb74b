using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Children;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.Children;

/// <summary>The child record's names, identifiers, addresses and schools, and adding to them from the record.</summary>
public sealed class ChildFactsTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>
{
    /// <summary>Each test gets its own child, so tests that add facts do not see each other's.</summary>
    private async Task<Person> ChildAsync(int which)
    {
        await using var db = app.NewDbContext();
        return await db.People.AsNoTracking()
            .Where(p => p.IsChild && !p.IsRestricted && p.DateOfBirth != null && p.SchoolId != null && p.MergedIntoId == null)
            .OrderBy(p => p.FamilyName).ThenBy(p => p.Id).Skip(which).FirstAsync();
    }

    [Fact]
    public async Task TheRecord_ShowsIdentifiersWithTheirIssuer_AndTheAddressHistory()
    {
        var child = await ChildAsync(0);
        var client = await app.SignedInAsAsync(Roles.SocialWorker);

        var page = await client.GetDocumentAsync($"/children/{child.Id}");

        var identifiers = page.QuerySelector(".app-child-identifiers")!.TextContent;
        Assert.Contains(NhsNumberFormat.Format(child.NhsNumber!), identifiers, StringComparison.Ordinal);
        Assert.Contains("Unique pupil number", identifiers, StringComparison.Ordinal);
        Assert.Contains("NHS", identifiers, StringComparison.Ordinal); // issued by an NHS trust
        var addresses = page.QuerySelector(".app-child-addresses")!.TextContent;
        Assert.Contains(child.AddressLine!, addresses, StringComparison.Ordinal);
        Assert.Contains("Since", addresses, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href$='/identifiers/add']"));
    }

    [Fact]
    public async Task TheRecord_OpensOnTheLatestSignificantEvents_LinkingToTheChronology()
    {
        await using var db = app.NewDbContext();
        var entry = await db.ChronologyEntries.AsNoTracking().Where(e => e.IsSignificant)
            .OrderByDescending(e => e.OccurredOn).FirstAsync(e => db.People.Any(p => p.Id == e.PersonId && !p.IsRestricted && p.MergedIntoId == null));
        var client = await app.SignedInAsAsync(Roles.SocialWorker);

        var page = await client.GetDocumentAsync($"/children/{entry.PersonId}");

        var latest = page.QuerySelector(".app-latest-events")!.TextContent;
        Assert.Contains(entry.Summary, latest, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/children/{entry.PersonId}/chronology']"));
    }

    [Theory]
    [InlineData(Roles.PartnershipOfficer)]
    [InlineData(Roles.Administrator)]
    public async Task TheBusinessUnit_SeesTheRecord_WithoutLinksToAddToIt(string role)
    {
        var child = await ChildAsync(0);
        var client = await app.SignedInAsAsync(role);

        var page = await client.GetDocumentAsync($"/children/{child.Id}");

        Assert.NotNull(page.QuerySelector(".app-child-identifiers"));
        Assert.Null(page.QuerySelector("a[href$='/names/add']"));
        var refused = await client.GetAsync($"/children/{child.Id}/names/add");
        Assert.Contains("/error/403", refused.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddingAKnownAsName_ShowsItOnTheRecord_WithTheUsersAgency()
    {
        var child = await ChildAsync(1);
        var client = await app.SignedInAsAsync(Roles.AgencyResearcher);
        var url = $"/children/{child.Id}/names/add";
        var form = await client.GetDocumentAsync(url);

        var response = await client.PostFormAsync(url, form, new Dictionary<string, string>
        {
            ["Kind"] = nameof(PersonNameKind.KnownAs),
            ["GivenName"] = "Zed",
            ["FamilyName"] = child.FamilyName,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var record = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Name added", record.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        var row = record.QuerySelectorAll(".app-child-names tbody tr").Single(r => r.TextContent.Contains("Zed", StringComparison.Ordinal));
        Assert.Contains("Known as", row.TextContent, StringComparison.Ordinal);
        await using var db = app.NewDbContext();
        var researcher = await db.Users.SingleAsync(u => u.Email == Safeguarding.SyntheticData.DemoCity.EmailFor(Roles.AgencyResearcher));
        Assert.Equal(researcher.AgencyId, (await db.PersonNames.SingleAsync(n => n.PersonId == child.Id && n.GivenName == "Zed")).SourceAgencyId);
    }

    [Fact]
    public async Task AChangeOfName_RenamesTheChild_AndKeepsTheOldName()
    {
        var child = await ChildAsync(2);
        var client = await app.SignedInAsAsync(Roles.SocialWorker);
        var url = $"/children/{child.Id}/names/add";

        var response = await client.PostFormAsync(url, await client.GetDocumentAsync(url), new Dictionary<string, string>
        {
            ["Kind"] = nameof(PersonNameKind.Current),
            ["GivenName"] = child.GivenName,
            ["FamilyName"] = "Okonjo-Marsh",
            ["From-day"] = "1",
            ["From-month"] = "9",
            ["From-year"] = "2025",
        });

        var record = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains($"{child.GivenName} Okonjo-Marsh", record.QuerySelector(".moj-identity-bar")!.TextContent, StringComparison.Ordinal);
        var previous = record.QuerySelectorAll(".app-child-names tbody tr").Single(r => r.TextContent.Contains("Previous name", StringComparison.Ordinal));
        Assert.Contains(child.FullName, previous.TextContent, StringComparison.Ordinal);
        Assert.Contains("Until 31 August 2025", previous.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AName_WithNothingEntered_ListsEveryProblem_LinkedToItsField()
    {
        var child = await ChildAsync(0);
        var client = await app.SignedInAsAsync(Roles.SocialWorker);
        var url = $"/children/{child.Id}/names/add";

        var page = await (await client.PostFormAsync(url, await client.GetDocumentAsync(url), new Dictionary<string, string>
        {
            ["From-day"] = "1",
            ["From-month"] = "1",
            ["From-year"] = "2099",
        })).ReadDocumentAsync();

        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        var links = page.ErrorSummaryLinks();
        Assert.Equal(
            ["Enter the family name", "Enter the given name", "Select what kind of name this is", "The start date must be today or in the past"],
            links.Select(l => l.Text).Order(StringComparer.Ordinal));
        Assert.All(links, l => Assert.NotNull(page.QuerySelector(l.Href)));
    }

    [Theory]
    [InlineData(nameof(PersonIdentifierType.NhsNumber), "943 476 5918", "Enter a valid NHS number: 10 digits, like 999 123 4560")]
    [InlineData(nameof(PersonIdentifierType.UniquePupilNumber), "A801200005001", "Enter a valid unique pupil number: a check letter and 12 characters, like B801200005001")]
    [InlineData(nameof(PersonIdentifierType.PoliceReference), "", "Enter the identifier")]
    [InlineData("", "12345", "Select the type of identifier")]
    public async Task AnInvalidIdentifier_IsRefused_WithAMessageLinkedToTheField(string type, string value, string message)
    {
        var child = await ChildAsync(0);
        var client = await app.SignedInAsAsync(Roles.FrontDoorWorker);
        var url = $"/children/{child.Id}/identifiers/add";

        var page = await (await client.PostFormAsync(url, await client.GetDocumentAsync(url), new Dictionary<string, string>
        {
            ["Type"] = type,
            ["Value"] = value,
        })).ReadDocumentAsync();

        var link = Assert.Single(page.ErrorSummaryLinks());
        Assert.Equal(message, link.Text);
        Assert.NotNull(page.QuerySelector(link.Href));
    }

    [Fact]
    public async Task APoliceReference_IsAddedWithItsIssuingAgency()
    {
        var child = await ChildAsync(3);
        var client = await app.SignedInAsAsync(Roles.FrontDoorWorker);
        var url = $"/children/{child.Id}/identifiers/add";
        await using var db = app.NewDbContext();
        var police = await db.Agencies.FirstAsync(a => a.Type == AgencyType.Police);

        var response = await client.PostFormAsync(url, await client.GetDocumentAsync(url), new Dictionary<string, string>
        {
            ["Type"] = nameof(PersonIdentifierType.PoliceReference),
            ["Value"] = "zx/2026/0419",
            ["IssuingAgencyId"] = police.Id.ToString(),
        });

        var record = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        var row = record.QuerySelectorAll(".app-child-identifiers tbody tr").Single(r => r.TextContent.Contains("Police reference", StringComparison.Ordinal));
        Assert.Contains("ZX/2026/0419", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(police.Name, row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherChildsNhsNumber_IsRefused_PointingToAMerge()
    {
        var child = await ChildAsync(0);
        var other = await ChildAsync(4);
        var client = await app.SignedInAsAsync(Roles.FrontDoorWorker);
        var url = $"/children/{child.Id}/identifiers/add";

        var page = await (await client.PostFormAsync(url, await client.GetDocumentAsync(url), new Dictionary<string, string>
        {
            ["Type"] = nameof(PersonIdentifierType.NhsNumber),
            ["Value"] = other.NhsNumber!,
        })).ReadDocumentAsync();

        Assert.Contains("merge the two records", Assert.Single(page.ErrorSummary()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MovingHouse_MovesTheChildsAddress_AndEndsTheOldOne()
    {
        var child = await ChildAsync(5);
        var client = await app.SignedInAsAsync(Roles.SocialWorker);
        var url = $"/children/{child.Id}/addresses/add";

        var response = await client.PostFormAsync(url, await client.GetDocumentAsync(url), new Dictionary<string, string>
        {
            ["AddressLine"] = "7 Tannery Close",
            ["Town"] = "Ashbridge",
            ["Postcode"] = "zx9 2qd",
            ["From-day"] = "2",
            ["From-month"] = "11",
            ["From-year"] = "2026",
        });

        var record = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("ZX9 2QD", record.QuerySelector(".app-child-details")!.TextContent, StringComparison.Ordinal);
        var rows = record.QuerySelectorAll(".app-child-addresses tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains("Since 2 November 2026", rows[0], StringComparison.Ordinal);
        Assert.Contains(rows, r => r.Contains(child.AddressLine!, StringComparison.Ordinal) && r.Contains("to 1 November 2026", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAddress_WithABadPostcodeAndNoAddress_ListsBoth()
    {
        var child = await ChildAsync(0);
        var client = await app.SignedInAsAsync(Roles.SocialWorker);
        var url = $"/children/{child.Id}/addresses/add";

        var page = await (await client.PostFormAsync(url, await client.GetDocumentAsync(url), new Dictionary<string, string>
        {
            ["AddressLine"] = "",
            ["Postcode"] = "not a postcode",
        })).ReadDocumentAsync();

        var links = page.ErrorSummaryLinks();
        Assert.Equal(["#AddressLine", "#Postcode"], links.Select(l => l.Href).Order(StringComparer.Ordinal));
        Assert.All(links, l => Assert.NotNull(page.QuerySelector(l.Href)));
    }

    [Fact]
    public async Task ASchool_MustBeChosen_ThenBecomesTheCurrentSchool()
    {
        var child = await ChildAsync(6);
        var client = await app.SignedInAsAsync(Roles.SocialWorker);
        var url = $"/children/{child.Id}/schools/add";
        var form = await client.GetDocumentAsync(url);

        var refused = await (await client.PostFormAsync(url, form, new Dictionary<string, string> { ["SchoolId"] = "" })).ReadDocumentAsync();
        Assert.Equal([("Select the school or setting", "#SchoolId")], refused.ErrorSummaryLinks());

        await using var db = app.NewDbContext();
        var school = await db.Agencies.Where(a => a.Type == AgencyType.School).OrderBy(a => a.Id == child.SchoolId).ThenBy(a => a.Name).FirstAsync();
        var response = await client.PostFormAsync(url, form, new Dictionary<string, string> { ["SchoolId"] = school.Id.ToString() });
        var record = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains(school.Name, record.QuerySelector(".app-child-details")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(school.Name, record.QuerySelectorAll(".app-child-schools tbody tr")[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARestrictedChild_CannotBeAddedTo_WithoutBreakingGlassFirst()
    {
        var child = await ChildAsync(7);
        await using (var db = app.NewDbContext())
        {
            var tracked = await db.People.SingleAsync(p => p.Id == child.Id);
            tracked.IsRestricted = true;
            db.Record(new ChildRestrictedForTest(child.Id), ProcessContext.System(DateTimeOffset.UtcNow, "test set-up", child.PartnershipId));
            await db.SaveChangesAsync();
        }

        var client = await app.SignedInAsAsync(Roles.SocialWorker);
        var response = await client.GetAsync($"/children/{child.Id}/names/add");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith($"/children/{child.Id}", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>Test data set-up only.</summary>
    private sealed record ChildRestrictedForTest(Guid PersonId) : Safeguarding.Core.Audit.IDomainEvent
    {
        public string SubjectType => "Person";

        public string SubjectId => PersonId.ToString();
    }
}
