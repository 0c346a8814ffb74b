using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Chronology;
using Safeguarding.Core.Pathway;
using Safeguarding.Core.Timescales;

namespace Safeguarding.Core.Tests.Pathway;

/// <summary>Missing and away episodes: the return starts CW-12 (72 hours), the interview offer stops it, late with a reason.</summary>
[Trait("Category", "Database")]
public sealed class MissingEpisodeRecordingTests : LookedAfterFixture
{
    // January: London time is UTC.
    private static readonly DateTimeOffset Went = new(2027, 1, 9, 22, 15, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Back = new(2027, 1, 10, 10, 0, 0, TimeSpan.Zero);

    private async Task<ChangeResult<MissingEpisode>> StartAsync(MissingKind? kind = MissingKind.Missing, DateTimeOffset? at = null, Guid? personId = null)
    {
        await using var db = Database.NewContext();
        return await new MissingEpisodeRecording(db, Clocks(db), new ChildChronology(db)).StartAsync(personId ?? ChildId, new MissingStartForm(kind, at ?? Went), Context());
    }

    private async Task<ChangeResult<MissingEpisode>> ReturnAsync(Guid episodeId, DateTimeOffset? at, long? version = null)
    {
        await using var db = Database.NewContext();
        var current = version ?? (await db.MissingEpisodes.AsNoTracking().SingleAsync(m => m.Id == episodeId)).Version;
        return await new MissingEpisodeRecording(db, Clocks(db), new ChildChronology(db)).ReturnAsync(episodeId, current, at, Context());
    }

    private async Task<ChangeResult<MissingEpisode>> InterviewAsync(Guid episodeId, ReturnInterviewForm form, long? version = null)
    {
        await using var db = Database.NewContext();
        var current = version ?? (await db.MissingEpisodes.AsNoTracking().SingleAsync(m => m.Id == episodeId)).Version;
        return await new MissingEpisodeRecording(db, Clocks(db), new ChildChronology(db)).InterviewAsync(episodeId, current, form, Context());
    }

    private async Task<MissingEpisode> ReturnedAsync()
    {
        var started = await StartAsync();
        Succeeded(started);
        var returned = await ReturnAsync(started.Value!.Id, Back);
        Succeeded(returned);
        return returned.Value!;
    }

    private async Task<List<Clock>> ClocksAsync(Guid episodeId)
    {
        await using var db = Database.NewContext();
        return await db.Clocks.AsNoTracking().Where(c => c.SubjectId == episodeId).ToListAsync();
    }

    [Fact]
    public async Task GoingMissing_IsRecorded_InTheOpenCarePeriod_WithAChronologyEntry()
    {
        var period = await CarePeriodAsync(ChildId, new DateOnly(2026, 6, 1));
        await CarePeriodAsync(ChildId, new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 1));

        var result = await StartAsync(MissingKind.Away);

        Succeeded(result);
        Assert.Equal(period.Id, result.Value!.CarePeriodId);
        Assert.Equal((MissingKind.Away, Went), (result.Value.Kind, result.Value.StartedAt));
        Assert.True(result.Value.IsOngoing);
        var entry = Assert.Single(await EntriesAsync());
        Assert.Equal((ChronologyEntryType.MissingEpisode, new DateOnly(2027, 1, 9), Went), (entry.Type, entry.OccurredOn, entry.OccurredAt!.Value));
        Assert.Contains(nameof(MissingEpisodeStarted), await EventTypesAsync());
        Assert.Empty(await ClocksAsync(result.Value.Id));
    }

    [Fact]
    public async Task AChildNotLookedAfter_GoesMissingWithoutACarePeriod()
    {
        await CarePeriodAsync(ChildId, new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 1));
        var result = await StartAsync();
        Succeeded(result);
        Assert.Null(result.Value!.CarePeriodId);
    }

    [Fact]
    public async Task GoingMissing_NeedsAKindAndAPastTime_AndNotWhileAlreadyMissing()
    {
        var empty = await StartAsync(kind: null, at: DateTimeOffset.MinValue);
        Assert.Equal("Select whether the child was missing or away", empty.Errors["Kind"]);

        var future = await StartAsync(at: Now.AddMinutes(1));
        Assert.Equal("The date and time the child went missing must be now or in the past", future.Errors["StartedAt"]);

        Succeeded(await StartAsync());
        var again = await StartAsync(at: Went.AddHours(1));
        Assert.Equal("This child is already recorded as missing since 9 January 2027 at 22:15: record their return first", again.Errors[""]);
    }

    [Fact]
    public async Task TheReturn_StartsCw12_DueSeventyTwoHoursLater()
    {
        var episode = await ReturnedAsync();

        Assert.Equal(Back, episode.ReturnedAt);
        var clock = Assert.Single(await ClocksAsync(episode.Id));
        Assert.Equal(("CW-12", MissingEpisodeRecording.SubjectType), (clock.RuleId, clock.SubjectType));
        Assert.Equal(Back, clock.StartedAt);
        Assert.Equal(Back.AddHours(72), clock.DueAt);
        Assert.Equal(11, MissingEpisodeRecording.HoursMissing(episode, Now)); // 22:15 to 10:00
        Assert.Equal(["Went missing (whereabouts unknown)", "Returned from a missing episode"], (await EntriesAsync()).Select(e => e.Summary));
    }

    [Fact]
    public async Task TheReturn_MustBeAfterGoingMissing_NotInTheFuture_AndOnlyOnce()
    {
        var started = await StartAsync();
        var before = await ReturnAsync(started.Value!.Id, Went.AddMinutes(-1));
        Assert.Equal("The return must be on or after the child went missing, 9 January 2027 at 22:15", before.Errors["ReturnedAt"]);
        Assert.Equal("Enter the date and time the child returned", (await ReturnAsync(started.Value.Id, null)).Errors["ReturnedAt"]);
        Assert.Equal("The date and time the child returned must be now or in the past", (await ReturnAsync(started.Value.Id, Now.AddHours(1))).Errors["ReturnedAt"]);

        Succeeded(await ReturnAsync(started.Value.Id, Back));
        Assert.StartsWith("The child's return is already recorded", (await ReturnAsync(started.Value.Id, Back)).Errors[""], StringComparison.Ordinal);
        Assert.Single(await ClocksAsync(started.Value.Id));
    }

    [Fact]
    public async Task AnOfferWithin72Hours_StopsCw12InTime()
    {
        var episode = await ReturnedAsync();
        var offered = Back.AddHours(30);

        var result = await InterviewAsync(episode.Id, new ReturnInterviewForm(offered, true, Back.AddHours(80), null));

        Succeeded(result);
        var clock = Assert.Single(await ClocksAsync(episode.Id));
        Assert.Equal(offered, clock.StoppedAt);
        Assert.False(clock.IsMetLate);
        Assert.Equal((offered, true, Back.AddHours(80)), (result.Value!.InterviewOfferedAt!.Value, result.Value.InterviewAccepted!.Value, result.Value.InterviewCompletedAt!.Value));
        Assert.Contains(nameof(ReturnHomeInterviewRecorded), await EventTypesAsync());
        Assert.Contains("Return home interview completed", (await EntriesAsync()).Select(e => e.Summary));
    }

    [Fact]
    public async Task TheAnswerAndTheInterview_CanBeAddedLater_ButTheOfferStaysAsRecorded()
    {
        var episode = await ReturnedAsync();
        var offered = Back.AddHours(5);
        Succeeded(await InterviewAsync(episode.Id, new ReturnInterviewForm(offered, null, null, null)));

        var moved = await InterviewAsync(episode.Id, new ReturnInterviewForm(offered.AddHours(1), true, null, null));
        Assert.Equal("The offer is already recorded, 10 January 2027 at 15:00: keep that date and time", moved.Errors["OfferedAt"]);

        var completed = await InterviewAsync(episode.Id, new ReturnInterviewForm(offered, true, offered.AddDays(1), null));
        Succeeded(completed);
        Assert.Equal((true, offered.AddDays(1)), (completed.Value!.InterviewAccepted!.Value, completed.Value.InterviewCompletedAt!.Value));
        var clock = Assert.Single(await ClocksAsync(episode.Id));
        Assert.Equal(offered, clock.StoppedAt);
        Assert.Equal(["Return home interview offered", "Return home interview completed"], (await EntriesAsync()).Select(e => e.Summary).Skip(2));
    }

    [Fact]
    public async Task ALateOffer_NeedsAReason_KeptOnTheClock()
    {
        var episode = await ReturnedAsync();
        var late = Back.AddHours(73);

        var refused = await InterviewAsync(episode.Id, new ReturnInterviewForm(late, false, null, " "));
        Assert.Equal("Enter why the interview was offered after it was due, 13 January 2027 at 10:00", refused.Errors["ReasonLate"]);

        Succeeded(await InterviewAsync(episode.Id, new ReturnInterviewForm(late, false, null, "The child was in hospital.")));
        var clock = Assert.Single(await ClocksAsync(episode.Id));
        Assert.True(clock.IsMetLate);
        Assert.Equal("The child was in hospital.", clock.ReasonForLateness);
    }

    [Fact]
    public async Task TheInterview_FollowsTheReturn_AndIsCompletedOnlyIfAccepted()
    {
        var started = await StartAsync();
        Assert.Equal("Record the child's return before the return home interview", (await InterviewAsync(started.Value!.Id, new ReturnInterviewForm(Back, null, null, null))).Errors[""]);

        Succeeded(await ReturnAsync(started.Value.Id, Back));
        var early = await InterviewAsync(started.Value.Id, new ReturnInterviewForm(Back.AddMinutes(-5), null, null, null));
        Assert.Equal("The interview must be offered on or after the child returned, 10 January 2027 at 10:00", early.Errors["OfferedAt"]);
        var notAccepted = await InterviewAsync(started.Value.Id, new ReturnInterviewForm(Back.AddHours(1), false, Back.AddHours(2), null));
        Assert.StartsWith("Select yes if the child accepted the interview", notAccepted.Errors["Accepted"], StringComparison.Ordinal);
        var completedFirst = await InterviewAsync(started.Value.Id, new ReturnInterviewForm(Back.AddHours(3), true, Back.AddHours(2), null));
        Assert.Equal("The interview must be completed on or after it was offered, 10 January 2027 at 13:00", completedFirst.Errors["CompletedAt"]);
    }

    [Fact]
    public async Task AStalePage_IsRefused()
    {
        var started = await StartAsync();
        var stale = await ReturnAsync(started.Value!.Id, Back, version: started.Value.Version + 1);
        Assert.Equal(ChildProtection.ChangedElsewhereMessage, stale.Errors[ChildProtection.ChangedElsewhere]);

        var episode = await ReturnAsync(started.Value.Id, Back);
        Succeeded(episode);
        var old = await InterviewAsync(started.Value.Id, new ReturnInterviewForm(Back.AddHours(1), null, null, null), version: started.Value.Version);
        Assert.Equal(ChildProtection.ChangedElsewhereMessage, old.Errors[ChildProtection.ChangedElsewhere]);
        Assert.Null((await ClocksAsync(started.Value.Id)).Single().StoppedAt);
    }
}
