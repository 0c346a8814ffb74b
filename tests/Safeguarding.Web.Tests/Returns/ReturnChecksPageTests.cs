using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Children;
using Safeguarding.Core.Returns;
using Safeguarding.Core.Returns.Ssda903;
using Safeguarding.Web.Features.Performance.Returns;
using Safeguarding.Web.Tests.Account;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.Returns;

/// <summary>Checking a statutory return before submission: from the records, or uploaded; grouped by rule, filtered, linked to the child.</summary>
public sealed class ReturnChecksPageTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("return-checks-").FullName;

    /// <summary>The last complete collection year, whenever the tests run.</summary>
    private static int LastYear => IndexModel.CollectionYearOf(LondonTime.DateOf(DateTimeOffset.UtcNow)) - 1;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("ssda903", StatutoryReturn.Ssda903, "SSDA903")]
    [InlineData("cin-census", StatutoryReturn.CinCensus, "CIN census")]
    public async Task TheRecords_AreCheckedAsTheExportBuildsThem_AndTheCheckIsAudited(string key, StatutoryReturn kind, string heading)
    {
        var analyst = await app.SignedInAsAsync(Roles.PerformanceAnalyst);
        var summary = await analyst.GetDocumentAsync("/performance");
        Assert.NotNull(summary.QuerySelector("a[href='/performance/returns']"));
        var form = await analyst.GetDocumentAsync("/performance/returns");
        Assert.Equal(3, form.QuerySelectorAll("select[name=Year] option").Length);

        var page = await analyst.GetDocumentAsync($"/performance/returns?return={key}&year={LastYear}");

        Assert.Contains(heading, page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        ReturnCheck expected;
        await using (var db = app.NewDbContext())
        {
            expected = await ReturnChecks.OfRecordsAsync(db, kind, LastYear, DateTimeOffset.UtcNow);
            Assert.True(await db.AuditEvents.AnyAsync(a => a.EventType == "RecordViewed" && a.SubjectType == IndexModel.SubjectType
                && a.SubjectId == $"{key} {LastYear}" && a.ActorUserId != null));
        }

        if (expected.Findings.Count == 0)
        {
            Assert.Contains("No problems found", page.QuerySelector(".govuk-panel")!.TextContent, StringComparison.Ordinal);
        }
        else
        {
            var rows = page.QuerySelectorAll("caption").Single(c => c.TextContent.Contains("Findings by rule", StringComparison.Ordinal)).ParentElement!.QuerySelectorAll("tbody tr");
            Assert.Equal(expected.Rules.Select(r => r.Rule), rows.Select(r => r.QuerySelector("th")!.TextContent.Split(':')[0].Trim()));
            Assert.Contains($"{expected.Errors:N0}: the DfE will not accept", page.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnUploadedReturn_IsReportedByRule_FilteredByChild_LinkedToTheRecord_AndDownloadable()
    {
        // A team manager may open children's records, so each finding links to one.
        var analyst = await app.SignedInAsAsync(Roles.TeamManager);
        var (files, child, personId) = await ReturnWithABadSexCodeAsync();

        var response = await UploadAsync(analyst, "ssda903", LastYear, files);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var results = response.Location();
        Assert.StartsWith("/performance/returns?upload=", results, StringComparison.Ordinal);
        var page = await analyst.GetDocumentAsync(results);
        Assert.Contains("header.csv", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var ruleLink = page.QuerySelectorAll<IHtmlAnchorElement>("table a").First(a => a.TextContent.StartsWith(ReturnCheck.SpecificationRule, StringComparison.Ordinal));

        var byChild = await analyst.GetDocumentAsync(results + "&child=" + Uri.EscapeDataString(child));

        var groups = byChild.QuerySelectorAll("caption").Where(c => c.TextContent.StartsWith("Rule ", StringComparison.Ordinal)).ToList();
        Assert.Contains(groups, g => g.TextContent.StartsWith($"Rule {ReturnCheck.SpecificationRule} (error)", StringComparison.Ordinal));
        var childCells = groups.SelectMany(g => g.ParentElement!.QuerySelectorAll("tbody tr td:first-child")).ToList();
        Assert.NotEmpty(childCells);
        Assert.All(childCells, cell => Assert.StartsWith(child, cell.TextContent.Trim(), StringComparison.Ordinal));
        Assert.All(childCells, cell => Assert.Equal($"/children/{personId}", cell.QuerySelector("a")!.GetAttribute("href")));

        var onlyRule = await analyst.GetDocumentAsync(ruleLink.GetAttribute("href")!);
        Assert.All(onlyRule.QuerySelectorAll("caption").Where(c => c.TextContent.StartsWith("Rule ", StringComparison.Ordinal)),
            c => Assert.StartsWith($"Rule {ReturnCheck.SpecificationRule} ", c.TextContent, StringComparison.Ordinal));

        var csv = await analyst.GetAsync(results + "&handler=csv&child=" + Uri.EscapeDataString(child));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Rule,Error or query,Child,Where,Fields,Message", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith($"{ReturnCheck.SpecificationRule},Error,{child},", StringComparison.Ordinal) && l.Contains(",SEX,", StringComparison.Ordinal));
        Assert.All(lines.Skip(1), l => Assert.Contains($",{child},", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUploadIsOnlyForThePersonWhoUploadedIt()
    {
        var analyst = await app.SignedInAsAsync(Roles.PerformanceAnalyst);
        var (files, _, _) = await ReturnWithABadSexCodeAsync();
        var results = (await UploadAsync(analyst, "ssda903", LastYear, files)).Location();
        var manager = await app.SignedInAsAsync(Roles.TeamManager);

        var response = await manager.GetAsync(results);
        var csv = await manager.GetAsync(results + "&handler=csv");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/performance/returns", response.Location());
        Assert.Equal(HttpStatusCode.NotFound, csv.StatusCode);
    }

    [Fact]
    public async Task AFileThatIsNotXml_IsNamedWithItsLine_AndNothingElseIsChecked()
    {
        var analyst = await app.SignedInAsAsync(Roles.PerformanceAnalyst);

        var response = await UploadAsync(analyst, "cin-census", LastYear, [("census.xml", Encoding.UTF8.GetBytes("<Message>\n<Header>\n</Message>"))]);
        var page = await analyst.GetDocumentAsync(response.Location());

        var problems = page.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("The return could not be checked", problems, StringComparison.Ordinal);
        Assert.Contains("census.xml, line 3", problems, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("caption"));
    }

    [Theory]
    [InlineData("", "data.csv", "Select the return to check")]
    [InlineData("cin-census", "data.csv", "data.csv is not an XML file: the CIN census is one .xml file")]
    [InlineData("ssda903", "census.xml", "census.xml is not a CSV file: the SSDA903 is a set of .csv files")]
    [InlineData("ssda903", "", "Select the return's CSV files")]
    public async Task AnUploadThatCannotBeChecked_IsRefusedWithAReason(string chosen, string fileName, string message)
    {
        var analyst = await app.SignedInAsAsync(Roles.PerformanceAnalyst);
        List<(string, byte[])> files = fileName.Length == 0 ? [] : [(fileName, "x"u8.ToArray())];

        var response = await UploadAsync(analyst, chosen, LastYear, files);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains(message, page.ErrorSummary());
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnalystWhoMayNotOpenChildrensRecords_SeesTheChildIdWithoutALink()
    {
        var analyst = await app.SignedInAsAsync(Roles.PerformanceAnalyst);
        var (files, child, _) = await ReturnWithABadSexCodeAsync();

        var results = (await UploadAsync(analyst, "ssda903", LastYear, files)).Location();
        var page = await analyst.GetDocumentAsync(results + "&child=" + Uri.EscapeDataString(child));

        var cells = page.QuerySelectorAll("caption").Where(c => c.TextContent.StartsWith("Rule ", StringComparison.Ordinal))
            .SelectMany(c => c.ParentElement!.QuerySelectorAll("tbody tr td:first-child")).ToList();
        Assert.NotEmpty(cells);
        Assert.All(cells, cell => Assert.Equal((child, null), (cell.TextContent.Trim(), cell.QuerySelector("a"))));
        Assert.DoesNotContain("Error:", page.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("return=annex&year={0}", "Select the return to check")]
    [InlineData("return=ssda903&year=2001", "Select a collection year from")]
    public async Task AChoiceThatIsNotOffered_IsShownInTheErrorSummary(string query, string message)
    {
        var analyst = await app.SignedInAsAsync(Roles.FrontDoorManager);

        var page = await analyst.GetDocumentAsync("/performance/returns?" + string.Format(System.Globalization.CultureInfo.InvariantCulture, query, LastYear));

        Assert.Contains(page.ErrorSummary(), e => e.StartsWith(message, StringComparison.Ordinal));
        Assert.Null(page.QuerySelector(".govuk-summary-list"));
    }

    /// <summary>The demo city's SSDA903 for the year with one more header row: a real child with a sex code the specification does not have.</summary>
    private async Task<(List<(string Name, byte[] Content)> Files, string Child, Guid PersonId)> ReturnWithABadSexCodeAsync()
    {
        await using var db = app.NewDbContext();
        var person = await TestChildren.OpenChildAsync(db, skip: 3);
        var child = await db.PersonIdentifiers.Where(i => i.PersonId == person.Id && i.Type == PersonIdentifierType.LocalAuthorityChildId)
            .OrderByDescending(i => i.RecordedAt).Select(i => i.Value).FirstOrDefaultAsync() ?? ReturnChildren.SystemChildId(person.Id);
        var directory = Path.Combine(folder, Guid.NewGuid().ToString("N"));
        await Ssda903Files.WriteAsync(await new Ssda903Export(db).ExportAsync(LastYear), directory);
        var files = Directory.GetFiles(directory).Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).ToList();
        var header = files.FindIndex(f => f.Item1 == "header.csv");
        var columns = Encoding.UTF8.GetString(files[header].Item2).Split("\r\n")[0].Split(',');
        var row = string.Join(',', columns.Select(c => c switch
        {
            "CHILD" => child,
            "SEX" => "Q",
            "DOB" => Ssda903Export.Date(person.DateOfBirth),
            _ => "",
        }));
        files[header] = ("header.csv", [.. files[header].Item2, .. Encoding.UTF8.GetBytes(row + "\r\n")]);
        return (files, child, person.Id);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string chosen, int year, IEnumerable<(string Name, byte[] Content)> files)
    {
        var page = await client.GetDocumentAsync("/performance/returns/upload");
        var token = page.QuerySelector<IHtmlInputElement>("form[method=post] input[name=__RequestVerificationToken]")!.Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(chosen), "Return" },
            { new StringContent(year.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Year" },
        };
        foreach (var (name, content) in files)
        {
            form.Add(new ByteArrayContent(content), "Files", name);
        }

        return await client.PostAsync("/performance/returns/upload", form);
    }
}
