using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Safeguarding.Core.Access;

namespace Safeguarding.EndToEndTests;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class RoleJourneyTests(AppFixture app) : BrowserTest(app)
{
    public static TheoryData<string> AllRoles() => new(Roles.All);

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Each_demo_role_signs_in_sees_the_dashboard_with_their_name_and_signs_out(string role)
    {
        var name = await DemoSignIn.SignInAsync(Page, role);

        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/dashboard$"));
        await Assertions.Expect(Page.Locator(".app-header__account-name")).ToHaveTextAsync(name);
        await AssertPageAsync($"the dashboard for {role}");

        await Page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("You have signed out");
        await Assertions.Expect(Page.Locator(".app-header__account-name")).ToHaveCountAsync(0);
        await AssertPageAsync($"the signed-out page for {role}");
    }
}

internal static class DemoSignIn
{
    /// <summary>Signs in through /demo/sign-in as the first demo user with the role; returns their name.</summary>
    public static async Task<string> SignInAsync(IPage page, string role)
    {
        var response = await page.GotoAsync("/demo/sign-in");
        Assert.Equal(200, response!.Status);

        var prefix = Roles.Describe(role) + ": ";
        var label = page.Locator("label.govuk-radios__label", new() { HasTextRegex = new Regex("^\\s*" + Regex.Escape(prefix)) }).First;
        Assert.True(await label.CountAsync() > 0, $"No demo user with the role {role} ({prefix.Trim()}) is listed on /demo/sign-in.");
        var name = (await label.InnerTextAsync()).Trim()[prefix.Length..].Trim();

        await label.ClickAsync();
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/dashboard$"));
        return name;
    }
}
