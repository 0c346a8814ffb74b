using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Performance;
using Safeguarding.Web.Tests.Account;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.PerformanceSettings;

/// <summary>
/// Targets, entered figures, comparators (typed and imported) and population through the pages, as the
/// performance analyst. Each test uses its own indicators and years, since the class shares one database.
/// Who may open the pages is in RouteAccessTests.
/// </summary>
public sealed class PerformanceSettingsPagesTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>
{
    private static int CurrentYear => PerformanceMonths.FinancialYearOf(LondonTime.DateOf(DateTimeOffset.UtcNow));

    private static DateOnly LastMonth => PerformanceMonths.StartOf(LondonTime.DateOf(DateTimeOffset.UtcNow)).AddMonths(-1);

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, params (string, string)[] fields)
    {
        var page = await client.GetDocumentAsync(url);
        return await client.PostFieldsAsync(url, page, fields);
    }

    /// <summary>The summary holds exactly these errors, in any order (fields are listed as ModelState holds them).</summary>
    private static void AssertErrors(IHtmlDocument page, params (string Text, string Href)[] expected) =>
        Assert.Equal(expected.Order(), page.ErrorSummaryLinks().Order());

    // Index

    [Fact]
    public async Task Index_ListsEveryIndicator_WithItsTargetAndLinks()
    {
        var analyst = await app.SignedInAsAsync(Roles.PerformanceAnalyst);

        var page = await analyst.GetDocumentAsync("/performance/settings");

        foreach (var definition in DefaultIndicators.All)
        {
            Assert.NotNull(page.GetElementById("indicator-" + definition.Code));
        }

        var kpi1 = page.GetElementById("indicator-KPI1")!;
        Assert.Contains("Calculated from records", kpi1.TextContent, StringComparison.Ordinal);
        Assert.Contains("80% (tolerance 75% to 95%)", kpi1.TextContent, StringComparison.Ordinal);
        Assert.Contains("Default (2020/21 contract)", kpi1.TextContent, StringComparison.Ordinal);
        Assert.NotNull(kpi1.QuerySelector("a[href='/performance/settings/targets/kpi1']"));
        Assert.Equal("Enter earlier figures for KPI1", kpi1.QuerySelector("a[href='/performance/settings/figures/kpi1']")!.TextContent.Trim());
        Assert.All(DefaultIndicators.All, d => Assert.Contains("Calculated from records", page.GetElementById("indicator-" + d.Code)!.TextContent, StringComparison.Ordinal));
        Assert.Contains("No target", page.GetElementById("indicator-RATE-REFERRALS")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Contract KPIs", "Headline rates per 10,000 children", "Activity"], page.QuerySelectorAll("caption").Select(c => c.TextContent.Trim()));
    }

    // Targets

    [Fact]
    public async Task Target_Get_PrefillsTheCurrentYearAndTheTargetInForce_AsAPercentage()
    {
        var analyst = await app.SignedInAsAsync(Roles.PerformanceAnalyst);

        var page = await analyst.GetDocumentAsync("/performance/settings/targets/kpi1");

        Assert.Equal(Year(CurrentYear), page.QuerySelector<IHtmlInputElement>("#Input_Year")!.Value);
        Assert.Equal("80", page.QuerySelector<IHtmlInputElement>("#Input_Target")!.Value);
        Assert.Equal("75", page.QuerySelector<IHtmlInputElement>("#Input_ToleranceLow")!.Value);
        Assert.Equal("95", page.QuerySelector<IHtmlInputElement>("#Input_ToleranceHigh")!.Value);
        Assert.Equal("Head of Service, Children's Advice and Support", page.QuerySelector<IHtmlInputElement>("#Input_Owner")!.Value);
        Assert.Contains("%", page.QuerySelector(".govuk-input__suffix")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Default (2020/21 contract)", page.GetElementById("history")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Target_Valid_IsSavedAsAFraction_ShownInForce_InTheHistory_AndAudited()
    {
        var analyst = await app.SignedInAsAsync(Roles.PerformanceAnalyst);

        var response = await PostAsync(analyst, "/performance/settings/targets/kpi4",
            ("Input.Year", Year(CurrentYear)), ("Input.Target", "90"), ("Input.ToleranceLow", "85%"), ("Input.ToleranceHigh", "95"), ("Input.Owner", "Head of Child Protection"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/performance/settings", response.Location());
        await using (var db = app.NewDbContext())
        {
            var saved = await db.IndicatorTargets.IgnoreQueryFilters().SingleAsync(t => t.IndicatorCode == "KPI4");
            Assert.Equal((CurrentYear, 0.90m, 0.85m, 0.95m, "Head of Child Protection"), (saved.Year, saved.Target!.Value, saved.ToleranceLow!.Value, saved.ToleranceHigh!.Value, saved.Owner));
            Assert.True(await db.AuditEvents.AnyAsync(e => e.EventType == nameof(IndicatorTargetSet) && e.SubjectId == $"KPI4/{CurrentYear}"));
        }

        var index = await analyst.GetDocumentAsync("/performance/settings");
        Assert.Contains("Target for KPI4 set", index.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        var row = index.GetElementById("indicator-KPI4")!.TextContent;
        Assert.Contains("90% (tolerance 85% to 95%)", row, StringComparison.Ordinal);
        Assert.Contains($"Set for {PerformanceMonths.FinancialYearName(CurrentYear)}", row, StringComparison.Ordinal);
        Assert.Contains("Head of Child Protection", row, StringComparison.Ordinal);
        var history = (await analyst.GetDocumentAsync("/performance/settings/targets/kpi4")).GetElementById("history")!.TextContent;
        Assert.Contains(PerformanceMonths.FinancialYearName(CurrentYear), history, StringComparison.Ordinal);
        Assert.Contains("80% (tolerance 75% to 85%)", history, StringComparison.Ordinal); // the default stays listed
    }

    [Fact]
    public async Task Target_Invalid_ShowsEachMessageInTheSummary_AndSavesNothing()
    {
        var analyst = await app.SignedInAsAsync(Roles.PerformanceAnalyst);
        const string url = "/performance/settings/targets/kpi5";

        var words = await (await PostAsync(analyst, url, ("Input.Year", "next year"), ("Input.Target", "ten"), ("Input.ToleranceLow", ""), ("Input.ToleranceHigh", ""), ("Input.Owner", ""))).ReadDocumentAsync();
        var range = await (await PostAsync(analyst, url, ("Input.Year", "2026"), ("Input.Target", "120"), ("Input.ToleranceLow", "12"), ("Input.ToleranceHigh", "8"), ("Input.Owner", ""))).ReadDocumentAsync();
        var noTarget = await (await PostAsync(analyst, url, ("Input.Year", "1990"), ("Input.Target", ""), ("Input.ToleranceLow", "5"), ("Input.ToleranceHigh", ""), ("Input.Owner", ""))).ReadDocumentAsync();

        AssertErrors(words, ("Enter the year the financial year starts as a whole number, for example 2026 for 2026/27", "#Input_Year"), ("The target must be a number", "#Input_Target"));
        Assert.Equal("ten", words.QuerySelector<IHtmlInputElement>("#Input_Target")!.Value);
        Assert.Contains(("The target must be a percentage from 0% to 100%", "#Input_Target"), range.ErrorSummaryLinks());
        Assert.Contains(("The upper end of the tolerance must be the same as or more than the lower end", "#Input_ToleranceHigh"), range.ErrorSummaryLinks());
        Assert.Contains(("Enter a target, or clear the tolerance too", "#Input_Target"), noTarget.ErrorSummaryLinks());
        Assert.Contains(noTarget.ErrorSummaryLinks(), l => l.Href == "#Input_Year" && l.Text.StartsWith("Enter the year the financial year starts, for example 2025", StringComparison.Ordinal));
        Assert.StartsWith("Error: ", words.Title, StringComparison.Ordinal);
        await using var db = app.NewDbContext();
        Assert.False(await db.IndicatorTargets.IgnoreQueryFilters().AnyAsync(t => t.IndicatorCode == "KPI5"));
    }

    [Fact]
    public async Task Target_UnknownIndicator_IsNotFound()
    {
        var analyst = await app.SignedInAsAsync(Roles.PerformanceAnalyst);

        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync("/performance/settings/targets/kpi99")).StatusCode);
    }

    // Entered figures

    [Fact]
    public async Task Figure_Valid_WorksOutThePercentage_AndListsItWithSourceAndWho()
    {
        var analyst = await app.SignedInAsAsync(Roles.PerformanceAnalyst);
        const string url = "/performance/settings/figures/kpi13";

        var response = await PostAsync(analyst, url,
            ("Input.Month", PerformanceMonths.Key(LastMonth)), ("Input.Numerator", "12"), ("Input.Denominator", "100"), ("Input.Source", "HR establishment report"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using (var db = app.NewDbContext())
        {
            var saved = await db.IndicatorFigures.IgnoreQueryFilters().SingleAsync(f => f.IndicatorCode == "KPI13" && f.RecordedByUserId != null);
            Assert.Equal((LastMonth, 12m, 100m, 0.12m), (saved.Month, saved.Numerator!.Value, saved.Denominator!.Value, saved.Value));
        }

        var page = await analyst.GetDocumentAsync(url);
        var row = page.QuerySelector("#figures tbody tr")!.TextContent;
        Assert.Contains(PerformanceMonths.Name(LastMonth), row, StringComparison.Ordinal);
        Assert.Contains("12%", row, StringComparison.Ordinal);
        Assert.Contains("HR establishment report", row, StringComparison.Ordinal);
        Assert.Contains("Rajesh Patel", row, StringComparison.Ordinal);
        Assert.Equal(24, page.QuerySelectorAll("#Input_Month option").Length);
    }

    [Fact]
    public async Task Figure_Invalid_ShowsTheMessages_AndSavesNothing()
    {
        var analyst = await app.SignedInAsAsync(Roles.PerformanceAnalyst);
        var month = PerformanceMonths.Key(LastMonth);

        var more = await (await PostAsync(analyst, "/performance/settings/figures/kpi15",
            ("Input.Month", month), ("Input.Numerator", "12"), ("Input.Denominator", "10"), ("Input.Source", "Supervision log"))).ReadDocumentAsync();
        var words = await (await PostAsync(analyst, "/performance/settings/figures/kpi15",
            ("Input.Month", month), ("Input.Numerator", "twelve"), ("Input.Denominator", "10"), ("Input.Source", ""))).ReadDocumentAsync();
        var value = await (await PostAsync(analyst, "/performance/settings/figures/kpi14",
            ("Input.Month", "1999-01"), ("Input.Value", "lots"), ("Input.Source", "Caseload report"))).ReadDocumentAsync();

        Assert.Equal([("The number cannot be more than the total", "#Input_Numerator")], more.ErrorSummaryLinks());
        Assert.Equal([("The number must be a number, for example 42", "#Input_Numerator")], words.ErrorSummaryLinks());
        AssertErrors(value, ("Select the month", "#Input_Month"), ("The figure must be a number, for example 42", "#Input_Value"));
        await using var db = app.NewDbContext();
        Assert.False(await db.IndicatorFigures.IgnoreQueryFilters().AnyAsync(f => (f.IndicatorCode == "KPI15" || f.IndicatorCode == "KPI14") && f.RecordedByUserId != null));
    }

    [Fact]
    public async Task Figure_ForASignedOffMonth_IsRefused()
    {
        var analyst = await app.SignedInAsAsync(Roles.PerformanceAnalyst);
        var month = LastMonth.AddMonths(-3);
        await using (var db = app.NewDbContext())
        {
            var partnershipId = await db.Partnerships.Select(p => p.Id).SingleAsync();
            var manager = await db.Users.SingleAsync(u => u.Email == Safeguarding.SyntheticData.DemoCity.EmailFor(Roles.TeamManager));
            var signOff = new PerformancePackSignOff { Id = Guid.NewGuid(), PartnershipId = partnershipId, Month = month, SignedOffByUserId = manager.Id, SignedOffByName = manager.DisplayName, SignedOffAt = DateTimeOffset.UtcNow };
            db.PerformancePackSignOffs.Add(signOff);
            db.Record(new PerformancePackSignedOff(month, signOff.Id), new ProcessContext(manager.Id, manager.DisplayName, partnershipId, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var page = await (await PostAsync(analyst, "/performance/settings/figures/kpi14",
            ("Input.Month", PerformanceMonths.Key(month)), ("Input.Value", "5"), ("Input.Source", "Caseload report"))).ReadDocumentAsync();

        Assert.Equal([($"The pack for {PerformanceMonths.Name(month)} has been signed off, so its figures are locked", "#Input_Month")], page.ErrorSummaryLinks());
        await using var check = app.NewDbContext();
        Assert.False(await check.IndicatorFigures.IgnoreQueryFilters().AnyAsync(f => f.IndicatorCode == "KPI14" && f.RecordedByUserId != null));
    }

    [Fact]
    public async Task Figure_ForAnUnknownIndicator_IsNotFound()
    {
        var analyst = await app.SignedInAsAsync(Roles.PerformanceAnalyst);

        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync("/performance/settings/figures/kpi99")).StatusCode);
    }

    // Comparators

    [Fact]
    public async Task Comparator_Valid_IsSavedInTheIndicatorsUnit_AndListed()
    {
        var analyst = await app.SignedInAsAsync(Roles.PerformanceAnalyst);

        var response = await PostAsync(analyst, "/performance/settings/comparators/add",
            ("Input.IndicatorCode", "KPI2"), ("Input.Kind", "StatisticalNeighbours"), ("Input.Year", "2019"), ("Input.Value", "23"), ("Input.Source", "DfE CIN 2019-20"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/performance/settings/comparators?indicator=KPI2", response.Location());
        await using (var db = app.NewDbContext())
        {
            var saved = await db.IndicatorComparators.IgnoreQueryFilters().SingleAsync(c => c.IndicatorCode == "KPI2" && c.RecordedByUserId != null);
            Assert.Equal((ComparatorKind.StatisticalNeighbours, 2019, 0.23m, "DfE CIN 2019-20"), (saved.Kind, saved.Year, saved.Value, saved.Source));
        }

        var list = await analyst.GetDocumentAsync("/performance/settings/comparators?indicator=KPI2");
        // The demo city has comparators of its own for later years; this one is 2019/20's.
        var cells = list.QuerySelectorAll("#comparators tbody tr").Single(r => r.TextContent.Contains("2019/20", StringComparison.Ordinal))
            .QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["KPI2", "Statistical neighbours", "2019/20", "23%", "DfE CIN 2019-20"], cells);
        Assert.Contains("saved", list.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comparator_Invalid_ShowsTheMessages_AndSavesNothing()
    {
        var analyst = await app.SignedInAsAsync(Roles.PerformanceAnalyst);

        var empty = await (await PostAsync(analyst, "/performance/settings/comparators/add",
            ("Input.IndicatorCode", ""), ("Input.Year", ""), ("Input.Value", ""), ("Input.Source", ""))).ReadDocumentAsync();
        var words = await (await PostAsync(analyst, "/performance/settings/comparators/add",
            ("Input.IndicatorCode", "KPI9"), ("Input.Kind", "England"), ("Input.Year", "2019/20"), ("Input.Value", "high"), ("Input.Source", "DfE"))).ReadDocumentAsync();
        var range = await (await PostAsync(analyst, "/performance/settings/comparators/add",
            ("Input.IndicatorCode", "KPI9"), ("Input.Kind", "England"), ("Input.Year", "2019"), ("Input.Value", "150"), ("Input.Source", ""))).ReadDocumentAsync();

        var emptyLinks = empty.ErrorSummaryLinks();
        Assert.Contains(("Select an indicator", "#Input_IndicatorCode"), emptyLinks);
        Assert.Contains(emptyLinks, l => l.Text.StartsWith("Select the comparator", StringComparison.Ordinal));
        Assert.Contains(("Enter the published figure", "#Input_Value"), emptyLinks);
        Assert.Contains(("Enter the year the financial year starts as a whole number, for example 2019 for 2019/20", "#Input_Year"), words.ErrorSummaryLinks());
        Assert.Contains(("The published figure must be a number", "#Input_Value"), words.ErrorSummaryLinks());
        Assert.Contains(("The published figure must be a percentage from 0% to 100%", "#Input_Value"), range.ErrorSummaryLinks());
        Assert.Contains(range.ErrorSummaryLinks(), l => l.Href == "#Input_Source");
        await using var db = app.NewDbContext();
        Assert.False(await db.IndicatorComparators.IgnoreQueryFilters().AnyAsync(c => c.IndicatorCode == "KPI9" && c.RecordedByUserId != null));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content)
    {
        var page = await client.GetDocumentAsync("/performance/settings/comparators/import");
        var token = page.QuerySelector<IHtmlInputElement>("form[method=post] input[name=__RequestVerificationToken]")!.Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "Upload", fileName },
        };
        return await client.PostAsync("/performance/settings/comparators/import", form);
    }

    [Fact]
    public async Task Import_AGoodFile_LoadsEveryLine()
    {
        var analyst = await app.SignedInAsAsync(Roles.PerformanceAnalyst);
        var csv = ComparatorCsv.Header + "\n"
            + "KPI6,England,2019/20,68%,DfE Children looked after 2020\n"
            + "KPI6,Statistical neighbours,2019,70,DfE Children looked after 2020\n"
            + "RATE-CIC,Region,2019/20,\"1,074\",\"DfE, Children looked after 2020\"\n";

        var response = await UploadAsync(analyst, "comparators.csv", Encoding.UTF8.GetBytes(csv));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await analyst.GetDocumentAsync(response.Location());
        Assert.Contains("3 comparators loaded", list.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        await using var db = app.NewDbContext();
        var saved = await db.IndicatorComparators.IgnoreQueryFilters().Where(c => (c.IndicatorCode == "KPI6" || c.IndicatorCode == "RATE-CIC") && c.RecordedByUserId != null).OrderBy(c => c.Value).ToListAsync();
        Assert.Equal([0.68m, 0.70m, 1074m], saved.Select(c => c.Value));
        Assert.Equal("DfE, Children looked after 2020", saved[2].Source);
    }

    [Fact]
    public async Task Import_AFileWithBadLines_LoadsNothing_AndNamesEveryBadLine()
    {
        var analyst = await app.SignedInAsAsync(Roles.PerformanceAnalyst);
        var csv = ComparatorCsv.Header + "\n"
            + "KPI7,England,2019/20,11,DfE Children looked after 2020\n"
            + "KPI99,England,2019/20,11,DfE Children looked after 2020\n"
            + "KPI7,Region,2019/20,11,DfE Children looked after 2020\n"
            + "KPI7,Region,2019/20,eleven,DfE Children looked after 2020\n";

        var page = await (await UploadAsync(analyst, "comparators.csv", Encoding.UTF8.GetBytes(csv))).ReadDocumentAsync();

        Assert.Equal(
            [("Line 3: there is no indicator called KPI99", "#Upload"), ("Line 5: the value must be a number, not eleven", "#Upload")],
            page.ErrorSummaryLinks());
        Assert.NotNull(page.GetElementById("Upload"));
        await using var db = app.NewDbContext();
        Assert.False(await db.IndicatorComparators.IgnoreQueryFilters().AnyAsync(c => c.IndicatorCode == "KPI7" && c.RecordedByUserId != null));
    }

    [Fact]
    public async Task Import_RefusesAFileThatIsNotCsv_OrTooLarge_OrMissing()
    {
        var analyst = await app.SignedInAsAsync(Roles.PerformanceAnalyst);

        var excel = await (await UploadAsync(analyst, "comparators.xlsx", "PK"u8.ToArray())).ReadDocumentAsync();
        var large = await (await UploadAsync(analyst, "comparators.csv", new byte[(1024 * 1024) + 1])).ReadDocumentAsync();
        var empty = await (await UploadAsync(analyst, "comparators.csv", [])).ReadDocumentAsync();

        Assert.Equal(["The selected file must be a CSV"], excel.ErrorSummary());
        Assert.Equal(["The selected file must be smaller than 1MB"], large.ErrorSummary());
        Assert.Equal(["Select a CSV file"], empty.ErrorSummary());
    }

    [Fact]
    public async Task Import_ShowsTheHeader_AndTheTemplateIsACsvAttachment()
    {
        var analyst = await app.SignedInAsAsync(Roles.PerformanceAnalyst);

        var page = await analyst.GetDocumentAsync("/performance/settings/comparators/import");
        var template = await analyst.GetAsync("/performance/settings/comparators/template");

        Assert.Equal(ComparatorCsv.Header, page.GetElementById("header")!.TextContent.Trim());
        Assert.Equal("text/csv", template.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", template.Content.Headers.ContentDisposition!.DispositionType);
        var text = await template.Content.ReadAsStringAsync();
        Assert.StartsWith(ComparatorCsv.Header, text.TrimStart('\uFEFF'), StringComparison.Ordinal);
        var (forms, errors) = ComparatorCsv.Parse(text);
        Assert.Empty(errors);
        Assert.Single(forms);
    }

    // Population

    [Fact]
    public async Task Population_Valid_IsSavedAndListed()
    {
        var analyst = await app.SignedInAsAsync(Roles.PerformanceAnalyst);

        var response = await PostAsync(analyst, "/performance/settings/population", ("Input.Year", "2030"), ("Input.Children", "245,000"), ("Input.Source", "ONS projection 2030"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await analyst.GetDocumentAsync("/performance/settings/population");
        var row = page.QuerySelectorAll("#populations tbody tr").Single(r => r.TextContent.Contains("2030/31", StringComparison.Ordinal)).TextContent;
        Assert.Contains("245,000", row, StringComparison.Ordinal);
        Assert.Contains("ONS projection 2030", row, StringComparison.Ordinal);
        Assert.Contains("Child population for 2030/31 set to 245,000", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        await using var db = app.NewDbContext();
        Assert.Equal(245_000, (await db.ChildPopulations.IgnoreQueryFilters().SingleAsync(p => p.Year == 2030)).Children);
    }

    [Fact]
    public async Task Population_Invalid_ShowsTheMessages_AndSavesNothing()
    {
        var analyst = await app.SignedInAsAsync(Roles.PerformanceAnalyst);

        var words = await (await PostAsync(analyst, "/performance/settings/population", ("Input.Year", "2031"), ("Input.Children", "lots"), ("Input.Source", "ONS"))).ReadDocumentAsync();
        var zero = await (await PostAsync(analyst, "/performance/settings/population", ("Input.Year", "2031"), ("Input.Children", "0"), ("Input.Source", ""))).ReadDocumentAsync();

        Assert.Equal([("The number of children must be a whole number, for example 245000", "#Input_Children")], words.ErrorSummaryLinks());
        Assert.Contains(("Enter the number of children aged 0 to 17, a whole number more than 0", "#Input_Children"), zero.ErrorSummaryLinks());
        Assert.Contains(zero.ErrorSummaryLinks(), l => l.Href == "#Input_Source");
        await using var db = app.NewDbContext();
        Assert.False(await db.ChildPopulations.IgnoreQueryFilters().AnyAsync(p => p.Year == 2031));
    }
}
