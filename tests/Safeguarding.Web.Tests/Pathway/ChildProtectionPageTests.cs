using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Children;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.Pathway;

/// <summary>The child protection pages through the real app: each saves, refuses with linked errors, is audited and kept to its roles.</summary>
public sealed class ChildProtectionPageTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>
{
    private static int nextChild = 20;

    private static DateOnly Today => ChildProtectionRecords.Today;

    /// <summary>A child of the demo city no other test here uses, with an open episode referred 30 days ago.</summary>
    private async Task<(Guid Child, Guid Episode)> ChildWithEpisodeAsync()
    {
        await using var db = app.NewDbContext();
        var child = await TestChildren.WithoutPathwayAsync(db, skip: Interlocked.Increment(ref nextChild));
        return (child.Id, await ChildProtectionRecords.EpisodeAsync(db, child.Id, Today.AddDays(-30)));
    }

    private static Dictionary<string, string> Date(string name, DateOnly date) => new()
    {
        [name + "-day"] = date.Day.ToString(CultureInfo.InvariantCulture),
        [name + "-month"] = date.Month.ToString(CultureInfo.InvariantCulture),
        [name + "-year"] = date.Year.ToString(CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, string> With(Dictionary<string, string> fields, params Dictionary<string, string>[] more)
    {
        foreach (var extra in more)
        {
            foreach (var (key, value) in extra)
            {
                fields[key] = value;
            }
        }

        return fields;
    }

    /// <summary>The version the page carries, as a browser would post it back.</summary>
    private static string VersionOf(IHtmlDocument page) => page.QuerySelector<IHtmlInputElement>("input[name=Version]")!.Value;

    /// <summary>Every expected message is in the error summary, each linking to an element on the page.</summary>
    private static void AssertErrors(IHtmlDocument page, params string[] messages)
    {
        var links = page.ErrorSummaryLinks();
        Assert.Equal(messages.Order(StringComparer.Ordinal), links.Select(l => l.Text).Order(StringComparer.Ordinal));
        Assert.All(links, l => Assert.True(page.QuerySelector(l.Href) is not null, $"No element for {l.Href} ({l.Text})"));
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
    }

    private static void AssertSavedToPathway(HttpResponseMessage response, Guid child)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/children/{child}/pathway", response.Headers.Location?.ToString());
    }

    private async Task AssertViewAuditedAsync(Guid child, string purpose)
    {
        await using var db = app.NewDbContext();
        Assert.True(
            await db.AuditEvents.AnyAsync(e => e.Kind == AuditKind.Access && e.SubjectType == RestrictedRecordAccess.PersonSubjectType && e.SubjectId == child.ToString() && e.Reason == purpose),
            $"No audited view '{purpose}' of {child}");
    }

    // Strategy discussion

    [Fact]
    public async Task AStrategyDiscussion_AgreeingASection47_IsSaved_AndGoesBackToThePathway()
    {
        var (child, episode) = await ChildWithEpisodeAsync();
        await using var setUp = app.NewDbContext();
        var (police, care, health) = await ChildProtectionRecords.AgenciesAsync(setUp);
        var worker = await app.SignedInAsAsync(Roles.SocialWorker);
        var url = $"/children/{child}/pathway/episodes/{episode}/strategy-discussions/new";
        var page = await worker.GetDocumentAsync(url);
        await AssertViewAuditedAsync(child, "Record a strategy discussion");

        var response = await worker.PostFormAsync(url, page, With(new Dictionary<string, string>
        {
            ["Version"] = VersionOf(page),
            ["Attendees[0].AgencyId"] = police.ToString(),
            ["Attendees[0].Name"] = "DS Priya Shah",
            ["Attendees[0].Role"] = "Detective sergeant",
            ["Attendees[1].AgencyId"] = care.ToString(),
            ["Attendees[1].Name"] = "Aisha Begum",
            ["Attendees[2].AgencyId"] = health.ToString(),
            ["Attendees[2].Name"] = "Jo Nurse",
            ["Section47Agreed"] = "true",
            ["Rationale"] = "Bruising seen at school.",
            ["Actions"] = "Visit today.",
        }, Date("HeldOn", Today.AddDays(-2))));

        AssertSavedToPathway(response, child);
        await using var db = app.NewDbContext();
        var discussion = await db.StrategyDiscussions.Include(s => s.Attendees).SingleAsync(s => s.EpisodeId == episode);
        Assert.Equal(3, discussion.Attendees.Count);
        Assert.True(discussion.Section47Agreed);
        var enquiry = await db.Section47Enquiries.SingleAsync(e => e.StrategyDiscussionId == discussion.Id);
        Assert.Equal(Today.AddDays(-2), enquiry.StartDate);
        Assert.Equal(2, await db.Clocks.CountAsync(c => c.SubjectId == enquiry.Id));
    }

    [Fact]
    public async Task AnEmptyStrategyDiscussion_ListsEveryProblem_LinkedToItsField()
    {
        var (child, episode) = await ChildWithEpisodeAsync();
        var worker = await app.SignedInAsAsync(Roles.TeamManager);
        var url = $"/children/{child}/pathway/episodes/{episode}/strategy-discussions/new";
        var page = await worker.GetDocumentAsync(url);

        var refused = await (await worker.PostFormAsync(url, page, new Dictionary<string, string> { ["Version"] = VersionOf(page) })).ReadDocumentAsync();

        AssertErrors(refused,
            "Enter the date of the strategy discussion",
            "Add attendees from at least two agencies: a strategy discussion is multi-agency",
            "Select whether a section 47 enquiry was agreed",
            "Enter the rationale for the decision");
        await using var db = app.NewDbContext();
        Assert.False(await db.StrategyDiscussions.AnyAsync(s => s.EpisodeId == episode));
    }

    [Fact]
    public async Task AnIncompleteAttendeeRow_IsLinkedToItsOwnField_AndAddAnotherAddsARowWithoutChecking()
    {
        var (child, episode) = await ChildWithEpisodeAsync();
        await using var setUp = app.NewDbContext();
        var (police, care, _) = await ChildProtectionRecords.AgenciesAsync(setUp);
        var worker = await app.SignedInAsAsync(Roles.SocialWorker);
        var url = $"/children/{child}/pathway/episodes/{episode}/strategy-discussions/new";
        var page = await worker.GetDocumentAsync(url);
        Assert.Equal(3, page.QuerySelectorAll("select[name$='.AgencyId']").Length);

        var more = await (await worker.PostFormAsync(url, page, new Dictionary<string, string>
        {
            ["Version"] = VersionOf(page),
            ["add"] = "attendee",
            ["Attendees[0].Name"] = "DS Priya Shah",
            ["Rationale"] = "Kept",
        })).ReadDocumentAsync();
        Assert.Equal(4, more.QuerySelectorAll("select[name$='.AgencyId']").Length);
        Assert.Empty(more.ErrorSummaryLinks());
        Assert.Equal("DS Priya Shah", more.QuerySelector<IHtmlInputElement>("#Attendees_0__Name")!.Value);

        var refused = await (await worker.PostFormAsync(url, more, With(new Dictionary<string, string>
        {
            ["Version"] = VersionOf(more),
            ["Rows"] = "4",
            ["Attendees[0].AgencyId"] = police.ToString(),
            ["Attendees[0].Name"] = "DS Priya Shah",
            ["Attendees[1].AgencyId"] = care.ToString(),
            ["Section47Agreed"] = "false",
            ["Rationale"] = "No enquiry needed.",
        }, Date("HeldOn", Today)))).ReadDocumentAsync();
        AssertErrors(refused, "Enter the name of attendee 2");
        Assert.Equal("#Attendees_1__Name", refused.ErrorSummaryLinks().Single().Href);
    }

    // Section 47 outcome

    [Fact]
    public async Task TheOutcome_IsSaved_AndNoConferenceMarksCw5NotRequired()
    {
        var (child, episode) = await ChildWithEpisodeAsync();
        Guid enquiry;
        await using (var db = app.NewDbContext())
        {
            enquiry = await ChildProtectionRecords.EnquiryAsync(db, episode, 5, outcome: null);
        }

        var worker = await app.SignedInAsAsync(Roles.SocialWorker);
        var url = $"/children/{child}/pathway/section-47/{enquiry}/outcome";
        var page = await worker.GetDocumentAsync(url);
        await AssertViewAuditedAsync(child, "Record a section 47 outcome");

        var response = await worker.PostFormAsync(url, page, With(new Dictionary<string, string>
        {
            ["Version"] = VersionOf(page),
            ["Outcome"] = nameof(Section47Outcome.NotSubstantiated),
        }, Date("OutcomeDate", Today.AddDays(-1))));

        AssertSavedToPathway(response, child);
        await using var after = app.NewDbContext();
        var saved = await after.Section47Enquiries.SingleAsync(e => e.Id == enquiry);
        Assert.Equal((Section47Outcome.NotSubstantiated, true), (saved.Outcome!.Value, saved.ConferenceNotRequired));
        Assert.True((await after.Clocks.SingleAsync(c => c.SubjectId == enquiry && c.RuleId == "CW-5")).NotRequired);
    }

    [Fact]
    public async Task AnEmptyOutcome_ListsEveryProblem_LinkedToItsField()
    {
        var (child, episode) = await ChildWithEpisodeAsync();
        Guid enquiry;
        await using (var db = app.NewDbContext())
        {
            enquiry = await ChildProtectionRecords.EnquiryAsync(db, episode, 5, outcome: null);
        }

        var worker = await app.SignedInAsAsync(Roles.ConferenceChair);
        var url = $"/children/{child}/pathway/section-47/{enquiry}/outcome";
        var page = await worker.GetDocumentAsync(url);

        var refused = await (await worker.PostFormAsync(url, page, new Dictionary<string, string> { ["Version"] = VersionOf(page) })).ReadDocumentAsync();

        AssertErrors(refused, "Select the outcome of the enquiry", "Enter the date of the outcome");
    }

    // Initial conference

    [Fact]
    public async Task TheInitialConference_IsCheckedBeforeSaving_ThenStartsThePlan()
    {
        var (child, episode) = await ChildWithEpisodeAsync();
        Guid enquiry;
        await using (var db = app.NewDbContext())
        {
            enquiry = await ChildProtectionRecords.EnquiryAsync(db, episode, 6);
        }

        await using var setUp = app.NewDbContext();
        var (police, care, health) = await ChildProtectionRecords.AgenciesAsync(setUp);
        var chair = await app.SignedInAsAsync(Roles.ConferenceChair);
        var url = $"/children/{child}/pathway/section-47/{enquiry}/initial-conference";
        var page = await chair.GetDocumentAsync(url);
        await AssertViewAuditedAsync(child, "Record an initial child protection conference");

        var checking = await chair.PostFormAsync(url, page, With(new Dictionary<string, string>
        {
            ["Version"] = VersionOf(page),
            ["Chair"] = "Mei Chen",
            ["Attendance[0].AgencyId"] = police.ToString(),
            ["Attendance[0].Involvement"] = "Invited",
            ["Attendance[1].AgencyId"] = care.ToString(),
            ["Attendance[1].Involvement"] = "Attended",
            ["Attendance[2].AgencyId"] = health.ToString(),
            ["Decision"] = nameof(ConferenceDecision.PlanStarted),
            ["CategoryOfAbuse"] = "PHY",
        }, Date("HeldOn", Today.AddDays(-1))).Concat([new("Attendance[1].Involvement", "Invited")]).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value));

        // The row for health has no box ticked: refused, linked to its checkboxes.
        var refused = await checking.ReadDocumentAsync();
        AssertErrors(refused, "Select whether the agency in row 3 was invited, attended or sent a report");

        var fixedUp = await chair.PostFormAsync(url, refused, With(new Dictionary<string, string>
        {
            ["Version"] = VersionOf(refused),
            ["Chair"] = "Mei Chen",
            ["Attendance[0].AgencyId"] = police.ToString(),
            ["Attendance[0].Involvement"] = "Invited",
            ["Attendance[1].AgencyId"] = care.ToString(),
            ["Attendance[1].Involvement"] = "Invited",
            ["Decision"] = nameof(ConferenceDecision.PlanStarted),
            ["CategoryOfAbuse"] = "PHY",
        }, Date("HeldOn", Today.AddDays(-1))));
        Assert.Equal(HttpStatusCode.Redirect, fixedUp.StatusCode);
        var checkUrl = url + "/check-answers";
        Assert.Equal(checkUrl, fixedUp.Headers.Location?.ToString());
        await using (var db = app.NewDbContext())
        {
            Assert.False(await db.ChildProtectionConferences.AnyAsync(c => c.Section47EnquiryId == enquiry)); // nothing saved yet
        }

        var check = await chair.GetDocumentAsync(checkUrl);
        Assert.Contains("Physical abuse", check.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Mei Chen", check.Body!.TextContent, StringComparison.Ordinal);
        await AssertViewAuditedAsync(child, "Check an initial child protection conference");

        var saved = await chair.PostFormAsync(checkUrl, check, new Dictionary<string, string>());

        AssertSavedToPathway(saved, child);
        await using var after = app.NewDbContext();
        var plan = await after.ChildProtectionPlans.SingleAsync(p => p.PersonId == child && p.EndDate == null);
        Assert.Equal(("PHY", Today.AddDays(-1)), (plan.InitialCategory, plan.StartDate));
        Assert.Equal(2, await after.ConferenceAttendances.CountAsync(a => a.ConferenceId == plan.InitialConferenceId));
        Assert.Equal(["CW-6", "CW-7"], await after.Clocks.Where(c => c.SubjectId == plan.Id).Select(c => c.RuleId).OrderBy(r => r).ToListAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await chair.GetAsync(checkUrl)).StatusCode); // the answers are gone once saved
    }

    [Fact]
    public async Task AnEmptyInitialConference_ListsEveryProblem_LinkedToItsField()
    {
        var (child, episode) = await ChildWithEpisodeAsync();
        Guid enquiry;
        await using (var db = app.NewDbContext())
        {
            enquiry = await ChildProtectionRecords.EnquiryAsync(db, episode, 6);
        }

        var chair = await app.SignedInAsAsync(Roles.ConferenceChair);
        var url = $"/children/{child}/pathway/section-47/{enquiry}/initial-conference";
        var page = await chair.GetDocumentAsync(url);

        var refused = await (await chair.PostFormAsync(url, page, new Dictionary<string, string>
        {
            ["Version"] = VersionOf(page),
            ["Decision"] = nameof(ConferenceDecision.PlanStarted),
        })).ReadDocumentAsync();

        AssertErrors(refused,
            "Enter the date of the conference",
            "Enter the name of the conference chair",
            "Record at least two agencies invited to the conference",
            "Select the category of abuse");
    }

    // Review conference

    [Fact]
    public async Task AReviewConference_EndingThePlan_IsSaved()
    {
        var (child, episode) = await ChildWithEpisodeAsync();
        Guid plan;
        await using (var db = app.NewDbContext())
        {
            plan = await ChildProtectionRecords.PlanAsync(db, episode, 20);
        }

        await using var setUp = app.NewDbContext();
        var (police, care, _) = await ChildProtectionRecords.AgenciesAsync(setUp);
        var chair = await app.SignedInAsAsync(Roles.ConferenceChair);
        var url = $"/children/{child}/pathway/cp-plans/{plan}/review-conference";
        var page = await chair.GetDocumentAsync(url);
        await AssertViewAuditedAsync(child, "Record a review child protection conference");

        var response = await chair.PostFormAsync(url, page, With(new Dictionary<string, string>
        {
            ["Version"] = VersionOf(page),
            ["Chair"] = "Mei Chen",
            ["Attendance[0].AgencyId"] = police.ToString(),
            ["Attendance[0].Involvement"] = "Invited",
            ["Attendance[1].AgencyId"] = care.ToString(),
            ["Attendance[1].Involvement"] = "Invited",
            ["Decision"] = nameof(ConferenceDecision.PlanEnded),
        }, Date("HeldOn", Today)));

        AssertSavedToPathway(response, child);
        await using var db2 = app.NewDbContext();
        Assert.Equal(Today, (await db2.ChildProtectionPlans.SingleAsync(p => p.Id == plan)).EndDate);
        Assert.False(await db2.Clocks.AnyAsync(c => c.SubjectId == plan && c.StoppedAt == null && !c.NotRequired));
    }

    [Fact]
    public async Task AnEmptyReviewConference_ListsEveryProblem_LinkedToItsField()
    {
        var (child, episode) = await ChildWithEpisodeAsync();
        Guid plan;
        await using (var db = app.NewDbContext())
        {
            plan = await ChildProtectionRecords.PlanAsync(db, episode, 20);
        }

        var manager = await app.SignedInAsAsync(Roles.TeamManager);
        var url = $"/children/{child}/pathway/cp-plans/{plan}/review-conference";
        var page = await manager.GetDocumentAsync(url);

        var refused = await (await manager.PostFormAsync(url, page, With(new Dictionary<string, string>
        {
            ["Version"] = VersionOf(page),
            ["Decision"] = nameof(ConferenceDecision.PlanContinues),
            ["CategoryOfAbuse"] = "",
        }, Date("HeldOn", Today.AddDays(-21))))).ReadDocumentAsync();

        AssertErrors(refused,
            $"The review conference must be on or after the plan started, {ChildProtection.Date(Today.AddDays(-20))}",
            "Enter the name of the conference chair",
            "Record at least two agencies invited to the conference",
            "Select the category of abuse");
    }

    // Core group

    [Fact]
    public async Task TheFirstCoreGroup_IsSaved_AndStopsCw6()
    {
        var (child, episode) = await ChildWithEpisodeAsync();
        Guid plan;
        await using (var db = app.NewDbContext())
        {
            plan = await ChildProtectionRecords.PlanAsync(db, episode, 3);
        }

        var worker = await app.SignedInAsAsync(Roles.SocialWorker);
        var url = $"/children/{child}/pathway/cp-plans/{plan}/core-groups/new";
        var page = await worker.GetDocumentAsync(url);
        await AssertViewAuditedAsync(child, "Record a core group meeting");

        var response = await worker.PostFormAsync(url, page, With(new Dictionary<string, string>
        {
            ["Version"] = VersionOf(page),
            ["Notes"] = "Safety plan agreed.",
        }, Date("HeldOn", Today.AddDays(-1))));

        AssertSavedToPathway(response, child);
        await using var after = app.NewDbContext();
        Assert.Equal("Safety plan agreed.", (await after.CoreGroupMeetings.SingleAsync(m => m.PlanId == plan)).Notes);
        Assert.NotNull((await after.Clocks.SingleAsync(c => c.SubjectId == plan && c.RuleId == "CW-6")).StoppedAt);
    }

    [Fact]
    public async Task AnEmptyCoreGroup_IsRefused_WithTheDateLinked()
    {
        var (child, episode) = await ChildWithEpisodeAsync();
        Guid plan;
        await using (var db = app.NewDbContext())
        {
            plan = await ChildProtectionRecords.PlanAsync(db, episode, 3);
        }

        var worker = await app.SignedInAsAsync(Roles.SocialWorker);
        var url = $"/children/{child}/pathway/cp-plans/{plan}/core-groups/new";
        var page = await worker.GetDocumentAsync(url);

        var refused = await (await worker.PostFormAsync(url, page, new Dictionary<string, string> { ["Version"] = VersionOf(page) })).ReadDocumentAsync();

        AssertErrors(refused, "Enter the date of the meeting");
        Assert.Equal("#HeldOn", refused.ErrorSummaryLinks().Single().Href[..7]);
    }

    [Fact]
    public async Task AStalePage_IsRefused_WithoutOverwriting()
    {
        var (child, episode) = await ChildWithEpisodeAsync();
        Guid plan;
        await using (var db = app.NewDbContext())
        {
            plan = await ChildProtectionRecords.PlanAsync(db, episode, 3);
        }

        var worker = await app.SignedInAsAsync(Roles.SocialWorker);
        var url = $"/children/{child}/pathway/cp-plans/{plan}/core-groups/new";
        var first = await worker.GetDocumentAsync(url);
        var second = await worker.GetDocumentAsync(url);
        AssertSavedToPathway(await worker.PostFormAsync(url, first, With(new Dictionary<string, string> { ["Version"] = VersionOf(first) }, Date("HeldOn", Today))), child);

        var stale = await (await worker.PostFormAsync(url, second, With(new Dictionary<string, string> { ["Version"] = VersionOf(second) }, Date("HeldOn", Today)))).ReadDocumentAsync();

        Assert.Contains(ChildProtection.ChangedElsewhereMessage, stale.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        await using var after = app.NewDbContext();
        Assert.Equal(1, await after.CoreGroupMeetings.CountAsync(m => m.PlanId == plan));
    }

    // Access

    [Theory]
    [InlineData(Roles.FrontDoorWorker)]
    [InlineData(Roles.FrontDoorManager)]
    [InlineData(Roles.AgencyResearcher)]
    [InlineData(Roles.Administrator)]
    public async Task OnlySocialCare_RecordsTheChildProtectionRoute(string role)
    {
        var (child, episode) = await ChildWithEpisodeAsync();
        Guid plan;
        Guid enquiry;
        await using (var db = app.NewDbContext())
        {
            plan = await ChildProtectionRecords.PlanAsync(db, episode, 3);
            enquiry = await ChildProtectionRecords.EnquiryAsync(db, episode, 1);
        }

        var client = await app.SignedInAsAsync(role);
        foreach (var url in new[]
        {
            $"/children/{child}/pathway/episodes/{episode}/strategy-discussions/new",
            $"/children/{child}/pathway/section-47/{enquiry}/outcome",
            $"/children/{child}/pathway/section-47/{enquiry}/initial-conference",
            $"/children/{child}/pathway/section-47/{enquiry}/initial-conference/check-answers",
            $"/children/{child}/pathway/cp-plans/{plan}/review-conference",
            $"/children/{child}/pathway/cp-plans/{plan}/core-groups/new",
        })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.ToString().Contains("/error/403", StringComparison.Ordinal) == true,
                $"{role} at {url}: {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    [Fact]
    public async Task ARecordOfAnotherChild_IsNotFound_UnderThisChild()
    {
        var (child, episode) = await ChildWithEpisodeAsync();
        var (otherChild, _) = await ChildWithEpisodeAsync();
        var worker = await app.SignedInAsAsync(Roles.SocialWorker);

        var response = await worker.GetAsync($"/children/{otherChild}/pathway/episodes/{episode}/strategy-discussions/new");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync($"/children/{child}/pathway/episodes/{episode}/strategy-discussions/new")).StatusCode);
    }
}
