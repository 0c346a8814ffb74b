using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.Api;

public sealed class ApiKeyPagesTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>
{
    [Fact]
    public async Task Administrator_IssuesAKeyShownOnce_ThenRevokesIt_AndTheApiRefusesIt()
    {
        var admin = await app.SignedInAsAsync(Roles.Administrator);
        var form = await admin.GetDocumentAsync("/admin/api-keys/issue");

        var empty = await (await admin.PostFormAsync("/admin/api-keys/issue", form, new Dictionary<string, string> { ["AgencyId"] = "", ["Name"] = "" })).ReadDocumentAsync();
        Assert.Equal(["Select the agency whose system will use the key"], empty.ErrorSummary());
        Assert.All(empty.ErrorSummaryLinks(), link => Assert.NotNull(empty.QuerySelector(link.Href)));

        var agency = form.QuerySelectorAll<IHtmlOptionElement>("#AgencyId option").First(o => o.Text.Contains("Police", StringComparison.Ordinal));
        var noName = await (await admin.PostFormAsync("/admin/api-keys/issue", form, new Dictionary<string, string> { ["AgencyId"] = agency.Value, ["Name"] = " " })).ReadDocumentAsync();
        Assert.Equal(["Enter a name for the key, like the system that will use it"], noName.ErrorSummary());

        var issued = await (await admin.PostFormAsync("/admin/api-keys/issue", form, new Dictionary<string, string> { ["AgencyId"] = agency.Value, ["Name"] = "Records system" })).ReadDocumentAsync();
        var key = issued.QuerySelector("#api-key")!.TextContent.Trim();
        Assert.StartsWith("sgk_", key, StringComparison.Ordinal);
        Assert.NotNull(issued.QuerySelector(".govuk-warning-text"));
        var list = await admin.GetDocumentAsync("/admin/api-keys");
        Assert.Contains(key[..12], list.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(key, list.Body!.InnerHtml, StringComparison.Ordinal);
        var api = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await api.SendAsync(ApiRequests.Get("RFS-1999-000001", key))).StatusCode);

        await using var db = app.NewDbContext();
        var keyId = await db.AgencyApiKeys.IgnoreQueryFilters().Where(k => k.Prefix == key.Substring(0, 12)).Select(k => k.Id).SingleAsync();
        var revokePage = await admin.GetDocumentAsync($"/admin/api-keys/revoke/{keyId}");
        var noReason = await (await admin.PostFormAsync($"/admin/api-keys/revoke/{keyId}", revokePage, new Dictionary<string, string> { ["Reason"] = "" })).ReadDocumentAsync();
        Assert.Equal(["Enter why the key is being revoked"], noReason.ErrorSummary());
        var revoked = await admin.PostFormAsync($"/admin/api-keys/revoke/{keyId}", revokePage, new Dictionary<string, string> { ["Reason"] = "The system has been replaced" });
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.SendAsync(ApiRequests.Get("RFS-1999-000001", key))).StatusCode);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EventType == "AgencyApiKeyRevoked" && e.SubjectId == keyId.ToString() && e.Reason == "The system has been replaced"));
    }
}
