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

/// <summary>The reason for a new episode follows from what changed and whether the carer did.</summary>
public sealed class LookedAfterReasonNewEpisodeTests
{
    [Theory]
    [InlineData(CareChange.LegalStatus, false, "L")]
    [InlineData(CareChange.LegalStatus, true, "L")]
    [InlineData(CareChange.Placement, true, "P")]
    [InlineData(CareChange.Placement, false, "B")]
    [InlineData(CareChange.Both, true, "T")]
    [InlineData(CareChange.Both, false, "U")]
    public void TheCode_IsDerived(CareChange what, bool carerChanged, string expected) =>
        Assert.Equal(expected, CareRecording.ReasonNewEpisode(what, carerChanged));
}

/// <summary>
/// A period of care against a real database: starting it, changes of placement and legal status,
/// looked-after reviews with the CW-9, CW-10 and CW-11 clocks, and ending it.
/// </summary>
[Trait("Category", "Database")]
public sealed class LookedAfterTests : IAsyncLifetime
{
    // Friday 15 January 2027: everything below happened in 2026.
    private static readonly DateTimeOffset Now = new(2027, 1, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Started = new(2026, 3, 2); // a Monday
    private readonly FakeTimeProvider time = new(Now);
    private TestDatabase database = null!;
    private Guid partnershipId;
    private Guid userId;
    private Guid childId;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await database.MigrateAsync();
        await using var db = database.NewContext();
        var partnership = new Partnership { Id = Guid.NewGuid(), Code = "LA", Name = "Looked-after partnership", LocalAuthorityName = "Midshire council" };
        partnershipId = partnership.Id;
        db.Partnerships.Add(partnership);
        var trust = new Agency { Id = Guid.NewGuid(), PartnershipId = partnershipId, Name = "Midshire Children's Trust", Type = AgencyType.ChildrensTrust, IsActive = true };
        db.Agencies.Add(trust);
        var child = new Person { Id = Guid.NewGuid(), PartnershipId = partnershipId, GivenName = "Ash", FamilyName = "Cared", DateOfBirth = new DateOnly(2015, 6, 1), IsChild = true };
        childId = child.Id;
        db.People.Add(child);
        db.Record(new SetUp(partnershipId), ProcessContext.System(Now));
        await db.SaveChangesAsync();
        var user = new User { Id = Guid.NewGuid(), DisplayName = "Sam Social", UserName = "sam", Email = "sam@example.test", PartnershipId = partnershipId, AgencyId = trust.Id };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        userId = user.Id;
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private ProcessContext Context() => new(userId, "Sam Social", partnershipId, Now);

    private ClockService Clocks(SafeguardingDbContext db) => new(db, new PartnershipTimescales(time));

    private CareStartForm StartForm(DateOnly? start = null, Guid? episode = null) =>
        new(childId, start ?? Started, "C1", "N1", "U6", "PR1", "zx1 4ab", "ZX2 5CD", "SC123456", false, episode);

    private async Task<ChangeResult<CarePeriod>> StartAsync(CareStartForm form)
    {
        await using var db = database.NewContext();
        return await new CareRecording(db, Clocks(db), new ChildChronology(db)).StartAsync(form, Context());
    }

    private async Task<long> VersionOfAsync(Guid periodId)
    {
        await using var db = database.NewContext();
        return (await db.CarePeriods.AsNoTracking().SingleAsync(p => p.Id == periodId)).Version;
    }

    private async Task<ChangeResult<CareEpisode>> ChangeAsync(Guid periodId, CareChangeForm form, long? version = null)
    {
        var current = version ?? await VersionOfAsync(periodId);
        await using var db = database.NewContext();
        return await new CareRecording(db, Clocks(db), new ChildChronology(db)).ChangeAsync(periodId, current, form, Context());
    }

    private async Task<ChangeResult<CarePeriod>> EndAsync(Guid periodId, DateOnly? on, string? reason, long? version = null)
    {
        var current = version ?? await VersionOfAsync(periodId);
        await using var db = database.NewContext();
        return await new CareRecording(db, Clocks(db), new ChildChronology(db)).EndAsync(periodId, current, new CareEndForm(on, reason), Context());
    }

    private async Task<ChangeResult<LookedAfterReview>> ReviewAsync(Guid periodId, DateOnly? heldOn, string? participation = "PN1", string? reasonLate = null, long? version = null)
    {
        var current = version ?? await VersionOfAsync(periodId);
        await using var db = database.NewContext();
        return await new LookedAfterReviewRecording(db, Clocks(db), new ChildChronology(db), new PartnershipTimescales(time))
            .RecordAsync(periodId, current, new LookedAfterReviewForm(heldOn, participation, reasonLate), Context());
    }

    private static CareChangeForm Placement(DateOnly on, bool carerChanged = true, string? reason = "CARPL") =>
        new(on, CareChange.Placement, null, carerChanged, "K2", "PR4", "ZX3 6EF", null, reason);

    private async Task<CarePeriod> PeriodAsync(DateOnly? start = null)
    {
        var result = await StartAsync(StartForm(start));
        Succeeded(result);
        return result.Value!;
    }

    private async Task<List<Clock>> ClocksOfAsync(Guid subjectId)
    {
        await using var db = database.NewContext();
        return await db.Clocks.AsNoTracking().Where(c => c.SubjectId == subjectId).OrderBy(c => c.StartedAt).ThenBy(c => c.RuleId).ToListAsync();
    }

    private async Task<List<CareEpisode>> EpisodesOfAsync(Guid periodId)
    {
        await using var db = database.NewContext();
        return await db.CareEpisodes.AsNoTracking().Where(e => e.CarePeriodId == periodId).OrderBy(e => e.StartDate).ThenBy(e => e.Id).ToListAsync();
    }

    private async Task<List<AuditEvent>> EventsAsync()
    {
        await using var db = database.NewContext();
        return await db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
    }

    private static void Succeeded<T>(ChangeResult<T> result) => Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {e.Value}")));

    // Starting care

    [Fact]
    public async Task StartingCare_OpensThePeriodWithAnSEpisode_StartsCw9TwentyWorkingDaysOn_AndWritesTheChronology()
    {
        var result = await StartAsync(StartForm());

        Succeeded(result);
        await using var db = database.NewContext();
        var period = await db.CarePeriods.SingleAsync();
        Assert.Equal((childId, Started, (DateOnly?)null, false, userId), (period.PersonId, period.StartDate, period.EndDate, period.IsUnaccompaniedAsylumSeeker, period.RecordedByUserId));
        var episode = (await EpisodesOfAsync(period.Id)).Single();
        Assert.Equal(("S", "C1", "N1", "U6", "PR1"), (episode.ReasonNewEpisode, episode.LegalStatus, episode.CategoryOfNeed, episode.PlacementType, episode.PlacementProvider));
        Assert.Equal(("ZX1 4AB", "ZX2 5CD", "SC123456"), (episode.PlacementPostcode, episode.HomePostcode, episode.Urn));
        Assert.Equal(Started, episode.StartDate);
        Assert.Null(episode.EndDate);
        var cw9 = (await ClocksOfAsync(period.Id)).Single();
        Assert.Equal(("CW-9", CareRecording.SubjectType), (cw9.RuleId, cw9.SubjectType));
        Assert.Equal(LondonTime.StartOfDay(Started), cw9.StartedAt);
        Assert.Equal(new DateOnly(2026, 3, 30), LondonTime.DateOf(cw9.DueAt)); // Monday 2 March + 20 working days
        var entry = await db.ChronologyEntries.SingleAsync(e => e.PersonId == childId);
        Assert.Equal((ChronologyEntryType.Placement, Started, true), (entry.Type, entry.OccurredOn, entry.IsSignificant));
        Assert.Equal("Started to be looked after: interim care order; placement: foster placement with another carer, not long term", entry.Summary);
        var started = (await EventsAsync()).Single(e => e.EventType == nameof(CarePeriodStarted));
        Assert.Equal(period.Id.ToString(), started.SubjectId);
        Assert.DoesNotContain("ZX", started.Data, StringComparison.Ordinal); // no postcode in the audit trail
    }

    [Fact]
    public async Task MissingAnswers_AreEachRefused_AndNothingIsSaved()
    {
        var result = await StartAsync(new CareStartForm(childId, null, null, null, null, null, " ", null, null, null, null));

        Assert.Equal(
            ["CategoryOfNeed", "HomePostcode", "LegalStatus", "PlacementPostcode", "PlacementProvider", "PlacementType", "StartDate", "UnaccompaniedAsylumSeeker"],
            result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Enter the date the child started to be looked after", result.Errors["StartDate"]);
        Assert.Equal("Select the legal status", result.Errors["LegalStatus"]);
        Assert.Equal("Enter the postcode of the child's home", result.Errors["HomePostcode"]);
        await using var db = database.NewContext();
        Assert.Empty(await db.CarePeriods.ToListAsync());
        Assert.Empty(await db.Clocks.ToListAsync());
    }

    [Fact]
    public async Task CodesMustComeFromTheSsda903Sets_AndPostcodesAndUrnsMustBeReal()
    {
        var form = StartForm() with { LegalStatus = "C9", CategoryOfNeed = "N9", PlacementType = "X1", PlacementProvider = "PR9", PlacementPostcode = "not a postcode", Urn = "SC-12" };

        var result = await StartAsync(form);

        Assert.Equal(["CategoryOfNeed", "LegalStatus", "PlacementPostcode", "PlacementProvider", "PlacementType", "Urn"], result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Enter a real postcode, like ZX1 4AB", result.Errors["PlacementPostcode"]);
        Succeeded(await StartAsync(StartForm() with { Urn = null }));
    }

    [Fact]
    public async Task TheStartDate_CannotBeInTheFuture_NorBeforeTheChildWasBorn()
    {
        Assert.Equal("The date the child started to be looked after must be today or in the past",
            (await StartAsync(StartForm(LondonTime.DateOf(Now).AddDays(1)))).Errors["StartDate"]);
        Assert.Equal("The date the child started to be looked after must be on or after their date of birth, 1 June 2015",
            (await StartAsync(StartForm(new DateOnly(2015, 5, 31)))).Errors["StartDate"]);
        Succeeded(await StartAsync(StartForm(LondonTime.DateOf(Now))));
    }

    [Fact]
    public async Task AChild_HasOneOpenPeriod_AndANewOneStartsNoEarlierThanThePreviousEnded()
    {
        var first = await PeriodAsync();

        var second = await StartAsync(StartForm(Started.AddDays(10)));
        Assert.Contains("already looked after, since 2 March 2026", second.Errors[""], StringComparison.Ordinal);

        Succeeded(await EndAsync(first.Id, new DateOnly(2026, 5, 1), "E4A"));
        Assert.Equal("The date the child started to be looked after must be on or after the previous period of care ended, 1 May 2026",
            (await StartAsync(StartForm(new DateOnly(2026, 4, 30)))).Errors["StartDate"]);
        Succeeded(await StartAsync(StartForm(new DateOnly(2026, 5, 1))));
        await using var db = database.NewContext();
        Assert.Equal(2, await db.CarePeriods.CountAsync());
    }

    [Fact]
    public async Task ThePeriod_LinksOnlyToAnOpenChildInNeedEpisodeOfTheChild()
    {
        Guid open;
        Guid closed;
        await using (var db = database.NewContext())
        {
            CinEpisode Episode(DateOnly referral, DateOnly? closure) => new()
            {
                Id = Guid.NewGuid(),
                PartnershipId = partnershipId,
                PersonId = childId,
                ReferralDate = referral,
                ReferralSource = "6",
                ClosureDate = closure,
                ClosureReason = closure is null ? null : "RC7",
                RecordedAt = Now,
            };
            var closedEpisode = Episode(new DateOnly(2025, 1, 6), new DateOnly(2025, 6, 1));
            var openEpisode = Episode(new DateOnly(2026, 1, 5), null);
            db.CinEpisodes.AddRange(closedEpisode, openEpisode);
            db.Record(new SetUp(openEpisode.Id), ProcessContext.System(Now));
            await db.SaveChangesAsync();
            (open, closed) = (openEpisode.Id, closedEpisode.Id);
        }

        Assert.Equal("Select the child's open child in need episode, or none", (await StartAsync(StartForm(episode: closed))).Errors["CinEpisodeId"]);
        Assert.True((await StartAsync(StartForm(episode: Guid.NewGuid()))).Errors.ContainsKey("CinEpisodeId"));
        var linked = await StartAsync(StartForm(episode: open));
        Succeeded(linked);
        Assert.Equal(open, linked.Value!.CinEpisodeId);
    }

    // Changes of placement and legal status

    [Fact]
    public async Task ALegalStatusChange_EndsTheEpisodeWithX1_AndOpensAnLEpisodeWithTheSamePlacement()
    {
        var period = await PeriodAsync();
        var on = new DateOnly(2026, 4, 20);

        var result = await ChangeAsync(period.Id, new CareChangeForm(on, CareChange.LegalStatus, "C2", null, null, null, null, null, null));

        Succeeded(result);
        var episodes = await EpisodesOfAsync(period.Id);
        Assert.Equal(2, episodes.Count);
        Assert.Equal((on, "X1"), (episodes[0].EndDate, episodes[0].EndReason));
        var next = episodes[1];
        Assert.Equal(("L", "C2", "U6", "PR1", "ZX1 4AB", "ZX2 5CD", "N1"), (next.ReasonNewEpisode, next.LegalStatus, next.PlacementType, next.PlacementProvider, next.PlacementPostcode, next.HomePostcode, next.CategoryOfNeed));
        Assert.Null(next.ReasonPlaceChange);
        Assert.Equal(on, next.StartDate);
        Assert.Equal(period.Version + 1, await VersionOfAsync(period.Id));
        Assert.Contains(nameof(CareEpisodeChanged), (await EventsAsync()).Select(e => e.EventType));
        await using var db = database.NewContext();
        Assert.Contains(await db.ChronologyEntries.Select(e => e.Summary).ToListAsync(), s => s == "Legal status changed: full care order");
    }

    [Theory]
    [InlineData(CareChange.Placement, true, "P")]
    [InlineData(CareChange.Placement, false, "B")]
    [InlineData(CareChange.Both, true, "T")]
    [InlineData(CareChange.Both, false, "U")]
    public async Task APlacementChange_OpensTheEpisodeWithTheReasonThatSaysWhatChanged(CareChange what, bool carerChanged, string reason)
    {
        var period = await PeriodAsync();
        var on = new DateOnly(2026, 4, 20);

        var result = await ChangeAsync(period.Id, new CareChangeForm(on, what, "C2", carerChanged, "K2", "PR4", "zx36ef", "sc000111", "CHILD"));

        Succeeded(result);
        var next = (await EpisodesOfAsync(period.Id)).Single(e => e.EndDate == null);
        Assert.Equal((reason, "K2", "PR4", "ZX3 6EF", "SC000111", "CHILD"), (next.ReasonNewEpisode, next.PlacementType, next.PlacementProvider, next.PlacementPostcode, next.Urn, next.ReasonPlaceChange));
        Assert.Equal(what == CareChange.Both ? "C2" : "C1", next.LegalStatus);
        Assert.Equal("ZX2 5CD", next.HomePostcode); // the home the child came from stays
    }

    [Fact]
    public async Task APlacementChange_NeedsTheNewPlacement_AReason_AndWhetherTheCarerChanged()
    {
        var period = await PeriodAsync();

        var result = await ChangeAsync(period.Id, new CareChangeForm(new DateOnly(2026, 4, 20), CareChange.Both, null, null, null, null, null, null, null));

        Assert.Equal(["CarerChanged", "LegalStatus", "PlacementPostcode", "PlacementProvider", "PlacementType", "ReasonPlaceChange"], result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Select the reason the placement changed", result.Errors["ReasonPlaceChange"]);
        Assert.Equal("Select what changed", (await ChangeAsync(period.Id, new CareChangeForm(new DateOnly(2026, 4, 20), null, null, null, null, null, null, null, null))).Errors["What"]);
        Assert.Contains("already interim care order",
            (await ChangeAsync(period.Id, new CareChangeForm(new DateOnly(2026, 4, 20), CareChange.LegalStatus, "C1", null, null, null, null, null, null))).Errors["LegalStatus"], StringComparison.Ordinal);
        Assert.Single(await EpisodesOfAsync(period.Id));
    }

    [Fact]
    public async Task TheChangeDate_IsOnOrAfterTheCurrentEpisodeStarted_AndNotInTheFuture()
    {
        var period = await PeriodAsync();
        Succeeded(await ChangeAsync(period.Id, Placement(new DateOnly(2026, 4, 20))));

        Assert.Equal("The date of the change must be on or after the current placement and legal status began, 20 April 2026",
            (await ChangeAsync(period.Id, Placement(new DateOnly(2026, 4, 19)))).Errors["ChangeDate"]);
        Assert.Equal("The date of the change must be today or in the past",
            (await ChangeAsync(period.Id, Placement(LondonTime.DateOf(Now).AddDays(1)))).Errors["ChangeDate"]);
        Succeeded(await ChangeAsync(period.Id, Placement(new DateOnly(2026, 4, 20), carerChanged: false)));
        Assert.Equal(["B", "P", "S"], (await EpisodesOfAsync(period.Id)).Select(e => e.ReasonNewEpisode).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TwoChangesFromTheSameVersion_CannotBothSucceed()
    {
        var period = await PeriodAsync();
        var seen = period.Version;

        Succeeded(await ChangeAsync(period.Id, Placement(new DateOnly(2026, 4, 20)), seen));
        var second = await ChangeAsync(period.Id, Placement(new DateOnly(2026, 4, 21)), seen);

        Assert.Equal(ChildProtection.ChangedElsewhereMessage, second.Errors[ChildProtection.ChangedElsewhere]);
        Assert.Equal(2, (await EpisodesOfAsync(period.Id)).Count);
        Assert.Equal(ChildProtection.ChangedElsewhereMessage, (await EndAsync(period.Id, new DateOnly(2026, 5, 1), "E4A", seen)).Errors[ChildProtection.ChangedElsewhere]);
        Assert.Equal(ChildProtection.ChangedElsewhereMessage, (await ReviewAsync(period.Id, new DateOnly(2026, 3, 20), version: seen)).Errors[ChildProtection.ChangedElsewhere]);
    }

    [Fact]
    public async Task TwoChangesSavedAtOnce_CannotBothSucceed()
    {
        var period = await PeriodAsync();
        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var one = new CareRecording(first, Clocks(first), new ChildChronology(first));
        var two = new CareRecording(second, Clocks(second), new ChildChronology(second));

        // Both load the period at the same version before either saves.
        var a = one.ChangeAsync(period.Id, period.Version, Placement(new DateOnly(2026, 4, 20)), Context());
        var b = two.ChangeAsync(period.Id, period.Version, Placement(new DateOnly(2026, 4, 21)), Context());
        var results = await Task.WhenAll(a, b);

        Assert.Single(results, r => r.Succeeded);
        Assert.Equal(2, (await EpisodesOfAsync(period.Id)).Count);
    }

    [Fact]
    public async Task AnEndedPeriod_TakesNoChange()
    {
        var period = await PeriodAsync();
        Succeeded(await EndAsync(period.Id, new DateOnly(2026, 5, 1), "E4A"));

        Assert.Contains("ended on 1 May 2026", (await ChangeAsync(period.Id, Placement(new DateOnly(2026, 5, 1)))).Errors[""], StringComparison.Ordinal);
    }

    // Ending care

    [Fact]
    public async Task EndingCare_ClosesTheEpisodeAndThePeriod_AndTheReviewClockIsNotRequired()
    {
        var period = await PeriodAsync();
        var on = new DateOnly(2026, 3, 20);

        Succeeded(await EndAsync(period.Id, on, "E4A"));

        await using var db = database.NewContext();
        var saved = await db.CarePeriods.SingleAsync();
        Assert.Equal((on, "E4A"), (saved.EndDate!.Value, saved.EndReason));
        var episode = (await EpisodesOfAsync(period.Id)).Single();
        Assert.Equal((on, "E4A"), (episode.EndDate!.Value, episode.EndReason));
        var cw9 = (await ClocksOfAsync(period.Id)).Single();
        Assert.True(cw9.NotRequired);
        var events = (await EventsAsync()).Select(e => e.EventType).ToList();
        Assert.Contains(nameof(CarePeriodEnded), events);
        Assert.Contains(nameof(ClockMarkedNotRequired), events);
        Assert.Contains(await db.ChronologyEntries.Select(e => e.Summary).ToListAsync(), s => s.StartsWith("Stopped being looked after: returned home", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("E11")]
    [InlineData("E12")]
    public async Task AdoptionEndsCare_AndTheRunningReviewClockIsNotRequired(string reason)
    {
        var period = await PeriodAsync();
        Succeeded(await ReviewAsync(period.Id, new DateOnly(2026, 3, 25)));

        Succeeded(await EndAsync(period.Id, new DateOnly(2026, 11, 2), reason));

        var clocks = await ClocksOfAsync(period.Id);
        Assert.Equal(("CW-10", true), (clocks[^1].RuleId, clocks[^1].NotRequired));
        Assert.Contains(reason, LookedAfterCodes.Adopted);
    }

    [Fact]
    public async Task TheEnd_NeedsAReasonOtherThanX1_AndADateOnOrAfterTheCurrentEpisodeAndLastReview()
    {
        var period = await PeriodAsync();
        Succeeded(await ChangeAsync(period.Id, Placement(new DateOnly(2026, 4, 20))));
        Succeeded(await ReviewAsync(period.Id, new DateOnly(2026, 4, 25), reasonLate: "Delayed by the move."));

        var empty = await EndAsync(period.Id, null, null);
        Assert.Equal(["EndDate", "EndReason"], empty.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Select why the child stopped being looked after", (await EndAsync(period.Id, new DateOnly(2026, 5, 1), "X1")).Errors["EndReason"]);
        Assert.Equal("Select why the child stopped being looked after", (await EndAsync(period.Id, new DateOnly(2026, 5, 1), "E99")).Errors["EndReason"]);
        Assert.Equal("The date care ended must be on or after the current placement and legal status began, 20 April 2026",
            (await EndAsync(period.Id, new DateOnly(2026, 4, 19), "E4A")).Errors["EndDate"]);
        Assert.Equal("The date care ended must be on or after the last looked-after review, 25 April 2026",
            (await EndAsync(period.Id, new DateOnly(2026, 4, 24), "E4A")).Errors["EndDate"]);
        Assert.Equal("The date care ended must be today or in the past", (await EndAsync(period.Id, LondonTime.DateOf(Now).AddDays(1), "E4A")).Errors["EndDate"]);
        Succeeded(await EndAsync(period.Id, new DateOnly(2026, 4, 25), "E13"));
        Assert.Contains("already ended, on 25 April 2026", (await EndAsync(period.Id, new DateOnly(2026, 4, 26), "E4A")).Errors[""], StringComparison.Ordinal);
    }

    // Looked-after reviews

    [Fact]
    public async Task TheFirstReview_StopsCw9InTime_AndStartsCw10ThreeMonthsOn()
    {
        var period = await PeriodAsync();
        var held = new DateOnly(2026, 3, 25);

        var result = await ReviewAsync(period.Id, held, "PN1");

        Succeeded(result);
        var clocks = await ClocksOfAsync(period.Id);
        var cw9 = clocks.Single(c => c.RuleId == "CW-9");
        Assert.Equal(LondonTime.StartOfDay(held), cw9.StoppedAt);
        Assert.False(cw9.IsMetLate);
        var cw10 = clocks.Single(c => c.RuleId == "CW-10");
        Assert.Equal(LondonTime.StartOfDay(held), cw10.StartedAt);
        Assert.Equal(new DateOnly(2026, 6, 25), LondonTime.DateOf(cw10.DueAt));
        Assert.Null(cw10.StoppedAt);
        await using var db = database.NewContext();
        var review = await db.LookedAfterReviews.SingleAsync();
        Assert.Equal((held, "PN1", (string?)null, childId), (review.HeldOn, review.Participation, review.ReasonLate, review.PersonId));
        var entry = await db.ChronologyEntries.SingleAsync(e => e.Type == ChronologyEntryType.Review);
        Assert.Equal("Looked-after review: child attended and spoke for themselves", entry.Summary);
        var recorded = (await EventsAsync()).Single(e => e.EventType == nameof(LookedAfterReviewRecorded));
        Assert.Equal(period.Id.ToString(), recorded.SubjectId);
    }

    [Fact]
    public async Task TheSecondReview_StopsCw10AndStartsCw11_AndLaterReviewsChainCw11SixMonthsOn()
    {
        var period = await PeriodAsync();
        Succeeded(await ReviewAsync(period.Id, new DateOnly(2026, 3, 25)));
        Succeeded(await ReviewAsync(period.Id, new DateOnly(2026, 6, 20), "PN5"));
        Succeeded(await ReviewAsync(period.Id, new DateOnly(2026, 12, 10), "PN7"));

        var clocks = await ClocksOfAsync(period.Id);
        Assert.Equal(["CW-9", "CW-10", "CW-11", "CW-11"], clocks.Select(c => c.RuleId));
        Assert.Equal(LondonTime.StartOfDay(new DateOnly(2026, 6, 20)), clocks[1].StoppedAt);
        Assert.Equal(new DateOnly(2026, 12, 20), LondonTime.DateOf(clocks[2].DueAt));
        Assert.Equal(LondonTime.StartOfDay(new DateOnly(2026, 12, 10)), clocks[2].StoppedAt);
        Assert.Equal(new DateOnly(2027, 6, 10), LondonTime.DateOf(clocks[3].DueAt));
        Assert.Null(clocks[3].StoppedAt);
        Assert.Single(clocks, c => c.StoppedAt == null && !c.NotRequired);
    }

    [Fact]
    public async Task ALateReview_NeedsAReason_AndStopsTheClockLate()
    {
        var period = await PeriodAsync();
        var late = new DateOnly(2026, 3, 31);

        Assert.Equal("Enter why the review was held after it was due, 30 March 2026", (await ReviewAsync(period.Id, late)).Errors["ReasonLate"]);
        Succeeded(await ReviewAsync(period.Id, late, reasonLate: "The independent reviewing officer was ill."));

        var cw9 = (await ClocksOfAsync(period.Id)).Single(c => c.RuleId == "CW-9");
        Assert.True(cw9.IsMetLate);
        Assert.Equal("The independent reviewing officer was ill.", cw9.ReasonForLateness);
        await using var db = database.NewContext();
        Assert.Equal(cw9.ReasonForLateness, (await db.LookedAfterReviews.SingleAsync()).ReasonLate);
        Assert.Contains("\"late\":true", (await EventsAsync()).Single(e => e.EventType == nameof(LookedAfterReviewRecorded)).Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReview_IsOnOrAfterTheStartAndThePreviousReview_NotInTheFuture_WithHowTheChildTookPart()
    {
        var period = await PeriodAsync();

        Assert.Equal(["HeldOn", "Participation"], (await ReviewAsync(period.Id, null, null)).Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Select how the child took part in the review", (await ReviewAsync(period.Id, new DateOnly(2026, 3, 25), "PN9")).Errors["Participation"]);
        Assert.Equal("The review must be on or after the child started to be looked after, 2 March 2026", (await ReviewAsync(period.Id, Started.AddDays(-1))).Errors["HeldOn"]);
        Assert.Equal("The date of the review must be today or in the past", (await ReviewAsync(period.Id, LondonTime.DateOf(Now).AddDays(1))).Errors["HeldOn"]);
        Succeeded(await ReviewAsync(period.Id, new DateOnly(2026, 3, 25)));
        Assert.Equal("The review must be on or after the previous review, 25 March 2026", (await ReviewAsync(period.Id, new DateOnly(2026, 3, 24))).Errors["HeldOn"]);
    }

    [Fact]
    public async Task AReviewOnTheDayCareEnds_IsRecordedFirst_AndAnEndedPeriodTakesNoReview()
    {
        var period = await PeriodAsync();
        var last = new DateOnly(2026, 3, 20);

        Succeeded(await ReviewAsync(period.Id, last));
        Succeeded(await EndAsync(period.Id, last, "E41"));

        Assert.Contains("ended on 20 March 2026", (await ReviewAsync(period.Id, last)).Errors[""], StringComparison.Ordinal);
        var clocks = await ClocksOfAsync(period.Id);
        Assert.Equal(["CW-9", "CW-10"], clocks.Select(c => c.RuleId));
        Assert.True(clocks[1].NotRequired);
    }

    private sealed record SetUp(Guid Id) : IDomainEvent
    {
        public string SubjectType => "Test";
        public string SubjectId => Id.ToString();
    }
}
