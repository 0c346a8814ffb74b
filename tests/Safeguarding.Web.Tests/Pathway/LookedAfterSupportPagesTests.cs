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

/// <summary>Missing episodes, care leaver information and adoption through the real pages: journeys, errors, who may record.</summary>
public sealed class LookedAfterSupportPagesTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>
{
    private static DateOnly Today => LondonTime.DateOf(DateTimeOffset.UtcNow);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Long(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A child of their own for each test, so records never collide.</summary>
    private async Task<Person> NewChildAsync(DateOnly? born)
    {
        await using var db = app.NewDbContext();
        var partnershipId = await db.Users.Where(u => u.Email == DemoCity.EmailFor(Roles.TeamManager)).Select(u => u.PartnershipId).SingleAsync();
        var child = new Person { Id = Guid.NewGuid(), PartnershipId = partnershipId, GivenName = "Sky", FamilyName = "Cared", DateOfBirth = born, IsChild = true };
        db.People.Add(child);
        db.Record(new TestChildren.RecordedForTest(child.Id), new ProcessContext(null, "test set-up", partnershipId, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return child;
    }

    private async Task<Guid> CarePeriodAsync(Person child, DateOnly start)
    {
        await using var db = app.NewDbContext();
        return await LookedAfterRecords.CarePeriodAsync(db, child.Id, start);
    }

    private async Task<bool> ViewAuditedAsync(Guid childId, string purpose)
    {
        await using var db = app.NewDbContext();
        return await db.AuditEvents.AnyAsync(a => a.EventType == "RecordViewed" && a.SubjectId == childId.ToString() && a.Reason == purpose);
    }

    private static Dictionary<string, string> Date(string name, DateOnly date) => new()
    {
        [$"{name}-day"] = Text(date.Day),
        [$"{name}-month"] = Text(date.Month),
        [$"{name}-year"] = Text(date.Year),
    };

    private static Dictionary<string, string> Fields(IHtmlDocument page, params IDictionary<string, string>[] parts)
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

    private static void AssertSummary(IHtmlDocument page, string message) =>
        Assert.Contains(page.QuerySelectorAll(".govuk-error-summary__list li"), li => li.TextContent.Contains(message, StringComparison.Ordinal));

    [Fact]
    public async Task AMissingEpisode_IsRecorded_Returned_AndItsInterviewOfferedWithin72Hours()
    {
        var child = await NewChildAsync(Today.AddYears(-14));
        var worker = await app.SignedInAsAsync(Roles.SocialWorker);
        var listUrl = $"/children/{child.Id}/pathway/missing";
        var empty = await worker.GetDocumentAsync(listUrl);
        Assert.NotNull(empty.QuerySelector(".app-missing-empty"));
        Assert.True(await ViewAuditedAsync(child.Id, "View child's missing episodes"));
        var overview = await worker.GetDocumentAsync($"/children/{child.Id}/pathway");
        Assert.NotNull(overview.QuerySelector($".app-care-links a[href='{listUrl}']"));

        var newUrl = $"{listUrl}/new";
        var form = await worker.GetDocumentAsync(newUrl);
        var invalid = await (await worker.PostFormAsync(newUrl, form, Fields(form, Date("StartedDate", Today.AddDays(-3)), new Dictionary<string, string> { ["StartedTime"] = "25:99" }))).ReadDocumentAsync();
        AssertLinked(invalid, "Select whether the child was missing or away", "Kind");
        AssertLinked(invalid, "Time the child went missing must be a real time in 24-hour format, like 14:30", "StartedTime");
        Assert.Equal("25:99", invalid.QuerySelector<IHtmlInputElement>("input[name=StartedTime]")!.Value);
        var missingDate = await (await worker.PostFormAsync(newUrl, form, Fields(form, new Dictionary<string, string> { ["Kind"] = "Missing" }))).ReadDocumentAsync();
        AssertLinked(missingDate, "Enter the date and time the child went missing", "StartedDate");

        var went = Today.AddDays(-3);
        var saved = await worker.PostFormAsync(newUrl, form, Fields(form, Date("StartedDate", went), new Dictionary<string, string> { ["StartedTime"] = "20:00", ["Kind"] = "Missing" }));
        Assert.Equal(listUrl, saved.Headers.Location!.ToString());
        var list = await worker.GetDocumentAsync(listUrl);
        Assert.NotNull(list.QuerySelector(".govuk-notification-banner--success"));
        Assert.NotNull(list.QuerySelector(".app-still-missing"));
        Guid episodeId;
        await using (var db = app.NewDbContext())
        {
            episodeId = await db.MissingEpisodes.Where(m => m.PersonId == child.Id).Select(m => m.Id).SingleAsync();
        }

        var returnUrl = $"{listUrl}/{episodeId}/return";
        var returnForm = await worker.GetDocumentAsync(returnUrl);
        var early = await (await worker.PostFormAsync(returnUrl, returnForm, Fields(returnForm, Date("ReturnedDate", went.AddDays(-1)), new Dictionary<string, string> { ["ReturnedTime"] = "09:00" }))).ReadDocumentAsync();
        AssertLinked(early, $"The return must be on or after the child went missing, {Long(went)} at 20:00", "ReturnedDate");
        var back = Today.AddDays(-2);
        Assert.Equal(HttpStatusCode.Redirect, (await worker.PostFormAsync(returnUrl, returnForm, Fields(returnForm, Date("ReturnedDate", back), new Dictionary<string, string> { ["ReturnedTime"] = "09:00" }))).StatusCode);

        // The first return form is now out of date.
        var stale = await (await worker.PostFormAsync(returnUrl, returnForm, Fields(returnForm, Date("ReturnedDate", back), new Dictionary<string, string> { ["ReturnedTime"] = "10:00" }))).ReadDocumentAsync();
        AssertSummary(stale, "Someone else recorded a change");

        var interviewUrl = $"{listUrl}/{episodeId}/interview";
        var interview = await worker.GetDocumentAsync(interviewUrl);
        Assert.Contains("72 hours after the return", interview.Body!.TextContent, StringComparison.Ordinal);
        var notAccepted = await (await worker.PostFormAsync(interviewUrl, interview, Fields(interview, Date("OfferedDate", Today.AddDays(-1)), Date("CompletedDate", Today.AddDays(-1)),
            new Dictionary<string, string> { ["OfferedTime"] = "10:00", ["CompletedTime"] = "11:00", ["Accepted"] = "false" }))).ReadDocumentAsync();
        Assert.Contains(notAccepted.ErrorSummaryLinks(), l => l.Text.StartsWith("Select yes if the child accepted the interview", StringComparison.Ordinal));
        var done = await worker.PostFormAsync(interviewUrl, interview, Fields(interview, Date("OfferedDate", Today.AddDays(-1)), Date("CompletedDate", Today.AddDays(-1)),
            new Dictionary<string, string> { ["OfferedTime"] = "10:00", ["CompletedTime"] = "11:00", ["Accepted"] = "true" }));
        Assert.Equal(listUrl, done.Headers.Location!.ToString());

        var after = await worker.GetDocumentAsync(listUrl);
        var row = after.QuerySelector(".app-missing-episode")!;
        Assert.Equal("Completed in time", row.QuerySelector(".app-rhi")!.TextContent.Trim());
        var hours = (int)Math.Floor((LondonTime.At(back, new TimeOnly(9, 0)) - LondonTime.At(went, new TimeOnly(20, 0))).TotalHours); // 13 unless the clocks changed
        Assert.Equal(Text(hours), row.QuerySelector(".govuk-table__cell--numeric")!.TextContent.Trim());
        await using (var db = app.NewDbContext())
        {
            var clock = await db.Clocks.SingleAsync(c => c.SubjectId == episodeId && c.RuleId == "CW-12");
            Assert.NotNull(clock.StoppedAt);
            Assert.False(clock.IsMetLate);
        }
    }

    [Fact]
    public async Task CareLeaverInformation_IsRecordedForABirthday_AndCorrectedInPlace()
    {
        var child = await NewChildAsync(Today.AddYears(-19).AddDays(-10));
        await CarePeriodAsync(child, Today.AddYears(-5));
        var worker = await app.SignedInAsAsync(Roles.SocialWorker);
        var listUrl = $"/children/{child.Id}/pathway/leaving-care";
        var list = await worker.GetDocumentAsync(listUrl);
        Assert.Equal(5, list.QuerySelectorAll(".app-birthday").Length);
        Assert.True(await ViewAuditedAsync(child.Id, "View care leaver information"));

        var choose = await worker.GetDocumentAsync($"{listUrl}/record");
        Assert.NotNull(choose.QuerySelector("input[name=Age][value='19']"));
        Assert.NotNull(choose.QuerySelector("input[name=Age][value='20'][disabled]"));

        var url = $"{listUrl}/record?age=19";
        var form = await worker.GetDocumentAsync(url);
        var invalid = await (await worker.PostFormAsync(url, form, Fields(form, new Dictionary<string, string> { ["Age"] = "19", ["InTouch"] = "YES", ["AccommodationType"] = "D" }))).ReadDocumentAsync();
        AssertLinked(invalid, "Select their main activity", "Activity");
        AssertLinked(invalid, "Select whether the accommodation is suitable", "AccommodationSuitable");
        Assert.NotNull(invalid.QuerySelector("input[name=InTouch][value=YES][checked]"));

        var saved = await worker.PostFormAsync(url, form, Fields(form, new Dictionary<string, string> { ["Age"] = "19", ["InTouch"] = "YES", ["Activity"] = "F5", ["AccommodationType"] = "D", ["AccommodationSuitable"] = "true" }));
        Assert.Equal(listUrl, saved.Headers.Location!.ToString());
        var shown = (await worker.GetDocumentAsync(listUrl)).QuerySelector("#age-19")!.TextContent;
        Assert.Contains("Full-time employment", shown, StringComparison.Ordinal);
        Assert.Contains("Semi-independent, transitional accommodation: suitable", shown, StringComparison.Ordinal);

        // Recording the same birthday again corrects the row; the first form is then out of date.
        var correct = await worker.GetDocumentAsync(url);
        Assert.NotNull(correct.QuerySelector("input[name=Activity][value=F5][checked]"));
        Assert.Equal(HttpStatusCode.Redirect, (await worker.PostFormAsync(url, correct, Fields(correct, new Dictionary<string, string> { ["Age"] = "19", ["InTouch"] = "NO", ["Activity"] = "G5", ["AccommodationType"] = "0" }))).StatusCode);
        var stale = await (await worker.PostFormAsync(url, correct, Fields(correct, new Dictionary<string, string> { ["Age"] = "19", ["InTouch"] = "YES", ["Activity"] = "F1", ["AccommodationType"] = "0" }))).ReadDocumentAsync();
        AssertSummary(stale, "Someone else recorded a change");
        await using var db = app.NewDbContext();
        var row = await db.CareLeaverContacts.SingleAsync(c => c.PersonId == child.Id);
        Assert.Equal((19, "NO", "G5", "0"), (row.Age, row.InTouch, row.Activity, row.Accommodation));
    }

    [Fact]
    public async Task CareLeaverInformation_IsRefused_ForSomeoneNeverLookedAfter()
    {
        var child = await NewChildAsync(Today.AddYears(-18));
        var worker = await app.SignedInAsAsync(Roles.TeamManager);
        Assert.NotNull((await worker.GetDocumentAsync($"/children/{child.Id}/pathway/leaving-care")).QuerySelector(".app-leaving-care-empty"));
        Assert.Null((await worker.GetDocumentAsync($"/children/{child.Id}/pathway/leaving-care/record?age=17")).QuerySelector("input[name=InTouch]"));
    }

    [Fact]
    public async Task Adoption_IsDecided_Matched_AndThePlacementRecorded()
    {
        var child = await NewChildAsync(Today.AddYears(-3));
        var started = Today.AddDays(-300);
        var periodId = await CarePeriodAsync(child, started);
        var worker = await app.SignedInAsAsync(Roles.SocialWorker);
        var url = $"/children/{child.Id}/pathway/care/{periodId}/adoption";
        var page = await worker.GetDocumentAsync(url);
        Assert.NotNull(page.QuerySelector(".app-adoption-empty"));
        Assert.NotNull(page.QuerySelector($".govuk-back-link[href='/children/{child.Id}/pathway/care']"));
        Assert.True(await ViewAuditedAsync(child.Id, "View adoption record"));

        AssertLinked(await (await worker.PostFormAsync(url, page, Fields(page, Date("DecisionDate", started.AddDays(-1))))).ReadDocumentAsync(),
            $"The decision must be on or after the child started to be looked after, {Long(started)}", "DecisionDate");
        var decided = Today.AddDays(-200);
        Assert.Equal(url, (await worker.PostFormAsync(url, page, Fields(page, Date("DecisionDate", decided)))).Headers.Location!.ToString());

        var next = await worker.GetDocumentAsync(url);
        Assert.NotNull(next.QuerySelector(".govuk-notification-banner--success"));
        var early = await (await worker.PostFormAsync(url, next, Fields(next, Date("Date", decided.AddDays(-1)),
            new Dictionary<string, string> { ["Milestone"] = "Match", ["NumberOfAdopters"] = "2", ["AdopterSex"] = "MF", ["AdopterLegalStatus"] = "L11", ["AdoptedByFosterCarers"] = "false" }))).ReadDocumentAsync();
        AssertLinked(early, $"The match must be on or after the decision to place for adoption, {Long(decided)}", "Date");
        Assert.NotNull(early.QuerySelector("select[name=AdopterSex] option[value=MF][selected]"));
        var matched = Today.AddDays(-60);
        Assert.Equal(HttpStatusCode.Redirect, (await worker.PostFormAsync(url, next, Fields(next, Date("Date", matched),
            new Dictionary<string, string> { ["Milestone"] = "Match", ["NumberOfAdopters"] = "2", ["AdopterSex"] = "MF", ["AdopterLegalStatus"] = "L11", ["AdoptedByFosterCarers"] = "false" }))).StatusCode);

        var placing = await worker.GetDocumentAsync(url);
        Assert.NotNull(placing.QuerySelector("input[name=Milestone][value=Placed]"));
        var tooEarly = await (await worker.PostFormAsync(url, placing, Fields(placing, Date("Date", matched.AddDays(-1)), new Dictionary<string, string> { ["Milestone"] = "Placed" }))).ReadDocumentAsync();
        AssertLinked(tooEarly, $"The day the child moved in must be on or after the match, {Long(matched)}", "Date");
        Assert.Equal(HttpStatusCode.Redirect, (await worker.PostFormAsync(url, placing, Fields(placing, Date("Date", Today.AddDays(-30)), new Dictionary<string, string> { ["Milestone"] = "Placed" }))).StatusCode);

        // The form the person had open is now out of date.
        AssertSummary(await (await worker.PostFormAsync(url, placing, Fields(placing, Date("Date", Today.AddDays(-20)), new Dictionary<string, string> { ["Milestone"] = "PlacementOrder" }))).ReadDocumentAsync(),
            "Someone else recorded a change");
        await using var db = app.NewDbContext();
        var record = await db.AdoptionRecords.SingleAsync(a => a.CarePeriodId == periodId);
        Assert.Equal((decided, matched, Today.AddDays(-30), "MF"), (record.DecisionDate, record.MatchDate!.Value, record.PlacedDate!.Value, record.AdopterSex!));
        Assert.Null(record.PlacementOrderDate);
    }

    [Fact]
    public async Task Recording_IsForbidden_ToRolesWithoutPathwayRecording()
    {
        var child = await NewChildAsync(Today.AddYears(-19));
        var periodId = await CarePeriodAsync(child, Today.AddYears(-4));
        MissingEpisode episode;
        await using (var db = app.NewDbContext())
        {
            episode = await LookedAfterRecords.MissingAsync(db, child.Id, DateTimeOffset.UtcNow.AddHours(-3));
        }

        var frontDoor = await app.SignedInAsAsync(Roles.FrontDoorWorker);
        AssertForbidden(await frontDoor.GetAsync($"/children/{child.Id}/pathway/missing/new"));
        AssertForbidden(await frontDoor.GetAsync($"/children/{child.Id}/pathway/missing/{episode.Id}/return"));
        AssertForbidden(await frontDoor.GetAsync($"/children/{child.Id}/pathway/missing/{episode.Id}/interview"));
        AssertForbidden(await frontDoor.GetAsync($"/children/{child.Id}/pathway/leaving-care/record"));

        // They may read the lists and the adoption record, without the ways to record.
        var list = await frontDoor.GetDocumentAsync($"/children/{child.Id}/pathway/missing");
        Assert.Empty(list.QuerySelectorAll(".app-action"));
        var adoption = await frontDoor.GetDocumentAsync($"/children/{child.Id}/pathway/care/{periodId}/adoption");
        Assert.Null(adoption.QuerySelector("input[name=DecisionDate-day]"));

        // A post straight to the page is refused too (the token is the one on their own page's sign-out form).
        Assert.Null(adoption.QuerySelector("form.app-adoption-next, form input[name=DecisionDate]"));
        AssertForbidden(await frontDoor.PostFormAsync($"/children/{child.Id}/pathway/care/{periodId}/adoption", adoption, Date("DecisionDate", Today)));
        await using var check = app.NewDbContext();
        Assert.False(await check.AdoptionRecords.AnyAsync(a => a.CarePeriodId == periodId));

        AssertForbidden(await (await app.SignedInAsAsync(Roles.AgencyResearcher)).GetAsync($"/children/{child.Id}/pathway/missing"));
    }
}
