using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Children;
using Safeguarding.Core.Chronology;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.Children;

/// <summary>A child's multi-agency chronology: reading, filtering, printing and adding to it.</summary>
public sealed class ChronologyTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>
{
    /// <summary>Test data set-up only: merging and restricting records belong to other pages.</summary>
    private sealed record ChildChangedForTest(Guid PersonId) : IDomainEvent
    {
        public string SubjectType => "Person";

        public string SubjectId => PersonId.ToString();
    }

    private static bool IsForbidden(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.ToString().Contains("/error/403", StringComparison.Ordinal) == true;

    /// <summary>An open child from the demo city's history with entries from at least two agencies.</summary>
    private async Task<Person> ChildWithHistoryAsync()
    {
        await using var db = app.NewDbContext();
        var ids = await db.ChronologyEntries.GroupBy(e => e.PersonId)
            .Where(g => g.Select(e => e.AgencyId).Distinct().Count() >= 2 && g.Any(e => e.IsSignificant) && g.Any(e => !e.IsSignificant))
            .Select(g => g.Key).ToListAsync();
        return await db.People.AsNoTracking().Where(p => ids.Contains(p.Id) && !p.IsRestricted && p.MergedIntoId == null).OrderBy(p => p.Id).FirstAsync();
    }

    /// <summary>A different open child with no history each time it is asked, so tests do not share one.</summary>
    private async Task<Person> ChildWithoutHistoryAsync(int which)
    {
        await using var db = app.NewDbContext();
        return await db.People.AsNoTracking()
            .Where(p => p.IsChild && !p.IsRestricted && p.MergedIntoId == null && p.DateOfBirth != null && !db.ChronologyEntries.Any(e => e.PersonId == p.Id))
            .OrderByDescending(p => p.Id).Skip(which).FirstAsync();
    }

    private async Task AddEntriesAsync(Guid personId, int count, string summary = "Entry")
    {
        using var scope = app.Services.CreateScope();
        var chronology = scope.ServiceProvider.GetRequiredService<ChildChronology>();
        await using var db = app.NewDbContext();
        var person = await db.People.SingleAsync(p => p.Id == personId);
        var agencyId = await db.Agencies.Where(a => a.PartnershipId == person.PartnershipId).OrderBy(a => a.Name).Select(a => a.Id).FirstAsync();
        var context = ProcessContext.System(DateTimeOffset.UtcNow, "test set-up", person.PartnershipId);
        for (var i = 0; i < count; i++)
        {
            var result = await chronology.AddAsync(new ChronologyEntryForm(personId, new DateOnly(2025, 1, 1).AddDays(i), ChronologyEntryType.AgencyInformation, agencyId, $"{summary} {i}", i % 2 == 0), context);
            Assert.True(result.Succeeded, string.Join(", ", result.Errors.Values));
        }
    }

    [Fact]
    public async Task View_ShowsTheTimelineNewestFirst_AndAuditsTheView()
    {
        var child = await ChildWithHistoryAsync();
        await using var db = app.NewDbContext();
        var entries = await db.ChronologyEntries.Where(e => e.PersonId == child.Id).ToListAsync();
        var client = await app.SignedInAsAsync(Roles.SocialWorker);

        var page = await client.GetDocumentAsync($"/children/{child.Id}/chronology");

        Assert.Contains(child.FullName, page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var items = page.QuerySelectorAll(".moj-timeline__item");
        Assert.Equal(entries.Count, items.Length);
        var dates = items.Select(i => DateOnly.Parse(i.QuerySelector("time")!.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
        Assert.Equal(entries.Count(e => e.IsSignificant), page.QuerySelectorAll(".moj-timeline__item .govuk-tag").Count(t => t.TextContent.Trim() == "Significant"));
        Assert.All(items, i => Assert.StartsWith("by ", i.QuerySelector(".moj-timeline__byline")!.TextContent.Trim(), StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector("a[href$='/chronology/add']"));
        Assert.NotNull(page.QuerySelector("[data-module=app-print]"));

        await using var after = app.NewDbContext();
        Assert.True(await after.AuditEvents.AnyAsync(e => e.SubjectType == "Person" && e.SubjectId == child.Id.ToString()
            && e.Kind == AuditKind.Access && e.Reason == "View child chronology"));
    }

    [Theory]
    [InlineData(Roles.PartnershipOfficer)]
    [InlineData(Roles.Administrator)]
    public async Task RolesWithoutCaseInformation_SeeTheChronology_ButCannotAddToIt(string role)
    {
        var child = await ChildWithHistoryAsync();
        var client = await app.SignedInAsAsync(role);

        var page = await client.GetDocumentAsync($"/children/{child.Id}/chronology");
        var add = await client.GetAsync($"/children/{child.Id}/chronology/add");

        Assert.NotEmpty(page.QuerySelectorAll(".moj-timeline__item"));
        Assert.Null(page.QuerySelector("a[href$='/chronology/add']"));
        Assert.True(IsForbidden(add), $"{role} reached the add page: {(int)add.StatusCode}");
    }

    [Theory]
    [InlineData(Roles.Referrer)]
    [InlineData(Roles.BoardMember)]
    [InlineData(Roles.PerformanceAnalyst)]
    public async Task RolesWithoutChildRecords_AreRefused(string role)
    {
        var child = await ChildWithHistoryAsync();
        var client = await app.SignedInAsAsync(role);

        foreach (var url in new[] { $"/children/{child.Id}/chronology", $"/children/{child.Id}/chronology/add" })
        {
            var response = await client.GetAsync(url);
            Assert.True(IsForbidden(response), $"{role} reached {url}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Filters_ByAgencyAndSignificance_NarrowTheTimeline_AndCanBeCleared()
    {
        var child = await ChildWithHistoryAsync();
        await using var db = app.NewDbContext();
        var entries = await db.ChronologyEntries.Where(e => e.PersonId == child.Id).ToListAsync();
        var agencyId = entries.GroupBy(e => e.AgencyId).OrderBy(g => g.Count()).ThenBy(g => g.Key).First().Key!.Value;
        var agencyName = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Name).SingleAsync();
        var client = await app.SignedInAsAsync(Roles.FrontDoorWorker);
        var url = $"/children/{child.Id}/chronology";

        var byAgency = await client.GetDocumentAsync($"{url}?agency={agencyId}");
        var significant = await client.GetDocumentAsync($"{url}?significant=true&agency={agencyId}&type=AgencyInformation");

        var items = byAgency.QuerySelectorAll(".moj-timeline__item");
        Assert.Equal(entries.Count(e => e.AgencyId == agencyId), items.Length);
        Assert.All(items, i => Assert.Equal("by " + agencyName, i.QuerySelector(".moj-timeline__byline")!.TextContent.Trim()));
        Assert.Equal("1 filter selected", byAgency.QuerySelector(".app-selected-filters")!.TextContent.Trim());
        Assert.True(byAgency.QuerySelector<IHtmlInputElement>($"input[name=agency][value='{agencyId}']")!.IsChecked);
        var clear = byAgency.QuerySelectorAll<IHtmlAnchorElement>("a").First(a => a.TextContent.Trim() == "Clear filters");
        Assert.Equal(url, clear.GetAttribute("href"));

        Assert.Equal("3 filters selected", significant.QuerySelector(".app-selected-filters")!.TextContent.Trim());
        var expected = entries.Count(e => e.AgencyId == agencyId && e.IsSignificant && e.Type == ChronologyEntryType.AgencyInformation);
        Assert.Equal(expected, significant.QuerySelectorAll(".moj-timeline__item").Length);
        Assert.All(significant.QuerySelectorAll(".moj-timeline__item"), i => Assert.NotNull(i.QuerySelector(".govuk-tag")));
        if (expected == 0)
        {
            Assert.Equal("No events match these filters", significant.QuerySelector("#results-heading")!.TextContent.Trim());
        }
    }

    [Fact]
    public async Task ALongChronology_IsPaged_AndThePrintViewShowsEveryEntry()
    {
        var child = await ChildWithoutHistoryAsync(0);
        await AddEntriesAsync(child.Id, 53);
        var client = await app.SignedInAsAsync(Roles.TeamManager);
        var url = $"/children/{child.Id}/chronology";

        var first = await client.GetDocumentAsync(url);
        var second = await client.GetDocumentAsync(url + "?page=2");
        var print = await client.GetDocumentAsync(url + "?all=true");

        Assert.Equal(50, first.QuerySelectorAll(".moj-timeline__item").Length);
        Assert.NotNull(first.QuerySelector(".govuk-pagination"));
        Assert.Null(first.QuerySelector("[data-module=app-print]"));
        Assert.Contains(first.QuerySelectorAll<IHtmlAnchorElement>("a"), a => a.GetAttribute("href") == url + "?all=true");
        Assert.Equal("Entry 52", first.QuerySelector(".app-chronology__summary")!.TextContent.Trim());
        Assert.Equal(3, second.QuerySelectorAll(".moj-timeline__item").Length);
        Assert.Equal(53, print.QuerySelectorAll(".moj-timeline__item").Length);
        Assert.Null(print.QuerySelector(".govuk-pagination"));
        Assert.Equal("Print this chronology", print.QuerySelector("button[data-module=app-print]")!.TextContent.Trim());

        await using var db = app.NewDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.SubjectId == child.Id.ToString() && e.Reason == "View child chronology (print view)"));
    }

    [Fact]
    public async Task AChildWithNoHistory_ShowsTheEmptyState()
    {
        var child = await ChildWithoutHistoryAsync(1);
        var client = await app.SignedInAsAsync(Roles.SocialWorker);

        var page = await client.GetDocumentAsync($"/children/{child.Id}/chronology");

        Assert.Equal("No events recorded yet", page.QuerySelector("#results-heading")!.TextContent.Trim());
        Assert.Empty(page.QuerySelectorAll(".moj-timeline__item"));
    }

    [Fact]
    public async Task Adding_WithNothingEntered_ListsEveryProblemLinkedToItsField()
    {
        var child = await ChildWithoutHistoryAsync(2);
        var client = await app.SignedInAsAsync(Roles.AgencyResearcher);
        var url = $"/children/{child.Id}/chronology/add";
        var form = await client.GetDocumentAsync(url);

        var response = await client.PostFormAsync(url, form, new Dictionary<string, string>
        {
            ["Date-day"] = "",
            ["Date-month"] = "",
            ["Date-year"] = "",
            ["Summary"] = "",
        });
        var page = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        var errors = page.ErrorSummaryLinks();
        Assert.Equal(
            ["Enter the date it happened", "Select the type of event", "Enter a summary of what happened", "Select yes if this is a significant event"],
            errors.Select(e => e.Text));
        Assert.All(errors, e => Assert.NotNull(page.QuerySelector(e.Href)));
    }

    [Fact]
    public async Task Adding_AFutureDate_IsRefused()
    {
        var child = await ChildWithoutHistoryAsync(3);
        var client = await app.SignedInAsAsync(Roles.SocialWorker);
        var url = $"/children/{child.Id}/chronology/add";
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);

        var page = await (await client.PostFormAsync(url, await client.GetDocumentAsync(url), new Dictionary<string, string>
        {
            ["Date-day"] = tomorrow.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Date-month"] = tomorrow.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Date-year"] = tomorrow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Type"] = "AgencyInformation",
            ["Summary"] = "Seen at clinic",
            ["Significant"] = "false",
        })).ReadDocumentAsync();

        var error = Assert.Single(page.ErrorSummaryLinks());
        Assert.Equal("The date it happened must be today or in the past", error.Text);
        Assert.NotNull(page.QuerySelector(error.Href));
    }

    [Fact]
    public async Task Adding_SavesInTheUsersAgency_AndReturnsToTheChronologyWithABanner()
    {
        var child = await ChildWithoutHistoryAsync(4);
        var client = await app.SignedInAsAsync(Roles.AgencyResearcher);
        var url = $"/children/{child.Id}/chronology/add";

        var response = await client.PostFormAsync(url, await client.GetDocumentAsync(url), new Dictionary<string, string>
        {
            ["Date-day"] = "3",
            ["Date-month"] = "2",
            ["Date-year"] = "2025",
            ["Type"] = "AgencyInformation",
            ["Summary"] = "Not brought to two GP appointments.",
            ["Significant"] = "true",
        });
        var chronology = await client.GetDocumentAsync(response.Headers.Location!.ToString());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/children/{child.Id}/chronology", response.Headers.Location!.ToString());
        Assert.Contains("Information added to the chronology", chronology.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        var item = Assert.Single(chronology.QuerySelectorAll(".moj-timeline__item"));
        Assert.Equal("Not brought to two GP appointments.", item.QuerySelector(".app-chronology__summary")!.TextContent.Trim());
        Assert.Equal("3 February 2025", item.QuerySelector("time")!.TextContent.Trim());

        await using var db = app.NewDbContext();
        var entry = await db.ChronologyEntries.SingleAsync(e => e.PersonId == child.Id);
        var researcher = await db.Users.SingleAsync(u => u.Email == Safeguarding.SyntheticData.DemoCity.EmailFor(Roles.AgencyResearcher));
        Assert.Equal(researcher.AgencyId, entry.AgencyId);
        Assert.Equal(researcher.Id, entry.RecordedByUserId);
        Assert.True(entry.IsSignificant);
        Assert.Equal("by " + await db.Agencies.Where(a => a.Id == researcher.AgencyId).Select(a => a.Name).SingleAsync(), item.QuerySelector(".moj-timeline__byline")!.TextContent.Trim());
    }

    [Fact]
    public async Task EntriesOnAMergedRecord_AppearOnTheSurvivorsChronology()
    {
        var survivor = await ChildWithoutHistoryAsync(5);
        var duplicate = await ChildWithoutHistoryAsync(6);
        await AddEntriesAsync(duplicate.Id, 1, "Recorded against the duplicate");
        await AddEntriesAsync(survivor.Id, 1, "Recorded against the survivor");
        await using (var db = app.NewDbContext())
        {
            var person = await db.People.SingleAsync(p => p.Id == duplicate.Id);
            person.MergedIntoId = survivor.Id;
            db.Record(new ChildChangedForTest(duplicate.Id), ProcessContext.System(DateTimeOffset.UtcNow, "test set-up", person.PartnershipId));
            await db.SaveChangesAsync();
        }

        var client = await app.SignedInAsAsync(Roles.SocialWorker);

        var page = await client.GetDocumentAsync($"/children/{survivor.Id}/chronology");
        var merged = await client.GetAsync($"/children/{duplicate.Id}/chronology");

        var summaries = page.QuerySelectorAll(".app-chronology__summary").Select(s => s.TextContent.Trim()).ToList();
        Assert.Contains("Recorded against the duplicate 0", summaries);
        Assert.Contains("Recorded against the survivor 0", summaries);
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Equal($"/children/{survivor.Id}/chronology", merged.Headers.Location!.ToString());
    }

    [Fact]
    public async Task ARestrictedRecord_ShowsOnlyANotice_AndCannotBeAddedTo()
    {
        var child = await ChildWithoutHistoryAsync(7);
        await AddEntriesAsync(child.Id, 1, "Hidden from people without a grant");
        await using (var db = app.NewDbContext())
        {
            var person = await db.People.SingleAsync(p => p.Id == child.Id);
            person.IsRestricted = true;
            db.Record(new ChildChangedForTest(child.Id), ProcessContext.System(DateTimeOffset.UtcNow, "test set-up", person.PartnershipId));
            await db.SaveChangesAsync();
        }

        var client = await app.SignedInAsAsync(Roles.FrontDoorManager);

        var page = await client.GetDocumentAsync($"/children/{child.Id}/chronology");
        var add = await client.GetAsync($"/children/{child.Id}/chronology/add");

        Assert.Equal("This record is restricted", page.QuerySelector("h1")!.TextContent.Trim());
        var html = page.DocumentElement.OuterHtml;
        Assert.DoesNotContain(child.FamilyName, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden from people without a grant", html, StringComparison.Ordinal);
        Assert.True(IsForbidden(add));
    }
}
