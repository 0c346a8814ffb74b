using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Web.Tests.Account;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.Admin;

public sealed class AgencyPagesTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>
{
    [Fact]
    public async Task Post_EmptyForm_ShowsErrorSummaryLinkedToFields()
    {
        var admin = await app.SignedInAsAsync(Roles.Administrator);
        var page = await admin.GetDocumentAsync("/admin/agencies/create");

        var response = await admin.PostFieldsAsync("/admin/agencies/create", page, ("Input.Name", ""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.ReadDocumentAsync();
        var links = result.ErrorSummaryLinks();
        Assert.Equal([("Enter the agency's name", "#Input_Name"), ("Select the type of agency", "#Input_Type")], links.OrderBy(l => l.Href).ToList());
        foreach (var (_, href) in links)
        {
            Assert.NotNull(result.GetElementById(href[1..]));
        }

        Assert.StartsWith("Error:", result.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_InvalidPostcode_ShowsErrorAndKeepsWhatWasTyped()
    {
        var admin = await app.SignedInAsAsync(Roles.Administrator);
        var page = await admin.GetDocumentAsync("/admin/agencies/create");

        var response = await admin.PostFieldsAsync("/admin/agencies/create", page,
            ("Input.Name", "Postcode Check Agency"), ("Input.Type", TypeValue(page)), ("Input.Postcode", "not a postcode"));

        var result = await response.ReadDocumentAsync();
        Assert.Equal([("Enter a real postcode, like B1 1AA", "#Input_Postcode")], result.ErrorSummaryLinks());
        Assert.Equal("Postcode Check Agency", result.GetElementById("Input_Name")!.GetAttribute("value"));
        Assert.Equal("not a postcode", result.GetElementById("Input_Postcode")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Post_Valid_AppearsInListWithBannerAndIsAudited()
    {
        var admin = await app.SignedInAsAsync(Roles.Administrator);
        var page = await admin.GetDocumentAsync("/admin/agencies/create");

        var response = await admin.PostFieldsAsync("/admin/agencies/create", page,
            ("Input.Name", "Riverside Test Academy"), ("Input.Type", TypeValue(page)), ("Input.Reference", "123456"), ("Input.Postcode", "b1 1aa"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await admin.GetDocumentAsync(response.Location());
        Assert.Contains("Riverside Test Academy added", list.QuerySelector(".govuk-notification-banner--success")!.TextContent, StringComparison.Ordinal);
        var searched = await admin.GetDocumentAsync("/admin/agencies?Search=riverside+test");
        Assert.Contains("Riverside Test Academy", searched.QuerySelectorAll("table a").Select(a => a.TextContent.Trim()));

        await using var db = app.NewDbContext();
        var agency = await db.Agencies.IgnoreQueryFilters().SingleAsync(a => a.Name == "Riverside Test Academy");
        Assert.Equal("B1 1AA", agency.Postcode);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EventType == "AgencyCreated" && e.SubjectId == agency.Id.ToString()));
    }

    [Fact]
    public async Task Post_DuplicateName_IsRefused()
    {
        var admin = await app.SignedInAsAsync(Roles.Administrator);
        await CreateAsync(admin, "Duplicate Test Agency");
        var page = await admin.GetDocumentAsync("/admin/agencies/create");

        var response = await admin.PostFieldsAsync("/admin/agencies/create", page, ("Input.Name", " Duplicate Test Agency "), ("Input.Type", TypeValue(page)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([("An agency called Duplicate Test Agency already exists", "#Input_Name")], (await response.ReadDocumentAsync()).ErrorSummaryLinks());
        await using var db = app.NewDbContext();
        Assert.Equal(1, await db.Agencies.IgnoreQueryFilters().CountAsync(a => a.Name == "Duplicate Test Agency"));
    }

    [Fact]
    public async Task Post_StaleVersion_IsRefusedSayingWhoChangedIt_AndKeepsTheFirstChange()
    {
        var admin = await app.SignedInAsAsync(Roles.Administrator);
        var id = await CreateAsync(admin, "Stale Version Agency");
        var first = await admin.GetDocumentAsync($"/admin/agencies/edit/{id}");
        var second = await admin.GetDocumentAsync($"/admin/agencies/edit/{id}");
        var type = first.QuerySelector<IHtmlInputElement>("input[name='Input.Type']:checked")!.Value;

        var saved = await admin.PostFieldsAsync($"/admin/agencies/edit/{id}", first,
            ("Version", Version(first)), ("Input.Name", "Stale Version Agency First"), ("Input.Type", type), ("Input.IsActive", "true"), ("Input.IsActive", "false"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var refused = await admin.PostFieldsAsync($"/admin/agencies/edit/{id}", second,
            ("Version", Version(second)), ("Input.Name", "Stale Version Agency Second"), ("Input.Type", type), ("Input.IsActive", "true"), ("Input.IsActive", "false"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ReadDocumentAsync();
        // A whole-form error has no field to link to: it is listed as text.
        var error = Assert.Single(page.QuerySelectorAll(".govuk-error-summary__list li")).TextContent.Trim();
        var adminName = await AdminNameAsync();
        Assert.StartsWith($"{adminName} changed this agency while you were editing it", error, StringComparison.Ordinal);
        Assert.Equal("Stale Version Agency Second", page.GetElementById("Input_Name")!.GetAttribute("value"));
        await using var db = app.NewDbContext();
        Assert.Equal("Stale Version Agency First", (await db.Agencies.IgnoreQueryFilters().SingleAsync(a => a.Id == id)).Name);
    }

    [Fact]
    public async Task List_SearchAndTypeFilter_Work()
    {
        var admin = await app.SignedInAsAsync(Roles.Administrator);
        var create = await admin.GetDocumentAsync("/admin/agencies/create");
        var types = create.QuerySelectorAll<IHtmlInputElement>("input[name='Input.Type']").Select(r => r.Value).ToList();
        await CreateAsync(admin, "Zebra Filter Agency One", types[0]);
        await CreateAsync(admin, "Zebra Filter Agency Two", types[1]);

        var all = await admin.GetDocumentAsync("/admin/agencies?Search=zebra+filter");
        Assert.Equal(["Zebra Filter Agency One", "Zebra Filter Agency Two"], Names(all));
        Assert.Equal("zebra filter", all.QuerySelector<IHtmlInputElement>("#Search")!.Value);

        var typed = await admin.GetDocumentAsync($"/admin/agencies?Search=zebra+filter&Type={types[1]}");
        Assert.Equal(["Zebra Filter Agency Two"], Names(typed));
        Assert.Equal(types[1], typed.QuerySelector<IHtmlSelectElement>("#Type")!.Value);

        var none = await admin.GetDocumentAsync("/admin/agencies?Search=no-such-agency-anywhere");
        Assert.Empty(Names(none));
        Assert.Contains("No agencies match", none.Body!.TextContent, StringComparison.Ordinal);
    }

    private static List<string> Names(IHtmlDocument page) => page.QuerySelectorAll("table a").Select(a => a.TextContent.Trim()).ToList();

    private static string TypeValue(IHtmlDocument page) => page.QuerySelector<IHtmlInputElement>("input[name='Input.Type']")!.Value;

    private static string Version(IHtmlDocument page) => page.QuerySelector<IHtmlInputElement>("input[name=Version]")!.Value;

    private async Task<string> AdminNameAsync()
    {
        var id = await app.DemoUserIdAsync(Roles.Administrator);
        await using var db = app.NewDbContext();
        return (await db.Users.IgnoreQueryFilters().SingleAsync(u => u.Id == id)).DisplayName;
    }

    private async Task<Guid> CreateAsync(HttpClient admin, string name, string? type = null)
    {
        var page = await admin.GetDocumentAsync("/admin/agencies/create");
        var response = await admin.PostFieldsAsync("/admin/agencies/create", page, ("Input.Name", name), ("Input.Type", type ?? TypeValue(page)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.NewDbContext();
        return await db.Agencies.IgnoreQueryFilters().Where(a => a.Name == name).Select(a => a.Id).SingleAsync();
    }
}
