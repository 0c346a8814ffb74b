using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;
using Safeguarding.Core.Timescales;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests;

public sealed class DashboardTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>
{
    [Fact]
    public async Task ASocialWorker_SeesTheirOverdueDeadline_AndTheModulesOpenToThem()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardingDbContext>();
            var worker = await db.Users.SingleAsync(u => u.Email == "social-worker@demo.safeguarding.test");
            var clocks = scope.ServiceProvider.GetRequiredService<ClockService>();
            await clocks.StartClockAsync(new StartClock("CW-3", "Test", Guid.NewGuid(), DateTimeOffset.UtcNow.AddDays(-30), worker.Id), ProcessContext.System(DateTimeOffset.UtcNow, "test", worker.PartnershipId));
            await db.SaveChangesAsync();
        }

        var client = await app.SignedInAsAsync(Roles.SocialWorker);
        var page = await client.GetDocumentAsync("/dashboard");

        Assert.Contains("1 overdue", page.QuerySelector(".govuk-tag--red")!.TextContent, StringComparison.Ordinal);
        var links = page.QuerySelectorAll("main .govuk-list a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Deadlines", links);
        Assert.DoesNotContain("Administration", links);
    }

    [Fact]
    public async Task AReferrer_HasNoDeadlinesSection()
    {
        var client = await app.SignedInAsAsync(Roles.Referrer);
        var page = await client.GetDocumentAsync("/dashboard");

        Assert.DoesNotContain(page.QuerySelectorAll("h2"), h => h.TextContent.Contains("deadlines", StringComparison.OrdinalIgnoreCase));
    }
}
