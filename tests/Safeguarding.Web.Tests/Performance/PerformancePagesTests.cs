using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Pathway;
using Safeguarding.Core.Performance;
using Safeguarding.SyntheticData;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.Performance;

/// <summary>
/// The monthly pack through the real pages: the summary and the pack show every indicator with its
/// status and trend, each figure can be checked against the records behind it, commentary is written
/// and locked by sign-off, and the dashboard groups measures by priority.
/// </summary>
public sealed class PerformancePagesTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>
{
    private static DateOnly LastMonth => PerformanceMonths.StartOf(LondonTime.DateOf(DateTimeOffset.UtcNow)).AddMonths(-1);

    private static string Key(DateOnly month) => PerformanceMonths.Key(month);

    [Fact]
    public async Task Summary_ShowsEveryContractIndicator_WithAStatusAndATrend()
    {
        var analyst = await app.SignedInAsAsync(Roles.PerformanceAnalyst);
        var page = await analyst.GetDocumentAsync($"/performance?month={Key(LastMonth)}");

        var rows = page.QuerySelectorAll("table.app-performance-summary tbody tr");
        Assert.Equal(15, rows.Length);
        Assert.All(rows, row =>
        {
            Assert.NotNull(row.QuerySelector(".govuk-tag"));
            Assert.NotNull(row.QuerySelector("svg[role=img][aria-label]"));
        });
        Assert.Contains($"Performance summary: {PerformanceMonths.Name(LastMonth)}", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pack_ShowsEachIndicator_WithAChartAndTwentyFourMonthsInItsTable()
    {
        var board = await app.SignedInAsAsync(Roles.BoardMember);
        var page = await board.GetDocumentAsync($"/performance/pack?month={Key(LastMonth)}");

        var sections = page.QuerySelectorAll("section.app-pack-indicator");
        Assert.Equal(DefaultIndicators.All.Count, sections.Length);
        Assert.All(sections, section =>
        {
            Assert.NotNull(section.QuerySelector("svg.app-chart[role=img]"));
            Assert.Equal(PerformancePack.TrendMonths, section.QuerySelectorAll(".app-trend__table tbody tr").Length);
        });
        // A board member reads the pack but neither writes commentary nor lists children.
        Assert.Empty(page.QuerySelectorAll("a[href^='/performance/commentary/']"));
        Assert.Empty(page.QuerySelectorAll("a[href^='/performance/records/']"));
    }

    [Fact]
    public async Task AFigure_IsTheRecordsBehindIt_AndLookingIsAudited()
    {
        var month = LastMonth.AddMonths(-3);
        var (onTime, late) = await TwoAssessmentsAsync(month);
        var analyst = await app.SignedInAsAsync(Roles.PerformanceAnalyst);

        var records = await analyst.GetDocumentAsync($"/performance/records/kpi3?month={Key(month)}");
        var rows = records.QuerySelectorAll("table tbody tr");
        var summary = SummaryValues(records);
        Assert.Equal(rows.Length.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), summary["Assessments completed"]);
        Assert.Equal(rows.Count(r => LastCell(r) == "Yes").ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB")),
            summary["Assessments completed within 45 working days"]);
        Assert.Contains(rows, r => r.TextContent.Contains(onTime.ToString()[..8], StringComparison.Ordinal) && LastCell(r) == "Yes");
        Assert.Contains(rows, r => r.TextContent.Contains(late.ToString()[..8], StringComparison.Ordinal) && LastCell(r) == "No");

        // The pack says the same as the records page.
        var pack = await analyst.GetDocumentAsync($"/performance/pack?month={Key(month)}");
        var kpi3 = pack.QuerySelector("section[aria-labelledby=kpi3]")!;
        Assert.Contains($"Assessments completed: {summary["Assessments completed"]}.", kpi3.TextContent, StringComparison.Ordinal);

        // An analyst holds no case information: no names, no links to records.
        Assert.Empty(records.QuerySelectorAll("a[href^='/children/']"));
        await using var db = app.NewDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(a => a.EventType == "RecordViewed" && a.SubjectId == $"KPI3/{Key(month)}"
            && a.Reason == "Check the records behind a performance figure"));
    }

    [Fact]
    public async Task RecordsBehindAFigure_ShowNamesOnlyToThoseWhoMayOpenRecords()
    {
        var month = LastMonth.AddMonths(-4);
        await TwoAssessmentsAsync(month);
        var manager = await app.SignedInAsAsync(Roles.TeamManager);

        var records = await manager.GetDocumentAsync($"/performance/records/kpi3?month={Key(month)}&show=numerator");

        Assert.Contains(records.QuerySelectorAll("a[href^='/children/']"), a => a.TextContent.Contains("Figure Checked", StringComparison.Ordinal));
        Assert.All(records.QuerySelectorAll("table tbody tr"), r => Assert.Equal("Yes", LastCell(r)));
    }

    [Fact]
    public async Task RecordsOfAnUnknownIndicator_AreNotFound()
    {
        var analyst = await app.SignedInAsAsync(Roles.PerformanceAnalyst);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync("/performance/records/nonsense")).StatusCode);
    }

    [Fact]
    public async Task Commentary_IsCheckedSavedAndShownInThePack_AndAColleaguesChangeIsNotOverwritten()
    {
        var month = LastMonth.AddMonths(-1);
        var url = $"/performance/commentary/kpi1?month={Key(month)}";
        var manager = await app.SignedInAsAsync(Roles.FrontDoorManager);
        var form = await manager.GetDocumentAsync(url);
        var analyst = await app.SignedInAsAsync(Roles.PerformanceAnalyst);
        var analystsForm = await analyst.GetDocumentAsync(url);

        var empty = await (await manager.PostFormAsync(url, form, new Dictionary<string, string> { ["Input.Text"] = " ", ["Input.Version"] = "" })).ReadDocumentAsync();
        Assert.Contains("Enter the commentary", empty.ErrorSummary());

        var saved = await manager.PostFormAsync(url, form, new Dictionary<string, string> { ["Input.Text"] = "Decisions were quicker after the new rota.", ["Input.Version"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var pack = await manager.GetDocumentAsync($"/performance/pack?month={Key(month)}");
        Assert.Contains("Decisions were quicker after the new rota.", pack.QuerySelector("section[aria-labelledby=kpi1] .app-commentary")!.TextContent, StringComparison.Ordinal);

        // The analyst opened the form before the manager saved: their save is refused, naming who changed it.
        var stale = await (await analyst.PostFormAsync(url, analystsForm, new Dictionary<string, string> { ["Input.Text"] = "Draft from the analyst.", ["Input.Version"] = "" })).ReadDocumentAsync();
        Assert.Contains(stale.ErrorSummary(), e => e.Contains("changed this commentary while you were writing", StringComparison.Ordinal));
        await using var db = app.NewDbContext();
        Assert.Equal("Decisions were quicker after the new rota.", (await db.IndicatorCommentaries.SingleAsync(c => c.IndicatorCode == "KPI1" && c.Month == month)).Text);
    }

    [Fact]
    public async Task SigningOff_LocksTheMonthsCommentary_AndHappensOnce()
    {
        var month = LastMonth.AddMonths(-30);
        var manager = await app.SignedInAsAsync(Roles.TeamManager);
        var confirm = await manager.GetDocumentAsync($"/performance/sign-off?month={Key(month)}");
        Assert.Contains("of the 15 contract indicators have no commentary", confirm.Body!.TextContent, StringComparison.Ordinal);

        var signed = await manager.PostFormAsync($"/performance/sign-off?month={Key(month)}", confirm, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);

        var pack = await manager.GetDocumentAsync($"/performance/pack?month={Key(month)}");
        Assert.Contains("The figures and commentary for this month are locked", pack.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(pack.QuerySelectorAll("a[href^='/performance/commentary/']"));
        var commentary = await manager.GetAsync($"/performance/commentary/kpi2?month={Key(month)}");
        Assert.Equal(HttpStatusCode.Redirect, commentary.StatusCode);
        var again = await manager.GetAsync($"/performance/sign-off?month={Key(month)}");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        await using var db = app.NewDbContext();
        Assert.Equal(1, await db.PerformancePackSignOffs.CountAsync(s => s.Month == month));
        Assert.True(await db.AuditEvents.AnyAsync(a => a.EventType == nameof(PerformancePackSignedOff) && a.SubjectId == Key(month)));
    }

    [Fact]
    public async Task ThisMonthsPack_CannotBeSignedOff()
    {
        var thisMonth = LastMonth.AddMonths(1);
        var manager = await app.SignedInAsAsync(Roles.TeamManager);
        var confirm = await manager.GetDocumentAsync($"/performance/sign-off?month={Key(thisMonth)}");
        var refused = await (await manager.PostFormAsync($"/performance/sign-off?month={Key(thisMonth)}", confirm, new Dictionary<string, string>())).ReadDocumentAsync();
        Assert.Contains(refused.QuerySelectorAll(".govuk-error-summary__list li"), e => e.TextContent.Contains("has not ended yet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dashboard_GroupsAPrioritysMeasuresByQuestion()
    {
        await using (var db = app.NewDbContext())
        {
            var partnershipId = await db.Users.Where(u => u.Email == DemoCity.EmailFor(Roles.PerformanceAnalyst)).Select(u => u.PartnershipId).SingleAsync();
            var priority = new DashboardPriority { Id = Guid.NewGuid(), PartnershipId = partnershipId, Name = "Test priority: the front door", Position = 99 };
            priority.Measures.Add(new DashboardMeasure { Id = Guid.NewGuid(), PartnershipId = partnershipId, PriorityId = priority.Id, IndicatorCode = "CONTACTS", Kind = MeasureKind.HowMuch });
            priority.Measures.Add(new DashboardMeasure { Id = Guid.NewGuid(), PartnershipId = partnershipId, PriorityId = priority.Id, IndicatorCode = "KPI1", Kind = MeasureKind.HowWell });
            priority.Measures.Add(new DashboardMeasure { Id = Guid.NewGuid(), PartnershipId = partnershipId, PriorityId = priority.Id, IndicatorCode = "KPI2", Kind = MeasureKind.BetterOff });
            db.DashboardPriorities.Add(priority);
            db.Record(new DashboardPrioritySet(priority.Id, priority.Name, priority.Position, ["CONTACTS", "KPI1", "KPI2"]), new ProcessContext(null, "test set-up", partnershipId, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var board = await app.SignedInAsAsync(Roles.BoardMember);
        var page = await board.GetDocumentAsync("/performance/dashboard");

        var section = page.QuerySelectorAll("section.app-dashboard-priority").Single(s => s.QuerySelector("h2")!.TextContent == "Test priority: the front door");
        var tables = section.QuerySelectorAll("table");
        Assert.Equal(["How much did we do?", "How well did we do it?", "Is anyone better off?"], section.QuerySelectorAll("h3").Select(h => h.TextContent));
        Assert.Contains("Contacts received", tables[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("decision within 24 hours", tables[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("re-referrals", tables[2].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFigures_DownloadAsCsvAndAsAWorkbookWithTheTrends()
    {
        var analyst = await app.SignedInAsAsync(Roles.PerformanceAnalyst);
        var csv = await analyst.GetAsync($"/performance/pack/download?month={Key(LastMonth)}&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"performance-pack-{Key(LastMonth)}.csv", csv.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Code,Indicator,Month,Numerator,Denominator,Value", lines[0], StringComparison.Ordinal);
        Assert.Equal(DefaultIndicators.All.Select(i => i.Code), lines.Skip(1).Select(l => l.Split(',')[0]));

        var xlsx = await analyst.GetAsync($"/performance/pack/download?month={Key(LastMonth)}&format=xlsx");
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(await xlsx.Content.ReadAsStreamAsync(), false);
        var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().ToList();
        Assert.Equal(2, sheets.Count);
        var trends = (DocumentFormat.OpenXml.Packaging.WorksheetPart)workbook.WorkbookPart.GetPartById(sheets[1].Id!);
        Assert.Equal(1 + (DefaultIndicators.All.Count * PerformancePack.TrendMonths), trends.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count());

        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync("/performance/pack/download?format=docx")).StatusCode);
    }

    [Fact]
    public async Task ThePack_PrintsAsATaggedPdf_FromTheSamePage()
    {
        var board = await app.SignedInAsAsync(Roles.BoardMember);
        var pdf = await board.GetAsync($"/performance/pack?month={Key(LastMonth)}&format=pdf");

        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        var text = System.Text.Encoding.Latin1.GetString(bytes);
        Assert.StartsWith("%PDF-", text, StringComparison.Ordinal);
        Assert.Contains("/StructTreeRoot", text, StringComparison.Ordinal);
    }

    private static string LastCell(AngleSharp.Dom.IElement row)
    {
        var cells = row.QuerySelectorAll("td");
        return cells[cells.Length - 1].TextContent.Trim();
    }

    private static Dictionary<string, string> SummaryValues(IHtmlDocument page) =>
        page.QuerySelectorAll(".govuk-summary-list__row").ToDictionary(
            r => r.QuerySelector(".govuk-summary-list__key")!.TextContent.Trim(),
            r => r.QuerySelector(".govuk-summary-list__value")!.TextContent.Trim());

    /// <summary>
    /// A child referred on a Monday with two assessments authorised in <paramref name="month"/>: one on the
    /// 45th working day (in time), one on the 46th (late). Returns the two assessments' ids.
    /// </summary>
    private async Task<(Guid OnTime, Guid Late)> TwoAssessmentsAsync(DateOnly month)
    {
        await using var db = app.NewDbContext();
        var calendar = WorkingDayCalendar.EnglandAndWales();
        var child = await TestChildren.WithoutPathwayAsync(db);
        var person = await db.People.SingleAsync(p => p.Id == child.Id);
        person.GivenName = "Figure";
        person.FamilyName = "Checked";
        var authorised = calendar.WorkingDayOnOrAfter(month.AddDays(10));
        var referral = calendar.AddWorkingDays(authorised, -45);
        var episode = new CinEpisode { Id = Guid.NewGuid(), PartnershipId = child.PartnershipId, PersonId = child.Id, ReferralDate = referral, ReferralSource = "3A" };
        Assessment Assessment(DateOnly on) => new() { Id = Guid.NewGuid(), PartnershipId = child.PartnershipId, EpisodeId = episode.Id, PersonId = child.Id, StartDate = referral, AuthorisationDate = on };
        var onTime = Assessment(authorised);
        var late = Assessment(calendar.AddWorkingDays(authorised, 1));
        db.CinEpisodes.Add(episode);
        db.Assessments.AddRange(onTime, late);
        db.Record(new TestChildren.RecordedForTest(child.Id), new ProcessContext(null, "test set-up", child.PartnershipId, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return (onTime.Id, late.Id);
    }
}
