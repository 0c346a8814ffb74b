using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Children;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.Children;

/// <summary>Merging two records of the same child and unmerging them, through the pages.</summary>
public sealed class MergeTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>
{
    private const string Reason = "Same child: checked with the school and the GP";

    private async Task<(Person Child, Person Duplicate)> ChildWithDuplicateAsync()
    {
        await using var db = app.NewDbContext();
        var child = await TestChildren.OpenChildAsync(db);
        return (child, await TestChildren.DuplicateOfAsync(db, child));
    }

    private static Dictionary<string, string> MergeForm(IHtmlDocument page, string? survivorId, string reason)
    {
        var form = new Dictionary<string, string>
        {
            ["ChildVersion"] = page.QuerySelector<IHtmlInputElement>("input[name=ChildVersion]")!.Value,
            ["OtherVersion"] = page.QuerySelector<IHtmlInputElement>("input[name=OtherVersion]")!.Value,
            ["Reason"] = reason,
        };
        if (survivorId is not null)
        {
            form["SurvivorId"] = survivorId;
        }

        return form;
    }

    private static void AssertErrorLinksToItsField(IHtmlDocument page, string message, string fieldId)
    {
        var error = Assert.Single(page.ErrorSummaryLinks());
        Assert.Equal((message, "#" + fieldId), error);
        Assert.NotNull(page.QuerySelector("#" + fieldId));
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.FrontDoorManager)]
    [InlineData(Roles.TeamManager)]
    [InlineData(Roles.Administrator)]
    public async Task Manager_FindsTheDuplicate_MergesIt_AndUnmergesIt(string role)
    {
        var (child, duplicate) = await ChildWithDuplicateAsync();
        var client = await app.SignedInAsAsync(role);

        var find = await client.GetDocumentAsync($"/children/{child.Id}/merge?FamilyName={Uri.EscapeDataString(child.FamilyName)}&GivenName={Uri.EscapeDataString(child.GivenName)}");
        var link = find.QuerySelectorAll<IHtmlAnchorElement>(".app-merge-candidates a").Single(a => a.GetAttribute("href") == $"/children/{child.Id}/merge/{duplicate.Id}");
        Assert.DoesNotContain(find.QuerySelectorAll<IHtmlAnchorElement>(".app-merge-candidates a"), a => a.GetAttribute("href")!.EndsWith($"/merge/{child.Id}", StringComparison.Ordinal));

        var compare = await client.GetDocumentAsync(link.GetAttribute("href")!);
        var table = compare.QuerySelector(".app-merge-comparison")!.TextContent;
        Assert.Contains(NhsNumberFormat.Format(child.NhsNumber!), table, StringComparison.Ordinal);
        Assert.Contains(child.DateOfBirth!.Value.ToString("d MMMM yyyy"), table, StringComparison.Ordinal);
        Assert.Equal(child.Id.ToString(), compare.QuerySelector<IHtmlInputElement>("input[name=SurvivorId]:checked")!.Value);
        Assert.NotNull(compare.QuerySelector(".govuk-warning-text"));

        var merged = await client.PostFormAsync(link.GetAttribute("href")!, compare, MergeForm(compare, child.Id.ToString(), Reason));

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Equal($"/children/{child.Id}", merged.Headers.Location!.ToString());
        Guid mergeId;
        await using (var db = app.NewDbContext())
        {
            Assert.Equal(child.Id, await db.People.Where(p => p.Id == duplicate.Id).Select(p => p.MergedIntoId).SingleAsync());
            var audit = await db.AuditEvents.SingleAsync(e => e.EventType == nameof(PeopleMerged) && e.Data.Contains(duplicate.Id.ToString()));
            Assert.Equal(Reason, audit.Reason);
            Assert.DoesNotContain(child.FamilyName, audit.Data, StringComparison.Ordinal);
            mergeId = await db.PersonMerges.Where(m => m.MergedId == duplicate.Id).Select(m => m.Id).SingleAsync();
        }

        var history = await client.GetDocumentAsync($"/children/{child.Id}/merges");
        var unmergeUrl = $"/children/{child.Id}/merges/{mergeId}/unmerge";
        var row = history.QuerySelectorAll(".app-merge-history tbody tr").Single(r => r.QuerySelector($"a[href='{unmergeUrl}']") is not null);
        Assert.Contains(Reason, row.TextContent, StringComparison.Ordinal);
        var unmerge = await client.GetDocumentAsync(unmergeUrl);
        var unmerged = await client.PostFormAsync(unmergeUrl, unmerge, new Dictionary<string, string>
        {
            ["Version"] = unmerge.QuerySelector<IHtmlInputElement>("input[name=Version]")!.Value,
            ["Reason"] = "Two children: different schools confirmed",
        });

        Assert.Equal(HttpStatusCode.Redirect, unmerged.StatusCode);
        Assert.Equal($"/children/{child.Id}/merges", unmerged.Headers.Location!.ToString());
        var after = await client.GetDocumentAsync($"/children/{child.Id}/merges");
        Assert.Contains("unmerged", after.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(after.QuerySelectorAll(".app-merge-history tbody tr"), r => r.TextContent.Contains("Two children: different schools confirmed", StringComparison.Ordinal) && r.TextContent.Contains("Undone", StringComparison.Ordinal));
        await using var end = app.NewDbContext();
        Assert.Null(await end.People.Where(p => p.Id == duplicate.Id).Select(p => p.MergedIntoId).SingleAsync());
        Assert.True(await end.AuditEvents.AnyAsync(e => e.EventType == nameof(PeopleUnmerged) && e.Reason == "Two children: different schools confirmed"));
    }

    [Theory]
    [InlineData(Roles.FrontDoorWorker)]
    [InlineData(Roles.SocialWorker)]
    [InlineData(Roles.AgencyResearcher)]
    [InlineData(Roles.ConferenceChair)]
    [InlineData(Roles.PartnershipOfficer)]
    [InlineData(Roles.Referrer)]
    [InlineData(Roles.BoardMember)]
    public async Task OtherRoles_CannotMergeOrSeeMergeHistory(string role)
    {
        var (child, duplicate) = await ChildWithDuplicateAsync();
        var client = await app.SignedInAsAsync(role);

        foreach (var url in new[] { $"/children/{child.Id}/merge", $"/children/{child.Id}/merge/{duplicate.Id}", $"/children/{child.Id}/merges" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.ToString().Contains("/error/403", StringComparison.Ordinal) == true,
                $"{role} reached {url}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Find_WithAnInvalidNhsNumber_ShowsTheErrorLinkedToTheField_AndIsAudited()
    {
        var (child, _) = await ChildWithDuplicateAsync();
        var client = await app.SignedInAsAsync(Roles.FrontDoorManager);

        var first = await client.GetDocumentAsync($"/children/{child.Id}/merge");
        var invalid = await client.GetDocumentAsync($"/children/{child.Id}/merge?NhsNumber=123");

        Assert.Equal(child.FamilyName, first.QuerySelector<IHtmlInputElement>("#FamilyName")!.Value);
        Assert.Empty(first.ErrorSummary());
        AssertErrorLinksToItsField(invalid, "Enter a valid NHS number", "NhsNumber");
        await using var db = app.NewDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Kind == AuditKind.Access && e.SubjectId == child.Id.ToString() && e.Reason == "Find a duplicate record to merge"));
    }

    [Fact]
    public async Task Compare_IsAudited_AsAnOpeningOfBothRecords()
    {
        var (child, duplicate) = await ChildWithDuplicateAsync();
        var client = await app.SignedInAsAsync(Roles.TeamManager);

        await client.GetDocumentAsync($"/children/{child.Id}/merge/{duplicate.Id}");

        await using var db = app.NewDbContext();
        foreach (var id in new[] { child.Id, duplicate.Id })
        {
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Kind == AuditKind.Access && e.SubjectType == "Person" && e.SubjectId == id.ToString() && e.Reason == "Compare records to merge"));
        }
    }

    [Fact]
    public async Task Merge_WithoutAChoiceOrAReason_ShowsEachErrorLinkedToItsField()
    {
        var (child, duplicate) = await ChildWithDuplicateAsync();
        var client = await app.SignedInAsAsync(Roles.FrontDoorManager);
        var url = $"/children/{child.Id}/merge/{duplicate.Id}";
        var page = await client.GetDocumentAsync(url);

        var noChoice = await (await client.PostFormAsync(url, page, MergeForm(page, null, Reason))).ReadDocumentAsync();
        var noReason = await (await client.PostFormAsync(url, page, MergeForm(page, child.Id.ToString(), " "))).ReadDocumentAsync();
        var shortReason = await (await client.PostFormAsync(url, page, MergeForm(page, child.Id.ToString(), "same kid"))).ReadDocumentAsync();

        AssertErrorLinksToItsField(noChoice, "Select which record to keep", "SurvivorId");
        AssertErrorLinksToItsField(noReason, "Enter why these records are the same child", "Reason");
        AssertErrorLinksToItsField(shortReason, "Why these records are the same child must be 10 characters or more", "Reason");
        await using var db = app.NewDbContext();
        Assert.Null(await db.People.Where(p => p.Id == duplicate.Id).Select(p => p.MergedIntoId).SingleAsync());
    }

    [Fact]
    public async Task Merge_OfRecordsWithDifferentNhsNumbers_IsRefused_WithTheErrorOnTheChoice()
    {
        await using var db = app.NewDbContext();
        var child = await TestChildren.OpenChildAsync(db);
        var duplicate = await TestChildren.DuplicateOfAsync(db, child, child.NhsNumber == "9434765919" ? "4857773456" : "9434765919");
        var client = await app.SignedInAsAsync(Roles.FrontDoorManager);
        var url = $"/children/{child.Id}/merge/{duplicate.Id}";
        var page = await client.GetDocumentAsync(url);

        var refused = await (await client.PostFormAsync(url, page, MergeForm(page, child.Id.ToString(), Reason))).ReadDocumentAsync();

        AssertErrorLinksToItsField(refused, "These records have different NHS numbers, so they cannot be the same person", "SurvivorId");
    }

    [Fact]
    public async Task Merge_BackTheOtherWay_IsRefused()
    {
        var (child, duplicate) = await ChildWithDuplicateAsync();
        var client = await app.SignedInAsAsync(Roles.Administrator);
        var url = $"/children/{child.Id}/merge/{duplicate.Id}";
        var page = await client.GetDocumentAsync(url);
        await client.PostFormAsync(url, page, MergeForm(page, child.Id.ToString(), Reason));

        var again = await client.GetDocumentAsync(url);
        var loop = await (await client.PostFormAsync(url, again, MergeForm(again, duplicate.Id.ToString(), Reason))).ReadDocumentAsync();

        AssertErrorLinksToItsField(loop, "The record you chose to keep is already merged into the other record. Keep the other record instead", "SurvivorId");
    }

    [Fact]
    public async Task Merge_AfterSomeoneElseChangedARecord_SaysWho_AndMergesOnlyWhenTriedAgain()
    {
        var (child, duplicate) = await ChildWithDuplicateAsync();
        var client = await app.SignedInAsAsync(Roles.TeamManager);
        var url = $"/children/{child.Id}/merge/{duplicate.Id}";
        var page = await client.GetDocumentAsync(url);
        await using (var db = app.NewDbContext())
        {
            var person = await db.People.SingleAsync(p => p.Id == duplicate.Id);
            person.Postcode = "ZX9 9ZZ";
            db.Record(new TestChildren.RecordedForTest(person.Id), new ProcessContext(null, "Dana Whitfield", person.PartnershipId, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var refused = await (await client.PostFormAsync(url, page, MergeForm(page, child.Id.ToString(), Reason))).ReadDocumentAsync();

        var message = Assert.Single(refused.QuerySelectorAll(".govuk-error-summary__list li")).TextContent.Trim();
        Assert.StartsWith("Dana Whitfield changed these records while you were looking at them. Nothing has been merged.", message, StringComparison.Ordinal);
        Assert.StartsWith("Error:", refused.Title, StringComparison.Ordinal);
        Assert.Contains("ZX9 9ZZ", refused.QuerySelector(".app-merge-comparison")!.TextContent, StringComparison.Ordinal);
        await using (var db = app.NewDbContext())
        {
            Assert.Null(await db.People.Where(p => p.Id == duplicate.Id).Select(p => p.MergedIntoId).SingleAsync());
        }

        var retried = await client.PostFormAsync(url, refused, MergeForm(refused, child.Id.ToString(), Reason));

        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
    }

    [Fact]
    public async Task RestrictedRecords_TheUserCannotOpen_AreForbidden()
    {
        var (child, duplicate) = await ChildWithDuplicateAsync();
        await using (var db = app.NewDbContext())
        {
            var person = await db.People.SingleAsync(p => p.Id == duplicate.Id);
            person.IsRestricted = true;
            db.Record(new TestChildren.RecordedForTest(person.Id), ProcessContext.System(DateTimeOffset.UtcNow, "test set-up", person.PartnershipId));
            await db.SaveChangesAsync();
        }

        var client = await app.SignedInAsAsync(Roles.FrontDoorManager);

        foreach (var url in new[] { $"/children/{child.Id}/merge/{duplicate.Id}", $"/children/{duplicate.Id}/merge/{child.Id}", $"/children/{duplicate.Id}/merge", $"/children/{duplicate.Id}/merges" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.ToString().Contains("/error/403", StringComparison.Ordinal) == true,
                $"{url}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Unmerge_WithoutAReason_ShowsTheErrorLinkedToTheField_AndOnceUndoneCannotBeUndoneAgain()
    {
        var (child, duplicate) = await ChildWithDuplicateAsync();
        var client = await app.SignedInAsAsync(Roles.FrontDoorManager);
        var compareUrl = $"/children/{child.Id}/merge/{duplicate.Id}";
        var compare = await client.GetDocumentAsync(compareUrl);
        await client.PostFormAsync(compareUrl, compare, MergeForm(compare, child.Id.ToString(), Reason));
        await using var db = app.NewDbContext();
        var merge = await db.PersonMerges.SingleAsync(m => m.MergedId == duplicate.Id);
        // From the merged record's side too: its history shows the same merge.
        var url = $"/children/{duplicate.Id}/merges/{merge.Id}/unmerge";
        var page = await client.GetDocumentAsync(url);
        var form = new Dictionary<string, string> { ["Version"] = page.QuerySelector<IHtmlInputElement>("input[name=Version]")!.Value, ["Reason"] = "" };

        var noReason = await (await client.PostFormAsync(url, page, form)).ReadDocumentAsync();
        form["Reason"] = "Two children after all: twins";
        var done = await client.PostFormAsync(url, page, form);
        var undone = await client.GetDocumentAsync(url);
        var twice = await (await client.PostFormAsync(url, page, form)).ReadDocumentAsync();

        AssertErrorLinksToItsField(noReason, "Enter why these records are not the same child", "Reason");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Null(undone.QuerySelector("form[method=post] textarea"));
        Assert.Contains("This merge was undone", undone.QuerySelector(".govuk-inset-text")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["This merge has already been undone"], twice.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()));
    }
}
