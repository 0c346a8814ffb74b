using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Web.Tests.Account;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.Admin;

public sealed class UserPagesTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>
{
    [Fact]
    public async Task Post_Empty_ShowsErrorSummaryLinkedToFields()
    {
        var admin = await app.SignedInAsAsync(Roles.Administrator);
        var page = await admin.GetDocumentAsync("/admin/users/create");

        var response = await admin.PostFieldsAsync("/admin/users/create", page, ("Input.DisplayName", ""));

        var result = await response.ReadDocumentAsync();
        var links = result.ErrorSummaryLinks();
        Assert.Equal(
            ["#Input_AgencyId", "#Input_DisplayName", "#Input_Email", "#Input_InitialPassword", "#Input_Roles"],
            links.Select(l => l.Href).Order(StringComparer.Ordinal).ToList());
        foreach (var (_, href) in links)
        {
            Assert.NotNull(result.GetElementById(href[1..]));
        }
    }

    [Fact]
    public async Task Post_CommonPassword_IsRefusedAsTooCommon()
    {
        var admin = await app.SignedInAsAsync(Roles.Administrator);
        var page = await admin.GetDocumentAsync("/admin/users/create");
        var agencyId = page.QuerySelectorAll<IHtmlOptionElement>("#Input_AgencyId option").First(o => o.Value.Length > 0).Value;

        var response = await admin.PostFieldsAsync("/admin/users/create", page,
            ("Input.DisplayName", "Common Password"), ("Input.Email", "common.password@example.org"), ("Input.AgencyId", agencyId),
            ("Input.Roles", Roles.SocialWorker), ("Input.InitialPassword", "administrator"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (text, href) = Assert.Single((await response.ReadDocumentAsync()).ErrorSummaryLinks());
        Assert.Contains("too common", text, StringComparison.Ordinal);
        Assert.Equal("#Input_InitialPassword", href);
        await using var db = app.NewDbContext();
        Assert.False(await db.Users.IgnoreQueryFilters().AnyAsync(u => u.Email == "common.password@example.org"));
    }

    [Fact]
    public async Task Post_RemovingOwnAdministratorRole_IsRefused()
    {
        var admin = await app.SignedInAsAsync(Roles.Administrator);
        var me = await app.DemoUserIdAsync(Roles.Administrator);
        var page = await admin.GetDocumentAsync($"/admin/users/edit/{me}");
        var agencyId = page.QuerySelector<IHtmlSelectElement>("#Input_AgencyId")!.Value!;

        var response = await admin.PostFieldsAsync($"/admin/users/edit/{me}", page,
            ("Input.AgencyId", agencyId), ("Input.Roles", Roles.SocialWorker), ("Input.IsActive", "true"), ("Input.IsActive", "false"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([("You cannot remove your own administrator access", "#Input_Roles")], (await response.ReadDocumentAsync()).ErrorSummaryLinks());
        await using var db = app.NewDbContext();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == me select r.Name).ToListAsync();
        Assert.Contains(Roles.Administrator, roles);
    }

    [Fact]
    public async Task Post_ChangedRoles_AreSavedAndAudited()
    {
        var admin = await app.SignedInAsAsync(Roles.Administrator);
        var userId = await app.CreateUserAsync(admin, "role.change@example.org");
        var page = await admin.GetDocumentAsync($"/admin/users/edit/{userId}");
        Assert.True(page.QuerySelectorAll<IHtmlInputElement>("input[name='Input.Roles']").Single(c => c.Value == Roles.SocialWorker).IsChecked);
        var agencyId = page.QuerySelector<IHtmlSelectElement>("#Input_AgencyId")!.Value!;

        var response = await admin.PostFieldsAsync($"/admin/users/edit/{userId}", page,
            ("Input.AgencyId", agencyId), ("Input.Roles", Roles.SocialWorker), ("Input.Roles", Roles.TeamManager), ("Input.IsActive", "true"), ("Input.IsActive", "false"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var again = await admin.GetDocumentAsync($"/admin/users/edit/{userId}");
        var checkedRoles = again.QuerySelectorAll<IHtmlInputElement>("input[name='Input.Roles']").Where(c => c.IsChecked).Select(c => c.Value).Order(StringComparer.Ordinal).ToList();
        Assert.Equal([Roles.SocialWorker, Roles.TeamManager], checkedRoles);
        await using var db = app.NewDbContext();
        var changed = await db.AuditEvents.SingleAsync(e => e.EventType == "UserAccessChanged" && e.SubjectId == userId.ToString());
        Assert.Contains(Roles.TeamManager, changed.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Edit_RecordsTheViewInTheAccessAudit()
    {
        var admin = await app.SignedInAsAsync(Roles.Administrator);
        var userId = await app.CreateUserAsync(admin, "viewed.user@example.org");

        await admin.GetDocumentAsync($"/admin/users/edit/{userId}");

        await using var db = app.NewDbContext();
        var viewed = await db.AuditEvents.Where(e => e.EventType == "RecordViewed" && e.SubjectId == userId.ToString()).ToListAsync();
        var view = Assert.Single(viewed);
        Assert.Equal(AuditKind.Access, view.Kind);
        Assert.Equal("User", view.SubjectType);
    }

    [Fact]
    public async Task AuditPage_FiltersByEventType()
    {
        var admin = await app.SignedInAsAsync(Roles.Administrator);
        var userId = await app.CreateUserAsync(admin, "audit.filter@example.org");
        await admin.GetDocumentAsync($"/admin/users/edit/{userId}");

        var page = await admin.GetDocumentAsync("/admin/audit?EventType=RecordViewed");

        var eventColumn = page.QuerySelectorAll("table tbody tr").Select(r => r.QuerySelectorAll("td")[2].TextContent.Trim()).ToList();
        Assert.NotEmpty(eventColumn);
        Assert.All(eventColumn, e => Assert.Equal("RecordViewed", e));
        Assert.Equal("RecordViewed", page.QuerySelector<IHtmlSelectElement>("#EventType")!.Value);

        var all = await admin.GetDocumentAsync("/admin/audit");
        Assert.Contains(all.QuerySelectorAll("table tbody tr"), r => r.QuerySelectorAll("td")[2].TextContent.Trim() != "RecordViewed");
    }
}
