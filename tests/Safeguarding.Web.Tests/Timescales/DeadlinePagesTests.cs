using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Safeguarding.Core.Access;
using Safeguarding.Web.Tests.Account;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.Timescales;

public sealed class DeadlinePagesTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>
{
    private static IElement RowFor(IHtmlDocument page, Core.Timescales.Clock clock) =>
        page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(TimescaleTestData.SubjectText(clock), StringComparison.Ordinal));

    [Fact]
    public async Task YourDeadlines_ListsOwnOpenClocks_ByDueDate_WithStateTags()
    {
        var me = await app.DemoUserIdAsync(Roles.SocialWorker);
        var running = await app.StartClockAsync("CW-1", DateTimeOffset.UtcNow, me);
        var weekend = await app.StartClockAsync("LR-1", TimescaleTestData.London(2025, 4, 19), me);
        var overdue = await app.StartClockAsync("LR-1", TimescaleTestData.London(2025, 4, 17), me);
        var someoneElses = await app.StartClockAsync("LR-2", TimescaleTestData.London(2025, 4, 17), Guid.NewGuid());
        var worker = await app.SignedInAsAsync(Roles.SocialWorker);

        var page = await worker.GetDocumentAsync("/timescales");

        Assert.Equal("Your deadlines", page.QuerySelector("h1")!.TextContent.Trim());
        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        int IndexOf(Core.Timescales.Clock c) => rows.FindIndex(r => r.Contains(TimescaleTestData.SubjectText(c), StringComparison.Ordinal));
        Assert.True(IndexOf(overdue) >= 0 && IndexOf(overdue) < IndexOf(weekend) && IndexOf(weekend) < IndexOf(running), string.Join("\n", rows));
        Assert.Equal(-1, IndexOf(someoneElses));

        var overdueRow = RowFor(page, overdue);
        Assert.Contains("Mon 28 Apr 2025", overdueRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("Thu 17 Apr 2025", overdueRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("LR-1", overdueRow.TextContent, StringComparison.Ordinal);
        var tag = overdueRow.QuerySelector(".govuk-tag")!;
        Assert.StartsWith("Overdue by", tag.TextContent.Trim(), StringComparison.Ordinal);
        Assert.EndsWith("working days", tag.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("govuk-tag--red", tag.ClassList);

        // Sat 19 Apr 2025: Easter Monday follows, so counting starts on Tuesday and the deadline is Tue 29 Apr.
        var weekendRow = RowFor(page, weekend);
        Assert.Contains("Tue 29 Apr 2025", weekendRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("Counting started on Tue 22 Apr 2025 because Sat 19 Apr 2025 was not a working day", weekendRow.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Counting started", overdueRow.TextContent, StringComparison.Ordinal);

        var runningTag = RowFor(page, running).QuerySelector(".govuk-tag")!;
        Assert.StartsWith("Due in", runningTag.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("govuk-tag--blue", runningTag.ClassList);
    }

    [Fact]
    public async Task YourDeadlines_WithNoClocks_SaysSo()
    {
        var manager = await app.SignedInAsAsync(Roles.TeamManager);

        var page = await manager.GetDocumentAsync("/timescales");

        Assert.Contains("You have no deadlines running.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("table"));
    }

    [Fact]
    public async Task Overdue_FiltersByRuleAndState_AndSortsByDue()
    {
        var first = await app.StartClockAsync("LA-1", TimescaleTestData.London(2025, 1, 6), null);
        var second = await app.StartClockAsync("LA-1", TimescaleTestData.London(2025, 2, 3), null);
        var running = await app.StartClockAsync("LA-1", DateTimeOffset.UtcNow.AddDays(1), null);
        var otherRule = await app.StartClockAsync("LR-2", TimescaleTestData.London(2025, 1, 6), null);
        var manager = await app.SignedInAsAsync(Roles.TeamManager);

        var page = await manager.GetDocumentAsync("/timescales/overdue?rule=LA-1&state=Overdue&sort=due&order=desc");

        var rows = page.QuerySelectorAll("tbody tr").ToList();
        Assert.All(rows, r => Assert.StartsWith("LA-1", r.QuerySelector("td")!.TextContent.Trim(), StringComparison.Ordinal));
        Assert.All(rows, r => Assert.StartsWith("Overdue", r.QuerySelector(".govuk-tag")!.TextContent.Trim(), StringComparison.Ordinal));
        var texts = rows.Select(r => r.TextContent).ToList();
        var secondIndex = texts.FindIndex(t => t.Contains(TimescaleTestData.SubjectText(second), StringComparison.Ordinal));
        var firstIndex = texts.FindIndex(t => t.Contains(TimescaleTestData.SubjectText(first), StringComparison.Ordinal));
        Assert.True(secondIndex >= 0 && secondIndex < firstIndex, "Sorted by due date, latest first");
        Assert.DoesNotContain(texts, t => t.Contains(TimescaleTestData.SubjectText(running), StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains(TimescaleTestData.SubjectText(otherRule), StringComparison.Ordinal));

        Assert.Equal("Due", page.QuerySelector("th[aria-sort='descending']")!.TextContent.Trim());
        var tags = page.QuerySelectorAll(".moj-filter__tag").Select(t => t.TextContent.Trim()).ToList();
        Assert.Contains(tags, t => t.EndsWith("LA-1", StringComparison.Ordinal));
        Assert.Contains(tags, t => t.EndsWith("Overdue", StringComparison.Ordinal));

        var withRunning = await manager.GetDocumentAsync("/timescales/overdue?rule=LA-1&state=Running");
        Assert.Contains(TimescaleTestData.SubjectText(running), withRunning.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(TimescaleTestData.SubjectText(first), withRunning.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overdue_WithNothingMatching_ShowsEmptyState()
    {
        var manager = await app.SignedInAsAsync(Roles.TeamManager);

        var page = await manager.GetDocumentAsync("/timescales/overdue?rule=PF-3&state=DueToday");

        Assert.Contains("No running timescales match.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
