using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.Admin;

/// <summary>
/// List pages read "page" from the query string. Razor Pages reserves "page" as a route value, so a
/// property bound by that name silently stayed on page 1; this pins the second page.
/// </summary>
public sealed class ListPagingTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>
{
    [Fact]
    public async Task TheAuditTrail_ShowsTheSecondPage_WhenAskedForIt()
    {
        var client = await app.SignedInAsAsync(Roles.Administrator);
        await using (var db = app.NewDbContext())
        {
            // Every opening of a child's record is audited: enough openings make a second page.
            var child = await db.People.AsNoTracking().Where(p => p.IsChild && !p.IsRestricted).Select(p => p.Id).FirstAsync();
            for (var i = 0; i < 60; i++)
            {
                await client.GetDocumentAsync($"/children/{child}");
            }
        }

        var first = await client.GetDocumentAsync("/admin/audit");
        var second = await client.GetDocumentAsync("/admin/audit?page=2");

        Assert.Equal("2", second.QuerySelector(".govuk-pagination__item--current")?.TextContent.Trim());
        Assert.NotEqual(first.QuerySelector("tbody tr")!.TextContent, second.QuerySelector("tbody tr")!.TextContent);
    }
}
