using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Safeguarding.EndToEndTests;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class PublicPageTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task Home_page_shows_the_service_to_an_anonymous_visitor_and_is_accessible()
    {
        var response = await GoToAsync("/");

        Assert.Equal(200, response.Status);
        Assert.Equal("Safeguarding children together", (await Page.Locator("h1").InnerTextAsync()).Trim());
        Assert.True(await Page.Locator("header a.app-header__account-link", new() { HasText = "Sign in" }).IsVisibleAsync());
        await AssertPageAsync("the home page");
    }

    [Theory]
    [InlineData("/cookies")]
    [InlineData("/accessibility")]
    public async Task Footer_pages_load_and_are_accessible(string path)
    {
        var response = await GoToAsync(path);

        Assert.Equal(200, response.Status);
        Assert.False(string.IsNullOrWhiteSpace(await Page.Locator("h1").InnerTextAsync()));
        await AssertPageAsync(path);
    }

    [Fact]
    public async Task Unknown_address_shows_the_page_not_found_page_with_status_404_and_is_accessible()
    {
        // Signed in: an anonymous visitor is sent to sign in first by the fallback authorisation
        // policy (302 to /account/sign-in), so the 404 page is only reachable once signed in.
        await DemoSignIn.SignInAsync(Page, Safeguarding.Core.Access.Roles.Referrer);

        var response = await GoToAsync("/this-page-does-not-exist-" + Guid.NewGuid().ToString("N")[..8]);

        Assert.Equal(404, response.Status);
        Assert.Equal("Page not found", (await Page.Locator("h1").InnerTextAsync()).Trim());
        await Assertions.Expect(Page).ToHaveTitleAsync(new Regex("^Page not found"));
        await AssertPageAsync("the 404 page");
    }
}
