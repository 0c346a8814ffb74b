using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Returns.AnnexA;
using Safeguarding.Web.Tests.CommandLine;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.Returns;

/// <summary>The Ofsted Annex A page and `export annex-a`, against the demo city.</summary>
public sealed class AnnexAPageTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("annex-a-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task AnAnalyst_DownloadsTheWorkbook_AndTheDownloadIsAudited()
    {
        var analyst = await app.SignedInAsAsync(Roles.PerformanceAnalyst);
        var summary = await analyst.GetDocumentAsync("/performance");
        Assert.NotNull(summary.QuerySelector("a[href='/performance/annex-a']"));
        var page = await analyst.GetDocumentAsync("/performance/annex-a");
        Assert.Equal(11, page.QuerySelectorAll("table tbody tr").Length);
        Assert.Contains("List 8 - Children in care", page.QuerySelector("table")!.TextContent, StringComparison.Ordinal);

        var response = await analyst.PostFormAsync("/performance/annex-a", page, Date(2026, 3, 14));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(AnnexAExport.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("ofsted-annex-a-2026-03-14.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var workbook = SpreadsheetDocument.Open(stream, isEditable: false);
        var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(AnnexAExport.SheetNames.Values, sheets);
        // The demo city has ten years of referrals: some fall in the six months to 14 March 2026.
        var referrals = (WorksheetPart)workbook.WorkbookPart.GetPartById(workbook.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "List 3 - Referrals").Id!);
        Assert.True(referrals.Worksheet.Descendants<Row>().Count() > 1);

        await using var db = app.NewDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(a => a.EventType == "RecordViewed" && a.SubjectType == AnnexAExport.SubjectType && a.SubjectId == "2026-03-14"
            && a.Reason == AnnexAExport.AccessPurpose && a.ActorUserId != null));
    }

    [Theory]
    [InlineData("31", "2", "2026", "Inspection date must be a real date")]
    [InlineData("", "", "", "Enter the inspection date")]
    [InlineData("1", "1", "2017", "Inspection date must be on or after 1 January 2018, when these inspections began")]
    public async Task AnInvalidDate_IsShownInTheErrorSummary_AndNothingIsDownloaded(string day, string month, string year, string message)
    {
        var manager = await app.SignedInAsAsync(Roles.TeamManager);
        var page = await manager.GetDocumentAsync("/performance/annex-a");

        var response = await manager.PostFormAsync("/performance/annex-a", page, new Dictionary<string, string>
        {
            ["InspectionDate-day"] = day,
            ["InspectionDate-month"] = month,
            ["InspectionDate-year"] = year,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var shown = await response.ReadDocumentAsync();
        Assert.Equal([message], shown.ErrorSummary());
        Assert.StartsWith("Error:", shown.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADateAfterToday_IsRefused()
    {
        var manager = await app.SignedInAsAsync(Roles.FrontDoorManager);
        var page = await manager.GetDocumentAsync("/performance/annex-a");
        var tomorrow = LondonTime.DateOf(DateTimeOffset.UtcNow).AddDays(1);

        var response = await manager.PostFormAsync("/performance/annex-a", page, Date(tomorrow.Year, tomorrow.Month, tomorrow.Day));

        Assert.Equal(["Inspection date must be today or in the past"], (await response.ReadDocumentAsync()).ErrorSummary());
    }

    [Fact]
    public async Task ABoardMember_MayReadThePackButNotDownloadTheLists()
    {
        var board = await app.SignedInAsAsync(Roles.BoardMember);

        var summary = await board.GetDocumentAsync("/performance");
        var response = await board.GetAsync("/performance/annex-a");

        Assert.Null(summary.QuerySelector("a[href='/performance/annex-a']"));
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("/error/403", StringComparison.Ordinal) == true,
            $"{(int)response.StatusCode} {response.Headers.Location}");
    }

    [Fact]
    public async Task TheVerb_WritesTheWorkbook_PrintsRowsPerList_AndIsAudited()
    {
        var path = Path.Combine(folder, "annex-a.xlsx");

        var (exit, output, error) = await Verbs.RunAsync(app, "export", "annex-a", "--out", path, "--date", "2026-02-27", "--json");

        Assert.True(exit == 0, output + error);
        using var json = JsonDocument.Parse(output);
        var lists = json.RootElement.GetProperty("lists").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 11), lists.Select(l => l.GetProperty("list").GetInt32()));
        Assert.Equal(("2025-08-28", "2026-02-27"), (lists[0].GetProperty("from").GetString(), lists[0].GetProperty("to").GetString()));
        Assert.Equal("2025-02-28", lists[9].GetProperty("from").GetString());
        Assert.Equal(0, lists[1].GetProperty("rows").GetInt32());
        Assert.True(json.RootElement.GetProperty("annex_a_export_seconds").GetDouble() >= 0);
        using (var workbook = SpreadsheetDocument.Open(path, isEditable: false))
        {
            Assert.Equal(11, workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Count());
        }

        var (_, said, _) = await Verbs.RunAsync(app, "export", "annex-a", "--out", path, "--date", "2026-02-27");
        Assert.Contains("List 1 - Contacts: ", said, StringComparison.Ordinal);
        Assert.Contains("Ofsted Annex A for an inspection on Fri 27 Feb 2026", said, StringComparison.Ordinal);

        await using var db = app.NewDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(a => a.SubjectType == AnnexAExport.SubjectType && a.SubjectId == "2026-02-27" && a.Reason == AnnexAExport.AccessPurpose));
    }

    [Fact]
    public async Task TheVerb_RefusesADateItCannotRead()
    {
        var (exit, _, error) = await Verbs.RunAsync(app, "export", "annex-a", "--out", Path.Combine(folder, "x.xlsx"), "--date", "27/02/2026");

        Assert.Equal(2, exit);
        Assert.Contains("--date needs the inspection date as YYYY-MM-DD", error, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Date(int year, int month, int day) => new()
    {
        ["InspectionDate-day"] = day.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["InspectionDate-month"] = month.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["InspectionDate-year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
