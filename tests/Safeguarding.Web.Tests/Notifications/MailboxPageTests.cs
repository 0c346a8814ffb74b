using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;
using Safeguarding.Core.Timescales;
using Safeguarding.Web.Notifications;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.Notifications;

/// <summary>The app with the reminder loop running every second, so a test can watch it work.</summary>
public sealed class FastRemindersWebFactory : SafeguardingWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Reminders:IntervalSeconds", "1");
        builder.UseSetting("Service:Url", "https://safeguarding.example.org");
    }
}

public sealed class MailboxPageTests(FastRemindersWebFactory app) : IClassFixture<FastRemindersWebFactory>
{
    [Fact]
    public async Task AnOverdueClock_ReachesTheMailbox_ThroughTheReminderLoop()
    {
        var (worker, email) = await DemoUserAsync(Roles.SocialWorker);
        var clockId = await StartOverdueClockAsync(worker);
        var admin = await app.SignedInAsAsync(Roles.Administrator);

        // The loop runs every second; give it a generous while on a busy machine.
        var row = await WaitForAsync(admin, "clock-overdue:" + clockId, TimeSpan.FromSeconds(60));

        var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(email, cells[1]);
        Assert.Equal("Overdue: Decision on a referral", cells[2]);
        Assert.Contains("Decision on a referral (FD-1) was due on", cells[3], StringComparison.Ordinal);
        Assert.Contains("https://safeguarding.example.org/timescales", cells[3], StringComparison.Ordinal);
        await using var db = app.NewDbContext();
        var sent = await db.OutboxNotifications.AsNoTracking().SingleAsync(n => n.Reference == "clock-overdue:" + clockId);
        Assert.Equal(Core.Notifications.NotificationStatus.Sent, sent.Status);
    }

    [Fact]
    public async Task TheMailbox_ListsNewestFirst()
    {
        var mailbox = app.Services.GetRequiredService<DevelopmentMailbox>();
        await mailbox.SendAsync(new("first@example.org", "First", "Body one", "test:first"), CancellationToken.None);
        await Task.Delay(10);
        await mailbox.SendAsync(new("second@example.org", "Second", "Body two", "test:second"), CancellationToken.None);
        var admin = await app.SignedInAsAsync(Roles.Administrator);

        var page = await admin.GetDocumentAsync("/dev/mailbox");

        var references = page.QuerySelectorAll("tbody tr td:last-child").Select(td => td.TextContent.Trim()).Where(r => r.StartsWith("test:", StringComparison.Ordinal)).ToList();
        Assert.Equal(["test:second", "test:first"], references);
        Assert.Equal("Development mailbox", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Theory]
    [InlineData(Roles.SocialWorker)]
    [InlineData(Roles.TeamManager)]
    public async Task OtherRoles_AreRefused(string role)
    {
        var client = await app.SignedInAsAsync(role);

        var response = await client.GetAsync("/dev/mailbox");

        Assert.Contains("/error/403", response.Headers.Location?.ToString() ?? response.StatusCode.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheReminderLoop_RunsInTheTestApp()
    {
        Assert.Single(app.Services.GetServices<IHostedService>().OfType<TimescaleReminderService>());
    }

    private async Task<(Guid Id, string Email)> DemoUserAsync(string role)
    {
        await using var db = app.NewDbContext();
        var user = await (from u in db.Users
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          where r.Name == role && u.Email!.EndsWith("@demo.safeguarding.test")
                          orderby u.Email
                          select new { u.Id, u.Email }).FirstAsync();
        return (user.Id, user.Email!);
    }

    private async Task<Guid> StartOverdueClockAsync(Guid assignedUserId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardingDbContext>();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == assignedUserId);
        var startedAt = DateTimeOffset.UtcNow.AddDays(-3);
        var clock = await scope.ServiceProvider.GetRequiredService<ClockService>().StartClockAsync(
            new StartClock("FD-1", "Referral", Guid.NewGuid(), startedAt, assignedUserId, user.AgencyId),
            ProcessContext.System(startedAt, "test", user.PartnershipId));
        await db.SaveChangesAsync();
        return clock.Id;
    }

    private static async Task<IHtmlTableRowElement> WaitForAsync(HttpClient admin, string reference, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var page = await admin.GetDocumentAsync("/dev/mailbox");
            var row = page.QuerySelectorAll<IHtmlTableRowElement>("tbody tr")
                .FirstOrDefault(r => r.Cells[^1].TextContent.Trim() == reference);
            if (row is not null)
            {
                return row;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No email with reference {reference} reached the mailbox within {timeout}.");
            await Task.Delay(250);
        }
    }
}

public sealed class ProductionMailboxTests(ProductionWebFactory app) : IClassFixture<ProductionWebFactory>
{
    private const string Password = "Quartz lantern meadow 82";

    [Fact]
    public void TheMailbox_HasNoRouteInProduction()
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? "");

        Assert.DoesNotContain(routes, r => r.Contains("dev/", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task TheMailbox_Is404InProduction_ForASignedInUser()
    {
        var client = app.CreateBrowser();
        var signIn = await SignInAsync(client, await CreateReferrerAsync());
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var response = await client.GetAsync("/dev/mailbox");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void WithoutNotifyConfigured_ProductionKeepsEmailsInTheMailbox()
    {
        using var scope = app.Services.CreateScope();

        Assert.IsType<DevelopmentMailbox>(scope.ServiceProvider.GetRequiredService<Core.Notifications.INotificationSender>());
    }

    private async Task<string> CreateReferrerAsync()
    {
        const string email = "mailbox.referrer@example.org";
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardingDbContext>();
        var agency = await db.Agencies.IgnoreQueryFilters().OrderBy(a => a.Name).FirstAsync();
        var result = await scope.ServiceProvider.GetRequiredService<UserDirectory>().CreateUserAsync(
            new NewUserForm("Mailbox Referrer", email, null, agency.Id, [Roles.Referrer], Password),
            ProcessContext.System(DateTimeOffset.UtcNow, "test", agency.PartnershipId));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        return email;
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email)
    {
        var page = await client.GetDocumentAsync("/account/sign-in");
        return await client.PostFormAsync("/account/sign-in", page, new Dictionary<string, string> { ["Email"] = email, ["Password"] = Password });
    }
}
