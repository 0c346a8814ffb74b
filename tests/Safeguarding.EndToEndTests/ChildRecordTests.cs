using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;

namespace Safeguarding.EndToEndTests;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ChildRecordTests(AppFixture app) : BrowserTest(app)
{
    /// <summary>Test data set-up only: the 150-child demo city may have no restricted child.</summary>
    private sealed record ChildRestrictedForBrowserTest(Guid PersonId) : IDomainEvent
    {
        public string SubjectType => "Person";

        public string SubjectId => PersonId.ToString();
    }

    [Fact]
    public async Task A_social_worker_finds_a_child_opens_the_record_and_breaks_glass_on_a_restricted_one()
    {
        var (open, restricted) = await ChildrenAsync();
        await DemoSignIn.SignInAsync(Page, Roles.SocialWorker);

        await GoToAsync("/children");
        await AssertPageAsync("find a child");

        await Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter a name, date of birth or NHS number");
        await AssertPageAsync("find a child with nothing entered");

        await Page.GetByLabel("Family name").FillAsync(open.FamilyName);
        await Page.GetByLabel("Given name").FillAsync(open.GivenName);
        await Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await AssertPageAsync("search results");

        await Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = open.FullName }).First.ClickAsync();
        await Assertions.Expect(Page.Locator(".moj-identity-bar")).ToContainTextAsync(open.FullName);
        await Assertions.Expect(Page.Locator("h2", new() { HasText = "People around the child" })).ToBeVisibleAsync();
        await AssertPageAsync("a child's record");

        await GoToAsync($"/children/{restricted.Id}");
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("This record is restricted");
        await Assertions.Expect(Page.Locator("main")).Not.ToContainTextAsync(restricted.FamilyName);
        await AssertPageAsync("a restricted record");

        await Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Open the record" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter why you need to see this record");
        await AssertPageAsync("a restricted record with no reason");

        await Page.GetByLabel("Why do you need to see this record?").FillAsync("Strategy discussion about this child's sibling");
        await Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Open the record" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex($"/children/{restricted.Id}$"));
        await Assertions.Expect(Page.Locator(".moj-identity-bar")).ToContainTextAsync(restricted.FullName);
        await AssertPageAsync("a restricted record after breaking glass");
    }

    /// <summary>An ordinary child with people around them, and a restricted child (marked so here if the city has none).</summary>
    private async Task<(Person Open, Person Restricted)> ChildrenAsync()
    {
        // The app runs in its own process on a SQLite file; the fixture keeps the file's path to itself.
        var path = App.DatabasePath;
        var options = new DbContextOptionsBuilder<SafeguardingDbContext>().UseSqlite($"Data Source={path}").Options;
        await using var db = new SafeguardingDbContext(options, FixedTenantScope.AllPartnerships);

        var open = await db.People.AsNoTracking()
            .Where(p => p.IsChild && !p.IsRestricted && db.PersonRelationships.Any(r => r.PersonId == p.Id))
            .OrderBy(p => p.Id).FirstAsync();
        var restricted = await db.People.Where(p => p.IsChild && p.IsRestricted).OrderByDescending(p => p.Id).FirstOrDefaultAsync();
        if (restricted is null)
        {
            restricted = await db.People.Where(p => p.IsChild && p.Id != open.Id).OrderByDescending(p => p.Id).FirstAsync();
            restricted.IsRestricted = true;
            db.Record(new ChildRestrictedForBrowserTest(restricted.Id), ProcessContext.System(DateTimeOffset.UtcNow, "browser test set-up", restricted.PartnershipId));
            await db.SaveChangesAsync();
        }

        return (open, restricted);
    }
}
