using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Children;
using Safeguarding.Core.Pathway;
using Safeguarding.SyntheticData;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.Pathway;

/// <summary>The child in need pathway through the real pages: each page's valid and invalid posts, who may use it, and the audit of each view.</summary>
public sealed class PathwayPagesTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>
{
    private static DateOnly Today => LondonTime.DateOf(DateTimeOffset.UtcNow);

    /// <summary>A child of their own for each test, born ten years ago, so episodes never collide.</summary>
    private async Task<Person> NewChildAsync()
    {
        await using var db = app.NewDbContext();
        var partnershipId = await db.Users.Where(u => u.Email == DemoCity.EmailFor(Roles.TeamManager)).Select(u => u.PartnershipId).SingleAsync();
        var child = new Person
        {
            Id = Guid.NewGuid(),
            PartnershipId = partnershipId,
            GivenName = "Robin",
            FamilyName = "Pathway",
            DateOfBirth = Today.AddYears(-10),
            IsChild = true,
        };
        db.People.Add(child);
        db.Record(new TestChildren.RecordedForTest(child.Id), new ProcessContext(null, "test set-up", partnershipId, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return child;
    }

    private async Task<ProcessContext> ManagerAsync()
    {
        await using var db = app.NewDbContext();
        var manager = await db.Users.SingleAsync(u => u.Email == DemoCity.EmailFor(Roles.TeamManager));
        return new ProcessContext(manager.Id, manager.DisplayName, manager.PartnershipId, DateTimeOffset.UtcNow);
    }

    private async Task<Guid> SocialWorkerIdAsync()
    {
        await using var db = app.NewDbContext();
        return await db.Users.Where(u => u.Email == DemoCity.EmailFor(Roles.SocialWorker)).Select(u => u.Id).SingleAsync();
    }

    private async Task<CinEpisode> OpenEpisodeAsync(Person child, DateOnly? referred = null)
    {
        using var scope = app.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<ReferralRecording>().OpenAsync(new ReferralForm(child.Id, referred ?? Today.AddDays(-10), "1A", null), await ManagerAsync());
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        return result.Value!;
    }

    private async Task<Assessment> StartAssessmentAsync(CinEpisode episode, Guid? worker = null)
    {
        using var scope = app.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<AssessmentRecording>().StartAsync(episode.Id, episode.Version, Today.AddDays(-9), worker, await ManagerAsync());
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        return result.Value!;
    }

    private async Task<bool> ViewAuditedAsync(Guid childId, string purpose)
    {
        await using var db = app.NewDbContext();
        return await db.AuditEvents.AnyAsync(a => a.EventType == "RecordViewed" && a.SubjectId == childId.ToString() && a.Reason == purpose);
    }

    private static Dictionary<string, string> Date(string name, DateOnly date) => new()
    {
        [$"{name}-day"] = date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"{name}-month"] = date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"{name}-year"] = date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Hidden(IHtmlDocument page, string name) =>
        page.QuerySelector<IHtmlInputElement>($"form[method=post] input[name={name}]")!.Value;

    private static Dictionary<string, string> With(IHtmlDocument page, params IDictionary<string, string>[] parts)
    {
        var fields = new Dictionary<string, string> { ["Version"] = Hidden(page, "Version") };
        foreach (var part in parts)
        {
            foreach (var (key, value) in part)
            {
                fields[key] = value;
            }
        }

        return fields;
    }

    private static void AssertForbidden(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || (response.Headers.Location?.ToString() ?? "").Contains("/error/403", StringComparison.Ordinal),
            $"Expected forbidden, got {(int)response.StatusCode} {response.Headers.Location}");

    private static void AssertLinked(IHtmlDocument page, string message, string fieldId) =>
        Assert.Contains(page.ErrorSummaryLinks(), l => l.Text == message && l.Href.StartsWith("#" + fieldId, StringComparison.Ordinal));

    [Fact]
    public async Task TheOverview_ShowsTheEmptyState_IsAudited_AndHidesRecordingFromTheFrontDoor()
    {
        var child = await NewChildAsync();
        var worker = await app.SignedInAsAsync(Roles.FrontDoorWorker);
        var page = await worker.GetDocumentAsync($"/children/{child.Id}/pathway");

        Assert.NotNull(page.QuerySelector(".app-pathway-empty"));
        Assert.Empty(page.QuerySelectorAll(".app-action"));
        Assert.True(await ViewAuditedAsync(child.Id, "View child's pathway"));

        var record = await worker.GetDocumentAsync($"/children/{child.Id}");
        Assert.NotNull(record.QuerySelector($"a.app-pathway-link[href='/children/{child.Id}/pathway']"));
        AssertForbidden(await (await app.SignedInAsAsync(Roles.AgencyResearcher)).GetAsync($"/children/{child.Id}/pathway"));
    }

    [Fact]
    public async Task ARecordedReferral_IsChecked_Confirmed_AndShownOnTheOverviewAndTheRecord()
    {
        var child = await NewChildAsync();
        var worker = await app.SignedInAsAsync(Roles.SocialWorker);
        var url = $"/children/{child.Id}/pathway/referrals/new";
        var form = await worker.GetDocumentAsync(url);
        Assert.True(await ViewAuditedAsync(child.Id, "Record a referral"));

        var invalid = await (await worker.PostFormAsync(url, form, new Dictionary<string, string> { ["PrimaryNeed"] = "" })).ReadDocumentAsync();
        AssertLinked(invalid, "Enter the referral date", "ReferralDate");
        AssertLinked(invalid, "Select the referral source", "ReferralSource");
        var future = await (await worker.PostFormAsync(url, form, new Dictionary<string, string>(Date("ReferralDate", Today.AddDays(1))) { ["ReferralSource"] = "1A" })).ReadDocumentAsync();
        AssertLinked(future, "The referral date must be today or in the past", "ReferralDate");

        var referred = Today.AddDays(-3);
        var valid = await worker.PostFormAsync(url, form, new Dictionary<string, string>(Date("ReferralDate", referred)) { ["ReferralSource"] = "3A", ["PrimaryNeed"] = "N1" });
        Assert.Equal(HttpStatusCode.Redirect, valid.StatusCode);
        var checkUrl = valid.Headers.Location!.ToString();
        Assert.Contains("/pathway/referrals/check-answers", checkUrl, StringComparison.Ordinal);
        await using (var db = app.NewDbContext())
        {
            Assert.False(await db.CinEpisodes.AnyAsync(e => e.PersonId == child.Id));
        }

        var check = await worker.GetDocumentAsync(checkUrl);
        Assert.Contains("Record the referral", check.Body!.TextContent, StringComparison.Ordinal);
        var saved = await worker.PostFormAsync(checkUrl, check, new Dictionary<string, string> { ["Date"] = Hidden(check, "Date"), ["Source"] = Hidden(check, "Source"), ["Need"] = Hidden(check, "Need") });
        Assert.Equal($"/children/{child.Id}/pathway", saved.Headers.Location!.ToString());

        var overview = await worker.GetDocumentAsync($"/children/{child.Id}/pathway");
        Assert.NotNull(overview.QuerySelector(".govuk-notification-banner--success"));
        Assert.Contains("Referral " + referred.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), overview.QuerySelector(".app-episode")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(overview.QuerySelector(".app-cw1"));
        await using (var db = app.NewDbContext())
        {
            var episode = await db.CinEpisodes.SingleAsync(e => e.PersonId == child.Id);
            Assert.Equal((referred, "3A", "N1"), (episode.ReferralDate, episode.ReferralSource, episode.PrimaryNeed));
        }

        var record = await worker.GetDocumentAsync($"/children/{child.Id}");
        Assert.Contains("Child in need episode", record.QuerySelector(".app-involvement")!.TextContent, StringComparison.Ordinal);

        // A second referral while this one is open is refused with the reason.
        var again = await (await worker.PostFormAsync(url, form, new Dictionary<string, string>(Date("ReferralDate", Today)) { ["ReferralSource"] = "1A" })).ReadDocumentAsync();
        Assert.Contains(again.QuerySelectorAll(".govuk-error-summary__list li"), li => li.TextContent.Contains("already has an open child in need episode", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RecordingAReferral_IsForbiddenToTheFrontDoor()
    {
        var child = await NewChildAsync();
        var worker = await app.SignedInAsAsync(Roles.FrontDoorManager);
        AssertForbidden(await worker.GetAsync($"/children/{child.Id}/pathway/referrals/new"));
        AssertForbidden(await worker.GetAsync($"/children/{child.Id}/pathway/referrals/check-answers?date=2026-01-05&source=1A&need="));
    }

    [Fact]
    public async Task AnAssessment_IsStarted_Allocated_Visited_AndAuthorisedByATeamManager()
    {
        var child = await NewChildAsync();
        var episode = await OpenEpisodeAsync(child);
        var worker = await app.SignedInAsAsync(Roles.SocialWorker);
        var socialWorkerId = await SocialWorkerIdAsync();

        var newUrl = $"/children/{child.Id}/pathway/episodes/{episode.Id}/assessments/new";
        var form = await worker.GetDocumentAsync(newUrl);
        Assert.True(await ViewAuditedAsync(child.Id, "Start an assessment"));
        AssertLinked(await (await worker.PostFormAsync(newUrl, form, With(form))).ReadDocumentAsync(), "Enter the date the assessment started", "StartDate");
        AssertLinked(await (await worker.PostFormAsync(newUrl, form, With(form, Date("StartDate", episode.ReferralDate.AddDays(-1))))).ReadDocumentAsync(),
            $"The date the assessment started must be on or after the referral date, {episode.ReferralDate:d MMMM yyyy}", "StartDate");
        Assert.Equal(HttpStatusCode.Redirect, (await worker.PostFormAsync(newUrl, form, With(form, Date("StartDate", Today.AddDays(-9))))).StatusCode);
        Guid assessmentId;
        await using (var db = app.NewDbContext())
        {
            assessmentId = await db.Assessments.Where(a => a.EpisodeId == episode.Id).Select(a => a.Id).SingleAsync();
        }

        var allocateUrl = $"/children/{child.Id}/pathway/assessments/{assessmentId}/allocate";
        var allocate = await worker.GetDocumentAsync(allocateUrl);
        Assert.True(await ViewAuditedAsync(child.Id, "Allocate an assessment"));
        var badAllocation = await (await worker.PostFormAsync(allocateUrl, allocate, With(allocate))).ReadDocumentAsync();
        AssertLinked(badAllocation, "Select the social worker", "SocialWorkerUserId");
        AssertLinked(badAllocation, "Enter the date it was allocated", "AllocatedOn");
        Assert.Equal(HttpStatusCode.Redirect, (await worker.PostFormAsync(allocateUrl, allocate, With(allocate, Date("AllocatedOn", Today.AddDays(-8)), new Dictionary<string, string> { ["SocialWorkerUserId"] = socialWorkerId.ToString() }))).StatusCode);

        var visitUrl = $"/children/{child.Id}/pathway/assessments/{assessmentId}/visit";
        var visit = await worker.GetDocumentAsync(visitUrl);
        AssertLinked(await (await worker.PostFormAsync(visitUrl, visit, With(visit, Date("VisitedOn", Today.AddDays(1))))).ReadDocumentAsync(), "The date the child was visited must be today or in the past", "VisitedOn");
        Assert.Equal(HttpStatusCode.Redirect, (await worker.PostFormAsync(visitUrl, visit, With(visit, Date("VisitedOn", Today.AddDays(-7))))).StatusCode);

        var authoriseUrl = $"/children/{child.Id}/pathway/assessments/{assessmentId}/authorise";
        AssertForbidden(await worker.GetAsync(authoriseUrl));
        var manager = await app.SignedInAsAsync(Roles.TeamManager);
        var authorise = await manager.GetDocumentAsync(authoriseUrl);
        Assert.True(await ViewAuditedAsync(child.Id, "Authorise an assessment"));
        Assert.Contains("Domestic violence", authorise.QuerySelector(".govuk-checkboxes")!.TextContent, StringComparison.Ordinal);
        var badAuthorisation = await (await manager.PostFormAsync(authoriseUrl, authorise, With(authorise))).ReadDocumentAsync();
        AssertLinked(badAuthorisation, "Enter the date the assessment was authorised", "AuthorisationDate");
        AssertLinked(badAuthorisation, "Select the factors identified at assessment, or 'No factors identified'", "Factors");
        AssertLinked(badAuthorisation, "Select the outcome of the assessment", "Outcome");
        AssertLinked(badAuthorisation, "Select the child's primary need", "PrimaryNeed");
        var done = await manager.PostFormAsync(authoriseUrl, authorise, With(authorise, Date("AuthorisationDate", Today.AddDays(-1)),
            new Dictionary<string, string> { ["Factors"] = "3A", ["Outcome"] = nameof(AssessmentOutcome.ChildInNeedPlan), ["PrimaryNeed"] = "N1" }));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        await using (var db = app.NewDbContext())
        {
            var assessment = await db.Assessments.SingleAsync(a => a.Id == assessmentId);
            Assert.Equal((socialWorkerId, Today.AddDays(-7), Today.AddDays(-1), "3A"), (assessment.SocialWorkerUserId!.Value, assessment.FirstVisitOn!.Value, assessment.AuthorisationDate!.Value, assessment.Factors!));
            Assert.NotNull((await db.Clocks.SingleAsync(c => c.SubjectId == episode.Id && c.RuleId == "CW-1")).StoppedAt);
        }

        var overview = await manager.GetDocumentAsync($"/children/{child.Id}/pathway");
        Assert.Contains("Completed in time", overview.QuerySelector(".app-cw1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACinPlan_IsStartedAndEnded_AndRecordingItIsForbiddenToTheFrontDoor()
    {
        var child = await NewChildAsync();
        var episode = await OpenEpisodeAsync(child);
        var worker = await app.SignedInAsAsync(Roles.SocialWorker);
        var newUrl = $"/children/{child.Id}/pathway/episodes/{episode.Id}/cin-plans/new";
        AssertForbidden(await (await app.SignedInAsAsync(Roles.FrontDoorWorker)).GetAsync(newUrl));

        var form = await worker.GetDocumentAsync(newUrl);
        Assert.True(await ViewAuditedAsync(child.Id, "Start a child in need plan"));
        AssertLinked(await (await worker.PostFormAsync(newUrl, form, With(form))).ReadDocumentAsync(), "Enter the date the plan started", "StartDate");
        Assert.Equal(HttpStatusCode.Redirect, (await worker.PostFormAsync(newUrl, form, With(form, Date("StartDate", Today.AddDays(-5))))).StatusCode);

        Guid planId;
        await using (var db = app.NewDbContext())
        {
            planId = await db.CinPlans.Where(p => p.EpisodeId == episode.Id).Select(p => p.Id).SingleAsync();
        }

        var endUrl = $"/children/{child.Id}/pathway/cin-plans/{planId}/end";
        var end = await worker.GetDocumentAsync(endUrl);
        Assert.True(await ViewAuditedAsync(child.Id, "End a child in need plan"));
        AssertLinked(await (await worker.PostFormAsync(endUrl, end, With(end, Date("EndDate", Today.AddDays(-6))))).ReadDocumentAsync(),
            $"The date the plan ended must be on or after the date it started, {Today.AddDays(-5):d MMMM yyyy}", "EndDate");
        Assert.Equal(HttpStatusCode.Redirect, (await worker.PostFormAsync(endUrl, end, With(end, Date("EndDate", Today)))).StatusCode);
        await using (var db = app.NewDbContext())
        {
            Assert.Equal(Today, (await db.CinPlans.SingleAsync(p => p.Id == planId)).EndDate);
        }
    }

    [Fact]
    public async Task ATeamManager_ClosesTheEpisode_AfterCheckingTheAnswers_AndASocialWorkerCannot()
    {
        var child = await NewChildAsync();
        var episode = await OpenEpisodeAsync(child);
        var closeUrl = $"/children/{child.Id}/pathway/episodes/{episode.Id}/close";
        AssertForbidden(await (await app.SignedInAsAsync(Roles.SocialWorker)).GetAsync(closeUrl));

        var manager = await app.SignedInAsAsync(Roles.TeamManager);
        var form = await manager.GetDocumentAsync(closeUrl);
        Assert.True(await ViewAuditedAsync(child.Id, "Close a child in need episode"));
        var invalid = await (await manager.PostFormAsync(closeUrl, form, With(form))).ReadDocumentAsync();
        AssertLinked(invalid, "Enter the date the episode closed", "ClosureDate");
        AssertLinked(invalid, "Select the reason for closure", "ClosureReason");
        var rc8 = await (await manager.PostFormAsync(closeUrl, form, With(form, Date("ClosureDate", Today), new Dictionary<string, string> { ["ClosureReason"] = "RC8" }))).ReadDocumentAsync();
        AssertLinked(rc8, "'Case closed after assessment' needs an authorised assessment in this episode: choose another reason", "ClosureReason");

        var valid = await manager.PostFormAsync(closeUrl, form, With(form, Date("ClosureDate", Today), new Dictionary<string, string> { ["ClosureReason"] = "RC7" }));
        Assert.Equal(HttpStatusCode.Redirect, valid.StatusCode);
        var checkUrl = valid.Headers.Location!.ToString();
        var check = await manager.GetDocumentAsync(checkUrl);
        await using (var db = app.NewDbContext())
        {
            Assert.True((await db.CinEpisodes.SingleAsync(e => e.Id == episode.Id)).IsOpen);
        }

        var saved = await manager.PostFormAsync(checkUrl, check, new Dictionary<string, string> { ["Date"] = Hidden(check, "Date"), ["Reason"] = Hidden(check, "Reason"), ["Version"] = Hidden(check, "Version") });
        Assert.Equal($"/children/{child.Id}/pathway", saved.Headers.Location!.ToString());
        var overview = await manager.GetDocumentAsync($"/children/{child.Id}/pathway");
        Assert.Contains("Episode closed: the referral is recorded as no further action", overview.QuerySelector(".govuk-notification-banner--success")!.TextContent, StringComparison.Ordinal);
        await using (var db = app.NewDbContext())
        {
            var closed = await db.CinEpisodes.SingleAsync(e => e.Id == episode.Id);
            Assert.Equal((Today, "RC7", true), (closed.ClosureDate!.Value, closed.ClosureReason!, closed.NoFurtherAction));
        }
    }

    [Fact]
    public async Task AStalePage_IsToldSomeoneElseChangedTheEpisode()
    {
        var child = await NewChildAsync();
        var episode = await OpenEpisodeAsync(child);
        var worker = await app.SignedInAsAsync(Roles.SocialWorker);
        var newUrl = $"/children/{child.Id}/pathway/episodes/{episode.Id}/cin-plans/new";
        var form = await worker.GetDocumentAsync(newUrl);
        await StartAssessmentAsync(episode);

        var stale = await (await worker.PostFormAsync(newUrl, form, With(form, Date("StartDate", Today)))).ReadDocumentAsync();
        Assert.Contains(stale.QuerySelectorAll(".govuk-error-summary__list li"), li => li.TextContent.Contains("Someone else changed this record", StringComparison.Ordinal));
    }
}
