using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Chronology;
using Safeguarding.Core.Pathway;

namespace Safeguarding.Core.Tests.Pathway;

/// <summary>Early help against a real database: the order of its dates, one open episode per child, Annex A list 2's facts, events and the chronology.</summary>
[Trait("Category", "Database")]
public sealed class EarlyHelpRecordingTests : LookedAfterFixture
{
    private static readonly DateOnly Started = new(2026, 9, 1);

    private Guid schoolId;
    private Guid healthId;

    private async Task SetUpAgenciesAsync()
    {
        await using var db = Database.NewContext();
        var school = new Agency { Id = Guid.NewGuid(), PartnershipId = PartnershipId, Name = "Hill Primary School", Type = AgencyType.School, IsActive = true };
        var health = new Agency { Id = Guid.NewGuid(), PartnershipId = PartnershipId, Name = "Midshire Health Visiting", Type = AgencyType.Health, IsActive = true };
        db.Agencies.AddRange(school, health);
        db.Record(new SetUp(school.Id), ProcessContext.System(Now));
        await db.SaveChangesAsync();
        (schoolId, healthId) = (school.Id, health.Id);
    }

    private async Task<T> WithAsync<T>(Func<EarlyHelpRecording, Task<T>> act)
    {
        await using var db = Database.NewContext();
        return await act(new EarlyHelpRecording(db, new ChildChronology(db)));
    }

    private async Task<long> VersionAsync(Guid episodeId)
    {
        await using var db = Database.NewContext();
        return (await db.EarlyHelpEpisodes.AsNoTracking().SingleAsync(e => e.Id == episodeId)).Version;
    }

    private async Task<EarlyHelpEpisode> StoredAsync(Guid episodeId)
    {
        await using var db = Database.NewContext();
        return await db.EarlyHelpEpisodes.AsNoTracking().SingleAsync(e => e.Id == episodeId);
    }

    private Task<ChangeResult<EarlyHelpEpisode>> StartAsync(DateOnly? on = null, EarlyHelpRoute? route = EarlyHelpRoute.PartnerAssessment, Guid? fromEpisode = null, Guid? personId = null) =>
        WithAsync(r => r.StartAsync(new EarlyHelpStartForm(personId ?? ChildId, on ?? Started, route, null, fromEpisode), Context()));

    private async Task<ChangeResult<EarlyHelpEpisode>> AssessAsync(Guid episodeId, DateOnly? start, DateOnly? completed, string? lead = "Pat Lead")
    {
        var version = await VersionAsync(episodeId);
        return await WithAsync(r => r.RecordAssessmentAsync(episodeId, version, new EarlyHelpAssessmentForm(start, completed, schoolId, lead, healthId), Context()));
    }

    private async Task<ChangeResult<EarlyHelpEpisode>> PlanAsync(Guid episodeId, DateOnly? on, DateOnly? next)
    {
        var version = await VersionAsync(episodeId);
        return await WithAsync(r => r.StartPlanAsync(episodeId, version, new FamilyPlanForm(on, next), Context()));
    }

    private async Task<ChangeResult<EarlyHelpEpisode>> ReviewAsync(Guid episodeId, DateOnly? on, DateOnly? next)
    {
        var version = await VersionAsync(episodeId);
        return await WithAsync(r => r.ReviewPlanAsync(episodeId, version, new FamilyPlanForm(on, next), Context()));
    }

    private async Task<ChangeResult<EarlyHelpEpisode>> CloseAsync(Guid episodeId, DateOnly? on, EarlyHelpEndReason? reason)
    {
        var version = await VersionAsync(episodeId);
        return await WithAsync(r => r.CloseAsync(episodeId, version, new EarlyHelpEndForm(on, reason), Context()));
    }

    private async Task<ChangeResult<EarlyHelpEpisode>> StepUpAsync(Guid episodeId, DateOnly? on, Guid? cinEpisodeId)
    {
        var version = await VersionAsync(episodeId);
        return await WithAsync(r => r.StepUpAsync(episodeId, version, new EarlyHelpStepUpForm(on, cinEpisodeId), Context()));
    }

    private async Task<Guid> CinEpisodeAsync(Guid personId, DateOnly referred)
    {
        await using var db = Database.NewContext();
        var episode = new CinEpisode { Id = Guid.NewGuid(), PartnershipId = PartnershipId, PersonId = personId, ReferralDate = referred, ReferralSource = "3A", RecordedAt = Now };
        db.CinEpisodes.Add(episode);
        db.Record(new SetUp(episode.Id), ProcessContext.System(Now));
        await db.SaveChangesAsync();
        return episode.Id;
    }

    /// <summary>Started 1 September 2026, assessed 2 to 20 September by the school, plan from 25 September due for review 6 November.</summary>
    private async Task<Guid> PlannedAsync()
    {
        await SetUpAgenciesAsync();
        var started = await StartAsync();
        Succeeded(started);
        var id = started.Value!.Id;
        Succeeded(await AssessAsync(id, new DateOnly(2026, 9, 2), new DateOnly(2026, 9, 20)));
        Succeeded(await PlanAsync(id, new DateOnly(2026, 9, 25), new DateOnly(2026, 11, 6)));
        return id;
    }

    [Fact]
    public async Task ASteppedDownChild_StartsEarlyHelp_LinkedToTheirEpisode_WithAnEventAndAChronologyEntry()
    {
        var cin = await CinEpisodeAsync(ChildId, new DateOnly(2026, 7, 1));

        var result = await StartAsync(route: EarlyHelpRoute.AssessmentStepDown, fromEpisode: cin);

        Succeeded(result);
        var stored = await StoredAsync(result.Value!.Id);
        Assert.Equal((Started, EarlyHelpRoute.AssessmentStepDown, (Guid?)cin, true), (stored.StartDate, stored.Route, stored.FromCinEpisodeId, stored.IsOpen));
        Assert.Equal(UserId, stored.RecordedByUserId);
        Assert.Contains(nameof(EarlyHelpStarted), await EventTypesAsync());
        var entry = Assert.Single(await EntriesAsync());
        Assert.Equal((ChronologyEntryType.EarlyHelp, Started, "Early help started: stepped down after a social work assessment"), (entry.Type, entry.OccurredOn, entry.Summary));
    }

    [Fact]
    public async Task APartnerAssessment_KeepsNoSocialCareEpisode_EvenIfOneIsSent()
    {
        var cin = await CinEpisodeAsync(ChildId, new DateOnly(2026, 7, 1));
        var result = await StartAsync(route: EarlyHelpRoute.PartnerAssessment, fromEpisode: cin);
        Succeeded(result);
        Assert.Null((await StoredAsync(result.Value!.Id)).FromCinEpisodeId);
    }

    [Fact]
    public async Task Starting_NeedsARouteAndAPastDate_NotBeforeBirthOrTheReferral_AndOneOpenEpisodePerChild()
    {
        var missing = await WithAsync(r => r.StartAsync(new EarlyHelpStartForm(ChildId, null, null, null, null), Context()));
        Assert.Equal("Enter the date early help started", missing.Errors["StartDate"]);
        Assert.Equal("Select how early help started", missing.Errors["Route"]);
        Assert.Equal("The date early help started must be today or in the past", (await StartAsync(on: new DateOnly(2027, 1, 16))).Errors["StartDate"]);
        Assert.Equal("The date early help started must be on or after the child's date of birth, 1 April 2006", (await StartAsync(on: new DateOnly(2006, 3, 31))).Errors["StartDate"]);
        var cin = await CinEpisodeAsync(ChildId, new DateOnly(2026, 9, 10));
        Assert.Equal("The date early help started must be on or after the referral it stepped down from, 10 September 2026",
            (await StartAsync(route: EarlyHelpRoute.ClosureStepDown, fromEpisode: cin)).Errors["StartDate"]);
        var other = await PersonAsync(new DateOnly(2015, 1, 1));
        var otherCin = await CinEpisodeAsync(other, new DateOnly(2026, 1, 1));
        Assert.Equal("Select the child in need episode early help stepped down from, or none",
            (await StartAsync(route: EarlyHelpRoute.ClosureStepDown, fromEpisode: otherCin)).Errors["FromCinEpisodeId"]);

        Succeeded(await StartAsync());
        var again = await StartAsync(on: new DateOnly(2026, 12, 1));
        Assert.Equal("Jo Cared already has early help, since 1 September 2026: record on that episode, or end it first", again.Errors[""]);
        await using var db = Database.NewContext();
        Assert.Equal(1, await db.EarlyHelpEpisodes.CountAsync(e => e.PersonId == ChildId));
    }

    [Fact]
    public async Task TheAssessment_KeepsAnnexAsFacts_AndTheLeadPractitionerNameStaysOutOfTheAuditTrail()
    {
        var id = await PlannedAsync();

        var stored = await StoredAsync(id);
        Assert.Equal((new DateOnly(2026, 9, 2), new DateOnly(2026, 9, 20), schoolId), (stored.AssessmentStartDate!.Value, stored.AssessmentCompletedDate!.Value, stored.AssessingAgencyId!.Value));
        Assert.Equal(("Pat Lead", healthId), (stored.LeadPractitionerName, stored.LeadPractitionerAgencyId!.Value));
        Assert.Equal(
            ["Early help started: a partner agency's own early help assessment", "Early help assessment started", "Early help assessment completed", "Our Family Plan started"],
            (await EntriesAsync()).Select(e => e.Summary));
        await using var db = Database.NewContext();
        var data = await db.AuditEvents.AsNoTracking().Where(e => e.SubjectType == EarlyHelpRecording.SubjectType).Select(e => e.Data).ToListAsync();
        Assert.Equal(3, data.Count);
        Assert.DoesNotContain(data, d => d.Contains("Pat Lead", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheAssessment_IsCompletedNotBeforeItStarted_StartsWithinEarlyHelp_AndNamesItsOrganisations()
    {
        await SetUpAgenciesAsync();
        var id = (await StartAsync()).Value!.Id;

        Assert.Equal("The date the assessment was completed must be on or after it started, 10 September 2026",
            (await AssessAsync(id, new DateOnly(2026, 9, 10), new DateOnly(2026, 9, 9))).Errors["CompletedDate"]);
        Assert.Equal("The date the assessment started must be on or after early help started, 1 September 2026",
            (await AssessAsync(id, new DateOnly(2026, 8, 31), null)).Errors["StartDate"]);
        var version = await VersionAsync(id);
        var blank = await WithAsync(r => r.RecordAssessmentAsync(id, version, new EarlyHelpAssessmentForm(null, null, null, " ", Guid.NewGuid()), Context()));
        Assert.Equal("Enter the date the assessment started", blank.Errors["StartDate"]);
        Assert.Equal("Select the organisation completing the assessment", blank.Errors["AssessingAgencyId"]);
        Assert.Equal("Enter the lead practitioner's name", blank.Errors["LeadPractitionerName"]);
        Assert.Equal("Select the lead practitioner's agency", blank.Errors["LeadPractitionerAgencyId"]);
        Assert.Null((await StoredAsync(id)).AssessmentStartDate);

        // Started now, completed later on the same record: the completion cannot then be taken away.
        Succeeded(await AssessAsync(id, new DateOnly(2026, 9, 10), null));
        Succeeded(await AssessAsync(id, new DateOnly(2026, 9, 10), new DateOnly(2026, 10, 1)));
        Assert.Equal("The assessment is recorded as completed on 1 October 2026: enter the date it was completed",
            (await AssessAsync(id, new DateOnly(2026, 9, 10), null)).Errors["CompletedDate"]);
        Assert.Equal(new DateOnly(2026, 10, 1), (await StoredAsync(id)).AssessmentCompletedDate);
    }

    [Fact]
    public async Task OurFamilyPlan_FollowsTheAssessment_AndEachReviewSetsTheNextDue()
    {
        await SetUpAgenciesAsync();
        var id = (await StartAsync()).Value!.Id;
        Assert.Equal("Record the early help assessment before Our Family Plan", (await PlanAsync(id, new DateOnly(2026, 9, 25), new DateOnly(2026, 11, 6))).Errors[""]);
        Succeeded(await AssessAsync(id, new DateOnly(2026, 9, 2), null));
        Assert.Equal("The date Our Family Plan started must be on or after the assessment started, 2 September 2026",
            (await PlanAsync(id, new DateOnly(2026, 9, 1), new DateOnly(2026, 11, 6))).Errors["Date"]);
        Assert.Equal("The next review must be due after 25 September 2026", (await PlanAsync(id, new DateOnly(2026, 9, 25), new DateOnly(2026, 9, 25))).Errors["NextReviewDue"]);
        Assert.Equal("The next review must be due within 6 months, by 25 March 2027", (await PlanAsync(id, new DateOnly(2026, 9, 25), new DateOnly(2027, 3, 26))).Errors["NextReviewDue"]);
        Succeeded(await PlanAsync(id, new DateOnly(2026, 9, 25), new DateOnly(2026, 11, 6)));
        Assert.Equal("Our Family Plan already started, on 25 September 2026", (await PlanAsync(id, new DateOnly(2026, 9, 26), new DateOnly(2026, 11, 6))).Errors[""]);

        // The plan started: the assessment can no longer be said to start after it.
        Assert.Equal("The date the assessment started must be on or before Our Family Plan started, 25 September 2026",
            (await AssessAsync(id, new DateOnly(2026, 9, 26), null)).Errors["StartDate"]);

        Assert.Equal("The date of the review must be on or after Our Family Plan started, 25 September 2026",
            (await ReviewAsync(id, new DateOnly(2026, 9, 24), new DateOnly(2026, 12, 1))).Errors["Date"]);
        Succeeded(await ReviewAsync(id, new DateOnly(2026, 11, 5), new DateOnly(2026, 12, 17)));
        Assert.Equal("The date of the review must be after the last review, 5 November 2026",
            (await ReviewAsync(id, new DateOnly(2026, 11, 5), new DateOnly(2026, 12, 17))).Errors["Date"]);
        Succeeded(await ReviewAsync(id, new DateOnly(2026, 12, 15), new DateOnly(2027, 2, 2)));

        var stored = await StoredAsync(id);
        Assert.Equal((new DateOnly(2026, 9, 25), new DateOnly(2027, 2, 2)), (stored.PlanStartDate!.Value, stored.PlanNextReviewDue!.Value));
        await using var db = Database.NewContext();
        Assert.Equal([new DateOnly(2026, 11, 5), new DateOnly(2026, 12, 15)], await db.FamilyPlanReviews.Where(r => r.EarlyHelpEpisodeId == id).OrderBy(r => r.HeldOn).Select(r => r.HeldOn).ToListAsync());
        Assert.Equal(2, (await EventTypesAsync()).Count(t => t == nameof(FamilyPlanReviewed)));
    }

    [Fact]
    public async Task EndingThePlan_IsNotBeforeItsLastReview_AndThenItCannotBeReviewed()
    {
        var id = await PlannedAsync();
        Succeeded(await ReviewAsync(id, new DateOnly(2026, 11, 5), new DateOnly(2026, 12, 17)));
        var version = await VersionAsync(id);
        var early = await WithAsync(r => r.EndPlanAsync(id, version, new DateOnly(2026, 11, 4), Context()));
        Assert.Equal("The date Our Family Plan ended must be on or after the last review of Our Family Plan, 5 November 2026", early.Errors["EndDate"]);

        Succeeded(await WithAsync(r => r.EndPlanAsync(id, version, new DateOnly(2026, 12, 1), Context())));
        var stored = await StoredAsync(id);
        Assert.Equal((new DateOnly(2026, 12, 1), (DateOnly?)null, true), (stored.PlanEndDate!.Value, stored.PlanNextReviewDue, stored.IsOpen));
        Assert.Equal("Our Family Plan has ended: it cannot be reviewed", (await ReviewAsync(id, new DateOnly(2026, 12, 2), new DateOnly(2027, 1, 2))).Errors[""]);
    }

    [Fact]
    public async Task Closing_NeedsAReason_NotBeforeTheCompletedAssessment_AndEndsThePlanTheSameDay()
    {
        var id = await PlannedAsync();
        var missing = await CloseAsync(id, null, null);
        Assert.Equal("Enter the date early help ended", missing.Errors["EndDate"]);
        Assert.Equal("Select why early help ended", missing.Errors["Reason"]);
        Assert.Equal("Select why early help ended", (await CloseAsync(id, new DateOnly(2026, 12, 1), EarlyHelpEndReason.SteppedUpToSocialCare)).Errors["Reason"]);
        Assert.Equal("The date early help ended must be on or after Our Family Plan started, 25 September 2026",
            (await CloseAsync(id, new DateOnly(2026, 9, 24), EarlyHelpEndReason.NeedsMet)).Errors["EndDate"]);

        Succeeded(await CloseAsync(id, new DateOnly(2026, 12, 1), EarlyHelpEndReason.NeedsMet));

        var stored = await StoredAsync(id);
        Assert.Equal((new DateOnly(2026, 12, 1), EarlyHelpEndReason.NeedsMet, new DateOnly(2026, 12, 1)), (stored.EndDate!.Value, stored.EndReason!.Value, stored.PlanEndDate!.Value));
        Assert.Equal([nameof(FamilyPlanEnded), nameof(EarlyHelpEnded)], (await EventTypesAsync()).Where(t => t != nameof(ChronologyEntryAdded)).TakeLast(2));
        Assert.Equal("Early help ended: needs met", (await EntriesAsync()).Last().Summary);
        Assert.Equal("This early help ended on 1 December 2026: start a new episode if the family needs early help again",
            (await ReviewAsync(id, new DateOnly(2026, 12, 2), new DateOnly(2027, 1, 2))).Errors[""]);

        // The next episode starts no earlier than this one ended.
        Assert.Equal("The date early help started must be on or after the previous early help ended, 1 December 2026",
            (await StartAsync(on: new DateOnly(2026, 11, 30))).Errors["StartDate"]);
        Succeeded(await StartAsync(on: new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public async Task SteppingUp_LinksTheReferralItLedTo_WhenItIsTheChildsAndAfterEarlyHelpStarted()
    {
        var id = await PlannedAsync();
        var before = await CinEpisodeAsync(ChildId, new DateOnly(2026, 8, 1));
        Assert.Equal("Select a referral made after early help started, or none", (await StepUpAsync(id, new DateOnly(2026, 12, 1), before)).Errors["CinEpisodeId"]);
        var other = await CinEpisodeAsync(await PersonAsync(new DateOnly(2016, 1, 1)), new DateOnly(2026, 12, 1));
        Assert.Equal("Select a referral made after early help started, or none", (await StepUpAsync(id, new DateOnly(2026, 12, 1), other)).Errors["CinEpisodeId"]);
        Assert.True((await StoredAsync(id)).IsOpen);

        var referral = await CinEpisodeAsync(ChildId, new DateOnly(2026, 12, 1));
        Succeeded(await StepUpAsync(id, new DateOnly(2026, 12, 1), referral));

        var stored = await StoredAsync(id);
        Assert.Equal((EarlyHelpEndReason.SteppedUpToSocialCare, (Guid?)referral, new DateOnly(2026, 12, 1)), (stored.EndReason!.Value, stored.SteppedUpToCinEpisodeId, stored.EndDate!.Value));
        Assert.Equal("Early help ended: stepped up to children's social care", (await EntriesAsync()).Last().Summary);
    }

    [Fact]
    public async Task AStaleVersion_IsRefused_AndNothingIsSaved()
    {
        var id = await PlannedAsync();
        var stale = await VersionAsync(id) - 1;

        var result = await WithAsync(r => r.CloseAsync(id, stale, new EarlyHelpEndForm(new DateOnly(2026, 12, 1), EarlyHelpEndReason.NeedsMet), Context()));

        Assert.Equal(ChildProtection.ChangedElsewhereMessage, result.Errors[ChildProtection.ChangedElsewhere]);
        Assert.True((await StoredAsync(id)).IsOpen);
        Assert.DoesNotContain(nameof(EarlyHelpEnded), await EventTypesAsync());
    }
}
