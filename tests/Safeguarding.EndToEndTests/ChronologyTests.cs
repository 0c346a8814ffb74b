using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Safeguarding.Core.Access;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;

namespace Safeguarding.EndToEndTests;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ChronologyTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task A_social_worker_opens_a_childs_chronology_filters_it_and_prints_it()
    {
        var (child, agencyName) = await ChildWithHistoryAsync();
        await DemoSignIn.SignInAsync(Page, Roles.SocialWorker);

        await GoToAsync($"/children/{child.Id}/chronology");
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync(child.FullName);
        await Assertions.Expect(Page.Locator(".moj-timeline__item").First).ToBeVisibleAsync();
        await AssertPageAsync("a child's chronology");

        await Page.Locator(".app-chronology-filter").GetByLabel(new Regex("^" + Regex.Escape(agencyName) + @" \(\d+\)$")).CheckAsync();
        await Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("agency="));
        await Assertions.Expect(Page.Locator(".app-selected-filters")).ToHaveTextAsync("1 filter selected");
        foreach (var byline in await Page.Locator(".moj-timeline__byline").AllInnerTextsAsync())
        {
            Assert.Equal("by " + agencyName, byline.Trim());
        }

        await AssertPageAsync("a filtered chronology");

        await GoToAsync($"/children/{child.Id}/chronology?all=true");
        await Assertions.Expect(Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Print this chronology" })).ToBeVisibleAsync();
        await AssertPageAsync("a chronology's print view");

        // On paper: the entries only, none of the screen's controls.
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(Page.Locator(".app-chronology-filter")).ToBeHiddenAsync();
        await Assertions.Expect(Page.Locator(".govuk-template__header")).ToBeHiddenAsync();
        await Assertions.Expect(Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Print this chronology" })).ToBeHiddenAsync();
        await Assertions.Expect(Page.Locator(".moj-timeline__item").First).ToBeVisibleAsync();
    }

    /// <summary>A child from the demo city's generated history with entries from at least two agencies, and one of them.</summary>
    private async Task<(Person Child, string AgencyName)> ChildWithHistoryAsync()
    {
        var options = new DbContextOptionsBuilder<SafeguardingDbContext>().UseSqlite($"Data Source={App.DatabasePath}").Options;
        await using var db = new SafeguardingDbContext(options, FixedTenantScope.AllPartnerships);
        var ids = await db.ChronologyEntries.GroupBy(e => e.PersonId)
            .Where(g => g.Select(e => e.AgencyId).Distinct().Count() >= 2)
            .Select(g => g.Key).ToListAsync();
        var child = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id) && !p.IsRestricted && p.MergedIntoId == null).OrderBy(p => p.Id).FirstAsync();
        var agencyId = await db.ChronologyEntries.Where(e => e.PersonId == child.Id).OrderBy(e => e.OccurredOn).Select(e => e.AgencyId).FirstAsync();
        var agencyName = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Name).SingleAsync();
        return (child, agencyName);
    }
}
