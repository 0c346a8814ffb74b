using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Chronology;
using Safeguarding.Core.Pathway;

namespace Safeguarding.Core.Tests.Pathway;

/// <summary>The route to adoption on a care period: the decision, then the order, the match, moving in, or the plan ceasing.</summary>
[Trait("Category", "Database")]
public sealed class AdoptionRecordingTests : LookedAfterFixture
{
    private static readonly DateOnly CareStarted = new(2025, 1, 6);
    private static readonly DateOnly Decision = new(2025, 3, 3);

    private async Task<ChangeResult<AdoptionRecord>> DecideAsync(Guid periodId, DateOnly? date)
    {
        await using var db = Database.NewContext();
        return await new AdoptionRecording(db, new ChildChronology(db)).DecideAsync(periodId, date, Context());
    }

    private async Task<ChangeResult<AdoptionRecord>> RecordAsync(Guid adoptionId, AdoptionMilestoneForm form, long? version = null)
    {
        await using var db = Database.NewContext();
        var current = version ?? (await db.AdoptionRecords.AsNoTracking().SingleAsync(a => a.Id == adoptionId)).Version;
        return await new AdoptionRecording(db, new ChildChronology(db)).RecordAsync(adoptionId, current, form, Context());
    }

    private static AdoptionMilestoneForm Match(DateOnly date, int? adopters = 2, string? sex = "MF", string? status = "L11", bool? foster = false) =>
        new(AdoptionMilestone.Match, date, adopters, sex, status, foster);

    private async Task<AdoptionRecord> DecidedAsync()
    {
        var period = await CarePeriodAsync(ChildId, CareStarted);
        var decided = await DecideAsync(period.Id, Decision);
        Succeeded(decided);
        return decided.Value!;
    }

    [Fact]
    public async Task TheWholeRoute_IsRecordedInOrder_WithEventsAndChronology()
    {
        var record = await DecidedAsync();

        Succeeded(await RecordAsync(record.Id, new(AdoptionMilestone.PlacementOrder, new DateOnly(2025, 5, 12))));
        Assert.Equal([AdoptionMilestone.Placed, AdoptionMilestone.Ceased], AdoptionRecording.Remaining((await RecordAsync(record.Id, Match(new DateOnly(2025, 8, 1)))).Value!));
        var placed = await RecordAsync(record.Id, new(AdoptionMilestone.Placed, new DateOnly(2025, 8, 20)));

        Succeeded(placed);
        var saved = placed.Value!;
        Assert.Equal((Decision, new DateOnly(2025, 5, 12), new DateOnly(2025, 8, 1), new DateOnly(2025, 8, 20)), (saved.DecisionDate, saved.PlacementOrderDate!.Value, saved.MatchDate!.Value, saved.PlacedDate!.Value));
        Assert.Equal((2, "MF", "L11", false), (saved.NumberOfAdopters!.Value, saved.AdopterSex!, saved.AdopterLegalStatus!, saved.AdoptedByFosterCarers!.Value));
        Assert.Equal([AdoptionMilestone.Ceased], AdoptionRecording.Remaining(saved));
        var events = await EventTypesAsync();
        Assert.Single(events, nameof(AdoptionDecisionRecorded));
        Assert.Equal(3, events.Count(e => e == nameof(AdoptionMilestoneRecorded)));
        Assert.Equal(4, (await EntriesAsync()).Count);
    }

    [Fact]
    public async Task TheDecision_IsWithinTheCarePeriod_AndOncePerPeriod()
    {
        var period = await CarePeriodAsync(ChildId, CareStarted, new DateOnly(2026, 2, 1));
        Assert.Equal("The decision must be on or after the child started to be looked after, 6 January 2025", (await DecideAsync(period.Id, CareStarted.AddDays(-1))).Errors["DecisionDate"]);
        Assert.Equal("The decision must be on or before the child stopped being looked after, 1 February 2026", (await DecideAsync(period.Id, new DateOnly(2026, 2, 2))).Errors["DecisionDate"]);
        Assert.Equal("Enter the date of the decision", (await DecideAsync(period.Id, null)).Errors["DecisionDate"]);

        Succeeded(await DecideAsync(period.Id, Decision));
        Assert.Equal("The decision to place for adoption is already recorded for this period of care, 3 March 2025", (await DecideAsync(period.Id, Decision)).Errors[ChildProtection.ChangedElsewhere]);
    }

    [Fact]
    public async Task EachStep_FollowsTheOneBeforeIt()
    {
        var record = await DecidedAsync();
        Assert.Equal("The match must be on or after the decision to place for adoption, 3 March 2025", (await RecordAsync(record.Id, Match(Decision.AddDays(-1)))).Errors["Date"]);
        Assert.Equal("The placement order must be on or after the decision to place for adoption, 3 March 2025",
            (await RecordAsync(record.Id, new(AdoptionMilestone.PlacementOrder, Decision.AddDays(-1)))).Errors["Date"]);
        Assert.Equal("Record the match with the adopters before the day the child moved in", (await RecordAsync(record.Id, new(AdoptionMilestone.Placed, Decision.AddDays(40)))).Errors[""]);
        Assert.Equal("The date of the match must be today or in the past", (await RecordAsync(record.Id, Match(new DateOnly(2027, 1, 16)))).Errors["Date"]);

        Succeeded(await RecordAsync(record.Id, Match(new DateOnly(2025, 8, 1))));
        Assert.Equal("The day the child moved in must be on or after the match, 1 August 2025", (await RecordAsync(record.Id, new(AdoptionMilestone.Placed, new DateOnly(2025, 7, 31)))).Errors["Date"]);
        Assert.Equal("The match with the adopters is already recorded, 1 August 2025", (await RecordAsync(record.Id, Match(new DateOnly(2025, 8, 2)))).Errors[""]);
        Assert.Equal("Select what you are recording", (await RecordAsync(record.Id, new(null, Decision))).Errors["Milestone"]);
    }

    [Fact]
    public async Task TheAdopters_AreCheckedAgainstTheCodes_AndAgainstTheirNumber()
    {
        var record = await DecidedAsync();
        var missing = await RecordAsync(record.Id, Match(new DateOnly(2025, 8, 1), adopters: null, sex: null, status: "X", foster: null));
        Assert.Equal("Select whether there is one adopter or two", missing.Errors["NumberOfAdopters"]);
        Assert.Equal("Select the adopters' sex", missing.Errors["AdopterSex"]);
        Assert.Equal("Select the adopters' legal status", missing.Errors["AdopterLegalStatus"]);
        Assert.Equal("Select yes if the child is being adopted by their foster carers", missing.Errors["AdoptedByFosterCarers"]);

        var mismatched = await RecordAsync(record.Id, Match(new DateOnly(2025, 8, 1), adopters: 1, sex: "FF", status: "L11"));
        Assert.Equal("Select a single male or female adopter, as there is one adopter", mismatched.Errors["AdopterSex"]);
        Assert.Equal("Select a legal status for someone adopting alone, as there is one adopter", mismatched.Errors["AdopterLegalStatus"]);
    }

    [Fact]
    public async Task ACeasedPlan_NeedsAReason_AndTakesNoMoreSteps()
    {
        var record = await DecidedAsync();
        Succeeded(await RecordAsync(record.Id, new(AdoptionMilestone.PlacementOrder, new DateOnly(2025, 5, 12))));
        Assert.Equal("Select why the child is no longer to be placed for adoption", (await RecordAsync(record.Id, new(AdoptionMilestone.Ceased, new DateOnly(2025, 9, 1), CeasedReason: "RD9"))).Errors["CeasedReason"]);
        Assert.Equal("The date the plan ceased must be on or after the last step recorded, 12 May 2025",
            (await RecordAsync(record.Id, new(AdoptionMilestone.Ceased, new DateOnly(2025, 5, 1), CeasedReason: "RD3"))).Errors["Date"]);

        var ceased = await RecordAsync(record.Id, new(AdoptionMilestone.Ceased, new DateOnly(2025, 9, 1), CeasedReason: "RD3"));
        Succeeded(ceased);
        Assert.Empty(AdoptionRecording.Remaining(ceased.Value!));
        Assert.StartsWith("The child stopped being planned for adoption on 1 September 2025", (await RecordAsync(record.Id, Match(new DateOnly(2025, 10, 1)))).Errors[""], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStalePage_IsRefused()
    {
        var record = await DecidedAsync();
        Succeeded(await RecordAsync(record.Id, new(AdoptionMilestone.PlacementOrder, new DateOnly(2025, 5, 12)), version: record.Version));
        var stale = await RecordAsync(record.Id, Match(new DateOnly(2025, 8, 1)), version: record.Version);
        Assert.Equal(ChildProtection.ChangedElsewhereMessage, stale.Errors[ChildProtection.ChangedElsewhere]);
        await using var db = Database.NewContext();
        Assert.Null((await db.AdoptionRecords.AsNoTracking().SingleAsync()).MatchDate);
    }
}
