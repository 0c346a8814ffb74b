using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Safeguarding.EndToEndTests;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SignInTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task Sign_in_page_is_accessible()
    {
        var response = await GoToAsync("/account/sign-in");

        Assert.Equal(200, response.Status);
        Assert.Equal("Sign in to Safeguarding", (await Page.Locator("h1").InnerTextAsync()).Trim());
        await AssertPageAsync("the sign-in page");
    }

    [Fact]
    public async Task Submitting_an_empty_sign_in_form_shows_an_error_summary_that_links_to_each_field()
    {
        await GoToAsync("/account/sign-in");
        await Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var summary = Page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToBeVisibleAsync();
        await Assertions.Expect(Page).ToHaveTitleAsync(new Regex("^Error: Sign in"));

        // GOV.UK Frontend moves focus to the summary so screen reader users hear it first.
        await Assertions.Expect(summary).ToBeFocusedAsync();

        var emailLink = summary.GetByRole(AriaRole.Link, new() { Name = "Enter your email address" });
        var passwordLink = summary.GetByRole(AriaRole.Link, new() { Name = "Enter your password" });
        Assert.Equal("#Email", await emailLink.GetAttributeAsync("href"));
        Assert.Equal("#Password", await passwordLink.GetAttributeAsync("href"));
        await Assertions.Expect(Page.Locator("#Email-error")).ToContainTextAsync("Enter your email address");
        await Assertions.Expect(Page.Locator("#Password-error")).ToContainTextAsync("Enter your password");

        await AssertPageAsync("the sign-in page with errors");

        await passwordLink.ClickAsync();
        await Assertions.Expect(Page.Locator("#Password")).ToBeFocusedAsync();
        await emailLink.ClickAsync();
        await Assertions.Expect(Page.Locator("#Email")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task A_wrong_password_shows_enter_a_correct_email_address_and_password()
    {
        await GoToAsync("/account/sign-in");
        await Page.Locator("#Email").FillAsync($"nobody-{Guid.NewGuid():N}@example.org");
        await Page.Locator("#Password").FillAsync("not the right password");
        await Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var summary = Page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Enter a correct email address and password");
        await Assertions.Expect(Page.Locator("#Email-error")).ToContainTextAsync("Enter a correct email address and password");
        Assert.Equal("", await Page.Locator("#Password").InputValueAsync());
        await AssertPageAsync("the sign-in page after a wrong password");
    }
}
