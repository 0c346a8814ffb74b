using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Children;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.Children;

/// <summary>Finding a child from a referral's details with the matching engine.</summary>
public sealed class ChildMatchTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>
{
    private const string Url = "/children/match";

    private async Task<Person> ChildAsync()
    {
        await using var db = app.NewDbContext();
        return await db.People.AsNoTracking()
            .Where(p => p.IsChild && !p.IsRestricted && p.MergedIntoId == null && p.DateOfBirth != null && p.NhsNumber != null && p.GivenName.Length >= 5)
            .OrderBy(p => p.Id).FirstAsync();
    }

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> MatchAsync(HttpClient client, Dictionary<string, string> fields)
    {
        var form = await client.GetDocumentAsync(Url);
        var response = await client.PostFormAsync(Url, form, fields);
        return await response.ReadDocumentAsync();
    }

    private static Dictionary<string, string> Born(DateOnly date, Dictionary<string, string> fields)
    {
        fields["DateOfBirth-day"] = date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields["DateOfBirth-month"] = date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields["DateOfBirth-year"] = date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return fields;
    }

    [Fact]
    public async Task AMisspeltGivenName_StillFindsTheChildFirst_AndSaysWhy()
    {
        var child = await ChildAsync();
        var misspelt = child.GivenName[0] + child.GivenName[2].ToString() + child.GivenName[1] + child.GivenName[3..];
        var client = await app.SignedInAsAsync(Roles.FrontDoorWorker);

        var page = await MatchAsync(client, Born(child.DateOfBirth!.Value, new() { ["GivenName"] = misspelt, ["FamilyName"] = child.FamilyName }));

        Assert.Empty(page.ErrorSummary());
        var first = page.QuerySelectorAll(".app-match-results tbody tr")[0];
        Assert.Equal($"/children/{child.Id}", first.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains(child.FullName, first.TextContent, StringComparison.Ordinal);
        Assert.Contains(child.DateOfBirth!.Value.ToString("d MMMM yyyy"), first.TextContent, StringComparison.Ordinal);
        Assert.Matches(@"\d+%", first.QuerySelector(".govuk-table__cell--numeric")!.TextContent);
        var reasons = first.QuerySelectorAll(".govuk-details .app-match-reasons .govuk-summary-list__row").Select(r => r.TextContent).ToList();
        Assert.Contains(reasons, r => r.Contains("Given name", StringComparison.Ordinal) && r.Contains("Partly agreed", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("Date of birth", StringComparison.Ordinal) && r.Contains("Agreed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bands_AreShownAsTags_MatchGreen()
    {
        var child = await ChildAsync();
        var client = await app.SignedInAsAsync(Roles.SocialWorker);

        var exact = await MatchAsync(client, Born(child.DateOfBirth!.Value, new()
        {
            ["GivenName"] = child.GivenName,
            ["FamilyName"] = child.FamilyName,
            ["NhsNumber"] = child.NhsNumber!,
            ["Postcode"] = child.Postcode ?? "",
        }));
        var loose = await MatchAsync(client, new() { ["FamilyName"] = child.FamilyName });

        var tag = exact.QuerySelector(".app-match-results tbody tr .govuk-tag:not(.govuk-tag--red)")!;
        Assert.Equal("Match", tag.TextContent.Trim());
        Assert.Contains("govuk-tag--green", tag.ClassName, StringComparison.Ordinal);
        var expected = new Dictionary<string, string> { ["Match"] = "govuk-tag--green", ["Possible match"] = "govuk-tag--yellow", ["Low confidence"] = "govuk-tag--grey" };
        var tags = exact.QuerySelectorAll(".app-match-results td:last-child .govuk-tag").Concat(loose.QuerySelectorAll(".app-match-results td:last-child .govuk-tag")).ToList();
        Assert.NotEmpty(tags);
        Assert.All(tags, t => Assert.Contains(expected[t.TextContent.Trim()], t.ClassName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSearch_IsAudited_WithoutTheDetailsTyped()
    {
        var child = await ChildAsync();
        var client = await app.SignedInAsAsync(Roles.FrontDoorManager);

        await MatchAsync(client, new() { ["GivenName"] = child.GivenName, ["FamilyName"] = child.FamilyName });

        await using var db = app.NewDbContext();
        var audit = await db.AuditEvents.Where(e => e.Kind == AuditKind.Access && e.Reason == "Matched referral details").ToListAsync();
        Assert.NotEmpty(audit);
        Assert.All(audit, e =>
        {
            Assert.Equal("{}", e.Data);
            Assert.DoesNotContain(child.FamilyName, e.SubjectId ?? "", StringComparison.Ordinal);
        });
        Assert.Contains(audit, e => e.SubjectId!.Contains(child.Id.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task NothingEntered_IsAnErrorLinkedToTheFirstField()
    {
        var client = await app.SignedInAsAsync(Roles.SocialWorker);

        var page = await MatchAsync(client, new() { ["GivenName"] = "", ["SchoolId"] = "" });

        var error = Assert.Single(page.ErrorSummaryLinks());
        Assert.Equal("Enter at least one of the child's details", error.Text);
        Assert.Equal("#GivenName", error.Href);
        Assert.NotNull(page.QuerySelector(error.Href));
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".app-match-results"));
    }

    [Fact]
    public async Task AnInvalidNhsNumber_IsAnErrorLinkedToTheField()
    {
        var client = await app.SignedInAsAsync(Roles.SocialWorker);

        var page = await MatchAsync(client, new() { ["FamilyName"] = "Smith", ["NhsNumber"] = "943 476 5918" });

        var error = Assert.Single(page.ErrorSummaryLinks());
        Assert.Equal("Enter a valid NHS number", error.Text);
        Assert.Equal("#NhsNumber", error.Href);
        Assert.NotNull(page.QuerySelector(error.Href));
        Assert.Null(page.QuerySelector(".app-match-results"));
    }

    [Fact]
    public async Task AnInvalidDate_IsAnErrorLinkedToTheDayField()
    {
        var client = await app.SignedInAsAsync(Roles.SocialWorker);

        var page = await MatchAsync(client, new() { ["FamilyName"] = "Smith", ["DateOfBirth-day"] = "31", ["DateOfBirth-month"] = "2", ["DateOfBirth-year"] = "2015" });

        var error = Assert.Single(page.ErrorSummaryLinks());
        Assert.Equal("Date of birth must be a real date", error.Text);
        Assert.Equal("#DateOfBirth-day", error.Href);
        Assert.NotNull(page.QuerySelector(error.Href));
    }

    [Fact]
    public async Task ARestrictedCandidate_IsMasked_AsTheChildSearchMasksIt()
    {
        Person child;
        await using (var db = app.NewDbContext())
        {
            child = await db.People.Where(p => p.IsChild && p.MergedIntoId == null && p.DateOfBirth != null && !p.IsRestricted).OrderByDescending(p => p.Id).FirstAsync();
            child.IsRestricted = true;
            db.Record(new ChildRestrictedForTest(child.Id), ProcessContext.System(DateTimeOffset.UtcNow, "test set-up", child.PartnershipId));
            await db.SaveChangesAsync();
        }

        var client = await app.SignedInAsAsync(Roles.SocialWorker);
        var page = await MatchAsync(client, Born(child.DateOfBirth!.Value, new() { ["GivenName"] = child.GivenName, ["FamilyName"] = child.FamilyName }));

        var row = page.QuerySelectorAll(".app-match-results tbody tr").Single(r => r.QuerySelector("a")!.GetAttribute("href") == $"/children/{child.Id}");
        Assert.Contains("Restricted record", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(child.GivenName, row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(child.DateOfBirth!.Value.ToString("d MMMM yyyy"), row.TextContent, StringComparison.Ordinal);
        Assert.Null(row.QuerySelector(".govuk-details"));
    }

    /// <summary>Test data set-up only.</summary>
    private sealed record ChildRestrictedForTest(Guid PersonId) : IDomainEvent
    {
        public string SubjectType => "Person";

        public string SubjectId => PersonId.ToString();
    }
}
