using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Children.Matching;
using Safeguarding.Core.Chronology;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Timescales;
using Safeguarding.Tests.Shared;

namespace Safeguarding.Core.Tests.FrontDoor;

/// <summary>Out of hours is London office hours on working days.</summary>
public sealed class ScreeningHoursTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales();

    [Theory]
    [InlineData("2026-03-07T11:00:00Z", true)] // a Saturday
    [InlineData("2026-03-10T18:30:00Z", true)] // a Tuesday evening
    [InlineData("2026-03-10T08:59:00Z", true)] // before opening
    [InlineData("2026-03-10T10:00:00Z", false)] // a Tuesday morning
    [InlineData("2026-07-14T15:30:00Z", false)] // 16:30 in London (BST)
    [InlineData("2026-07-14T16:30:00Z", true)] // 17:30 in London (BST)
    [InlineData("2026-12-25T11:00:00Z", true)] // Christmas Day, a Friday
    public void ScreeningIsOutOfHours_OutsideNineToFive_OnWorkingDays(string instant, bool outOfHours) =>
        Assert.Equal(outOfHours, FrontDoorWorkspace.IsOutOfHours(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), Calendar));
}

/// <summary>The workspace's rules against a real database: consent, decisions, clocks, changes and concurrency.</summary>
[Trait("Category", "Database")]
public sealed class FrontDoorWorkspaceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Now);
    private TestDatabase database = null!;
    private Guid partnershipId;
    private Guid teacherId;
    private Guid managerId;
    private Guid localityId;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await database.MigrateAsync();
        await using var db = database.NewContext();
        var partnership = new Partnership { Id = Guid.NewGuid(), Code = "FDW", Name = "Workspace partnership", LocalAuthorityName = "Workspace council" };
        db.Partnerships.Add(partnership);
        var school = new Agency { Id = Guid.NewGuid(), PartnershipId = partnership.Id, Name = "Hillside Primary School", Type = AgencyType.School };
        db.Agencies.Add(school);
        var locality = new Locality { Id = Guid.NewGuid(), PartnershipId = partnership.Id, Name = "North" };
        db.Localities.Add(locality);
        db.Record(new Registered(partnership.Id), ProcessContext.System(Now));
        await db.SaveChangesAsync();
        (partnershipId, localityId) = (partnership.Id, locality.Id);
        var teacher = new User { Id = Guid.NewGuid(), DisplayName = "Ada Teacher", UserName = "ada@school.example", Email = "ada@school.example", PartnershipId = partnershipId, AgencyId = school.Id };
        var manager = new User { Id = Guid.NewGuid(), DisplayName = "Mo Manager", UserName = "mo@council.example", Email = "mo@council.example", PartnershipId = partnershipId, AgencyId = school.Id };
        db.Users.AddRange(teacher, manager);
        await db.SaveChangesAsync();
        (teacherId, managerId) = (teacher.Id, manager.Id);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private ProcessContext Manager(DateTimeOffset? at = null) => new(managerId, "Mo Manager", partnershipId, at ?? Now);

    private FrontDoorWorkspace Workspace(SafeguardingDbContext db)
    {
        var timescales = new PartnershipTimescales(time);
        return new FrontDoorWorkspace(db, new ClockService(db, timescales), new ChildChronology(db), new ChildMatching(db, new PersonIndexCache(), new MatchBands()), timescales);
    }

    private async Task<Contact> SubmitAsync(DateTimeOffset receivedAt)
    {
        await using var db = database.NewContext();
        var service = new RequestForSupportSubmission(db, new ClockService(db, new PartnershipTimescales(time)));
        var result = await service.SubmitAsync(new RequestForSupportSubmit(RequestForSupportSubmissionTests.Complete(), Guid.NewGuid().ToString(), ContactChannel.Web), new(teacherId, "Ada Teacher", partnershipId, receivedAt));
        return result.Value!.Contact;
    }

    private async Task<long> VersionAsync(Guid id)
    {
        await using var db = database.NewContext();
        return (await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == id)).Version;
    }

    private async Task<ChangeResult<ContactDecision>> DecideAsync(Guid id, ContactDecisionForm form, DateTimeOffset? at = null)
    {
        await using var db = database.NewContext();
        return await Workspace(db).DecideAsync(id, await VersionAsync(id), form, Manager(at));
    }

    private async Task ReadyAsync(Contact contact)
    {
        await using var db = database.NewContext();
        var workspace = Workspace(db);
        Assert.True((await workspace.CheckConsentAsync(contact.Id, await VersionAsync(contact.Id), ConsentStatus.NotObtained, null, "It would place the child at risk", Manager())).Succeeded);
        Assert.True((await workspace.LeaveUnmatchedAsync(contact.Id, contact.Children[0].Id, Manager())).Succeeded);
    }

    private static readonly ContactDecisionForm Nfa = new(LevelOfNeed.Universal, ContactOutcome.AdviceAndNoFurtherAction, "Universal services are meeting the need.", null, null, null, null, null);

    [Fact]
    public async Task ADecision_IsRefused_UntilConsentIsChecked_AndEveryChildIsMatchedOrLeft()
    {
        var contact = await SubmitAsync(Now.AddHours(-1));
        var refused = await DecideAsync(contact.Id, Nfa);
        Assert.Equal(["Children", "Consent"], refused.Errors.Keys.Order());

        await using var db = database.NewContext();
        var noReason = await Workspace(db).CheckConsentAsync(contact.Id, await VersionAsync(contact.Id), ConsentStatus.NotObtained, null, " ", Manager());
        Assert.Equal("Enter why consent was not obtained", noReason.Errors["ConsentNotObtainedReason"]);
    }

    [Fact]
    public async Task Referrals_NeedCinCodes_StepDownNeedsALocality_AndEveryDecisionARationale()
    {
        var contact = await SubmitAsync(Now.AddHours(-1));
        await ReadyAsync(contact);
        var referral = await DecideAsync(contact.Id, new(LevelOfNeed.Complex, ContactOutcome.StrategyDiscussion, " ", null, "N1", "2A", null, null));
        Assert.Equal(["PrimaryNeedCode", "Rationale", "ReferralSourceCode"], referral.Errors.Keys.Order());
        var stepDown = await DecideAsync(contact.Id, new(LevelOfNeed.Additional, ContactOutcome.StepDownToEarlyHelp, "Early help fits.", Guid.NewGuid(), null, null, null, null));
        Assert.Equal(["EarlyHelpLocalityId"], stepDown.Errors.Keys);
        Assert.True((await DecideAsync(contact.Id, new(LevelOfNeed.Additional, ContactOutcome.StepDownToEarlyHelp, "Early help fits.", localityId, null, null, null, null))).Succeeded);
    }

    [Fact]
    public async Task TheFirstDecision_StopsFd1_AndTellsTheReferrer_AndAChangeKeepsTheFirstDecisionTime()
    {
        var contact = await SubmitAsync(Now.AddHours(-30));
        await ReadyAsync(contact);
        var late = await DecideAsync(contact.Id, Nfa with { Outcome = ContactOutcome.SocialWorkAssessment, ReferralSourceCode = "2A", PrimaryNeedCode = "N1" });
        Assert.Equal(["ReasonForLateness"], late.Errors.Keys);
        Assert.True((await DecideAsync(contact.Id, Nfa with { Outcome = ContactOutcome.SocialWorkAssessment, ReferralSourceCode = "2A", PrimaryNeedCode = "N1", ReasonForLateness = "Waiting for police checks" })).Succeeded);

        var later = Now.AddHours(2);
        Assert.Equal(["ChangeReason"], (await DecideAsync(contact.Id, Nfa, later)).Errors.Keys);
        Assert.True((await DecideAsync(contact.Id, Nfa with { ChangeReason = "Police checks show no concerns" }, later)).Succeeded);

        await using var db = database.NewContext();
        var saved = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == contact.Id);
        Assert.Equal(Now, saved.FirstDecidedAt);
        Assert.False(saved.IsReferral);
        var fd1 = await db.Clocks.AsNoTracking().SingleAsync(c => c.SubjectId == contact.Id && c.RuleId == "FD-1");
        Assert.True(fd1.IsMetLate);
        Assert.Equal("Waiting for police checks", fd1.ReasonForLateness);
        Assert.NotNull((await db.Clocks.AsNoTracking().SingleAsync(c => c.SubjectId == contact.Id && c.RuleId == "FD-2")).StoppedAt);
        var decisions = await db.ContactDecisions.AsNoTracking().Where(d => d.ContactId == contact.Id).OrderBy(d => d.DecidedAt).ToListAsync();
        Assert.Equal(later, decisions[0].SupersededAt);
        Assert.Null(decisions[1].SupersededAt);
        Assert.Equal(2, await db.OutboxNotifications.CountAsync(n => n.RecipientUserId == teacherId && n.Kind == FrontDoorWorkspace.FeedbackNotificationKind));
        Assert.All(await db.OutboxNotifications.AsNoTracking().Select(n => n.Body).ToListAsync(), body => Assert.DoesNotContain("Sam", body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoManagersDecidingFromTheSameVersion_OnlyTheFirstSucceeds()
    {
        var contact = await SubmitAsync(Now.AddHours(-1));
        await ReadyAsync(contact);
        var version = await VersionAsync(contact.Id);
        await using (var first = database.NewContext())
        {
            Assert.True((await Workspace(first).DecideAsync(contact.Id, version, Nfa, Manager())).Succeeded);
        }

        await using var second = database.NewContext();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => Workspace(second).DecideAsync(contact.Id, version, Nfa, Manager()));
    }

    private sealed record Registered(Guid PartnershipId) : IDomainEvent
    {
        public string SubjectType => "Partnership";
        public string SubjectId => PartnershipId.ToString();
    }
}
