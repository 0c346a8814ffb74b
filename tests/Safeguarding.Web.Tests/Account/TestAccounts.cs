using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using Safeguarding.Core.Access;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.Account;

/// <summary>Helpers the account, admin and security tests share: real users made through the admin pages.</summary>
public static class TestAccounts
{
    public const string Password = "Plum kettle orbit 47";

    /// <summary>Posts a form with repeatable fields (checkboxes), plus the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFieldsAsync(this HttpClient client, string url, IHtmlDocument page, params (string Name, string Value)[] fields)
    {
        var token = page.QuerySelector<IHtmlInputElement>("form[method=post] input[name=__RequestVerificationToken]")?.Value
            ?? throw new InvalidOperationException($"The page posting to {url} has no antiforgery token.");
        var body = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token));
        return await client.PostAsync(url, new FormUrlEncodedContent(body));
    }

    /// <summary>Creates a user through the Add a user page as an administrator and returns their id.</summary>
    public static async Task<Guid> CreateUserAsync(this SafeguardingWebFactory app, HttpClient admin, string email, string role = Roles.SocialWorker, string password = Password)
    {
        var page = await admin.GetDocumentAsync("/admin/users/create");
        var agencyId = page.QuerySelectorAll<IHtmlOptionElement>("#Input_AgencyId option").First(o => o.Value.Length > 0).Value;
        var response = await admin.PostFieldsAsync("/admin/users/create", page,
            ("Input.DisplayName", "Test Person " + email.Split('@')[0]),
            ("Input.Email", email),
            ("Input.JobTitle", "Tester"),
            ("Input.AgencyId", agencyId),
            ("Input.Roles", role),
            ("Input.InitialPassword", password));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var doc = await response.ReadDocumentAsync();
            throw new InvalidOperationException("Creating a user failed: " + string.Join("; ", doc.ErrorSummary()));
        }

        await using var db = app.NewDbContext();
        return await db.Users.IgnoreQueryFilters().Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    /// <summary>Posts the sign-in form and returns the response (not following redirects).</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password)
    {
        var page = await client.GetDocumentAsync("/account/sign-in");
        return await client.PostFormAsync("/account/sign-in", page, new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
    }

    public static string Code(string sharedKey, int offsetSteps = 0)
    {
        var totp = new Totp(Base32Encoding.ToBytes(sharedKey.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()));
        return totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30 * offsetSteps));
    }

    /// <summary>The id of the demo user the factory signs in as for a role (the radio's value on the demo page).</summary>
    public static async Task<Guid> DemoUserIdAsync(this SafeguardingWebFactory app, string role)
    {
        var page = await app.CreateBrowser().GetDocumentAsync("/demo/sign-in");
        var radio = page.QuerySelectorAll<IHtmlInputElement>("input[name=UserId]")
            .Single(r => page.QuerySelector($"label[for={r.Id}]")!.TextContent.StartsWith(Roles.Describe(role) + ":", StringComparison.Ordinal));
        return Guid.Parse(radio.Value);
    }

    public static string Location(this HttpResponseMessage response) => response.Headers.Location?.OriginalString ?? "";
}
