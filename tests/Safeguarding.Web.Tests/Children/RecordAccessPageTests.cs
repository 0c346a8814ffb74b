using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Children;
using Safeguarding.Core.Notifications;
using Safeguarding.Web.Features.Demo;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.Children;

/// <summary>Named users on restricted records, the access page, and owners told about break glass.</summary>
public sealed class RecordAccessPageTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>
{
    private const string Reason = "Allocated worker for this family";

    private sealed record DemoUser(Guid Id, string Name, Guid PartnershipId);

    private async Task<DemoUser> DemoUserAsync(string role)
    {
        await using var db = app.NewDbContext();
        var user = await (
            from u in db.Users
            where u.Email!.EndsWith(SignInModel.DemoEmailDomain)
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where r.Name == role
            select new { u.Id, u.DisplayName, u.PartnershipId }).SingleAsync();
        return new DemoUser(user.Id, user.DisplayName, user.PartnershipId);
    }

    private static ProcessContext As(DemoUser user) => new(user.Id, user.Name, user.PartnershipId, DateTimeOffset.UtcNow);

    /// <summary>A different unrestricted child for each test (the class shares one database), restricted by the team manager, who owns it.</summary>
    private async Task<Person> OwnedChildAsync(int which)
    {
        var owner = await DemoUserAsync(Roles.TeamManager);
        await using var db = app.NewDbContext();
        var child = await db.People.AsNoTracking().Where(p => p.IsChild && !p.IsRestricted && p.MergedIntoId == null).OrderBy(p => p.Id).Skip(which).FirstAsync();
        var result = await new RestrictedRecordAccess(db).RestrictAsync(child.Id, "Sensitive enquiry under way", As(owner));
        Assert.True(result.Succeeded);
        return child;
    }

    [Fact]
    public async Task ANamedUser_OpensTheRecord_WithoutBreakingGlass_UntilRemoved()
    {
        var child = await OwnedChildAsync(0);
        var worker = await DemoUserAsync(Roles.SocialWorker);
        var owner = await DemoUserAsync(Roles.TeamManager);
        NamedRecordAccess named;
        await using (var db = app.NewDbContext())
        {
            named = (await new RestrictedRecordAccess(db).NameUserAsync(child.Id, worker.Id, Reason, As(owner))).Value!;
        }

        var client = await app.SignedInAsAsync(Roles.SocialWorker);
        var opened = await client.GetDocumentAsync($"/children/{child.Id}");
        await using (var db = app.NewDbContext())
        {
            await new RestrictedRecordAccess(db).RemoveNamedUserAsync(named.Id, "No longer allocated to this family", As(owner));
        }

        var afterRemoval = await client.GetDocumentAsync($"/children/{child.Id}");

        Assert.Contains(child.FullName, opened.QuerySelector(".moj-identity-bar")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("This record is restricted", afterRemoval.QuerySelector("h1")!.TextContent.Trim());
        await using var after = app.NewDbContext();
        Assert.False(await after.BreakGlassAccesses.AnyAsync(a => a.PersonId == child.Id));
    }

    [Fact]
    public async Task TheOwner_NamesAndRemovesAUser_OnTheAccessPage()
    {
        var child = await OwnedChildAsync(1);
        var worker = await DemoUserAsync(Roles.SocialWorker);
        var client = await app.SignedInAsAsync(Roles.TeamManager);
        var url = $"/children/{child.Id}/access";

        var page = await client.GetDocumentAsync(url);
        var noReason = await (await client.PostFormAsync(url + "?handler=Name", page, new Dictionary<string, string> { ["NamedUserId"] = worker.Id.ToString(), ["NameReason"] = "" })).ReadDocumentAsync();
        var named = await client.PostFormAsync(url + "?handler=Name", page, new Dictionary<string, string> { ["NamedUserId"] = worker.Id.ToString(), ["NameReason"] = Reason });
        var withWorker = await client.GetDocumentAsync(url);
        Guid accessId;
        await using (var db = app.NewDbContext())
        {
            accessId = await db.NamedRecordAccesses.Where(a => a.PersonId == child.Id && a.UserId == worker.Id).Select(a => a.Id).SingleAsync();
        }

        var confirm = await client.GetDocumentAsync($"{url}?remove={accessId}");
        var removed = await client.PostFormAsync(url + "?handler=Remove", confirm, new Dictionary<string, string> { ["RemoveId"] = accessId.ToString(), ["RemoveReason"] = "No longer allocated to this family" });

        Assert.Contains("Owner", page.QuerySelector(".app-named-users")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(child.FamilyName, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var error = Assert.Single(noReason.ErrorSummaryLinks());
        Assert.Equal("Enter why you are naming this user", error.Text);
        Assert.Equal("#NameReason", error.Href);
        Assert.Equal(HttpStatusCode.Redirect, named.StatusCode);
        Assert.Contains(worker.Name, withWorker.QuerySelector(".app-named-users")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Remove " + worker.Name, confirm.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        await using var after = app.NewDbContext();
        Assert.NotNull((await after.NamedRecordAccesses.SingleAsync(a => a.Id == accessId)).RemovedAt);
        Assert.True(await after.AuditEvents.AnyAsync(e => e.SubjectId == child.Id.ToString() && e.Reason == "View who can see a record"));
    }

    [Theory]
    [InlineData(Roles.SocialWorker)]
    [InlineData(Roles.FrontDoorManager)]
    public async Task SomeoneWhoIsNotTheOwner_IsRefusedTheAccessPage(string role)
    {
        var child = await OwnedChildAsync(role == Roles.SocialWorker ? 2 : 3);
        var client = await app.SignedInAsAsync(role);

        var response = await client.GetAsync($"/children/{child.Id}/access");

        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.ToString().Contains("/error/403", StringComparison.Ordinal) == true,
            $"{role} reached the access page: {(int)response.StatusCode}");
    }

    [Fact]
    public async Task BreakingGlass_TellsTheOwnerByEmail_WithoutTheChildsDetails_AndShowsInTheLog()
    {
        var child = await OwnedChildAsync(4);
        var owner = await DemoUserAsync(Roles.TeamManager);
        var worker = await DemoUserAsync(Roles.SocialWorker);
        const string why = "Strategy discussion today about a sibling";
        var client = await app.SignedInAsAsync(Roles.SocialWorker);
        var notice = await client.GetDocumentAsync($"/children/{child.Id}");

        var opened = await client.PostFormAsync($"/children/{child.Id}", notice, new Dictionary<string, string> { ["Reason"] = why });
        var log = await (await app.SignedInAsAsync(Roles.TeamManager)).GetDocumentAsync($"/children/{child.Id}/access");

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        await using var db = app.NewDbContext();
        var access = await db.BreakGlassAccesses.SingleAsync(a => a.PersonId == child.Id);
        var email = await db.OutboxNotifications.SingleAsync(n => n.Reference == $"{RestrictedRecordAccess.BreakGlassNotificationKind}:{access.Id}");
        Assert.Equal(owner.Id, email.RecipientUserId);
        Assert.Contains(worker.Name, email.Body, StringComparison.Ordinal);
        Assert.Contains($"/children/{child.Id}/access", email.Body, StringComparison.Ordinal);
        foreach (var secret in new[] { child.GivenName, child.FamilyName, why })
        {
            Assert.DoesNotContain(secret, email.Subject + email.Body, StringComparison.Ordinal);
        }

        Assert.Equal(NotificationStatus.Pending, email.Status);
        var row = Assert.Single(log.QuerySelectorAll(".app-break-glass-log tbody tr"));
        Assert.Contains(worker.Name, row.TextContent, StringComparison.Ordinal);
        Assert.Contains(why, row.TextContent, StringComparison.Ordinal);
    }
}
