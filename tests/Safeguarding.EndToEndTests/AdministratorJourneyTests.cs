using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Safeguarding.Core.Access;

namespace Safeguarding.EndToEndTests;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AdministratorJourneyTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task Administrator_adds_an_agency_views_users_and_sees_the_change_in_the_audit_trail()
    {
        await DemoSignIn.SignInAsync(Page, Roles.Administrator);

        var response = await GoToAsync("/admin");
        Assert.Equal(200, response.Status);
        await AssertPageAsync("/admin");

        response = await GoToAsync("/admin/agencies");
        Assert.Equal(200, response.Status);
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Agencies");
        await AssertPageAsync("/admin/agencies");

        // An empty form is refused with an error summary.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add an agency" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Add an agency");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add agency" }).ClickAsync();
        var summary = Page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToBeVisibleAsync();
        await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Enter the agency's name" })).ToHaveAttributeAsync("href", "#Input_Name");
        await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Select the type of agency" })).ToHaveAttributeAsync("href", "#Input_Type");
        await Assertions.Expect(Page).ToHaveTitleAsync(new Regex("^Error: Add an agency"));
        await AssertPageAsync("the add agency page with errors");

        // A valid agency is added and the list says so.
        var agencyName = $"End-to-end test agency {Guid.NewGuid().ToString("N")[..8]}";
        await Page.Locator("#Input_Name").FillAsync(agencyName);
        await Page.Locator("#Input_Type").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add agency" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/admin/agencies$"));
        var banner = Page.Locator(".govuk-notification-banner--success");
        await Assertions.Expect(banner).ToContainTextAsync($"{agencyName} added");
        await AssertPageAsync("/admin/agencies with the success banner");

        response = await GoToAsync("/admin/users");
        Assert.Equal(200, response.Status);
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Users");
        await AssertPageAsync("/admin/users");

        var firstUser = Page.Locator("table.govuk-table tbody a.govuk-link").First;
        await firstUser.ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/admin/users/edit/[0-9a-f-]{36}$"));
        await AssertPageAsync("a user's page");

        response = await GoToAsync("/admin/audit");
        Assert.Equal(200, response.Status);
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Audit trail");
        await Assertions.Expect(Page.Locator("table.govuk-table tbody td", new() { HasText = "AgencyCreated" }).First).ToBeVisibleAsync();
        await AssertPageAsync("/admin/audit");
    }
}
