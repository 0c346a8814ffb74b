using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Children;
using Safeguarding.Core.Chronology;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Core.Tests.Children;
using Safeguarding.Core.Timescales;
using Safeguarding.Tests.Shared;

namespace Safeguarding.Core.Tests.Pathway;

/// <summary>The child in need episode's rules against a real database: referral, assessment, CIN plan, closure, clocks.</summary>
[Trait("Category", "Database")]
public sealed class PathwayEpisodeTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = ChildrenTestData.Monday; // Monday 23 November 2026
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateOnly Referred = new(2026, 11, 2);
    private readonly FakeTimeProvider time = new(Now);
    private TestDatabase database = null!;
    private ChildrenTestData data = null!;
    private Guid socialWorkerId;
    private Person child = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await database.MigrateAsync();
        data = await ChildrenTestData.SeedAsync(database);
        await using var db = database.NewContext();
        var role = new Role { Id = Guid.NewGuid(), Name = Roles.SocialWorker, NormalizedName = Roles.SocialWorker.ToUpperInvariant() };
        db.Roles.Add(role);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = data.WorkerId, RoleId = role.Id });
        db.Record(new RoleGranted(data.WorkerId), ProcessContext.System(Now, "test", data.PartnershipId));
        await db.SaveChangesAsync();
        socialWorkerId = data.WorkerId;
        child = await data.AddChildAsync(db, "Sam", "Jones", new DateOnly(2017, 5, 1));
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private ProcessContext Manager(DateTimeOffset? at = null) => data.As(data.OwnerId, at ?? Now);

    private ReferralRecording Referrals(SafeguardingDbContext db) => new(db, new ClockService(db, new PartnershipTimescales(time)), new ChildChronology(db));

    private AssessmentRecording Assessments(SafeguardingDbContext db) => new(db, new ClockService(db, new PartnershipTimescales(time)), new ChildChronology(db));

    private async Task<CinEpisode> OpenAsync(DateOnly? on = null, Guid? personId = null, string? need = "N1")
    {
        await using var db = database.NewContext();
        var result = await Referrals(db).OpenAsync(new ReferralForm(personId ?? child.Id, on ?? Referred, "1A", need), Manager());
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        return result.Value!;
    }

    private async Task<T> ReadAsync<T>(Func<SafeguardingDbContext, Task<T>> read)
    {
        await using var db = database.NewContext();
        return await read(db);
    }

    private Task<List<Clock>> ClocksAsync(Guid subjectId) => ReadAsync(db => db.Clocks.AsNoTracking().Where(c => c.SubjectId == subjectId).OrderBy(c => c.RuleId).ToListAsync());

    private Task<long> EpisodeVersionAsync(Guid id) => ReadAsync(db => db.CinEpisodes.AsNoTracking().Where(e => e.Id == id).Select(e => e.Version).SingleAsync());

    private Task<long> AssessmentVersionAsync(Guid id) => ReadAsync(db => db.Assessments.AsNoTracking().Where(e => e.Id == id).Select(e => e.Version).SingleAsync());

    private async Task<ChangeResult<Assessment>> StartAssessmentAsync(Guid episodeId, DateOnly? on, Guid? worker = null)
    {
        await using var db = database.NewContext();
        return await Assessments(db).StartAsync(episodeId, await EpisodeVersionAsync(episodeId), on, worker, Manager());
    }

    private async Task<ChangeResult<Assessment>> AllocateAsync(Guid id, Guid? worker, DateOnly? on)
    {
        await using var db = database.NewContext();
        return await Assessments(db).AllocateAsync(id, await AssessmentVersionAsync(id), worker, on, null, Manager());
    }

    private async Task<ChangeResult<Assessment>> VisitAsync(Guid id, DateOnly? on)
    {
        await using var db = database.NewContext();
        return await Assessments(db).RecordVisitAsync(id, await AssessmentVersionAsync(id), on, null, Manager());
    }

    private async Task<ChangeResult<Assessment>> AuthoriseAsync(Guid id, AssessmentAuthorisationForm form)
    {
        await using var db = database.NewContext();
        return await Assessments(db).AuthoriseAsync(id, await AssessmentVersionAsync(id), form, Manager());
    }

    private static AssessmentAuthorisationForm Authorised(DateOnly? on = null) => new(on ?? new DateOnly(2026, 11, 20), ["3A", "16A"], AssessmentOutcome.ChildInNeedPlan, null, null);

    private async Task<ChangeResult<CinPlan>> StartPlanAsync(Guid episodeId, DateOnly? on)
    {
        await using var db = database.NewContext();
        return await new CinPlanRecording(db, new ChildChronology(db)).StartAsync(episodeId, await EpisodeVersionAsync(episodeId), on, Manager());
    }

    private async Task<ChangeResult<CinPlan>> EndPlanAsync(Guid planId, DateOnly? on)
    {
        await using var db = database.NewContext();
        var version = await db.CinPlans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Version).SingleAsync();
        return await new CinPlanRecording(db, new ChildChronology(db)).EndAsync(planId, version, on, Manager());
    }

    private async Task<ChangeResult<CinEpisode>> CloseAsync(Guid episodeId, DateOnly? on, string? reason)
    {
        await using var db = database.NewContext();
        return await new EpisodeClosure(db, new ChildChronology(db)).CloseAsync(episodeId, await EpisodeVersionAsync(episodeId), on, reason, Manager());
    }

    private async Task<Assessment> AuthorisedAssessmentAsync(Guid episodeId)
    {
        var started = await StartAssessmentAsync(episodeId, new DateOnly(2026, 11, 3), socialWorkerId);
        Assert.True(started.Succeeded);
        var done = await AuthoriseAsync(started.Value!.Id, Authorised());
        Assert.True(done.Succeeded, string.Join("; ", done.Errors.Values));
        return done.Value!;
    }

    [Fact]
    public async Task OpeningAReferral_StartsCw1OnTheEpisode_WritesTheChronology_AndIsAudited()
    {
        var episode = await OpenAsync();

        var clock = Assert.Single(await ClocksAsync(episode.Id));
        Assert.Equal(("CW-1", Episodes.SubjectType, Episodes.InstantOf(Referred)), (clock.RuleId, clock.SubjectType, clock.StartedAt));
        Assert.Null(clock.StoppedAt);
        Assert.False(episode.IsReReferral);
        Assert.Equal(("1A", "N1"), (episode.ReferralSource, episode.PrimaryNeed));
        var entry = await ReadAsync(db => db.ChronologyEntries.AsNoTracking().SingleAsync(e => e.PersonId == child.Id));
        Assert.Equal((Referred, Episodes.ChronologySource), (entry.OccurredOn, entry.Source));
        Assert.True(await ReadAsync(db => db.AuditEvents.AnyAsync(a => a.EventType == nameof(CinEpisodeOpened) && a.SubjectId == episode.Id.ToString())));
    }

    [Fact]
    public async Task AReferral_IsRefused_WithoutADate_InTheFuture_BeforeBirth_OrWithUnknownCodes()
    {
        await using var db = database.NewContext();
        var referrals = Referrals(db);
        var missing = await referrals.OpenAsync(new ReferralForm(child.Id, null, null, "N99"), Manager());
        Assert.Equal("Enter the referral date", missing.Errors["ReferralDate"]);
        Assert.Equal("Select the referral source", missing.Errors["ReferralSource"]);
        Assert.Equal("Select the primary need from the list, or leave it to be settled at assessment", missing.Errors["PrimaryNeed"]);
        var future = await referrals.OpenAsync(new ReferralForm(child.Id, Today.AddDays(1), "1A", null), Manager());
        Assert.Equal(["ReferralDate"], future.Errors.Keys);
        Assert.Equal("The referral date must be today or in the past", future.Errors["ReferralDate"]);
        var beforeBirth = await referrals.OpenAsync(new ReferralForm(child.Id, new DateOnly(2017, 4, 30), "1A", null), Manager());
        Assert.Equal("The referral date must be on or after the child's date of birth, 1 May 2017", beforeBirth.Errors["ReferralDate"]);
        var nobody = await referrals.OpenAsync(new ReferralForm(Guid.NewGuid(), Referred, "1A", null), Manager());
        Assert.Equal([""], nobody.Errors.Keys);
        Assert.False(await db.CinEpisodes.AnyAsync());
    }

    [Fact]
    public async Task AChild_HasAtMostOneOpenEpisode_IncludingOnARecordMergedIntoTheirs()
    {
        await OpenAsync(new DateOnly(2026, 3, 3));
        await using var db = database.NewContext();
        var merged = await data.AddChildAsync(db, "Samuel", "Jones", new DateOnly(2017, 5, 1), p => p.MergedIntoId = child.Id);

        var again = await Referrals(db).OpenAsync(new ReferralForm(merged.Id, Referred, "1A", null), Manager());

        Assert.Equal("Sam Jones already has an open child in need episode from 3 March 2026: record this on it, or close it first", again.Errors[""]);
        Assert.Equal(1, await db.CinEpisodes.CountAsync());
    }

    [Fact]
    public async Task AReferralWithin12MonthsOfThePrevious_OnAnyMergedRecord_IsAReReferral_AndOneAfterIsNot()
    {
        await using (var setup = database.NewContext())
        {
            var merged = await data.AddChildAsync(setup, "Samuel", "Jones", new DateOnly(2017, 5, 1), p => p.MergedIntoId = child.Id);
            setup.CinEpisodes.Add(new CinEpisode { Id = Guid.NewGuid(), PartnershipId = data.PartnershipId, PersonId = merged.Id, ReferralDate = new DateOnly(2025, 11, 2), ReferralSource = "1A", ClosureDate = new DateOnly(2025, 12, 1), ClosureReason = "RC8" });
            setup.Record(new CinEpisodeOpened(Guid.Empty, merged.Id, null, new DateOnly(2025, 11, 2), "1A", false), Manager());
            await setup.SaveChangesAsync();
        }

        Assert.True((await OpenAsync(Referred)).IsReReferral);

        var other = await ReadAsync(db => data.AddChildAsync(db, "Ola", "Smith", new DateOnly(2016, 1, 1)));
        await using (var setup = database.NewContext())
        {
            setup.CinEpisodes.Add(new CinEpisode { Id = Guid.NewGuid(), PartnershipId = data.PartnershipId, PersonId = other.Id, ReferralDate = new DateOnly(2025, 11, 1), ReferralSource = "1A", ClosureDate = new DateOnly(2025, 12, 1), ClosureReason = "RC8" });
            setup.Record(new CinEpisodeOpened(Guid.Empty, other.Id, null, new DateOnly(2025, 11, 1), "1A", false), Manager());
            await setup.SaveChangesAsync();
        }

        Assert.False((await OpenAsync(Referred, other.Id)).IsReReferral);
    }

    [Fact]
    public async Task AnAssessment_StartsOnOrAfterTheReferral_OnAnOpenEpisode_OneAtATime()
    {
        var episode = await OpenAsync();
        Assert.Equal("The date the assessment started must be on or after the referral date, 2 November 2026", (await StartAssessmentAsync(episode.Id, Referred.AddDays(-1))).Errors["StartDate"]);
        Assert.Equal("Enter the date the assessment started", (await StartAssessmentAsync(episode.Id, null)).Errors["StartDate"]);
        Assert.Equal("The date the assessment started must be today or in the past", (await StartAssessmentAsync(episode.Id, Today.AddDays(1))).Errors["StartDate"]);
        Assert.Equal("Select a social worker from the list", (await StartAssessmentAsync(episode.Id, Referred, data.AdministratorId)).Errors["SocialWorkerUserId"]);
        Assert.True((await StartAssessmentAsync(episode.Id, Referred)).Succeeded);
        Assert.Equal("This episode already has an assessment in progress: authorise it before starting another", (await StartAssessmentAsync(episode.Id, Referred)).Errors[""]);
    }

    [Fact]
    public async Task AnAssessmentStartedWithoutASocialWorker_StartsCw2_AllocationStopsItAndStartsCw3_TheVisitStopsCw3()
    {
        var episode = await OpenAsync();
        var assessment = (await StartAssessmentAsync(episode.Id, new DateOnly(2026, 11, 3))).Value!;
        var cw2 = Assert.Single(await ClocksAsync(assessment.Id));
        Assert.Equal(("CW-2", Episodes.InstantOf(new DateOnly(2026, 11, 3))), (cw2.RuleId, cw2.StartedAt));

        Assert.Equal("Allocate the assessment to a social worker before recording the visit", (await VisitAsync(assessment.Id, new DateOnly(2026, 11, 5))).Errors[""]);
        Assert.Equal("Select the social worker", (await AllocateAsync(assessment.Id, data.AdministratorId, new DateOnly(2026, 11, 4))).Errors["SocialWorkerUserId"]);
        Assert.Equal("The date it was allocated must be on or after the date the assessment started, 3 November 2026", (await AllocateAsync(assessment.Id, socialWorkerId, Referred)).Errors["AllocatedOn"]);
        Assert.True((await AllocateAsync(assessment.Id, socialWorkerId, new DateOnly(2026, 11, 4))).Succeeded);
        var clocks = await ClocksAsync(assessment.Id);
        Assert.Equal(["CW-2", "CW-3"], clocks.Select(c => c.RuleId));
        Assert.Equal(Episodes.InstantOf(new DateOnly(2026, 11, 4)), clocks[0].StoppedAt);
        Assert.Equal((Episodes.InstantOf(new DateOnly(2026, 11, 4)), (DateTimeOffset?)null, (Guid?)socialWorkerId), (clocks[1].StartedAt, clocks[1].StoppedAt, clocks[1].AssignedUserId));

        Assert.True((await VisitAsync(assessment.Id, new DateOnly(2026, 11, 5))).Succeeded);
        Assert.Equal(Episodes.InstantOf(new DateOnly(2026, 11, 5)), (await ClocksAsync(assessment.Id))[1].StoppedAt);
        Assert.Equal("The first visit has already been recorded, on 5 November 2026", (await VisitAsync(assessment.Id, new DateOnly(2026, 11, 6))).Errors[""]);
    }

    [Fact]
    public async Task AnAssessmentStartedWithASocialWorker_IsAllocatedAtOnce_AndStartsCw3NotCw2()
    {
        var episode = await OpenAsync();
        var assessment = (await StartAssessmentAsync(episode.Id, new DateOnly(2026, 11, 3), socialWorkerId)).Value!;
        Assert.Equal(new DateOnly(2026, 11, 3), assessment.AllocatedOn);
        Assert.Equal(["CW-3"], (await ClocksAsync(assessment.Id)).Select(c => c.RuleId));
    }

    [Fact]
    public async Task Authorisation_NeedsFactorsAnOutcomeAndAPrimaryNeed_AndNoFactorsOnlyAlone()
    {
        var episode = await OpenAsync(need: null);
        var assessment = (await StartAssessmentAsync(episode.Id, new DateOnly(2026, 11, 3), socialWorkerId)).Value!;

        var empty = await AuthoriseAsync(assessment.Id, new(null, [], null, null, null));
        Assert.Equal(["AuthorisationDate", "Factors", "Outcome", "PrimaryNeed"], empty.Errors.Keys.Order());
        Assert.Equal("Select the factors identified at assessment, or 'No factors identified'", empty.Errors["Factors"]);
        Assert.Equal("Select the outcome of the assessment", empty.Errors["Outcome"]);
        Assert.Equal("Select the child's primary need", empty.Errors["PrimaryNeed"]);
        Assert.Equal("'No factors identified' cannot be selected with other factors", (await AuthoriseAsync(assessment.Id, Authorised() with { Factors = ["21", "3A"], PrimaryNeed = "N1" })).Errors["Factors"]);
        Assert.Equal("Select factors from the list", (await AuthoriseAsync(assessment.Id, Authorised() with { Factors = ["99Z"], PrimaryNeed = "N1" })).Errors["Factors"]);
        Assert.Equal("The date the assessment was authorised must be on or after the date it started, 3 November 2026",
            (await AuthoriseAsync(assessment.Id, Authorised(Referred) with { PrimaryNeed = "N1" })).Errors["AuthorisationDate"]);
        Assert.True((await AuthoriseAsync(assessment.Id, Authorised() with { Factors = ["21"], Outcome = AssessmentOutcome.NoFurtherAction, PrimaryNeed = "N8" })).Succeeded);
    }

    [Fact]
    public async Task Authorisation_StopsCw1_SettlesThePrimaryNeed_AndEndsCw2OrCw3StillRunning()
    {
        var episode = await OpenAsync(need: null);
        var assessment = (await StartAssessmentAsync(episode.Id, new DateOnly(2026, 11, 3))).Value!;

        var done = await AuthoriseAsync(assessment.Id, Authorised() with { Factors = ["16A", "3A"], PrimaryNeed = "N2" });

        Assert.True(done.Succeeded);
        Assert.Equal("3A 16A", done.Value!.Factors);
        Assert.Equal(Episodes.InstantOf(new DateOnly(2026, 11, 20)), Assert.Single(await ClocksAsync(episode.Id)).StoppedAt);
        Assert.True(Assert.Single(await ClocksAsync(assessment.Id)).NotRequired);
        Assert.Equal("N2", await ReadAsync(db => db.CinEpisodes.Where(e => e.Id == episode.Id).Select(e => e.PrimaryNeed).SingleAsync()));
        Assert.Equal("This assessment has already been authorised", (await AuthoriseAsync(assessment.Id, Authorised())).Errors[""]);
    }

    [Fact]
    public async Task Authorisation_AfterCw1IsDue_NeedsAReasonForLateness()
    {
        var episode = await OpenAsync(new DateOnly(2026, 1, 5));
        var assessment = (await StartAssessmentAsync(episode.Id, new DateOnly(2026, 1, 6), socialWorkerId)).Value!;

        var late = await AuthoriseAsync(assessment.Id, Authorised(new DateOnly(2026, 11, 20)));
        Assert.Equal(["ReasonForLateness"], late.Errors.Keys);
        Assert.True((await AuthoriseAsync(assessment.Id, Authorised(new DateOnly(2026, 11, 20)) with { ReasonForLateness = "Family moved away" })).Succeeded);
        Assert.True(Assert.Single(await ClocksAsync(episode.Id)).IsMetLate);
    }

    [Fact]
    public async Task ACinPlan_StartsOnOrAfterTheReferral_OneAtATime_AndEndsOnOrAfterItsStart()
    {
        var episode = await OpenAsync();
        Assert.Equal("The date the plan started must be on or after the referral date, 2 November 2026", (await StartPlanAsync(episode.Id, Referred.AddDays(-1))).Errors["StartDate"]);
        var plan = await StartPlanAsync(episode.Id, new DateOnly(2026, 11, 10));
        Assert.True(plan.Succeeded);
        Assert.Equal("This episode already has a child in need plan in place: end it before starting another", (await StartPlanAsync(episode.Id, new DateOnly(2026, 11, 10))).Errors[""]);
        Assert.Equal("The date the plan ended must be on or after the date it started, 10 November 2026", (await EndPlanAsync(plan.Value!.Id, new DateOnly(2026, 11, 9))).Errors["EndDate"]);
        Assert.Equal("Enter the date the plan ended", (await EndPlanAsync(plan.Value!.Id, null)).Errors["EndDate"]);
        Assert.True((await EndPlanAsync(plan.Value!.Id, new DateOnly(2026, 11, 20))).Succeeded);
        Assert.Equal("This plan has already ended, on 20 November 2026", (await EndPlanAsync(plan.Value!.Id, new DateOnly(2026, 11, 21))).Errors[""]);
        Assert.True((await StartPlanAsync(episode.Id, new DateOnly(2026, 11, 21))).Succeeded);
    }

    [Fact]
    public async Task Closing_IsRefusedWhileAnAssessmentIsOpen_OrAPlanIsActive()
    {
        var episode = await OpenAsync();
        var assessment = (await StartAssessmentAsync(episode.Id, new DateOnly(2026, 11, 3), socialWorkerId)).Value!;
        Assert.Equal("An assessment is still in progress: authorise it before closing the episode", (await CloseAsync(episode.Id, Today, "RC7")).Errors[""]);
        Assert.True((await AuthoriseAsync(assessment.Id, Authorised())).Succeeded);
        var plan = (await StartPlanAsync(episode.Id, new DateOnly(2026, 11, 20))).Value!;
        Assert.Equal("The child in need plan is still in place: end it before closing the episode", (await CloseAsync(episode.Id, Today, "RC7")).Errors[""]);
        Assert.True((await EndPlanAsync(plan.Id, new DateOnly(2026, 11, 21))).Succeeded);

        await using (var setup = database.NewContext())
        {
            var conference = new ChildProtectionConference { Id = Guid.NewGuid(), PartnershipId = data.PartnershipId, EpisodeId = episode.Id, PersonId = child.Id, HeldOn = new DateOnly(2026, 11, 20), Chair = "Chair", Decision = ConferenceDecision.PlanStarted };
            setup.ChildProtectionConferences.Add(conference);
            setup.ChildProtectionPlans.Add(new ChildProtectionPlan { Id = Guid.NewGuid(), PartnershipId = data.PartnershipId, EpisodeId = episode.Id, PersonId = child.Id, InitialConferenceId = conference.Id, StartDate = new DateOnly(2026, 11, 20), InitialCategory = "NEG", LatestCategory = "NEG" });
            setup.Record(new CinPlanStarted(Guid.Empty, episode.Id, Today), Manager());
            await setup.SaveChangesAsync();
        }

        Assert.Equal("The child protection plan is still in place: it ends at a review conference before the episode can close", (await CloseAsync(episode.Id, Today, "RC7")).Errors[""]);
    }

    [Fact]
    public async Task Closing_NeedsADateOnOrAfterEveryEvent_AndAReason_AndRc8NeedsACompletedAssessment()
    {
        var episode = await OpenAsync();
        var empty = await CloseAsync(episode.Id, null, null);
        Assert.Equal("Enter the date the episode closed", empty.Errors["ClosureDate"]);
        Assert.Equal("Select the reason for closure", empty.Errors["ClosureReason"]);
        Assert.Equal("The date the episode closed must be on or after the referral date, 2 November 2026", (await CloseAsync(episode.Id, Referred.AddDays(-1), "RC7")).Errors["ClosureDate"]);
        Assert.Equal("'Case closed after assessment' needs an authorised assessment in this episode: choose another reason", (await CloseAsync(episode.Id, Today, "RC8")).Errors["ClosureReason"]);
        Assert.Equal("'Case closed after assessment' needs an authorised assessment in this episode: choose another reason", (await CloseAsync(episode.Id, Today, "RC9")).Errors["ClosureReason"]);

        await AuthorisedAssessmentAsync(episode.Id);
        Assert.Equal("The date the episode closed must be on or after the assessment's authorisation, 20 November 2026", (await CloseAsync(episode.Id, new DateOnly(2026, 11, 19), "RC8")).Errors["ClosureDate"]);
        var closed = await CloseAsync(episode.Id, new DateOnly(2026, 11, 20), "RC8");
        Assert.True(closed.Succeeded);
        Assert.False(closed.Value!.NoFurtherAction);
        Assert.Equal("This episode was already closed on 20 November 2026", (await CloseAsync(episode.Id, Today, "RC8")).Errors[""]);
        Assert.True(await ReadAsync(db => db.AuditEvents.AnyAsync(a => a.EventType == nameof(CinEpisodeClosed) && a.SubjectId == episode.Id.ToString())));
    }

    [Fact]
    public async Task AReferralClosedWithNothingElseRecorded_IsNoFurtherAction_AndANewReferralCanThenOpen()
    {
        var episode = await OpenAsync();
        var closed = await CloseAsync(episode.Id, Referred, "RC7");
        Assert.True(closed.Succeeded);
        Assert.True(closed.Value!.NoFurtherAction);
        Assert.True((await OpenAsync(Today)).IsReReferral);
    }

    [Fact]
    public async Task AChangeFromAStalePage_IsRefusedAsAConcurrentChange()
    {
        var episode = await OpenAsync();
        var stale = await EpisodeVersionAsync(episode.Id);
        Assert.True((await StartPlanAsync(episode.Id, Today)).Succeeded);

        await using var db = database.NewContext();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => new AssessmentRecording(db, new ClockService(db, new PartnershipTimescales(time)), new ChildChronology(db))
            .StartAsync(episode.Id, stale, Today, null, Manager()));
        await using var db2 = database.NewContext();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => new EpisodeClosure(db2, new ChildChronology(db2)).CloseAsync(episode.Id, stale, Today, "RC7", Manager()));
    }

    private sealed record RoleGranted(Guid UserId) : IDomainEvent
    {
        public string SubjectType => "User";

        public string SubjectId => UserId.ToString();
    }
}
