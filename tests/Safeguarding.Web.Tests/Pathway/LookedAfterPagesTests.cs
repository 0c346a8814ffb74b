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

/// <summary>A child's period of care through the real pages: start (with its check), change, review and end; errors, stale pages and who may record.</summary>
public sealed class LookedAfterPagesTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>
{
    private static DateOnly Today => LondonTime.DateOf(DateTimeOffset.UtcNow);

    /// <summary>A child of their own for each test, born ten years ago, so periods of care never collide.</summary>
    private async Task<Person> NewChildAsync()
    {
        await using var db = app.NewDbContext();
        var partnershipId = await db.Users.Where(u => u.Email == DemoCity.EmailFor(Roles.TeamManager)).Select(u => u.PartnershipId).SingleAsync();
        var child = new Person
        {
            Id = Guid.NewGuid(),
            PartnershipId = partnershipId,
            GivenName = "Jordan",
            FamilyName = "Cared",
            DateOfBirth = Today.AddYears(-10),
            IsChild = true,
        };
        db.People.Add(child);
        db.Record(new TestChildren.RecordedForTest(child.Id), new ProcessContext(null, "test set-up", partnershipId, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return child;
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

    private static Dictionary<string, string> With(IHtmlDocument page, params IDictionary<string, string>[] parts)
    {
        var fields = new Dictionary<string, string>();
        if (page.QuerySelector<IHtmlInputElement>("form[method=post] input[name=Version]") is { } version)
        {
            fields["Version"] = version.Value;
        }

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

    private static Dictionary<string, string> StartFields(DateOnly start) => new(Date("StartDate", start))
    {
        ["LegalStatus"] = "C1",
        ["CategoryOfNeed"] = "N1",
        ["PlacementType"] = "U6",
        ["PlacementProvider"] = "PR1",
        ["PlacementPostcode"] = "zx1 4ab",
        ["HomePostcode"] = "ZX2 5CD",
        ["Urn"] = "",
        ["UnaccompaniedAsylumSeeker"] = "false",
    };

    [Fact]
    public async Task TheCarePage_ShowsTheEmptyState_IsAudited_AndIsLinkedFromThePathway()
    {
        var child = await NewChildAsync();
        var worker = await app.SignedInAsAsync(Roles.FrontDoorWorker);
        var page = await worker.GetDocumentAsync($"/children/{child.Id}/pathway/care");

        Assert.NotNull(page.QuerySelector(".app-care-empty"));
        Assert.Empty(page.QuerySelectorAll(".app-action"));
        Assert.True(await ViewAuditedAsync(child.Id, "View child's periods of care"));
        var overview = await worker.GetDocumentAsync($"/children/{child.Id}/pathway");
        Assert.NotNull(overview.QuerySelector($"a.app-care-link[href='/children/{child.Id}/pathway/care']"));
        Assert.Null(overview.QuerySelector($"a[href='/children/{child.Id}/pathway/care/start']"));

        var social = await app.SignedInAsAsync(Roles.SocialWorker);
        Assert.NotNull((await social.GetDocumentAsync($"/children/{child.Id}/pathway")).QuerySelector($"a[href='/children/{child.Id}/pathway/care/start']"));
        Assert.NotNull((await social.GetDocumentAsync($"/children/{child.Id}/pathway/care")).QuerySelector($"a[href='/children/{child.Id}/pathway/care/start']"));
        AssertForbidden(await (await app.SignedInAsAsync(Roles.AgencyResearcher)).GetAsync($"/children/{child.Id}/pathway/care"));
    }

    [Fact]
    public async Task APeriodOfCare_IsStarted_Checked_Changed_Reviewed_AndEnded()
    {
        var child = await NewChildAsync();
        var worker = await app.SignedInAsAsync(Roles.SocialWorker);
        var care = $"/children/{child.Id}/pathway/care";

        // Start, with its errors and the answers kept.
        var startUrl = $"{care}/start";
        var form = await worker.GetDocumentAsync(startUrl);
        Assert.True(await ViewAuditedAsync(child.Id, "Start a period of care"));
        var invalid = await (await worker.PostFormAsync(startUrl, form, new Dictionary<string, string> { ["PlacementPostcode"] = "ZX1 4AB", ["HomePostcode"] = "nowhere" })).ReadDocumentAsync();
        AssertLinked(invalid, "Enter the date the child started to be looked after", "StartDate");
        AssertLinked(invalid, "Select the legal status", "LegalStatus");
        AssertLinked(invalid, "Enter a real postcode, like ZX1 4AB", "HomePostcode");
        AssertLinked(invalid, "Select whether the child is an unaccompanied asylum-seeking child", "UnaccompaniedAsylumSeeker");
        Assert.Equal("ZX1 4AB", invalid.QuerySelector<IHtmlInputElement>("input[name=PlacementPostcode]")!.Value);
        var future = await (await worker.PostFormAsync(startUrl, form, StartFields(Today.AddDays(1)))).ReadDocumentAsync();
        AssertLinked(future, "The date the child started to be looked after must be today or in the past", "StartDate");

        var started = Today.AddDays(-40);
        var valid = await worker.PostFormAsync(startUrl, form, StartFields(started));
        Assert.Equal(HttpStatusCode.Redirect, valid.StatusCode);
        var checkUrl = valid.Headers.Location!.ToString();
        Assert.Equal($"{care}/start/check-answers", checkUrl);
        Assert.DoesNotContain("ZX", checkUrl, StringComparison.OrdinalIgnoreCase); // postcodes never travel in the address
        var check = await worker.GetDocumentAsync(checkUrl);
        Assert.Contains("Foster placement with another carer, not long term", check.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("ZX1 4AB", check.Body.TextContent, StringComparison.Ordinal);
        var back = await worker.GetDocumentAsync(startUrl);
        Assert.Equal("C1", back.QuerySelector<IHtmlSelectElement>("select[name=LegalStatus]")!.Value);
        await using (var db = app.NewDbContext())
        {
            Assert.False(await db.CarePeriods.AnyAsync(p => p.PersonId == child.Id));
        }

        var saved = await worker.PostFormAsync(checkUrl, check, new Dictionary<string, string>());
        Assert.Equal(care, saved.Headers.Location!.ToString());
        var page = await worker.GetDocumentAsync(care);
        Assert.NotNull(page.QuerySelector(".govuk-notification-banner--success"));
        Assert.Contains("Looked after since " + ChildProtection.Date(started), page.QuerySelector(".app-care-period")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".app-review-clock"));
        Guid periodId;
        await using (var db = app.NewDbContext())
        {
            var period = await db.CarePeriods.SingleAsync(p => p.PersonId == child.Id);
            periodId = period.Id;
            Assert.Equal(started, period.StartDate);
        }

        Assert.NotNull(page.QuerySelector($"a[href='{care}/{periodId}/adoption']"));

        // The first review, on time.
        var reviewUrl = $"{care}/{periodId}/reviews/new";
        var reviewForm = await worker.GetDocumentAsync(reviewUrl);
        Assert.True(await ViewAuditedAsync(child.Id, "Record a looked-after review"));
        var noReview = await (await worker.PostFormAsync(reviewUrl, reviewForm, With(reviewForm))).ReadDocumentAsync();
        AssertLinked(noReview, "Enter the date of the review", "HeldOn");
        AssertLinked(noReview, "Select how the child took part in the review", "Participation");
        Assert.Equal(HttpStatusCode.Redirect, (await worker.PostFormAsync(reviewUrl, reviewForm, With(reviewForm, Date("HeldOn", started.AddDays(7)), new Dictionary<string, string> { ["Participation"] = "PN1" }))).StatusCode);

        // A change of placement with a new carer.
        var changeUrl = $"{care}/{periodId}/change";
        var changeForm = await worker.GetDocumentAsync(changeUrl);
        var noWhat = await (await worker.PostFormAsync(changeUrl, changeForm, With(changeForm, Date("ChangeDate", Today.AddDays(-20))))).ReadDocumentAsync();
        AssertLinked(noWhat, "Select what changed", "What");
        var noReason = await (await worker.PostFormAsync(changeUrl, changeForm, With(changeForm, Date("ChangeDate", Today.AddDays(-20)), new Dictionary<string, string>
        {
            ["What"] = "Placement",
            ["CarerChanged"] = "true",
            ["PlacementType"] = "K2",
            ["PlacementProvider"] = "PR4",
            ["PlacementPostcode"] = "ZX3 6EF",
        }))).ReadDocumentAsync();
        AssertLinked(noReason, "Select the reason the placement changed", "ReasonPlaceChange");
        Assert.Equal("K2", noReason.QuerySelector<IHtmlSelectElement>("select[name=PlacementType]")!.Value);
        var changed = await worker.PostFormAsync(changeUrl, changeForm, With(changeForm, Date("ChangeDate", Today.AddDays(-20)), new Dictionary<string, string>
        {
            ["What"] = "Placement",
            ["CarerChanged"] = "true",
            ["PlacementType"] = "K2",
            ["PlacementProvider"] = "PR4",
            ["PlacementPostcode"] = "ZX3 6EF",
            ["ReasonPlaceChange"] = "CHILD",
        }));
        Assert.Equal(care, changed.Headers.Location!.ToString());

        // The end.
        var endUrl = $"{care}/{periodId}/end";
        var endForm = await worker.GetDocumentAsync(endUrl);
        var x1 = await (await worker.PostFormAsync(endUrl, endForm, With(endForm, Date("EndDate", Today.AddDays(-5)), new Dictionary<string, string> { ["EndReason"] = "X1" }))).ReadDocumentAsync();
        AssertLinked(x1, "Select why the child stopped being looked after", "EndReason");
        var early = await (await worker.PostFormAsync(endUrl, endForm, With(endForm, Date("EndDate", Today.AddDays(-21)), new Dictionary<string, string> { ["EndReason"] = "E4A" }))).ReadDocumentAsync();
        AssertLinked(early, $"The date care ended must be on or after the current placement and legal status began, {ChildProtection.Date(Today.AddDays(-20))}", "EndDate");
        Assert.Equal(care, (await worker.PostFormAsync(endUrl, endForm, With(endForm, Date("EndDate", Today.AddDays(-5)), new Dictionary<string, string> { ["EndReason"] = "E4A" }))).Headers.Location!.ToString());

        var ended = await worker.GetDocumentAsync(care);
        var card = ended.QuerySelector(".app-care-period")!.TextContent;
        Assert.Contains("Ended", card, StringComparison.Ordinal);
        Assert.Contains("Change of placement and carer only: Child requests the placement ends", card, StringComparison.Ordinal);
        Assert.Contains("Child attended and spoke for themselves", ended.QuerySelector(".app-care-reviews")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, ended.QuerySelectorAll(".app-care-episodes tbody tr").Length);
        Assert.NotNull(ended.QuerySelector($"a[href='{care}/start']"));
        await using (var db = app.NewDbContext())
        {
            var period = await db.CarePeriods.SingleAsync(p => p.Id == periodId);
            Assert.Equal((Today.AddDays(-5), "E4A"), (period.EndDate!.Value, period.EndReason));
            Assert.Equal(["P", "S"], await db.CareEpisodes.Where(e => e.CarePeriodId == periodId).Select(e => e.ReasonNewEpisode).OrderBy(r => r).ToListAsync());
        }

        // An ended period offers no form.
        Assert.Null((await worker.GetDocumentAsync(changeUrl)).QuerySelector("form[method=post] input[name=Version]"));
    }

    [Fact]
    public async Task AStalePage_IsRefused_WithoutOverwriting()
    {
        var child = await NewChildAsync();
        Guid periodId;
        await using (var db = app.NewDbContext())
        {
            periodId = (await CareRecords.StartAsync(db, child.Id, 30)).Id;
        }

        var worker = await app.SignedInAsAsync(Roles.TeamManager);
        var changeUrl = $"/children/{child.Id}/pathway/care/{periodId}/change";
        var form = await worker.GetDocumentAsync(changeUrl);
        var legal = new Dictionary<string, string> { ["What"] = "LegalStatus", ["LegalStatus"] = "C2" };
        Assert.Equal(HttpStatusCode.Redirect, (await worker.PostFormAsync(changeUrl, form, With(form, Date("ChangeDate", Today.AddDays(-10)), legal))).StatusCode);

        var stale = await (await worker.PostFormAsync(changeUrl, form, With(form, Date("ChangeDate", Today.AddDays(-5)), legal))).ReadDocumentAsync();

        Assert.Contains(ChildProtection.ChangedElsewhereMessage, stale.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        await using (var db = app.NewDbContext())
        {
            Assert.Equal(2, await db.CareEpisodes.CountAsync(e => e.CarePeriodId == periodId));
        }
    }

    [Theory]
    [InlineData(Roles.FrontDoorWorker)]
    [InlineData(Roles.FrontDoorManager)]
    [InlineData(Roles.PartnershipOfficer)]
    public async Task RecordingCare_IsForbiddenWithoutThePathwayRecordRole(string role)
    {
        var child = await NewChildAsync();
        Guid periodId;
        await using (var db = app.NewDbContext())
        {
            periodId = (await CareRecords.StartAsync(db, child.Id, 10)).Id;
        }

        var client = await app.SignedInAsAsync(role);
        var care = $"/children/{child.Id}/pathway/care";
        foreach (var url in new[] { $"{care}/start", $"{care}/start/check-answers", $"{care}/{periodId}/change", $"{care}/{periodId}/end", $"{care}/{periodId}/reviews/new" })
        {
            AssertForbidden(await client.GetAsync(url));
        }

        await using (var db = app.NewDbContext())
        {
            Assert.Single(await db.CareEpisodes.Where(e => e.CarePeriodId == periodId).ToListAsync());
        }
    }
}
