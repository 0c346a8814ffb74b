using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Children;
using Safeguarding.Core.Pathway;
using Safeguarding.SyntheticData;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.Pathway;

/// <summary>Early help through the real pages: each form valid and invalid (error summary, nothing saved), a stale form, and who may record.</summary>
public sealed class EarlyHelpPagesTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>
{
    private static DateOnly Today => LondonTime.DateOf(DateTimeOffset.UtcNow);

    private static string Long(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private async Task<Person> NewChildAsync()
    {
        await using var db = app.NewDbContext();
        var partnershipId = await db.Users.Where(u => u.Email == DemoCity.EmailFor(Roles.TeamManager)).Select(u => u.PartnershipId).SingleAsync();
        var child = new Person { Id = Guid.NewGuid(), PartnershipId = partnershipId, GivenName = "Robin", FamilyName = "Helped", DateOfBirth = Today.AddYears(-9), IsChild = true };
        db.People.Add(child);
        db.Record(new TestChildren.RecordedForTest(child.Id), new ProcessContext(null, "test set-up", partnershipId, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return child;
    }

    /// <summary>A child with early help started 40 days ago and, when asked, its assessment recorded.</summary>
    private async Task<(Person Child, EarlyHelpEpisode Episode)> WithEarlyHelpAsync(bool assessed)
    {
        var child = await NewChildAsync();
        await using var db = app.NewDbContext();
        var episode = await EarlyHelpRecords.StartAsync(db, child.Id, 40);
        return (child, assessed ? await EarlyHelpRecords.AssessedAsync(db, episode) : episode);
    }

    private async Task<EarlyHelpEpisode> StoredAsync(Guid episodeId)
    {
        await using var db = app.NewDbContext();
        return await db.EarlyHelpEpisodes.AsNoTracking().SingleAsync(e => e.Id == episodeId);
    }

    private async Task<bool> ViewAuditedAsync(Guid childId, string purpose)
    {
        await using var db = app.NewDbContext();
        return await db.AuditEvents.AnyAsync(a => a.EventType == "RecordViewed" && a.SubjectId == childId.ToString() && a.Reason == purpose);
    }

    private static Dictionary<string, string> Fields(IHtmlDocument page, params (string Name, object Value)[] values)
    {
        var fields = new Dictionary<string, string>();
        if (page.QuerySelector<IHtmlInputElement>("form[method=post] input[name=Version]") is { } version)
        {
            fields["Version"] = version.Value;
        }

        foreach (var (name, value) in values)
        {
            if (value is DateOnly date)
            {
                fields[$"{name}-day"] = date.Day.ToString(CultureInfo.InvariantCulture);
                fields[$"{name}-month"] = date.Month.ToString(CultureInfo.InvariantCulture);
                fields[$"{name}-year"] = date.Year.ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                fields[name] = Convert.ToString(value, CultureInfo.InvariantCulture)!;
            }
        }

        return fields;
    }

    private static void AssertLinked(IHtmlDocument page, string message, string fieldId) =>
        Assert.Contains(page.ErrorSummaryLinks(), l => l.Text == message && l.Href.StartsWith("#" + fieldId, StringComparison.Ordinal));

    private static void AssertForbidden(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || (response.Headers.Location?.ToString() ?? "").Contains("/error/403", StringComparison.Ordinal),
            $"Expected forbidden, got {(int)response.StatusCode} {response.Headers.Location}");

    [Fact]
    public async Task Starting_IsCheckedThenConfirmed_AndAnInvalidStartSavesNothing()
    {
        var child = await NewChildAsync();
        var worker = await app.SignedInAsAsync(Roles.SocialWorker);
        var list = $"/children/{child.Id}/pathway/early-help";
        var overview = await worker.GetDocumentAsync($"/children/{child.Id}/pathway");
        Assert.NotNull(overview.QuerySelector($".app-care-links a[href='{list}']"));
        Assert.NotNull((await worker.GetDocumentAsync(list)).QuerySelector(".app-early-help-empty"));
        Assert.True(await ViewAuditedAsync(child.Id, "View child's early help"));

        var form = await worker.GetDocumentAsync($"{list}/start");
        var invalid = await (await worker.PostFormAsync($"{list}/start", form, Fields(form, ("StartDate", Today.AddDays(1))))).ReadDocumentAsync();
        Assert.StartsWith("Error: ", invalid.Title, StringComparison.Ordinal);
        AssertLinked(invalid, "The date early help started must be today or in the past", "StartDate");
        AssertLinked(invalid, "Select how early help started", "Route");

        var started = Today.AddDays(-7);
        var next = await worker.PostFormAsync($"{list}/start", form, Fields(form, ("StartDate", started), ("Route", nameof(EarlyHelpRoute.FrontDoorStepDown))));
        Assert.Equal($"{list}/start/check-answers", next.Headers.Location!.ToString());
        var check = await worker.GetDocumentAsync($"{list}/start/check-answers");
        Assert.Contains(Long(started), check.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Stepped down from the front door", check.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        await using (var db = app.NewDbContext())
        {
            Assert.False(await db.EarlyHelpEpisodes.AnyAsync(e => e.PersonId == child.Id));
        }

        var saved = await worker.PostFormAsync($"{list}/start/check-answers", check, new Dictionary<string, string>());
        Assert.Equal(list, saved.Headers.Location!.ToString());
        var after = await worker.GetDocumentAsync(list);
        Assert.NotNull(after.QuerySelector(".govuk-notification-banner--success"));
        Assert.Contains($"Early help from {Long(started)}", after.QuerySelector(".app-early-help")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.QuerySelector($"a[href='{list}/start']"));
        await using var check2 = app.NewDbContext();
        Assert.Equal(EarlyHelpRoute.FrontDoorStepDown, (await check2.EarlyHelpEpisodes.SingleAsync(e => e.PersonId == child.Id)).Route);
    }

    [Fact]
    public async Task TheAssessment_RefusesACompletionBeforeItsStart_ThenSavesTheAnnexAFacts()
    {
        var (child, episode) = await WithEarlyHelpAsync(assessed: false);
        var worker = await app.SignedInAsAsync(Roles.SocialWorker);
        var url = $"/children/{child.Id}/pathway/early-help/{episode.Id}/assessment";
        var form = await worker.GetDocumentAsync(url);
        Assert.True(await ViewAuditedAsync(child.Id, "Record an early help assessment"));
        var school = form.QuerySelectorAll<IHtmlOptionElement>("select[name=AssessingAgencyId] option").First(o => o.Value.Length > 0).Value;
        var began = Today.AddDays(-20);

        var invalid = await (await worker.PostFormAsync(url, form, Fields(form, ("StartDate", began), ("CompletedDate", began.AddDays(-1)), ("AssessingAgencyId", school), ("LeadPractitionerAgencyId", school)))).ReadDocumentAsync();
        AssertLinked(invalid, $"The date the assessment was completed must be on or after it started, {Long(began)}", "CompletedDate");
        AssertLinked(invalid, "Enter the lead practitioner's name", "LeadPractitionerName");
        Assert.Null((await StoredAsync(episode.Id)).AssessmentStartDate);

        var saved = await worker.PostFormAsync(url, form, Fields(form, ("StartDate", began), ("CompletedDate", began.AddDays(10)), ("AssessingAgencyId", school), ("LeadPractitionerName", "Kim Teacher"), ("LeadPractitionerAgencyId", school)));
        Assert.Equal($"/children/{child.Id}/pathway/early-help", saved.Headers.Location!.ToString());
        var stored = await StoredAsync(episode.Id);
        Assert.Equal((began, began.AddDays(10), Guid.Parse(school), "Kim Teacher"), (stored.AssessmentStartDate!.Value, stored.AssessmentCompletedDate!.Value, stored.AssessingAgencyId!.Value, stored.LeadPractitionerName));
    }

    [Fact]
    public async Task OurFamilyPlan_IsStarted_Reviewed_AndEnded_WithEachFormsRulesOnThePage()
    {
        var (child, episode) = await WithEarlyHelpAsync(assessed: true);
        var worker = await app.SignedInAsAsync(Roles.SocialWorker);
        var baseUrl = $"/children/{child.Id}/pathway/early-help/{episode.Id}";

        var plan = await worker.GetDocumentAsync($"{baseUrl}/plan");
        var early = await (await worker.PostFormAsync($"{baseUrl}/plan", plan, Fields(plan, ("Date", episode.StartDate.AddDays(-1)), ("NextReviewDue", Today.AddDays(30))))).ReadDocumentAsync();
        AssertLinked(early, $"The date Our Family Plan started must be on or after the assessment started, {Long(episode.StartDate)}", "Date");
        Assert.Null((await StoredAsync(episode.Id)).PlanStartDate);
        var planned = Today.AddDays(-30);
        Assert.Equal(HttpStatusCode.Redirect, (await worker.PostFormAsync($"{baseUrl}/plan", plan, Fields(plan, ("Date", planned), ("NextReviewDue", Today.AddDays(-2))))).StatusCode);

        var list = await worker.GetDocumentAsync($"/children/{child.Id}/pathway/early-help");
        Assert.NotNull(list.QuerySelector(".app-review-overdue"));

        var review = await worker.GetDocumentAsync($"{baseUrl}/plan/review");
        var noNext = await (await worker.PostFormAsync($"{baseUrl}/plan/review", review, Fields(review, ("Date", Today.AddDays(-1))))).ReadDocumentAsync();
        AssertLinked(noNext, "Enter the date the next review is due", "NextReviewDue");
        Assert.Equal(HttpStatusCode.Redirect, (await worker.PostFormAsync($"{baseUrl}/plan/review", review, Fields(review, ("Date", Today.AddDays(-1)), ("NextReviewDue", Today.AddDays(40))))).StatusCode);
        Assert.Equal(Today.AddDays(40), (await StoredAsync(episode.Id)).PlanNextReviewDue);

        var end = await worker.GetDocumentAsync($"{baseUrl}/plan/end");
        var beforeReview = await (await worker.PostFormAsync($"{baseUrl}/plan/end", end, Fields(end, ("EndDate", Today.AddDays(-2))))).ReadDocumentAsync();
        AssertLinked(beforeReview, $"The date Our Family Plan ended must be on or after the last review of Our Family Plan, {Long(Today.AddDays(-1))}", "EndDate");
        Assert.Null((await StoredAsync(episode.Id)).PlanEndDate);
        Assert.Equal(HttpStatusCode.Redirect, (await worker.PostFormAsync($"{baseUrl}/plan/end", end, Fields(end, ("EndDate", Today)))).StatusCode);
        Assert.Equal(Today, (await StoredAsync(episode.Id)).PlanEndDate);
    }

    [Fact]
    public async Task SteppingUp_NeedsADate_AndLinksTheReferral()
    {
        var (child, episode) = await WithEarlyHelpAsync(assessed: true);
        Guid referral;
        await using (var db = app.NewDbContext())
        {
            var cin = new CinEpisode { Id = Guid.NewGuid(), PartnershipId = child.PartnershipId, PersonId = child.Id, ReferralDate = Today.AddDays(-3), ReferralSource = "3A", RecordedAt = DateTimeOffset.UtcNow };
            db.CinEpisodes.Add(cin);
            db.Record(new TestChildren.RecordedForTest(child.Id), new ProcessContext(null, "test set-up", child.PartnershipId, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            referral = cin.Id;
        }

        var worker = await app.SignedInAsAsync(Roles.TeamManager);
        var url = $"/children/{child.Id}/pathway/early-help/{episode.Id}/step-up";
        var form = await worker.GetDocumentAsync(url);
        Assert.NotNull(form.QuerySelector($"input[name=CinEpisodeId][value='{referral}']"));
        var invalid = await (await worker.PostFormAsync(url, form, Fields(form, ("CinEpisodeId", referral)))).ReadDocumentAsync();
        AssertLinked(invalid, "Enter the date of the step-up", "Date");
        Assert.True((await StoredAsync(episode.Id)).IsOpen);

        Assert.Equal(HttpStatusCode.Redirect, (await worker.PostFormAsync(url, form, Fields(form, ("Date", Today.AddDays(-3)), ("CinEpisodeId", referral)))).StatusCode);
        var stored = await StoredAsync(episode.Id);
        Assert.Equal((EarlyHelpEndReason.SteppedUpToSocialCare, (Guid?)referral), (stored.EndReason!.Value, stored.SteppedUpToCinEpisodeId));
        var list = await worker.GetDocumentAsync($"/children/{child.Id}/pathway/early-help");
        Assert.Contains($"Stepped up to children's social care: the referral on {Long(Today.AddDays(-3))}", list.QuerySelector(".app-early-help-end")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_NeedsAReason_AndAStaleFormSavesNothing()
    {
        var (child, episode) = await WithEarlyHelpAsync(assessed: false);
        var worker = await app.SignedInAsAsync(Roles.SocialWorker);
        var url = $"/children/{child.Id}/pathway/early-help/{episode.Id}/close";
        var form = await worker.GetDocumentAsync(url);
        var invalid = await (await worker.PostFormAsync(url, form, Fields(form, ("EndDate", Today)))).ReadDocumentAsync();
        AssertLinked(invalid, "Select why early help ended", "Reason");
        Assert.True((await StoredAsync(episode.Id)).IsOpen);

        // Someone records the assessment meanwhile: this form's version is out of date.
        await using (var db = app.NewDbContext())
        {
            await EarlyHelpRecords.AssessedAsync(db, await db.EarlyHelpEpisodes.AsNoTracking().SingleAsync(e => e.Id == episode.Id));
        }

        var stale = await (await worker.PostFormAsync(url, form, Fields(form, ("EndDate", Today), ("Reason", nameof(EarlyHelpEndReason.NeedsMet))))).ReadDocumentAsync();
        Assert.Contains(ChildProtection.ChangedElsewhereMessage, stale.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.True((await StoredAsync(episode.Id)).IsOpen);

        Assert.Equal(HttpStatusCode.Redirect, (await worker.PostFormAsync(url, stale, Fields(stale, ("EndDate", Today), ("Reason", nameof(EarlyHelpEndReason.NeedsMet))))).StatusCode);
        Assert.Equal(EarlyHelpEndReason.NeedsMet, (await StoredAsync(episode.Id)).EndReason);
    }

    [Theory]
    [InlineData(Roles.FrontDoorWorker)]
    [InlineData(Roles.FrontDoorManager)]
    public async Task Recording_IsForbiddenWithoutThePathwayRecordRole_ThoughTheListCanBeRead(string role)
    {
        var (child, episode) = await WithEarlyHelpAsync(assessed: true);
        var client = await app.SignedInAsAsync(role);
        var list = $"/children/{child.Id}/pathway/early-help";
        var page = await client.GetDocumentAsync(list);
        Assert.NotNull(page.QuerySelector(".app-early-help"));
        Assert.Empty(page.QuerySelectorAll(".app-action"));
        foreach (var step in new[] { "start", "start/check-answers", $"{episode.Id}/assessment", $"{episode.Id}/plan", $"{episode.Id}/plan/review", $"{episode.Id}/plan/end", $"{episode.Id}/step-up", $"{episode.Id}/close" })
        {
            AssertForbidden(await client.GetAsync($"{list}/{step}"));
        }

        AssertForbidden(await client.PostFormAsync($"{list}/{episode.Id}/close", page, new Dictionary<string, string> { ["Version"] = episode.Version.ToString(CultureInfo.InvariantCulture), ["EndDate-day"] = "1", ["EndDate-month"] = "1", ["EndDate-year"] = "2026", ["Reason"] = "NeedsMet" }));
        Assert.True((await StoredAsync(episode.Id)).IsOpen);
    }
}
