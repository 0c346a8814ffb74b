using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.Access;
using Safeguarding.Core.Children;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Notifications;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.FrontDoor;

/// <summary>The front door workspace through the real pages: queue, pick up and assign, screening, consent, matching and the decision.</summary>
public sealed class WorkspaceTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>
{
    private static RequestForSupportAnswers Answers(string firstName = "Sam", string lastName = "Jones", ConcernCategory concern = ConcernCategory.Neglect, string? nhsNumber = null, DateOnly? dateOfBirth = null, string? postcode = "B1 1BB") => new()
    {
        ReferrerName = "Ada Teacher",
        ReferrerRole = "Designated safeguarding lead",
        ReferrerPhone = "0121 496 0000",
        ReferrerAgencyName = "Hillside Primary School",
        Urgency = Urgency.Urgent,
        Children = [new ChildAnswer { Id = Guid.NewGuid(), FirstName = firstName, LastName = lastName, DateOfBirth = dateOfBirth ?? new DateOnly(2017, 5, 1), Sex = PersonSex.Male, NhsNumber = nhsNumber, Postcode = postcode }],
        Household = [new HouseholdMemberAnswer { Id = Guid.NewGuid(), Name = "Kim Jones", Relationship = "Mother" }],
        Concerns = [concern],
        ConcernNarrative = "Sam has come to school hungry every day this week.",
        ChildsVoice = "Sam said he does not want to go home.",
        HowChildWasSeen = "Seen alone in school on Friday.",
        EarlyHelpTried = false,
        WhatHasBeenTried = "Breakfast club offered.",
        Consent = ConsentStatus.NotObtained,
        ConsentNotObtainedReason = "Asking could place Sam at risk.",
        LevelOfNeed = LevelOfNeed.Significant,
    };

    /// <summary>The demo user for a role, as the demo sign-in page lists them.</summary>
    private async Task<Guid> DemoUserAsync(string role)
    {
        var page = await app.CreateBrowser().GetDocumentAsync("/demo/sign-in");
        var radio = page.QuerySelectorAll<IHtmlInputElement>("input[name=UserId]")
            .Single(r => page.QuerySelector($"label[for={r.Id}]")!.TextContent.StartsWith(Roles.Describe(role) + ":", StringComparison.Ordinal));
        return Guid.Parse(radio.Value);
    }

    /// <summary>A contact sent by the demo referrer, received at the given time (so its FD-1 clock is that old).</summary>
    private async Task<Contact> SubmitAsync(RequestForSupportAnswers? answers = null, TimeSpan? age = null)
    {
        var referrerId = await DemoUserAsync(Roles.Referrer);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Core.Data.SafeguardingDbContext>();
        var referrer = await db.Users.AsNoTracking().SingleAsync(u => u.Id == referrerId);
        var context = new ProcessContext(referrer.Id, referrer.DisplayName, referrer.PartnershipId, DateTimeOffset.UtcNow - (age ?? TimeSpan.Zero));
        var result = await scope.ServiceProvider.GetRequiredService<RequestForSupportSubmission>()
            .SubmitAsync(new RequestForSupportSubmit(answers ?? Answers(), Guid.NewGuid().ToString(), ContactChannel.Web), context);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        return result.Value!.Contact;
    }

    /// <summary>Consent checked and every child left unmatched: ready for a decision.</summary>
    private async Task ReadyAsync(Guid contactId)
    {
        using var scope = app.Services.CreateScope();
        var workspace = scope.ServiceProvider.GetRequiredService<FrontDoorWorkspace>();
        var db = scope.ServiceProvider.GetRequiredService<Core.Data.SafeguardingDbContext>();
        var contact = await db.Contacts.AsNoTracking().Include(c => c.Children).SingleAsync(c => c.Id == contactId);
        var context = new ProcessContext(null, "test set-up", contact.PartnershipId, DateTimeOffset.UtcNow);
        Assert.True((await workspace.CheckConsentAsync(contactId, contact.Version, ConsentStatus.NotObtained, null, "It would place the child at risk", context)).Succeeded);
        foreach (var child in contact.Children)
        {
            Assert.True((await workspace.LeaveUnmatchedAsync(contactId, child.Id, context)).Succeeded);
        }
    }

    private static void AssertErrorsLinkToFields(IHtmlDocument page, params string[] expected)
    {
        var links = page.ErrorSummaryLinks();
        foreach (var message in expected)
        {
            Assert.Contains(links, l => l.Text == message);
        }

        foreach (var (text, href) in links)
        {
            Assert.StartsWith("#", href, StringComparison.Ordinal);
            Assert.True(page.GetElementById(href[1..]) is not null, $"\"{text}\" links to {href}, which is not on the page");
        }
    }

    private static Dictionary<string, string> Decision(string outcome = nameof(ContactOutcome.AdviceAndNoFurtherAction), string rationale = "No role for social care: school support is enough.") => new()
    {
        ["LevelOfNeed"] = nameof(LevelOfNeed.Additional),
        ["Outcome"] = outcome,
        ["Rationale"] = rationale,
    };

    [Fact]
    public async Task TheQueue_PutsTheLeastTimeLeftFirst_WithRagTags_AndFilters()
    {
        var green = await SubmitAsync(Answers(concern: ConcernCategory.Radicalisation));
        var amber = await SubmitAsync(age: TimeSpan.FromHours(21));
        var red = await SubmitAsync(age: TimeSpan.FromHours(30));
        var worker = await app.SignedInAsAsync(Roles.FrontDoorWorker);

        var queue = await worker.GetDocumentAsync("/front-door");
        var rows = queue.QuerySelectorAll("#queue tbody tr").Select(r => r.TextContent).ToList();
        int Row(Contact c) => rows.FindIndex(r => r.Contains(c.Reference, StringComparison.Ordinal));
        Assert.True(Row(red) >= 0 && Row(red) < Row(amber) && Row(amber) < Row(green), string.Join("\n", rows));
        Assert.Contains("Red", rows[Row(red)], StringComparison.Ordinal);
        Assert.Contains("Amber", rows[Row(amber)], StringComparison.Ordinal);
        Assert.Contains("Green", rows[Row(green)], StringComparison.Ordinal);
        Assert.Equal("ascending", queue.QuerySelector("th[aria-sort=ascending]")?.GetAttribute("aria-sort"));

        var radicalisation = (await worker.GetDocumentAsync("/front-door?concern=Radicalisation")).QuerySelector("#queue")!.TextContent;
        Assert.Contains(green.Reference, radicalisation, StringComparison.Ordinal);
        Assert.DoesNotContain(red.Reference, radicalisation, StringComparison.Ordinal);

        var mine = await worker.GetDocumentAsync("/front-door?worker=me&concern=FemaleGenitalMutilation");
        Assert.NotNull(mine.GetElementById("no-contacts"));

        var newestFirst = (await worker.GetDocumentAsync("/front-door?sort=received&order=desc")).QuerySelectorAll("#queue tbody tr").Select(r => r.TextContent).ToList();
        Assert.True(newestFirst.FindIndex(r => r.Contains(green.Reference, StringComparison.Ordinal)) < newestFirst.FindIndex(r => r.Contains(red.Reference, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AWorkerPicksUp_ButAManagerAssignedItFirst_SoTheWorkerIsToldWhoChangedIt()
    {
        var contact = await SubmitAsync();
        var worker = await app.SignedInAsAsync(Roles.FrontDoorWorker);
        var manager = await app.SignedInAsAsync(Roles.FrontDoorManager);
        var url = $"/front-door/contacts/{contact.Id}";
        var workerPage = await worker.GetDocumentAsync(url);
        var managerPage = await manager.GetDocumentAsync(url);
        var workerId = await DemoUserAsync(Roles.FrontDoorWorker);

        var assigned = await manager.PostFormAsync($"{url}?handler=Assign", managerPage, new Dictionary<string, string> { ["Version"] = contact.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["WorkerId"] = workerId.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);

        var late = await worker.PostFormAsync($"{url}?handler=PickUp", workerPage, new Dictionary<string, string> { ["Version"] = contact.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var page = await late.ReadDocumentAsync();
        Assert.Contains("changed this contact", page.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        await using var db = app.NewDbContext();
        Assert.Equal(workerId, (await db.Contacts.SingleAsync(c => c.Id == contact.Id)).AssignedWorkerId);

        var mine = await worker.GetDocumentAsync("/front-door?worker=me");
        Assert.Contains(contact.Reference, mine.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartingScreening_RecordsTheTime_AndTheViewIsAudited()
    {
        var contact = await SubmitAsync();
        var worker = await app.SignedInAsAsync(Roles.FrontDoorWorker);
        var url = $"/front-door/contacts/{contact.Id}";
        var page = await worker.GetDocumentAsync(url);
        Assert.Contains("Sam has come to school hungry", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("h2:contains('Agency checks')") ?? page.QuerySelectorAll("h2").FirstOrDefault(h => h.TextContent == "Agency checks"));

        var started = await worker.PostFormAsync($"{url}?handler=StartScreening", page, new Dictionary<string, string> { ["Version"] = contact.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);

        await using var db = app.NewDbContext();
        var saved = await db.Contacts.SingleAsync(c => c.Id == contact.Id);
        Assert.NotNull(saved.ScreeningStartedAt);
        Assert.Equal(ContactState.InScreening, saved.State);
        Assert.Equal(FrontDoorWorkspace.IsOutOfHours(saved.ScreeningStartedAt!.Value, Core.Calendar.WorkingDayCalendar.EnglandAndWales()), saved.ScreenedOutOfHours);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.SubjectType == "Contact" && e.SubjectId == contact.Id.ToString() && e.Kind == Core.Audit.AuditKind.Access));
    }

    [Fact]
    public async Task CheckingConsent_NeedsAReasonWhenNotObtained_AndADecisionNeedsConsentChecked()
    {
        var contact = await SubmitAsync();
        var manager = await app.SignedInAsAsync(Roles.FrontDoorManager);

        var decisionUrl = $"/front-door/contacts/{contact.Id}/decision";
        var refused = await (await manager.PostFormAsync(decisionUrl, await manager.GetDocumentAsync(decisionUrl), Decision())).ReadDocumentAsync();
        AssertErrorsLinkToFields(refused,
            "Check consent before deciding: confirm the consent status, or record why it was not obtained",
            "Match each child to a record, or choose to leave them for later, before deciding");

        var consentUrl = $"/front-door/contacts/{contact.Id}/consent";
        var form = await manager.GetDocumentAsync(consentUrl);
        var noReason = await (await manager.PostFormAsync(consentUrl, form, new Dictionary<string, string> { ["Version"] = contact.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Consent"] = "NotObtained", ["ConsentNotObtainedReason"] = " " })).ReadDocumentAsync();
        AssertErrorsLinkToFields(noReason, "Enter why consent was not obtained");
        var nothing = await (await manager.PostFormAsync(consentUrl, form, new Dictionary<string, string> { ["Version"] = contact.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) })).ReadDocumentAsync();
        AssertErrorsLinkToFields(nothing, "Select whether consent was obtained");

        var done = await manager.PostFormAsync(consentUrl, form, new Dictionary<string, string> { ["Version"] = contact.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Consent"] = "Obtained", ["ConsentGivenBy"] = "Kim Jones (mother) by phone" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        await using var db = app.NewDbContext();
        var saved = await db.Contacts.SingleAsync(c => c.Id == contact.Id);
        Assert.NotNull(saved.ConsentCheckedAt);
        Assert.Equal(ConsentStatus.Obtained, saved.Consent);
    }

    [Fact]
    public async Task AWorkerConfirmsAMatch_OrCreatesANewRecord_AndTheChildsChronologyGetsTheContact()
    {
        Person known;
        await using (var db = app.NewDbContext())
        {
            known = await TestChildren.OpenChildAsync(db, skip: 3);
        }

        var contact = await SubmitAsync(Answers(known.GivenName, known.FamilyName, nhsNumber: known.NhsNumber, dateOfBirth: known.DateOfBirth, postcode: known.Postcode));
        var worker = await app.SignedInAsAsync(Roles.FrontDoorWorker);
        var url = $"/front-door/contacts/{contact.Id}/children/{contact.Children[0].Id}";
        var page = await worker.GetDocumentAsync(url);
        Assert.Contains(known.Id.ToString(), page.GetElementById("candidates")!.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("%", page.GetElementById("candidates")!.TextContent, StringComparison.Ordinal);

        var none = await (await worker.PostFormAsync($"{url}?handler=Confirm", page, new Dictionary<string, string>())).ReadDocumentAsync();
        AssertErrorsLinkToFields(none, "Select the child record that matches");
        var confirmed = await worker.PostFormAsync($"{url}?handler=Confirm", page, new Dictionary<string, string> { ["PersonId"] = known.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var stranger = await SubmitAsync(Answers("Zebedee", "Quillfeather" + Guid.NewGuid().ToString("N")[..6].Replace('0', 'x')));
        var strangerUrl = $"/front-door/contacts/{stranger.Id}/children/{stranger.Children[0].Id}";
        var created = await worker.PostFormAsync($"{strangerUrl}?handler=Create", await worker.GetDocumentAsync(strangerUrl), new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        await using var check = app.NewDbContext();
        Assert.Equal(known.Id, (await check.ContactChildren.SingleAsync(c => c.ContactId == contact.Id)).PersonId);
        Assert.True(await check.ChronologyEntries.AnyAsync(e => e.PersonId == known.Id && e.SourceReference == contact.Reference));
        var newRecord = (await check.ContactChildren.SingleAsync(c => c.ContactId == stranger.Id)).PersonId;
        Assert.NotNull(newRecord);
        Assert.Equal("Zebedee", (await check.People.SingleAsync(p => p.Id == newRecord)).GivenName);
        Assert.True(await check.AuditEvents.AnyAsync(e => e.EventType == nameof(ChildRecordCreatedFromContact) && e.SubjectId == newRecord.ToString()));
    }

    [Fact]
    public async Task EveryDecisionRule_IsInTheErrorSummary_LinkingToItsField()
    {
        var contact = await SubmitAsync(age: TimeSpan.FromHours(30));
        await ReadyAsync(contact.Id);
        var manager = await app.SignedInAsAsync(Roles.FrontDoorManager);
        var url = $"/front-door/contacts/{contact.Id}/decision";
        var form = await manager.GetDocumentAsync(url);

        var version = (await SavedAsync(contact.Id)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var empty = await (await manager.PostFormAsync(url, form, new Dictionary<string, string> { ["Version"] = version })).ReadDocumentAsync();
        AssertErrorsLinkToFields(empty, "Select the level of need", "Select the outcome", "Enter the rationale for the decision", "Enter why the decision was made after the 24-hour timescale");

        var referral = await (await manager.PostFormAsync(url, form, new Dictionary<string, string>(Decision(nameof(ContactOutcome.SocialWorkAssessment))) { ["Version"] = version })).ReadDocumentAsync();
        AssertErrorsLinkToFields(referral, "Select the referral source", "Select the primary need");

        var stepDown = await (await manager.PostFormAsync(url, form, new Dictionary<string, string>(Decision(nameof(ContactOutcome.StepDownToEarlyHelp))) { ["Version"] = version })).ReadDocumentAsync();
        AssertErrorsLinkToFields(stepDown, "Select the locality whose early help team will take the contact");
    }

    private async Task<Contact> SavedAsync(Guid id)
    {
        await using var db = app.NewDbContext();
        return await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    [Fact]
    public async Task TheManagerDecides_TheClocksMove_TheReferrerIsTold_AndAChangeNeedsAReason()
    {
        var contact = await SubmitAsync();
        await ReadyAsync(contact.Id);
        var manager = await app.SignedInAsAsync(Roles.FrontDoorManager);
        var url = $"/front-door/contacts/{contact.Id}/decision";
        var version = (await SavedAsync(contact.Id)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var decided = await manager.PostFormAsync(url, await manager.GetDocumentAsync(url), new Dictionary<string, string>(Decision(nameof(ContactOutcome.SocialWorkAssessment)))
        {
            ["Version"] = version,
            ["ReferralSourceCode"] = "2A",
            ["PrimaryNeedCode"] = "N1",
        });
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);

        Contact first;
        await using (var db = app.NewDbContext())
        {
            first = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == contact.Id);
            Assert.Equal(ContactState.Decided, first.State);
            Assert.True(first.IsReferral);
            Assert.NotNull(first.FirstDecidedAt);
            var clocks = await db.Clocks.AsNoTracking().Where(c => c.SubjectId == contact.Id).ToListAsync();
            Assert.NotNull(clocks.Single(c => c.RuleId == "FD-1").StoppedAt);
            Assert.NotNull(clocks.Single(c => c.RuleId == "FD-2").StoppedAt);
            var email = await db.OutboxNotifications.AsNoTracking().SingleAsync(n => n.Kind == FrontDoorWorkspace.FeedbackNotificationKind && n.Body.Contains(contact.Reference));
            Assert.DoesNotContain("Sam", email.Body, StringComparison.Ordinal);
            Assert.Contains("/request-for-support", email.Body, StringComparison.Ordinal);
        }

        var referrer = await app.SignedInAsAsync(Roles.Referrer);
        var theirs = await referrer.GetDocumentAsync("/request-for-support");
        Assert.Contains(FrontDoorWorkspace.FeedbackFor(ContactOutcome.SocialWorkAssessment), theirs.Body!.TextContent, StringComparison.Ordinal);

        var changeForm = await manager.GetDocumentAsync(url);
        version = (await SavedAsync(contact.Id)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var noReason = await (await manager.PostFormAsync(url, changeForm, new Dictionary<string, string>(Decision()) { ["Version"] = version })).ReadDocumentAsync();
        AssertErrorsLinkToFields(noReason, "Enter why the decision is being changed");
        var changed = await manager.PostFormAsync(url, changeForm, new Dictionary<string, string>(Decision()) { ["Version"] = version, ["ChangeReason"] = "Police checks show no concerns." });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        await using var check = app.NewDbContext();
        var after = await check.Contacts.AsNoTracking().SingleAsync(c => c.Id == contact.Id);
        Assert.Equal(first.FirstDecidedAt, after.FirstDecidedAt);
        Assert.False(after.IsReferral);
        var decisions = await check.ContactDecisions.AsNoTracking().Where(d => d.ContactId == contact.Id).ToListAsync();
        Assert.Equal(2, decisions.Count);
        Assert.Single(decisions, d => d.SupersededAt == null && d.ChangeReason == "Police checks show no concerns.");
    }

    [Fact]
    public async Task TwoManagersDecideAtOnce_OneSucceeds_AndTheOtherSeesWhoChangedIt_KeepingWhatTheyTyped()
    {
        var contact = await SubmitAsync();
        await ReadyAsync(contact.Id);
        var first = await app.SignedInAsAsync(Roles.FrontDoorManager);
        var second = await app.SignedInAsAsync(Roles.FrontDoorManager);
        var url = $"/front-door/contacts/{contact.Id}/decision";
        var firstForm = await first.GetDocumentAsync(url);
        var secondForm = await second.GetDocumentAsync(url);
        var version = (await SavedAsync(contact.Id)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync(url, firstForm, new Dictionary<string, string>(Decision()) { ["Version"] = version })).StatusCode);
        var lost = await (await second.PostFormAsync(url, secondForm, new Dictionary<string, string>(Decision(rationale: "My own careful rationale.")) { ["Version"] = version })).ReadDocumentAsync();

        Assert.Contains("changed this contact", lost.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("My own careful rationale.", lost.QuerySelector<IHtmlTextAreaElement>("textarea[name=Rationale]")!.Value, StringComparison.Ordinal);
        await using var db = app.NewDbContext();
        Assert.Single(await db.ContactDecisions.AsNoTracking().Where(d => d.ContactId == contact.Id).ToListAsync());
    }

    [Fact]
    public async Task ASecondReferralWithinAYear_IsAReReferral_WithThePreviousContactCounted()
    {
        Person known;
        await using (var db = app.NewDbContext())
        {
            known = await TestChildren.OpenChildAsync(db, skip: 5);
        }

        using var scope = app.Services.CreateScope();
        var workspace = scope.ServiceProvider.GetRequiredService<FrontDoorWorkspace>();
        var referral = new ContactDecisionForm(LevelOfNeed.Complex, ContactOutcome.SocialWorkAssessment, "Needs assessment.", null, "2A", "N1", "Late in the test", null);
        var managerId = await DemoUserAsync(Roles.FrontDoorManager);
        Contact? previous = null;
        foreach (var age in new[] { TimeSpan.FromDays(60), TimeSpan.Zero })
        {
            var contact = await SubmitAsync(Answers(known.GivenName, known.FamilyName), age);
            var context = new ProcessContext(managerId, "test manager", known.PartnershipId, DateTimeOffset.UtcNow);
            Assert.True((await workspace.ConfirmMatchAsync(contact.Id, contact.Children[0].Id, known.Id, context)).Succeeded);
            var version = (await SavedAsync(contact.Id)).Version;
            Assert.True((await workspace.CheckConsentAsync(contact.Id, version, ConsentStatus.Obtained, "Mother", null, context)).Succeeded);
            var decided = await workspace.DecideAsync(contact.Id, (await SavedAsync(contact.Id)).Version, referral, context);
            Assert.True(decided.Succeeded, string.Join("; ", decided.Errors.Values));
            previous ??= contact;
        }

        await using var check = app.NewDbContext();
        var latest = await check.Contacts.AsNoTracking().Where(c => c.Children.Any(ch => ch.PersonId == known.Id)).OrderByDescending(c => c.ReceivedAt).FirstAsync();
        Assert.True(latest.IsReReferral);
        Assert.True(latest.PreviousContactsInYear >= 1);
        Assert.False((await check.Contacts.AsNoTracking().SingleAsync(c => c.Id == previous!.Id)).IsReReferral);

        var worker = await app.SignedInAsAsync(Roles.FrontDoorWorker);
        var page = await worker.GetDocumentAsync($"/front-door/contacts/{latest.Id}");
        Assert.Contains(previous!.Reference, page.Body!.TextContent, StringComparison.Ordinal);
    }
}
