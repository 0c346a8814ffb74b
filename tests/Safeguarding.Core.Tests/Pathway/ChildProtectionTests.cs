using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Children;
using Safeguarding.Core.Chronology;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Core.Timescales;
using Safeguarding.Tests.Shared;

namespace Safeguarding.Core.Tests.Pathway;

/// <summary>KPI 5's repeat plan: an earlier plan ended no more than two years before this one starts.</summary>
public sealed class ChildProtectionRepeatPlanTests
{
    private static readonly DateOnly Start = new(2026, 3, 20);

    [Theory]
    [InlineData("2024-03-20", true)] // exactly two years before: a repeat
    [InlineData("2024-03-19", false)] // two years and a day before: not
    [InlineData("2026-03-20", true)] // ended the day this one starts
    [InlineData("2025-09-01", true)]
    [InlineData("2026-03-21", false)] // ends after the start: not an earlier plan
    public void APlanIsARepeat_WhenAnEarlierPlanEndedWithinTwoYearsOfItsStart(string ended, bool repeat) =>
        Assert.Equal(repeat, ChildProtectionPlanHistory.IsRepeatWithinTwoYears(Start, [DateOnly.Parse(ended, System.Globalization.CultureInfo.InvariantCulture)]));

    [Fact]
    public void AnActiveOrNoEarlierPlan_IsNotARepeat()
    {
        Assert.False(ChildProtectionPlanHistory.IsRepeatWithinTwoYears(Start, []));
        Assert.False(ChildProtectionPlanHistory.IsRepeatWithinTwoYears(Start, [null]));
    }
}

/// <summary>
/// The child protection route against a real database: strategy discussion, section 47 enquiry,
/// initial and review conferences, core groups; the clocks each starts and stops, with their due dates.
/// </summary>
[Trait("Category", "Database")]
public sealed class ChildProtectionTests : IAsyncLifetime
{
    // Friday 15 January 2027: everything below happened in 2026.
    private static readonly DateTimeOffset Now = new(2027, 1, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Referral = new(2026, 3, 2);
    private static readonly DateOnly Discussion = new(2026, 3, 4); // a Wednesday
    private static readonly DateOnly Outcome = new(2026, 3, 18);
    private static readonly DateOnly Icpc = new(2026, 3, 20); // a Friday, before Easter
    private readonly FakeTimeProvider time = new(Now);
    private TestDatabase database = null!;
    private Guid partnershipId;
    private Guid policeId;
    private Guid trustId;
    private Guid healthId;
    private Guid closedId;
    private Guid userId;
    private Guid childId;
    private Guid episodeId;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await database.MigrateAsync();
        await using var db = database.NewContext();
        var partnership = new Partnership { Id = Guid.NewGuid(), Code = "CP", Name = "Child protection partnership", LocalAuthorityName = "Midshire council" };
        partnershipId = partnership.Id;
        db.Partnerships.Add(partnership);
        Agency Agency(string name, AgencyType type, bool active = true) =>
            new() { Id = Guid.NewGuid(), PartnershipId = partnershipId, Name = name, Type = type, IsActive = active };
        var police = Agency("Midshire Police", AgencyType.Police);
        var trust = Agency("Midshire Children's Trust", AgencyType.ChildrensTrust);
        var health = Agency("Midshire Community Health", AgencyType.Health);
        var closed = Agency("Closed Housing Trust", AgencyType.Housing, active: false);
        db.Agencies.AddRange(police, trust, health, closed);
        (policeId, trustId, healthId, closedId) = (police.Id, trust.Id, health.Id, closed.Id);
        var child = new Person { Id = Guid.NewGuid(), PartnershipId = partnershipId, GivenName = "Kai", FamilyName = "Protected", DateOfBirth = new DateOnly(2018, 4, 1), IsChild = true };
        childId = child.Id;
        db.People.Add(child);
        db.Record(new SetUp(partnershipId), ProcessContext.System(Now));
        await db.SaveChangesAsync();
        var user = new User { Id = Guid.NewGuid(), DisplayName = "Sam Social", UserName = "sam", Email = "sam@example.test", PartnershipId = partnershipId, AgencyId = trust.Id };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        userId = user.Id;
        episodeId = await EpisodeAsync(db, childId, Referral);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<Guid> EpisodeAsync(SafeguardingDbContext db, Guid personId, DateOnly referral, DateOnly? closed = null)
    {
        var episode = new CinEpisode
        {
            Id = Guid.NewGuid(),
            PartnershipId = partnershipId,
            PersonId = personId,
            ReferralDate = referral,
            ReferralSource = "6",
            PrimaryNeed = "N1",
            ClosureDate = closed,
            ClosureReason = closed is null ? null : "RC7",
            RecordedAt = Now,
        };
        db.CinEpisodes.Add(episode);
        db.Record(new SetUp(episode.Id), ProcessContext.System(Now));
        await db.SaveChangesAsync();
        return episode.Id;
    }

    private ProcessContext Context() => new(userId, "Sam Social", partnershipId, Now);

    private ClockService Clocks(SafeguardingDbContext db) => new(db, new PartnershipTimescales(time));

    private static long VersionOf<T>(SafeguardingDbContext db, Guid id)
        where T : class, IConcurrencyVersioned =>
        db.Set<T>().AsNoTracking().AsEnumerable().Single(e => (Guid)db.Entry(e).Property("Id").CurrentValue! == id).Version;

    private StrategyDiscussionForm DiscussionForm(DateOnly? heldOn = null, bool? agreed = true, DateOnly? start = null) => new(
        heldOn ?? Discussion,
        [new(policeId, "DS Priya Shah", "Detective sergeant"), new(trustId, "Sam Social", "Social worker"), new(healthId, "Jo Nurse", null), new(null, " ", "")],
        agreed,
        "Bruising seen at school; the child said his stepfather hurt him.",
        "Police to interview; social worker to visit today.",
        start);

    private async Task<ChangeResult<StrategyDiscussionOutcome>> DiscussAsync(StrategyDiscussionForm form, Guid? episode = null, long? version = null)
    {
        await using var db = database.NewContext();
        var id = episode ?? episodeId;
        var current = version ?? (await db.CinEpisodes.AsNoTracking().SingleAsync(e => e.Id == id)).Version;
        return await new StrategyDiscussionRecording(db, Clocks(db), new ChildChronology(db)).RecordAsync(id, current, form, Context());
    }

    private async Task<ChangeResult<Section47Enquiry>> OutcomeAsync(Guid enquiryId, Section47Outcome? outcome, DateOnly? date, long? version = null)
    {
        await using var db = database.NewContext();
        var current = version ?? (await db.Section47Enquiries.AsNoTracking().SingleAsync(e => e.Id == enquiryId)).Version;
        return await new Section47OutcomeRecording(db, Clocks(db), new ChildChronology(db)).RecordAsync(enquiryId, current, new Section47OutcomeForm(outcome, date), Context());
    }

    private List<ConferenceAttendanceForm> Attendance() =>
        [new(policeId, true, true, true), new(trustId, true, true, true), new(healthId, true, false, true), new(null, false, false, false)];

    private ConferenceForm Initial(DateOnly? heldOn = null, ConferenceDecision? decision = ConferenceDecision.PlanStarted, string? category = "NEG", string? reasonLate = null) =>
        new(heldOn ?? Icpc, "Mei Chen", Attendance(), decision, category, reasonLate);

    private async Task<ChangeResult<InitialConferenceOutcome>> InitialAsync(Guid enquiryId, ConferenceForm form, long? version = null)
    {
        await using var db = database.NewContext();
        var current = version ?? (await db.Section47Enquiries.AsNoTracking().SingleAsync(e => e.Id == enquiryId)).Version;
        return await new InitialConferenceRecording(db, Clocks(db), new ChildChronology(db)).RecordAsync(enquiryId, current, form, Context());
    }

    private async Task<ChangeResult<ChildProtectionConference>> ReviewAsync(Guid planId, ConferenceForm form, long? version = null)
    {
        await using var db = database.NewContext();
        var current = version ?? (await db.ChildProtectionPlans.AsNoTracking().SingleAsync(p => p.Id == planId)).Version;
        return await new ReviewConferenceRecording(db, Clocks(db), new ChildChronology(db), new PartnershipTimescales(time)).RecordAsync(planId, current, form, Context());
    }

    private ConferenceForm Review(DateOnly heldOn, ConferenceDecision? decision = ConferenceDecision.PlanContinues, string? category = "EMO", string? reasonLate = null) =>
        new(heldOn, "Mei Chen", Attendance(), decision, category, reasonLate);

    private async Task<ChangeResult<CoreGroupMeeting>> CoreGroupAsync(Guid planId, DateOnly? heldOn, string? reasonLate = null, long? version = null)
    {
        await using var db = database.NewContext();
        var current = version ?? (await db.ChildProtectionPlans.AsNoTracking().SingleAsync(p => p.Id == planId)).Version;
        return await new CoreGroupRecording(db, Clocks(db), new ChildChronology(db)).RecordAsync(planId, current, new CoreGroupForm(heldOn, "Safety plan agreed.", reasonLate), Context());
    }

    private async Task<Guid> EnquiryAsync(Section47Outcome? outcome = Section47Outcome.ConferenceRequired)
    {
        var discussed = await DiscussAsync(DiscussionForm());
        Assert.True(discussed.Succeeded, string.Join("; ", discussed.Errors.Values));
        var enquiryId = discussed.Value!.Enquiry!.Id;
        if (outcome is not null)
        {
            var result = await OutcomeAsync(enquiryId, outcome, Outcome);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        }

        return enquiryId;
    }

    private async Task<ChildProtectionPlan> PlanAsync()
    {
        var result = await InitialAsync(await EnquiryAsync(), Initial());
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        return result.Value!.Plan!;
    }

    private async Task<List<Clock>> ClocksOfAsync(Guid subjectId)
    {
        await using var db = database.NewContext();
        return await db.Clocks.AsNoTracking().Where(c => c.SubjectId == subjectId).OrderBy(c => c.StartedAt).ThenBy(c => c.RuleId).ToListAsync();
    }

    private async Task<List<string>> EventTypesAsync()
    {
        await using var db = database.NewContext();
        return await db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).Select(e => e.EventType).ToListAsync();
    }

    private static void Succeeded<T>(ChangeResult<T> result) => Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {e.Value}")));

    // Strategy discussions

    [Fact]
    public async Task AgreeingASection47_OpensTheEnquiry_WithCw5FifteenWorkingDaysOn_AndCw4TheSameDay()
    {
        var result = await DiscussAsync(DiscussionForm());

        Succeeded(result);
        await using var db = database.NewContext();
        var discussion = await db.StrategyDiscussions.Include(s => s.Attendees).SingleAsync();
        Assert.Equal(Discussion, discussion.HeldOn);
        Assert.Equal(new[] { healthId, policeId, trustId }.Order(), discussion.Attendees.Select(a => a.AgencyId).Order());
        Assert.Equal("Detective sergeant", discussion.Attendees.Single(a => a.AgencyId == policeId).Role);
        var enquiry = await db.Section47Enquiries.SingleAsync();
        Assert.Equal(discussion.Id, enquiry.StrategyDiscussionId);
        Assert.Equal(Discussion, enquiry.StartDate);
        Assert.Equal(new DateOnly(2026, 3, 25), enquiry.InitialConferenceTarget); // Wed 4 March + 15 working days
        var clocks = await ClocksOfAsync(enquiry.Id);
        var cw5 = clocks.Single(c => c.RuleId == "CW-5");
        Assert.Equal(LondonTime.StartOfDay(Discussion), cw5.StartedAt);
        Assert.Equal(new DateOnly(2026, 3, 25), LondonTime.DateOf(cw5.DueAt));
        Assert.Equal(Discussion, LondonTime.DateOf(clocks.Single(c => c.RuleId == "CW-4").DueAt));
        Assert.All(clocks, c => Assert.Null(c.StoppedAt));
        var entry = await db.ChronologyEntries.SingleAsync(e => e.PersonId == childId);
        Assert.Equal(ChronologyEntryType.StrategyDiscussion, entry.Type);
        Assert.Equal(Discussion, entry.OccurredOn);
        Assert.True(entry.IsSignificant);
        Assert.Contains(nameof(StrategyDiscussionRecorded), await EventTypesAsync());
    }

    [Fact]
    public async Task ADiscussionThatAgreesNoEnquiry_IsRecorded_WithoutAnEnquiryOrClocks()
    {
        var result = await DiscussAsync(DiscussionForm(agreed: false));

        Succeeded(result);
        Assert.Null(result.Value!.Enquiry);
        await using var db = database.NewContext();
        Assert.Empty(await db.Section47Enquiries.ToListAsync());
        Assert.Empty(await db.Clocks.ToListAsync());
        Assert.False((await db.StrategyDiscussions.SingleAsync()).Section47Agreed);
    }

    [Fact]
    public async Task TheEnquiry_StartsOnTheDateGiven_ButNeverBeforeTheDiscussion()
    {
        var before = await DiscussAsync(DiscussionForm(start: Discussion.AddDays(-1)));
        Assert.Equal(["Section47StartDate"], before.Errors.Keys);

        var later = await DiscussAsync(DiscussionForm(start: Discussion.AddDays(1)));
        Succeeded(later);
        Assert.Equal(Discussion.AddDays(1), later.Value!.Enquiry!.StartDate);
        Assert.Equal(new DateOnly(2026, 3, 25), later.Value.Enquiry.InitialConferenceTarget); // CW-5 still runs from the discussion
    }

    [Fact]
    public async Task MissingAnswers_AreEachRefused_AndNothingIsSaved()
    {
        var result = await DiscussAsync(new StrategyDiscussionForm(null, [], null, "  ", null, null));

        Assert.Equal(["Attendees", "HeldOn", "Rationale", "Section47Agreed"], result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Enter the date of the strategy discussion", result.Errors["HeldOn"]);
        Assert.Equal("Enter the rationale for the decision", result.Errors["Rationale"]);
        await using var db = database.NewContext();
        Assert.Empty(await db.StrategyDiscussions.ToListAsync());
    }

    [Fact]
    public async Task TheDate_CannotBeInTheFuture_NorBeforeTheReferral()
    {
        var future = await DiscussAsync(DiscussionForm(heldOn: LondonTime.DateOf(Now).AddDays(1)));
        Assert.Equal("The date of the strategy discussion must be today or in the past", future.Errors["HeldOn"]);

        var early = await DiscussAsync(DiscussionForm(heldOn: Referral.AddDays(-1)));
        Assert.Equal("The date of the strategy discussion must be on or after the referral date, 2 March 2026", early.Errors["HeldOn"]);

        Succeeded(await DiscussAsync(DiscussionForm(heldOn: Referral)));
    }

    [Fact]
    public async Task Attendees_NeedTwoAgencies_ThePoliceAndChildrensSocialCare_EachWithAName()
    {
        var oneAgency = DiscussionForm() with { Attendees = [new(policeId, "DS Priya Shah", null), new(policeId, "PC Lee", null)] };
        Assert.Contains("at least two agencies", (await DiscussAsync(oneAgency)).Errors["Attendees"], StringComparison.Ordinal);

        var noPolice = DiscussionForm() with { Attendees = [new(trustId, "Sam Social", null), new(healthId, "Jo Nurse", null)] };
        Assert.Contains("police", (await DiscussAsync(noPolice)).Errors["Attendees"], StringComparison.Ordinal);

        var noSocialCare = DiscussionForm() with { Attendees = [new(policeId, "DS Priya Shah", null), new(healthId, "Jo Nurse", null)] };
        Assert.Contains("children's social care", (await DiscussAsync(noSocialCare)).Errors["Attendees"], StringComparison.Ordinal);

        var incomplete = DiscussionForm() with { Attendees = [new(policeId, "", null), new(closedId, "Jo", null), new(trustId, "Sam", null)] };
        var refused = await DiscussAsync(incomplete);
        Assert.Equal(["Attendees[0].Name", "Attendees[1].AgencyId"], refused.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AClosedEpisode_TakesNoStrategyDiscussion()
    {
        await using (var db = database.NewContext())
        {
            var closed = await EpisodeAsync(db, childId, new DateOnly(2025, 1, 6), closed: new DateOnly(2025, 6, 1));
            var result = await DiscussAsync(DiscussionForm(heldOn: new DateOnly(2025, 2, 3)), closed);
            Assert.Contains("closed", result.Errors[""], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AStaleEpisodeVersion_IsRefused_SoTheSameDiscussionIsNotRecordedTwice()
    {
        Succeeded(await DiscussAsync(DiscussionForm(), version: 0));

        var second = await DiscussAsync(DiscussionForm(), version: 0);

        Assert.Equal(ChildProtection.ChangedElsewhereMessage, second.Errors[ChildProtection.ChangedElsewhere]);
        await using var db = database.NewContext();
        Assert.Single(await db.StrategyDiscussions.ToListAsync());
        Assert.Single(await db.Section47Enquiries.ToListAsync());
    }

    // Section 47 outcomes

    [Fact]
    public async Task ConferenceRequired_KeepsCw5Running()
    {
        var enquiryId = await EnquiryAsync(outcome: null);

        Succeeded(await OutcomeAsync(enquiryId, Section47Outcome.ConferenceRequired, Outcome));

        await using var db = database.NewContext();
        var enquiry = await db.Section47Enquiries.SingleAsync();
        Assert.Equal(Section47Outcome.ConferenceRequired, enquiry.Outcome);
        Assert.Equal(Outcome, enquiry.OutcomeDate);
        Assert.False(enquiry.ConferenceNotRequired);
        var cw5 = (await ClocksOfAsync(enquiryId)).Single(c => c.RuleId == "CW-5");
        Assert.False(cw5.NotRequired);
        Assert.Null(cw5.StoppedAt);
        Assert.Contains(await db.ChronologyEntries.Select(e => e.Type).ToListAsync(), t => t == ChronologyEntryType.Section47Enquiry);
    }

    [Theory]
    [InlineData(Section47Outcome.SubstantiatedNoConference)]
    [InlineData(Section47Outcome.NotSubstantiated)]
    public async Task AnOutcomeWithoutAConference_SetsIcpcNotRequired_AndMarksCw5NotRequired(Section47Outcome outcome)
    {
        var enquiryId = await EnquiryAsync(outcome: null);

        Succeeded(await OutcomeAsync(enquiryId, outcome, Outcome));

        await using var db = database.NewContext();
        Assert.True((await db.Section47Enquiries.SingleAsync()).ConferenceNotRequired);
        var clocks = await ClocksOfAsync(enquiryId);
        Assert.True(clocks.Single(c => c.RuleId == "CW-5").NotRequired);
        Assert.False(clocks.Single(c => c.RuleId == "CW-4").NotRequired);
        Assert.Contains(nameof(ClockMarkedNotRequired), await EventTypesAsync());
    }

    [Fact]
    public async Task TheOutcome_NeedsAnOutcomeAndADateOnOrAfterTheStart_AndIsRecordedOnce()
    {
        var enquiryId = await EnquiryAsync(outcome: null);

        Assert.Equal(["Outcome", "OutcomeDate"], (await OutcomeAsync(enquiryId, null, null)).Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("The date of the outcome must be on or after the enquiry started, 4 March 2026",
            (await OutcomeAsync(enquiryId, Section47Outcome.NotSubstantiated, Discussion.AddDays(-1))).Errors["OutcomeDate"]);
        Succeeded(await OutcomeAsync(enquiryId, Section47Outcome.NotSubstantiated, Discussion));
        Assert.Contains("already been recorded", (await OutcomeAsync(enquiryId, Section47Outcome.ConferenceRequired, Outcome)).Errors[""], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStaleEnquiryVersion_IsRefused()
    {
        var enquiryId = await EnquiryAsync(outcome: null);

        var result = await OutcomeAsync(enquiryId, Section47Outcome.NotSubstantiated, Outcome, version: 7);

        Assert.Equal(ChildProtection.ChangedElsewhereMessage, result.Errors[ChildProtection.ChangedElsewhere]);
        await using var db = database.NewContext();
        Assert.Null((await db.Section47Enquiries.SingleAsync()).Outcome);
    }

    // Initial conferences

    [Fact]
    public async Task APlanStartedAtTheIcpc_StopsCw5_StartsThePlan_AndCw6AndCw7()
    {
        var enquiryId = await EnquiryAsync();

        var result = await InitialAsync(enquiryId, Initial());

        Succeeded(result);
        await using var db = database.NewContext();
        var conference = await db.ChildProtectionConferences.Include(c => c.Attendance).SingleAsync();
        Assert.Equal(ConferenceKind.Initial, conference.Kind);
        Assert.Equal(3, conference.Attendance.Count);
        Assert.False(conference.Attendance.Single(a => a.AgencyId == healthId).Attended);
        Assert.Equal(conference.Id, (await db.Section47Enquiries.SingleAsync()).InitialConferenceId);
        var plan = await db.ChildProtectionPlans.SingleAsync();
        Assert.Equal((Icpc, "NEG", "NEG", 0, false, conference.Id), (plan.StartDate, plan.InitialCategory, plan.LatestCategory, plan.PreviousPlans, plan.IsRepeatWithinTwoYears, plan.InitialConferenceId));
        var cw5 = (await ClocksOfAsync(enquiryId)).Single(c => c.RuleId == "CW-5");
        Assert.Equal(LondonTime.StartOfDay(Icpc), cw5.StoppedAt);
        Assert.False(cw5.IsMetLate);
        var planClocks = await ClocksOfAsync(plan.Id);
        Assert.Equal(new DateOnly(2026, 4, 7), LondonTime.DateOf(planClocks.Single(c => c.RuleId == "CW-6").DueAt)); // 10 working days, over Easter
        Assert.Equal(new DateOnly(2026, 6, 20), LondonTime.DateOf(planClocks.Single(c => c.RuleId == "CW-7").DueAt)); // 3 months
        Assert.Equal(2, await db.ChronologyEntries.CountAsync(e => e.Type == ChronologyEntryType.Conference || e.Type == ChronologyEntryType.StrategyDiscussion));
        var events = await EventTypesAsync();
        Assert.Contains(nameof(InitialConferenceRecorded), events);
        Assert.Contains(nameof(ChildProtectionPlanStarted), events);
    }

    [Fact]
    public async Task NoPlan_StopsCw5_WithoutAPlanOrItsClocks_AndKeepsNoCategory()
    {
        var enquiryId = await EnquiryAsync();

        var result = await InitialAsync(enquiryId, Initial(decision: ConferenceDecision.NoPlan, category: "NEG"));

        Succeeded(result);
        Assert.Null(result.Value!.Plan);
        Assert.Null(result.Value.Conference.CategoryOfAbuse);
        await using var db = database.NewContext();
        Assert.Empty(await db.ChildProtectionPlans.ToListAsync());
        Assert.NotNull((await ClocksOfAsync(enquiryId)).Single(c => c.RuleId == "CW-5").StoppedAt);
        Assert.DoesNotContain(await db.Clocks.Select(c => c.RuleId).ToListAsync(), r => r is "CW-6" or "CW-7");
    }

    [Fact]
    public async Task ALateConference_NeedsAReason_KeptOnTheConferenceAndTheClock()
    {
        var enquiryId = await EnquiryAsync();
        var late = new DateOnly(2026, 3, 26);

        var refused = await InitialAsync(enquiryId, Initial(heldOn: late));
        Assert.Equal("Enter why the conference was held after its target date, 25 March 2026", refused.Errors["ReasonLate"]);
        Assert.Empty(refused.Errors.Keys.Except(["ReasonLate"]));

        Succeeded(await InitialAsync(enquiryId, Initial(heldOn: late, reasonLate: "The family asked to move it to attend with an advocate.")));
        var cw5 = (await ClocksOfAsync(enquiryId)).Single(c => c.RuleId == "CW-5");
        Assert.True(cw5.IsMetLate);
        Assert.Equal("The family asked to move it to attend with an advocate.", cw5.ReasonForLateness);
        await using var db = database.NewContext();
        Assert.Equal(cw5.ReasonForLateness, (await db.ChildProtectionConferences.SingleAsync()).ReasonLate);
    }

    [Fact]
    public async Task ANonLateConference_NeedsNoReason_AndTheTargetDayItselfIsOnTime()
    {
        var enquiryId = await EnquiryAsync();

        Succeeded(await InitialAsync(enquiryId, Initial(heldOn: new DateOnly(2026, 3, 25))));

        Assert.False((await ClocksOfAsync(enquiryId)).Single(c => c.RuleId == "CW-5").IsMetLate);
    }

    [Fact]
    public async Task AnIcpc_CannotPrecedeItsStrategyDiscussion_NorBeInTheFuture()
    {
        var enquiryId = await EnquiryAsync();

        Assert.Equal("The conference cannot be before the strategy discussion that started the enquiry, on 4 March 2026",
            (await InitialAsync(enquiryId, Initial(heldOn: Discussion.AddDays(-1)))).Errors["HeldOn"]);
        Assert.Equal("The date of the conference must be today or in the past",
            (await InitialAsync(enquiryId, Initial(heldOn: LondonTime.DateOf(Now).AddDays(1)))).Errors["HeldOn"]);
        Succeeded(await InitialAsync(enquiryId, Initial(heldOn: Discussion)));
    }

    [Fact]
    public async Task MissingConferenceAnswers_AreEachRefused()
    {
        var enquiryId = await EnquiryAsync();

        var noDecision = await InitialAsync(enquiryId, new ConferenceForm(null, " ", [], null, null, null));
        Assert.Equal(["Attendance", "Chair", "Decision", "HeldOn"], noDecision.Errors.Keys.Order(StringComparer.Ordinal));

        var noCategory = await InitialAsync(enquiryId, Initial(category: null));
        Assert.Equal("Select the category of abuse", noCategory.Errors["CategoryOfAbuse"]);
        Assert.Equal("Select the category of abuse", (await InitialAsync(enquiryId, Initial(category: "XYZ"))).Errors["CategoryOfAbuse"]);
        var review = await InitialAsync(enquiryId, Initial(decision: ConferenceDecision.PlanContinues));
        Assert.True(review.Errors.ContainsKey("Decision"));
    }

    [Fact]
    public async Task Attendance_NeedsTwoAgenciesInvited_EachOnce_WithWhatTheyDid()
    {
        var enquiryId = await EnquiryAsync();
        ConferenceForm With(params ConferenceAttendanceForm[] rows) => Initial() with { Attendance = rows };

        Assert.Equal("Record at least two agencies invited to the conference",
            (await InitialAsync(enquiryId, With(new(policeId, true, true, false), new(trustId, false, false, true)))).Errors["Attendance"]);
        Assert.Contains("repeats an agency", (await InitialAsync(enquiryId, With(new(policeId, true, true, false), new(policeId, true, false, false)))).Errors["Attendance[1].AgencyId"], StringComparison.Ordinal);
        Assert.True((await InitialAsync(enquiryId, With(new(policeId, true, true, false), new(trustId, false, false, false)))).Errors.ContainsKey("Attendance[1].Involvement"));
        Assert.True((await InitialAsync(enquiryId, With(new(policeId, true, true, false), new(closedId, true, false, false)))).Errors.ContainsKey("Attendance[1].AgencyId"));
    }

    [Fact]
    public async Task AConference_NeedsAnEnquiryThatCalledOne_AndIsRecordedOnce()
    {
        var notSubstantiated = await EnquiryAsync(Section47Outcome.NotSubstantiated);
        Assert.Contains("conference is required", (await InitialAsync(notSubstantiated, Initial())).Errors[""], StringComparison.Ordinal);

        await using (var db = database.NewContext())
        {
            episodeId = await EpisodeAsync(db, childId, Referral);
        }

        var enquiryId = await EnquiryAsync();
        Succeeded(await InitialAsync(enquiryId, Initial(decision: ConferenceDecision.NoPlan)));
        Assert.Contains("already been recorded", (await InitialAsync(enquiryId, Initial())).Errors[""], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStaleEnquiry_RefusesTheConference_AndSavesNothing()
    {
        var enquiryId = await EnquiryAsync();

        var result = await InitialAsync(enquiryId, Initial(), version: 0);

        Assert.Equal(ChildProtection.ChangedElsewhereMessage, result.Errors[ChildProtection.ChangedElsewhere]);
        await using var db = database.NewContext();
        Assert.Empty(await db.ChildProtectionConferences.ToListAsync());
        Assert.Empty(await db.ChildProtectionPlans.ToListAsync());
    }

    [Fact]
    public async Task CheckingAnswers_SavesNothing()
    {
        var enquiryId = await EnquiryAsync();
        await using var db = database.NewContext();
        var version = (await db.Section47Enquiries.AsNoTracking().SingleAsync()).Version;

        var errors = await new InitialConferenceRecording(db, Clocks(db), new ChildChronology(db)).CheckAsync(enquiryId, version, Initial(), Context());

        Assert.Empty(errors);
        Assert.Empty(await db.ChildProtectionConferences.ToListAsync());
        Assert.Null((await ClocksOfAsync(enquiryId)).Single(c => c.RuleId == "CW-5").StoppedAt);
    }

    [Theory]
    [InlineData("2024-03-20", true)] // a plan on a merged record ended exactly two years before
    [InlineData("2024-03-19", false)] // a day earlier: counted, but not a repeat
    public async Task ANewPlan_CountsEarlierPlans_AcrossMergedRecords_AndFlagsARepeatWithinTwoYears(string ended, bool repeat)
    {
        await EarlierPlanOnAMergedRecordAsync(new DateOnly(2023, 5, 1), DateOnly.Parse(ended, System.Globalization.CultureInfo.InvariantCulture));

        var plan = await PlanAsync();

        Assert.Equal(1, plan.PreviousPlans);
        Assert.Equal(repeat, plan.IsRepeatWithinTwoYears);
        await using var db = database.NewContext();
        Assert.Equal(repeat, (await db.ChildProtectionPlans.SingleAsync(p => p.Id == plan.Id)).IsRepeatWithinTwoYears);
    }

    [Fact]
    public async Task AChildAlreadySubjectOfAPlan_CannotStartAnother()
    {
        await PlanAsync();
        await using (var db = database.NewContext())
        {
            episodeId = await EpisodeAsync(db, childId, new DateOnly(2026, 5, 1));
        }

        var discussed = await DiscussAsync(DiscussionForm(heldOn: new DateOnly(2026, 5, 4)));
        var enquiryId = discussed.Value!.Enquiry!.Id;
        Succeeded(await OutcomeAsync(enquiryId, Section47Outcome.ConferenceRequired, new DateOnly(2026, 5, 6)));

        var result = await InitialAsync(enquiryId, Initial(heldOn: new DateOnly(2026, 5, 8)));

        Assert.Contains("already subject of a child protection plan", result.Errors["Decision"], StringComparison.Ordinal);
    }

    /// <summary>A plan the child had on a duplicate record, since merged into theirs.</summary>
    private async Task EarlierPlanOnAMergedRecordAsync(DateOnly start, DateOnly end)
    {
        await using var db = database.NewContext();
        var duplicate = new Person { Id = Guid.NewGuid(), PartnershipId = partnershipId, GivenName = "Kai", FamilyName = "Protected", IsChild = true, MergedIntoId = childId };
        db.People.Add(duplicate);
        db.Record(new SetUp(duplicate.Id), ProcessContext.System(Now));
        await db.SaveChangesAsync();
        var oldEpisode = await EpisodeAsync(db, duplicate.Id, start.AddDays(-30), closed: end);
        var conference = new ChildProtectionConference
        {
            Id = Guid.NewGuid(),
            PartnershipId = partnershipId,
            EpisodeId = oldEpisode,
            PersonId = duplicate.Id,
            Kind = ConferenceKind.Initial,
            HeldOn = start,
            Chair = "Earlier chair",
            Decision = ConferenceDecision.PlanStarted,
            CategoryOfAbuse = "PHY",
        };
        db.ChildProtectionConferences.Add(conference);
        db.ChildProtectionPlans.Add(new ChildProtectionPlan
        {
            Id = Guid.NewGuid(),
            PartnershipId = partnershipId,
            EpisodeId = oldEpisode,
            PersonId = duplicate.Id,
            InitialConferenceId = conference.Id,
            StartDate = start,
            EndDate = end,
            InitialCategory = "PHY",
            LatestCategory = "PHY",
        });
        db.Record(new SetUp(conference.Id), ProcessContext.System(Now));
        await db.SaveChangesAsync();
    }

    // Review conferences

    [Fact]
    public async Task TheFirstReview_StopsCw7_UpdatesTheCategory_AndStartsCw8SixMonthsOn()
    {
        var plan = await PlanAsync();
        var review = new DateOnly(2026, 6, 18);

        Succeeded(await ReviewAsync(plan.Id, Review(review)));

        var clocks = await ClocksOfAsync(plan.Id);
        var cw7 = clocks.Single(c => c.RuleId == "CW-7");
        Assert.Equal(LondonTime.StartOfDay(review), cw7.StoppedAt);
        Assert.False(cw7.IsMetLate);
        var cw8 = clocks.Single(c => c.RuleId == "CW-8");
        Assert.Equal(LondonTime.StartOfDay(review), cw8.StartedAt);
        Assert.Equal(new DateOnly(2026, 12, 18), LondonTime.DateOf(cw8.DueAt));
        Assert.Null(cw8.StoppedAt);
        await using var db = database.NewContext();
        var saved = await db.ChildProtectionPlans.SingleAsync();
        Assert.Equal(("NEG", "EMO", (DateOnly?)null), (saved.InitialCategory, saved.LatestCategory, saved.EndDate));
        Assert.Equal(ConferenceKind.Review, (await db.ChildProtectionConferences.SingleAsync(c => c.PlanId == plan.Id)).Kind);
        Assert.Contains(nameof(ReviewConferenceRecorded), await EventTypesAsync());
    }

    [Fact]
    public async Task ALaterReview_StopsCw8_AndStartsTheNextCw8FromItself()
    {
        var plan = await PlanAsync();
        Succeeded(await ReviewAsync(plan.Id, Review(new DateOnly(2026, 6, 18))));

        Succeeded(await ReviewAsync(plan.Id, Review(new DateOnly(2026, 12, 10), category: "NEG")));

        var cw8s = (await ClocksOfAsync(plan.Id)).Where(c => c.RuleId == "CW-8").OrderBy(c => c.StartedAt).ToList();
        Assert.Equal(2, cw8s.Count);
        Assert.Equal(LondonTime.StartOfDay(new DateOnly(2026, 12, 10)), cw8s[0].StoppedAt);
        Assert.Equal(new DateOnly(2027, 6, 10), LondonTime.DateOf(cw8s[1].DueAt));
        Assert.Single(await ClocksOfAsync(plan.Id), c => c.StoppedAt == null && !c.NotRequired && c.RuleId is "CW-7" or "CW-8");
    }

    [Fact]
    public async Task EndingThePlan_SetsItsEndDate_AndLeavesNoClockRunning()
    {
        var plan = await PlanAsync();
        var review = new DateOnly(2026, 6, 18);

        var result = await ReviewAsync(plan.Id, Review(review, ConferenceDecision.PlanEnded, category: "EMO"));

        Succeeded(result);
        Assert.Null(result.Value!.CategoryOfAbuse);
        await using var db = database.NewContext();
        var saved = await db.ChildProtectionPlans.SingleAsync();
        Assert.Equal(review, saved.EndDate);
        Assert.Equal("NEG", saved.LatestCategory);
        var clocks = await ClocksOfAsync(plan.Id);
        Assert.DoesNotContain(clocks, c => c.StoppedAt == null && !c.NotRequired);
        Assert.DoesNotContain(clocks, c => c.RuleId == "CW-8");
        Assert.True(clocks.Single(c => c.RuleId == "CW-6").NotRequired); // no core group was held
        Assert.Contains(nameof(ChildProtectionPlanEnded), await EventTypesAsync());
        Assert.Contains("active plan", (await ReviewAsync(plan.Id, Review(review.AddDays(1)))).Errors[""], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReview_IsNotBeforeThePlanStarted_NorBeforeThePreviousReview()
    {
        var plan = await PlanAsync();

        Assert.Equal("The review conference must be on or after the plan started, 20 March 2026",
            (await ReviewAsync(plan.Id, Review(Icpc.AddDays(-1)))).Errors["HeldOn"]);
        Succeeded(await ReviewAsync(plan.Id, Review(new DateOnly(2026, 6, 18))));
        Assert.Equal("The review conference must be on or after the previous review, 18 June 2026",
            (await ReviewAsync(plan.Id, Review(new DateOnly(2026, 6, 17)))).Errors["HeldOn"]);
    }

    [Fact]
    public async Task AReview_NeedsItsDecision_AndACategoryWhenThePlanContinues()
    {
        var plan = await PlanAsync();

        var empty = await ReviewAsync(plan.Id, new ConferenceForm(null, null, [], null, null, null));
        Assert.Equal(["Attendance", "Chair", "Decision", "HeldOn"], empty.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Select the category of abuse", (await ReviewAsync(plan.Id, Review(new DateOnly(2026, 6, 18), category: null))).Errors["CategoryOfAbuse"]);
        Assert.True((await ReviewAsync(plan.Id, Review(new DateOnly(2026, 6, 18), ConferenceDecision.PlanStarted))).Errors.ContainsKey("Decision"));
    }

    [Fact]
    public async Task ALateReview_NeedsAReason_AndStopsTheClockLate()
    {
        var plan = await PlanAsync();
        var late = new DateOnly(2026, 6, 22);

        Assert.Equal("Enter why the review was held after it was due, 20 June 2026", (await ReviewAsync(plan.Id, Review(late))).Errors["ReasonLate"]);
        Succeeded(await ReviewAsync(plan.Id, Review(late, reasonLate: "Chair unavailable.")));

        var cw7 = (await ClocksOfAsync(plan.Id)).Single(c => c.RuleId == "CW-7");
        Assert.True(cw7.IsMetLate);
        Assert.Equal("Chair unavailable.", cw7.ReasonForLateness);
    }

    [Fact]
    public async Task AStalePlan_RefusesTheReview()
    {
        var plan = await PlanAsync();

        var result = await ReviewAsync(plan.Id, Review(new DateOnly(2026, 6, 18)), version: plan.Version + 5);

        Assert.Equal(ChildProtection.ChangedElsewhereMessage, result.Errors[ChildProtection.ChangedElsewhere]);
        Assert.Null((await ClocksOfAsync(plan.Id)).Single(c => c.RuleId == "CW-7").StoppedAt);
    }

    // Core groups

    [Fact]
    public async Task TheFirstCoreGroup_StopsCw6_AndLaterOnesLeaveTheClocksAlone()
    {
        var plan = await PlanAsync();
        var first = new DateOnly(2026, 4, 7); // the due day itself

        Succeeded(await CoreGroupAsync(plan.Id, first));
        var cw6 = (await ClocksOfAsync(plan.Id)).Single(c => c.RuleId == "CW-6");
        Assert.Equal(LondonTime.StartOfDay(first), cw6.StoppedAt);
        Assert.False(cw6.IsMetLate);

        Succeeded(await CoreGroupAsync(plan.Id, new DateOnly(2026, 5, 5)));
        await using var db = database.NewContext();
        Assert.Equal(2, await db.CoreGroupMeetings.CountAsync(m => m.PlanId == plan.Id));
        Assert.Equal(LondonTime.StartOfDay(first), (await db.Clocks.SingleAsync(c => c.Id == cw6.Id)).StoppedAt);
        Assert.Null((await ClocksOfAsync(plan.Id)).Single(c => c.RuleId == "CW-7").StoppedAt);
        Assert.Equal(2, await db.ChronologyEntries.CountAsync(e => e.Type == ChronologyEntryType.Plan));
        Assert.Contains(nameof(CoreGroupMeetingRecorded), await EventTypesAsync());
    }

    [Fact]
    public async Task ALateFirstCoreGroup_NeedsAReason_KeptOnTheClock()
    {
        var plan = await PlanAsync();
        var late = new DateOnly(2026, 4, 8);

        Assert.Equal("Enter why the first core group was held after it was due, 7 April 2026", (await CoreGroupAsync(plan.Id, late)).Errors["ReasonLate"]);
        Succeeded(await CoreGroupAsync(plan.Id, late, "Police officer on leave."));

        var cw6 = (await ClocksOfAsync(plan.Id)).Single(c => c.RuleId == "CW-6");
        Assert.True(cw6.IsMetLate);
        Assert.Equal("Police officer on leave.", cw6.ReasonForLateness);
    }

    [Fact]
    public async Task ACoreGroup_IsOnOrAfterThePlanStart_ForAnActivePlan_AndStaleVersionsAreRefused()
    {
        var plan = await PlanAsync();

        Assert.Equal("Enter the date of the meeting", (await CoreGroupAsync(plan.Id, null)).Errors["HeldOn"]);
        Assert.Equal("The meeting must be on or after the plan started, 20 March 2026", (await CoreGroupAsync(plan.Id, Icpc.AddDays(-1))).Errors["HeldOn"]);
        Assert.Equal(ChildProtection.ChangedElsewhereMessage, (await CoreGroupAsync(plan.Id, Icpc, version: plan.Version + 1)).Errors[ChildProtection.ChangedElsewhere]);
        Succeeded(await ReviewAsync(plan.Id, Review(new DateOnly(2026, 6, 18), ConferenceDecision.PlanEnded)));
        Assert.Contains("active plan", (await CoreGroupAsync(plan.Id, new DateOnly(2026, 6, 19))).Errors[""], StringComparison.Ordinal);
        await using var db = database.NewContext();
        Assert.Empty(await db.CoreGroupMeetings.ToListAsync());
    }

    private sealed record SetUp(Guid Id) : IDomainEvent
    {
        public string SubjectType => "Test";
        public string SubjectId => Id.ToString();
    }
}
