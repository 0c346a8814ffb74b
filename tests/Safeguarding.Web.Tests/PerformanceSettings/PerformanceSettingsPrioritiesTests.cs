using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Performance;
using Safeguarding.Web.Tests.Account;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.PerformanceSettings;

/// <summary>The partnership dashboard's priorities and measures through the pages, as an administrator. Who may open them is in RouteAccessTests.</summary>
public sealed class PerformanceSettingsPrioritiesTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>
{
    private const string Root = "/performance/settings/priorities";

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, string postUrl, params (string, string)[] fields)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        return await client.PostFieldsAsync(postUrl, page, fields);
    }

    private static async Task<Guid> AddPriorityAsync(HttpClient client, string name)
    {
        var response = await PostAsync(client, Root + "/add", Root + "/add", ("Input.Name", name), ("Input.Description", ""));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Location()[(Root + "/edit/").Length..]);
    }

    private static async Task<HttpResponseMessage> AddMeasureAsync(HttpClient client, Guid id, string indicator, string? kind)
    {
        var fields = new List<(string, string)> { ("Measure.IndicatorCode", indicator) };
        if (kind is not null)
        {
            fields.Add(("Measure.Kind", kind));
        }

        return await PostAsync(client, $"{Root}/edit/{id}", $"{Root}/edit/{id}?handler=AddMeasure", [.. fields]);
    }

    [Fact]
    public async Task APriority_IsAdded_GetsMeasuresGroupedByKind_LosesOne_AndIsRemovedAfterConfirming()
    {
        var admin = await app.SignedInAsAsync(Roles.Administrator);

        var id = await AddPriorityAsync(admin, "Early help and the front door");
        Assert.Equal(HttpStatusCode.Redirect, (await AddMeasureAsync(admin, id, "CONTACTS", "HowMuch")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AddMeasureAsync(admin, id, "KPI1", "HowWell")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AddMeasureAsync(admin, id, "KPI2", "BetterOff")).StatusCode);

        var list = await admin.GetDocumentAsync(Root);
        var card = list.GetElementById($"priority-{id}")!;
        Assert.Contains("Early help and the front door", card.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        var rows = card.QuerySelectorAll(".govuk-summary-list__row").Select(r => (r.QuerySelector("dt")!.TextContent.Trim(), r.QuerySelector("dd")!.TextContent)).ToList();
        Assert.Equal(["How much did we do?", "How well did we do it?", "Is anyone better off?"], rows.Select(r => r.Item1));
        Assert.Contains("CONTACTS: Contacts received", rows[0].Item2, StringComparison.Ordinal);
        Assert.Contains("KPI1:", rows[1].Item2, StringComparison.Ordinal);
        Assert.Contains("KPI2:", rows[2].Item2, StringComparison.Ordinal);

        // Remove the "how well" measure.
        var edit = await admin.GetDocumentAsync($"{Root}/edit/{id}");
        await using (var db = app.NewDbContext())
        {
            var measureId = await db.DashboardMeasures.IgnoreQueryFilters().Where(m => m.PriorityId == id && m.IndicatorCode == "KPI1").Select(m => m.Id).SingleAsync();
            Assert.NotNull(edit.GetElementById($"measure-{measureId}"));
            var removed = await admin.PostFieldsAsync($"{Root}/edit/{id}?handler=RemoveMeasure", edit, ("measureId", measureId.ToString()));
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        }

        await using (var db = app.NewDbContext())
        {
            Assert.Equal(["CONTACTS", "KPI2"], await db.DashboardMeasures.IgnoreQueryFilters().Where(m => m.PriorityId == id).OrderBy(m => m.IndicatorCode).Select(m => m.IndicatorCode).ToListAsync());
            Assert.Equal(5, await db.AuditEvents.CountAsync(e => e.EventType == nameof(DashboardPrioritySet) && e.SubjectId == id.ToString()));
        }

        // Removing asks first, then takes the priority and its measures away.
        var confirm = await admin.GetDocumentAsync($"{Root}/delete/{id}");
        Assert.Contains("Are you sure you want to remove Early help and the front door?", confirm.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        await using (var db = app.NewDbContext())
        {
            Assert.True(await db.DashboardPriorities.IgnoreQueryFilters().AnyAsync(p => p.Id == id));
        }

        var deleted = await admin.PostFieldsAsync($"{Root}/delete/{id}", confirm);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var after = await admin.GetDocumentAsync(Root);
        Assert.Null(after.GetElementById($"priority-{id}"));
        Assert.Contains("Early help and the front door removed", after.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        await using (var db = app.NewDbContext())
        {
            Assert.False(await db.DashboardPriorities.IgnoreQueryFilters().AnyAsync(p => p.Id == id));
            Assert.False(await db.DashboardMeasures.IgnoreQueryFilters().AnyAsync(m => m.PriorityId == id));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Root}/edit/{id}")).StatusCode);
    }

    [Fact]
    public async Task AddingAPriority_WithNoNameOrADuplicateName_IsRefused()
    {
        var admin = await app.SignedInAsAsync(Roles.Administrator);
        await AddPriorityAsync(admin, "Neglect");

        var blank = await (await PostAsync(admin, Root + "/add", Root + "/add", ("Input.Name", "  "), ("Input.Description", ""))).ReadDocumentAsync();
        var duplicate = await (await PostAsync(admin, Root + "/add", Root + "/add", ("Input.Name", "neglect"), ("Input.Description", ""))).ReadDocumentAsync();

        Assert.Equal([("Enter the priority's name", "#Input_Name")], blank.ErrorSummaryLinks());
        Assert.Equal([("There is already a priority called neglect", "#Input_Name")], duplicate.ErrorSummaryLinks());
        await using var db = app.NewDbContext();
        Assert.Equal(1, await db.DashboardPriorities.IgnoreQueryFilters().CountAsync(p => p.Name.ToLower() == "neglect"));
    }

    [Fact]
    public async Task AddingAMeasure_WithoutIndicatorOrKind_OrTwice_IsRefused()
    {
        var admin = await app.SignedInAsAsync(Roles.Administrator);
        var id = await AddPriorityAsync(admin, "Child protection");
        await AddMeasureAsync(admin, id, "KPI4", "HowWell");

        var empty = await (await AddMeasureAsync(admin, id, "", null)).ReadDocumentAsync();
        var twice = await (await AddMeasureAsync(admin, id, "KPI4", "HowWell")).ReadDocumentAsync();

        Assert.Equal(
            new[] { ("Select an indicator", "#Measure_IndicatorCode"), ("Select what the indicator measures: how much, how well or is anyone better off", "#Measure_Kind") }.Order(),
            empty.ErrorSummaryLinks().Order());
        Assert.Equal([("KPI4 is already a \"How well did we do it?\" measure for this priority", "#Measure_IndicatorCode")], twice.ErrorSummaryLinks());
        Assert.NotNull(empty.GetElementById("Measure_IndicatorCode"));
        Assert.NotNull(empty.GetElementById("Measure_Kind"));
        await using var db = app.NewDbContext();
        Assert.Equal(1, await db.DashboardMeasures.IgnoreQueryFilters().CountAsync(m => m.PriorityId == id));
    }

    [Fact]
    public async Task Renaming_ChangesTheName_AndABlankNameIsRefused()
    {
        var admin = await app.SignedInAsAsync(Roles.Administrator);
        var id = await AddPriorityAsync(admin, "Exploitation");
        var url = $"{Root}/edit/{id}";

        var blank = await (await PostAsync(admin, url, url + "?handler=Rename", ("Rename.Name", ""), ("Rename.Description", ""))).ReadDocumentAsync();
        var renamed = await PostAsync(admin, url, url + "?handler=Rename", ("Rename.Name", "Exploitation and missing"), ("Rename.Description", "Children at risk outside the home"));

        Assert.Equal([("Enter the priority's name", "#Rename_Name")], blank.ErrorSummaryLinks());
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        await using var db = app.NewDbContext();
        var saved = await db.DashboardPriorities.IgnoreQueryFilters().SingleAsync(p => p.Id == id);
        Assert.Equal(("Exploitation and missing", "Children at risk outside the home"), (saved.Name, saved.Description));
    }

    [Fact]
    public async Task MovingUpAndDown_ChangesTheOrderOnThePage()
    {
        var analyst = await app.SignedInAsAsync(Roles.PerformanceAnalyst);
        var first = await AddPriorityAsync(analyst, "Order test A");
        var second = await AddPriorityAsync(analyst, "Order test B");

        async Task<List<Guid>> OrderAsync() =>
            [.. (await analyst.GetDocumentAsync(Root)).QuerySelectorAll(".govuk-summary-card").Select(c => Guid.Parse(c.Id!["priority-".Length..])).Where(g => g == first || g == second)];

        Assert.Equal([first, second], await OrderAsync());
        var page = await analyst.GetDocumentAsync(Root);
        var up = await analyst.PostFieldsAsync(Root + "?handler=Up", page, ("id", second.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, up.StatusCode);
        Assert.Equal([second, first], await OrderAsync());

        page = await analyst.GetDocumentAsync(Root);
        await analyst.PostFieldsAsync(Root + "?handler=Down", page, ("id", second.ToString()));
        Assert.Equal([first, second], await OrderAsync());
        Assert.NotNull(page.QuerySelector($"#priority-{second} button[formaction='?handler=Down']"));
    }
}
