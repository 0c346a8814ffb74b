using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;

namespace Safeguarding.EndToEndTests;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ChildFactsJourneyTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task A_police_researcher_adds_a_reference_and_a_known_address_to_a_childs_record()
    {
        var childId = await SchoolChildAsync();
        await DemoSignIn.SignInAsync(Page, Roles.AgencyResearcher);

        await GoToAsync($"/children/{childId}");
        await Page.Locator("main").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Add an identifier") }).ClickAsync();
        await AssertPageAsync("add an identifier");

        await Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Add the identifier" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToContainTextAsync("Select the type of identifier");
        await AssertPageAsync("add an identifier with nothing entered");

        await Page.GetByLabel("Police reference").CheckAsync();
        await Page.GetByLabel("Number or reference").FillAsync("ZX/2026/7781");
        await Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Add the identifier" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex($"/children/{childId}$"));
        await Assertions.Expect(Page.Locator(".app-child-identifiers")).ToContainTextAsync("ZX/2026/7781");
        await AssertPageAsync("the record with the new identifier");

        await Page.Locator("main").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Add an address") }).ClickAsync();
        await Page.GetByLabel("Address", new() { Exact = true }).FillAsync("Flat 3, Weaver House");
        await Page.GetByLabel("Postcode (optional)").FillAsync("nonsense");
        await Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Add the address" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter a real postcode");
        await AssertPageAsync("add an address with a bad postcode");

        await Page.GetByLabel("Postcode (optional)").FillAsync("ZX4 8PL");
        await Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Add the address" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".app-child-addresses tbody tr").First).ToContainTextAsync("Flat 3, Weaver House");
        await AssertPageAsync("the record with the new address");
    }

    private async Task<Guid> SchoolChildAsync()
    {
        var options = new DbContextOptionsBuilder<SafeguardingDbContext>().UseSqlite($"Data Source={App.DatabasePath}").Options;
        await using var db = new SafeguardingDbContext(options, FixedTenantScope.AllPartnerships);
        return await db.People.AsNoTracking()
            .Where(p => p.IsChild && !p.IsRestricted && p.SchoolId != null && p.MergedIntoId == null)
            .OrderBy(p => p.FamilyName).Select(p => p.Id).Skip(3).FirstAsync();
    }
}
