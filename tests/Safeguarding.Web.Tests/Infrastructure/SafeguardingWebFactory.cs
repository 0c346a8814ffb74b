using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.Data;
using Safeguarding.Tests.Shared;

namespace Safeguarding.Web.Tests.Infrastructure;

/// <summary>
/// The whole app on a fresh database of the provider this run tests (SQLite or PostgreSQL), with a
/// small demo city loaded at start-up exactly as `dotnet run` does it.
/// </summary>
public class SafeguardingWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const int DemoChildren = 150;

    private TestDatabase? database;

    public TestDatabase Database => database ?? throw new InvalidOperationException("The factory has not been initialised.");

    protected virtual string EnvironmentName => "Development";

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        _ = Server; // start the host now, so migrations and the demo city load before any test runs
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting(Database.IsPostgres ? "ConnectionStrings:Postgres" : "ConnectionStrings:Sqlite", Database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("DemoCity:LoadOnFirstStart", "true");
        builder.UseSetting("DemoCity:Children", DemoChildren.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public SafeguardingDbContext NewDbContext() => Database.NewContext();

    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in as the demo user for a role, through the real demo sign-in page.</summary>
    public async Task<HttpClient> SignedInAsAsync(string role)
    {
        var client = CreateBrowser();
        var page = await client.GetDocumentAsync("/demo/sign-in");
        var radio = page.QuerySelectorAll<IHtmlInputElement>("input[name=UserId]")
            .SingleOrDefault(r => page.QuerySelector($"label[for={r.Id}]")!.TextContent.StartsWith(Core.Access.Roles.Describe(role) + ":", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No demo user for {role}.");
        var response = await client.PostFormAsync("/demo/sign-in", page, new Dictionary<string, string> { ["UserId"] = radio.Value });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Demo sign-in as {role} failed: {response.StatusCode}");
        }

        return client;
    }
}

/// <summary>The same app as production runs it: no demo pages.</summary>
public sealed class ProductionWebFactory : SafeguardingWebFactory
{
    protected override string EnvironmentName => "Production";
}

public static class BrowserExtensions
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} returned {(int)response.StatusCode}, expected 200.");
        }

        return await response.ReadDocumentAsync();
    }

    public static async Task<IHtmlDocument> ReadDocumentAsync(this HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>Posts a form the way a browser would: the page's antiforgery token plus the given fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, IHtmlDocument page, IDictionary<string, string> fields)
    {
        var token = page.QuerySelector<IHtmlInputElement>("form[method=post] input[name=__RequestVerificationToken]")?.Value
            ?? throw new InvalidOperationException($"The page posting to {url} has no antiforgery token.");
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(url, new FormUrlEncodedContent(body));
    }

    public static IReadOnlyList<string> ErrorSummary(this IHtmlDocument page) =>
        page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.TextContent.Trim()).ToList();

    public static IReadOnlyList<(string Text, string Href)> ErrorSummaryLinks(this IHtmlDocument page) =>
        page.QuerySelectorAll<IHtmlAnchorElement>(".govuk-error-summary__list a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href")!)).ToList();
}
