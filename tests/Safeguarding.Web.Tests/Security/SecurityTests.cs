using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;
using Safeguarding.Web.Tests.Account;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.Security;

public sealed partial class SecurityTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>
{
    private static readonly string[] AnonymousPages = ["/", "/account/sign-in", "/account/signed-out", "/cookies", "/accessibility", "/demo/sign-in"];

    private static readonly string[] AdminPages = ["/dashboard", "/admin", "/admin/agencies", "/admin/agencies/create", "/admin/users", "/admin/users/create", "/admin/audit"];

    [Fact]
    public async Task EveryPage_HasSecurityHeaders_AndTheInlineScriptCarriesTheHeaderNonce()
    {
        var anonymous = app.CreateBrowser();
        var admin = await app.SignedInAsAsync(Roles.Administrator);
        var visits = AnonymousPages.Select(p => (anonymous, p)).Concat(AdminPages.Select(p => (admin, p)));
        var nonces = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (client, url) in visits)
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} returned {response.StatusCode}");
            var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
            var nonce = NonceInPolicy().Match(csp);
            Assert.True(nonce.Success, $"{url}: no nonce in CSP {csp}");
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", string.Join(',', response.Headers.GetValues("X-Content-Type-Options")));
            Assert.True(response.Headers.Contains("Referrer-Policy"), $"{url}: no Referrer-Policy");

            var page = await response.ReadDocumentAsync();
            var inline = page.QuerySelectorAll("script").Where(s => !s.HasAttribute("src")).ToList();
            var script = Assert.Single(inline);
            Assert.Equal(nonce.Groups[1].Value, script.GetAttribute("nonce"));
            nonces.Add(nonce.Groups[1].Value);

            foreach (var form in page.QuerySelectorAll<IHtmlFormElement>("form").Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)))
            {
                Assert.True(form.QuerySelector("input[name=__RequestVerificationToken]") is not null, $"{url}: a POST form to {form.Action} has no antiforgery token");
            }
        }

        Assert.True(nonces.Count > 1, "The nonce must be fresh for each response.");
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRejected()
    {
        var client = app.CreateBrowser();
        await client.GetAsync("/account/sign-in");

        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "a@example.org", ["Password"] = "Some password 12" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_AdminFormWithoutAntiforgeryToken_IsRejected()
    {
        var admin = await app.SignedInAsAsync(Roles.Administrator);

        var response = await admin.PostAsync("/admin/agencies/create", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Name"] = "No Token Agency" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Health_Returns200()
    {
        var response = await app.CreateBrowser().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/error/404", false)]
    [InlineData("/no/such/page", true)]
    public async Task MissingPage_Shows404PageInGovUkWording(string url, bool signedIn)
    {
        var client = signedIn ? await app.SignedInAsAsync(Roles.SocialWorker) : app.CreateBrowser();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("If you typed the web address, check it is correct.", page.Body!.TextContent, StringComparison.Ordinal);
        AssertNoExceptionDetails(page.Body.TextContent);
    }

    [Theory]
    [InlineData("/error/500", HttpStatusCode.InternalServerError, "Sorry, there is a problem with the service")]
    [InlineData("/error/400", HttpStatusCode.BadRequest, "There is a problem with your request")]
    public async Task ErrorPages_UseGovUkWording(string url, HttpStatusCode status, string heading)
    {
        var response = await app.CreateBrowser().GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(heading, page.QuerySelector("h1")!.TextContent.Trim());
        AssertNoExceptionDetails(page.Body!.TextContent);
    }

    [Fact]
    public async Task MissingPage_Anonymous_IsSentToSignIn()
    {
        // Deny by default: the fallback policy also covers URLs that match nothing, so an anonymous
        // caller learns nothing about which addresses exist.
        var response = await app.CreateBrowser().GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private static void AssertNoExceptionDetails(string text)
    {
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Stack", text, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex("script-src [^;]*'nonce-([^']+)'")]
    private static partial Regex NonceInPolicy();
}

public sealed class ProductionSecurityTests(ProductionWebFactory app) : IClassFixture<ProductionWebFactory>
{
    [Fact]
    public async Task DemoSignIn_DoesNotExistInProduction()
    {
        var anonymous = await app.CreateBrowser().GetAsync("/demo/sign-in");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/sign-in", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);

        // Signed in, the address is simply not there.
        var client = app.CreateBrowser();
        var signIn = await client.SignInAsync(await CreateReferrerAsync(), TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var response = await client.GetAsync("/demo/sign-in");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", (await response.ReadDocumentAsync()).QuerySelector("h1")!.TextContent.Trim());
    }

    private async Task<string> CreateReferrerAsync()
    {
        const string email = "production.referrer@example.org";
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardingDbContext>();
        var agency = await db.Agencies.IgnoreQueryFilters().OrderBy(a => a.Name).FirstAsync();
        var directory = scope.ServiceProvider.GetRequiredService<UserDirectory>();
        var result = await directory.CreateUserAsync(
            new NewUserForm("Production Referrer", email, null, agency.Id, [Roles.Referrer], TestAccounts.Password),
            ProcessContext.System(DateTimeOffset.UtcNow, "test", agency.PartnershipId));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        return email;
    }

    [Fact]
    public async Task Https_SendsHsts()
    {
        // UseHsts leaves out localhost, so ask as the real host name would, over https.
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://safeguarding.example.org/") });

        var response = await client.GetAsync("/account/sign-in");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hsts = string.Join(',', response.Headers.GetValues("Strict-Transport-Security"));
        Assert.Contains("max-age=31536000", hsts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http_SendsNoHsts()
    {
        var response = await app.CreateBrowser().GetAsync("/account/sign-in");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}
