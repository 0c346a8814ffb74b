using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.Access;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Performance;
using Safeguarding.Core.Workforce;
using Safeguarding.SyntheticData;
using Safeguarding.Web.Tests.Account;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.Workforce;

/// <summary>
/// The establishment, supervision and a child's allocation through the pages. The class shares one
/// database, so each test uses its own post references. Who may open the pages is in RouteAccessTests.
/// </summary>
public sealed class WorkforcePagesTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>
{
    private static readonly DateOnly InPostFrom = new(2025, 1, 1);

    private static DateOnly Today => LondonTime.DateOf(DateTimeOffset.UtcNow);

    private static Dictionary<string, string> Date(string name, DateOnly date) => new()
    {
        [$"{name}-day"] = date.Day.ToString(CultureInfo.InvariantCulture),
        [$"{name}-month"] = date.Month.ToString(CultureInfo.InvariantCulture),
        [$"{name}-year"] = date.Year.ToString(CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, string> With(Dictionary<string, string> fields, params (string Name, string Value)[] more)
    {
        foreach (var (name, value) in more)
        {
            fields[name] = value;
        }

        return fields;
    }

    private async Task<(Guid Id, string Name)> SocialWorkerAsync()
    {
        await using var db = app.NewDbContext();
        var worker = await db.Users.SingleAsync(u => u.Email == DemoCity.EmailFor(Roles.SocialWorker));
        return (worker.Id, worker.DisplayName);
    }

    /// <summary>The demo social worker in a social worker post since 2025, set up through the service.</summary>
    private async Task<(Guid Id, string Name)> SocialWorkerInPostAsync(string reference)
    {
        var worker = await SocialWorkerAsync();
        await using var db = app.NewDbContext();
        var partnershipId = await db.Partnerships.Select(p => p.Id).SingleAsync();
        var context = ProcessContext.System(DateTimeOffset.UtcNow, "test set-up", partnershipId);
        using var scope = app.Services.CreateScope();
        var establishment = scope.ServiceProvider.GetRequiredService<Establishment>();
        var post = await establishment.AddPostAsync(new PostForm(reference, "Test team", WorkforceRole.SocialWorker, InPostFrom), context);
        Assert.True(post.Succeeded, string.Join("; ", post.Errors.Values));
        var filled = await establishment.FillPostAsync(post.Value!.Id, post.Value.Version, new FillPostForm(worker.Id, Employment.Permanent, InPostFrom), context);
        Assert.True(filled.Succeeded, string.Join("; ", filled.Errors.Values));
        return worker;
    }

    [Fact]
    public async Task AnAnalyst_AddsAPost_AndFillsIt_AndTheEstablishmentShowsTheHolder()
    {
        var analyst = await app.SignedInAsAsync(Roles.PerformanceAnalyst);
        var worker = await SocialWorkerAsync();

        var addPage = await analyst.GetDocumentAsync("/performance/settings/workforce/add");
        var added = await analyst.PostFormAsync("/performance/settings/workforce/add", addPage,
            With(Date("EstablishedOn", InPostFrom), ("Reference", "WEB-ADD-1"), ("Team", "Web team"), ("Role", nameof(WorkforceRole.SocialWorker))));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var establishment = await analyst.GetDocumentAsync("/performance/settings/workforce?Vacant=true");
        Assert.Contains("Post WEB-ADD-1 added to Web team", establishment.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        var row = establishment.GetElementById("post-WEB-ADD-1")!;
        Assert.Contains("Vacant", row.TextContent, StringComparison.Ordinal);
        var fillUrl = row.QuerySelectorAll<IHtmlAnchorElement>("a").Single(a => a.TextContent.StartsWith("Fill", StringComparison.Ordinal)).GetAttribute("href")!;

        var fillPage = await analyst.GetDocumentAsync(fillUrl);
        var filled = await analyst.PostFormAsync(fillUrl, fillPage,
            With(Date("StartDate", InPostFrom), ("UserId", worker.Id.ToString()), ("Employment", nameof(Employment.Agency))));
        Assert.Equal(HttpStatusCode.Redirect, filled.StatusCode);

        var after = await analyst.GetDocumentAsync("/performance/settings/workforce?Team=Web+team");
        var filledRow = after.GetElementById("post-WEB-ADD-1")!;
        Assert.Contains(worker.Name, filledRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("Agency", filledRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("100%", after.GetElementById("counts")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddingAPost_WithNothingFilledIn_ShowsEachError()
    {
        var analyst = await app.SignedInAsAsync(Roles.PerformanceAnalyst);
        var page = await analyst.GetDocumentAsync("/performance/settings/workforce/add");

        var refused = await (await analyst.PostFormAsync("/performance/settings/workforce/add", page, new Dictionary<string, string>())).ReadDocumentAsync();

        string[] expected =
        [
            "Enter the post reference, for example SW-0142", "Enter the team the post is in",
            "Select whether the post is a social worker's or a team manager's", "Enter the date the post was established",
        ];
        Assert.Equal(expected.Order(), refused.ErrorSummary().Order());
        Assert.StartsWith("Error: ", refused.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FillingAPost_BeforeItWasEstablished_IsRefused()
    {
        var analyst = await app.SignedInAsAsync(Roles.PerformanceAnalyst);
        var worker = await SocialWorkerAsync();
        var addPage = await analyst.GetDocumentAsync("/performance/settings/workforce/add");
        await analyst.PostFormAsync("/performance/settings/workforce/add", addPage,
            With(Date("EstablishedOn", InPostFrom), ("Reference", "WEB-EARLY-1"), ("Team", "Web team"), ("Role", nameof(WorkforceRole.TeamManager))));
        await using var db = app.NewDbContext();
        var postId = await db.WorkforcePosts.Where(p => p.Reference == "WEB-EARLY-1").Select(p => p.Id).SingleAsync();
        var url = $"/performance/settings/workforce/fill/{postId}";

        var refused = await (await analyst.PostFormAsync(url, await analyst.GetDocumentAsync(url),
            With(Date("StartDate", InPostFrom.AddDays(-1)), ("UserId", worker.Id.ToString()), ("Employment", nameof(Employment.Permanent))))).ReadDocumentAsync();

        Assert.Equal(["The date they started must be on or after the date the post was established, 1 January 2025"], refused.ErrorSummary());
    }

    [Fact]
    public async Task ATeamManager_RecordsASupervision_AndTheWorkerShowsAsSupervisedThisMonth()
    {
        var worker = await SocialWorkerInPostAsync("WEB-SUP-1");
        var manager = await app.SignedInAsAsync(Roles.TeamManager);
        var page = await manager.GetDocumentAsync("/workforce/supervision");
        Assert.NotNull(page.GetElementById($"worker-{worker.Id}"));

        var future = await (await manager.PostFormAsync("/workforce/supervision", page,
            With(Date("HeldOn", Today.AddDays(1)), ("WorkerUserId", worker.Id.ToString())))).ReadDocumentAsync();
        Assert.Equal(["The date of the supervision must be today or in the past"], future.ErrorSummary());

        var recorded = await manager.PostFormAsync("/workforce/supervision", page, With(Date("HeldOn", Today), ("WorkerUserId", worker.Id.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);

        var after = await manager.GetDocumentAsync("/workforce/supervision");
        var row = after.GetElementById($"worker-{worker.Id}")!;
        Assert.Contains(DateDisplay.Readable(Today), row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Supervised", row.TextContent, StringComparison.Ordinal);
        Assert.Contains($"Supervision with {worker.Name} recorded", after.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATeamManager_AllocatesAChild_ToASocialWorkerInPost()
    {
        var worker = await SocialWorkerInPostAsync("WEB-ALLOC-1");
        await using var db = app.NewDbContext();
        var child = await TestChildren.WithoutPathwayAsync(db, skip: 4);
        var url = $"/children/{child.Id}/pathway/allocation";
        var manager = await app.SignedInAsAsync(Roles.TeamManager);
        var page = await manager.GetDocumentAsync(url);
        Assert.Contains("Not allocated", page.GetElementById("current")!.TextContent, StringComparison.Ordinal);

        var missing = await (await manager.PostFormAsync(url, page, Date("StartDate", Today))).ReadDocumentAsync();
        Assert.Equal(["Select the social worker"], missing.ErrorSummary());

        var allocated = await manager.PostFormAsync(url, page, With(Date("StartDate", Today), ("WorkerUserId", worker.Id.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, allocated.StatusCode);
        var after = await manager.GetDocumentAsync(url);
        Assert.Contains($"Allocated to {worker.Name} since {DateDisplay.Readable(Today)}", after.GetElementById("current")!.TextContent, StringComparison.Ordinal);

        // The case closes: the allocation ends, on or after the day it started.
        var seen = after.QuerySelector<IHtmlInputElement>("#EndCurrentSeen")!.Value;
        var early = await (await manager.PostFormAsync($"{url}?handler=End", after, With(Date("EndDate", Today.AddDays(-1)), ("CurrentSeen", seen)))).ReadDocumentAsync();
        Assert.Equal([$"The date the allocation ends must be on or after the date it started, {Safeguarding.Core.Pathway.Episodes.Format(Today)}"], early.ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync($"{url}?handler=End", after, With(Date("EndDate", Today), ("CurrentSeen", seen)))).StatusCode);
        Assert.Contains("Not allocated", (await manager.GetDocumentAsync(url)).GetElementById("current")!.TextContent, StringComparison.Ordinal);

        // A social worker reads the allocation but cannot change it.
        var socialWorker = await app.SignedInAsAsync(Roles.SocialWorker);
        var read = await socialWorker.GetDocumentAsync(url);
        Assert.Null(read.QuerySelector("main form[method=post]"));
        var refused = await socialWorker.PostFormAsync(url, read, With(Date("StartDate", Today), ("WorkerUserId", worker.Id.ToString())));
        Assert.True(refused.StatusCode == HttpStatusCode.Forbidden || refused.Location().Contains("/error/403", StringComparison.Ordinal), refused.StatusCode.ToString());
    }

    [Fact]
    public async Task TheCaseloadDrillDown_NamesTheSocialWorkerInPost()
    {
        var worker = await SocialWorkerInPostAsync("WEB-KPI14-1");
        var analyst = await app.SignedInAsAsync(Roles.PerformanceAnalyst);
        var lastMonth = PerformanceMonths.StartOf(Today).AddMonths(-1);

        var records = await analyst.GetDocumentAsync($"/performance/records/kpi14?month={PerformanceMonths.Key(lastMonth)}");

        Assert.Contains(worker.Name, records.Body!.TextContent, StringComparison.Ordinal);
    }
}
