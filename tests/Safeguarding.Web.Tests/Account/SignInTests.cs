using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.Account;

public sealed class SignInTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>
{
    private const string WrongDetails = "Enter a correct email address and password";

    [Fact]
    public async Task Post_Empty_ShowsBothErrorsLinkedToTheirFields()
    {
        var client = app.CreateBrowser();
        var page = await client.GetDocumentAsync("/account/sign-in");

        var response = await client.PostFormAsync("/account/sign-in", page, new Dictionary<string, string> { ["Email"] = "", ["Password"] = "" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.ReadDocumentAsync();
        var links = result.ErrorSummaryLinks();
        Assert.Equal([("Enter your email address", "#Email"), ("Enter your password", "#Password")], links.OrderBy(l => l.Href).ToList());
        foreach (var (_, href) in links)
        {
            Assert.NotNull(result.GetElementById(href[1..]) as IHtmlInputElement);
        }

        Assert.StartsWith("Error:", result.Title, StringComparison.Ordinal);
        Assert.NotNull(result.GetElementById("Email-error"));
        Assert.NotNull(result.GetElementById("Password-error"));
    }

    [Fact]
    public async Task Post_UnknownEmail_ShowsGenericMessage()
    {
        var response = await app.CreateBrowser().SignInAsync("nobody-here@example.org", "Whatever password 1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([WrongDetails], (await response.ReadDocumentAsync()).ErrorSummary());
    }

    [Fact]
    public async Task Post_WrongPassword_ShowsGenericMessage()
    {
        var admin = await app.SignedInAsAsync(Roles.Administrator);
        await app.CreateUserAsync(admin, "wrong.password@example.org");

        var response = await app.CreateBrowser().SignInAsync("wrong.password@example.org", "Not the password 99");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal([WrongDetails], page.ErrorSummary());
        Assert.Equal("wrong.password@example.org", page.GetElementById("Email")!.GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(page.GetElementById("Password")!.GetAttribute("value")), "The password must not be sent back to the browser.");
    }

    [Fact]
    public async Task Post_FiveWrongPasswords_LocksTheAccountAndAuditsIt()
    {
        var admin = await app.SignedInAsAsync(Roles.Administrator);
        var userId = await app.CreateUserAsync(admin, "locked.out@example.org");
        var client = app.CreateBrowser();

        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++)
        {
            last = await client.SignInAsync("locked.out@example.org", $"Wrong password number {i}");
        }

        Assert.Equal(["This account is locked after too many attempts. Try again in 15 minutes, or ask your administrator"], (await last.ReadDocumentAsync()).ErrorSummary());

        // Even the right password is refused while locked.
        var right = await client.SignInAsync("locked.out@example.org", TestAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);

        await using var db = app.NewDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EventType == "SignInLockedOut" && e.SubjectId == userId.ToString()));
    }

    [Fact]
    public async Task StaffUser_EnrolsAuthenticator_ThenSignsInWithTwoFactor()
    {
        var admin = await app.SignedInAsAsync(Roles.Administrator);
        await app.CreateUserAsync(admin, "two.factor@example.org");
        var client = app.CreateBrowser();

        var signIn = await client.SignInAsync("two.factor@example.org", TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/dashboard", signIn.Location());

        var dashboard = await client.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.Equal("/account/set-up-authenticator", dashboard.Location());

        var setUp = await client.GetDocumentAsync("/account/set-up-authenticator");
        var qr = setUp.QuerySelector<IHtmlImageElement>("img.app-qr-code");
        Assert.NotNull(qr);
        Assert.StartsWith("data:image/png;base64,", qr.GetAttribute("src"), StringComparison.Ordinal);
        var key = setUp.QuerySelector(".app-shared-key")!.TextContent.Trim();
        Assert.NotEmpty(key);

        var wrongSetUp = await client.PostFormAsync("/account/set-up-authenticator", setUp, new Dictionary<string, string> { ["Code"] = WrongCode(key) });
        Assert.Equal(HttpStatusCode.OK, wrongSetUp.StatusCode);
        Assert.Equal([("The code is not correct or has expired. Enter the code your app shows now", "#Code")], (await wrongSetUp.ReadDocumentAsync()).ErrorSummaryLinks());

        var enrolled = await client.PostFormAsync("/account/set-up-authenticator", setUp, new Dictionary<string, string> { ["Code"] = TestAccounts.Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, enrolled.StatusCode);
        Assert.Equal("/dashboard", enrolled.Location());
        var home = await client.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);

        var signOut = await client.PostFormAsync("/account/sign-out", await home.ReadDocumentAsync(), new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/dashboard")).StatusCode);

        var again = await client.SignInAsync("two.factor@example.org", TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.StartsWith("/account/two-factor", again.Location(), StringComparison.Ordinal);

        var twoFactor = await client.GetDocumentAsync(again.Location());
        var wrong = await client.PostFormAsync("/account/two-factor", twoFactor, new Dictionary<string, string> { ["Code"] = WrongCode(key) });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var wrongPage = await wrong.ReadDocumentAsync();
        Assert.Equal([("The code is not correct or has expired. Enter the code your app shows now", "#Code")], wrongPage.ErrorSummaryLinks());
        Assert.True(string.IsNullOrEmpty(wrongPage.GetElementById("Code")!.GetAttribute("value")));
        Assert.Equal("Enter your security code", wrongPage.QuerySelector("h1 label[for=Code]")!.TextContent.Trim());

        var right = await client.PostFormAsync("/account/two-factor", wrongPage, new Dictionary<string, string> { ["Code"] = TestAccounts.Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/dashboard", right.Location());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard")).StatusCode);
    }

    [Fact]
    public async Task TwoFactor_EmptyCode_ShowsErrorLinkedToField()
    {
        var admin = await app.SignedInAsAsync(Roles.Administrator);
        await app.CreateUserAsync(admin, "set.up.empty@example.org");
        var client = app.CreateBrowser();
        await client.SignInAsync("set.up.empty@example.org", TestAccounts.Password);
        var setUp = await client.GetDocumentAsync("/account/set-up-authenticator");

        var response = await client.PostFormAsync("/account/set-up-authenticator", setUp, new Dictionary<string, string> { ["Code"] = "" });

        var page = await response.ReadDocumentAsync();
        Assert.Equal([("Enter the 6-digit code from your authenticator app", "#Code")], page.ErrorSummaryLinks());
        Assert.NotNull(page.GetElementById("Code"));
        Assert.NotNull(page.QuerySelector("img.app-qr-code"));
    }

    [Fact]
    public async Task DeactivatedUser_CannotSignIn()
    {
        var admin = await app.SignedInAsAsync(Roles.Administrator);
        var userId = await app.CreateUserAsync(admin, "deactivated@example.org");
        var edit = await admin.GetDocumentAsync($"/admin/users/edit/{userId}");
        var agencyId = edit.QuerySelector<IHtmlSelectElement>("#Input_AgencyId")!.Value!;
        var saved = await admin.PostFieldsAsync($"/admin/users/edit/{userId}", edit,
            ("Input.AgencyId", agencyId), ("Input.Roles", Roles.SocialWorker), ("Input.IsActive", "false"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var response = await app.CreateBrowser().SignInAsync("deactivated@example.org", TestAccounts.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([WrongDetails], (await response.ReadDocumentAsync()).ErrorSummary());
    }

    private static string WrongCode(string key) =>
        ((int.Parse(TestAccounts.Code(key), System.Globalization.CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}
