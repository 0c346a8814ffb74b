using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Children;
using Safeguarding.Core.Chronology;
using Safeguarding.Core.Learning;
using Safeguarding.Core.Timescales;
using Safeguarding.Tests.Shared;

namespace Safeguarding.Core.Tests.Chronology;

/// <summary>Adding to a child's chronology and reading it back across merged records, as stored.</summary>
[Trait("Category", "Database")]
public sealed class ChildChronologyTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2025, 7, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2025, 7, 1);
    private TestDatabase database = null!;
    private Guid partnershipId;
    private Guid police;
    private Guid school;
    private Guid council;
    private Guid child;
    private Guid mergedDuplicate;
    private Guid otherChild;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await database.MigrateAsync();
        await using var db = database.NewContext();
        var partnership = new Partnership { Id = Guid.NewGuid(), Code = "CHR", Name = "Chronology partnership", LocalAuthorityName = "Chronology council" };
        partnershipId = partnership.Id;
        Agency Agency(string name, AgencyType type) => new() { Id = Guid.NewGuid(), PartnershipId = partnershipId, Name = name, Type = type };
        var agencies = new[] { Agency("Ashbridge Police", AgencyType.Police), Agency("Larkfield Primary School", AgencyType.School), Agency("Ashbridge City Council", AgencyType.LocalAuthority) };
        (police, school, council) = (agencies[0].Id, agencies[1].Id, agencies[2].Id);
        Person Child(string given, Guid? mergedInto = null) => new()
        {
            Id = Guid.NewGuid(),
            PartnershipId = partnershipId,
            GivenName = given,
            FamilyName = "Test",
            IsChild = true,
            DateOfBirth = new DateOnly(2018, 3, 2),
            MergedIntoId = mergedInto,
        };
        var survivor = Child("Amara");
        var duplicate = Child("Amarah", survivor.Id);
        var other = Child("Bilal");
        (child, mergedDuplicate, otherChild) = (survivor.Id, duplicate.Id, other.Id);
        db.Partnerships.Add(partnership);
        db.Agencies.AddRange(agencies);
        db.People.AddRange(survivor, duplicate, other);
        db.Record(new Registered(partnershipId), ProcessContext.System(Now));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private ProcessContext Context() => new(Guid.NewGuid(), "Test practitioner", partnershipId, Now);

    private async Task<ChangeResult<ChronologyEntry>> AddAsync(Guid personId, DateOnly? on, ChronologyEntryType? type = ChronologyEntryType.AgencyInformation, Guid? agency = null, string? summary = "Attended school hungry", bool? significant = false)
    {
        await using var db = database.NewContext();
        return await new ChildChronology(db).AddAsync(new ChronologyEntryForm(personId, on, type, agency ?? school, summary, significant), Context());
    }

    [Fact]
    public async Task Adding_SavesTheEntry_WithAnEventThatCarriesIdsOnly()
    {
        var result = await AddAsync(child, Today.AddDays(-3), summary: "  Police attended a domestic incident; Amara was present.  ", significant: true, agency: police);

        Assert.True(result.Succeeded);
        await using var db = database.NewContext();
        var entry = await db.ChronologyEntries.SingleAsync(e => e.Id == result.Value!.Id);
        Assert.Equal("Police attended a domestic incident; Amara was present.", entry.Summary);
        Assert.Equal(police, entry.AgencyId);
        Assert.True(entry.IsSignificant);
        Assert.Equal(ChildChronology.AgencySource, entry.Source);
        Assert.Equal(Now, entry.RecordedAt);
        var audit = await db.AuditEvents.SingleAsync(e => e.EventType == nameof(ChronologyEntryAdded));
        Assert.Equal(child.ToString(), audit.SubjectId);
        Assert.Contains(entry.Id.ToString(), audit.Data, StringComparison.Ordinal);
        Assert.DoesNotContain("Amara", audit.Data, StringComparison.Ordinal);
        Assert.DoesNotContain("domestic", audit.Data, StringComparison.OrdinalIgnoreCase);
        Assert.True((await AuditChain.VerifyAsync(db)).IsIntact);
    }

    [Fact]
    public async Task Adding_WithNothingEntered_SaysWhatIsMissingForEveryField()
    {
        await using var db = database.NewContext();

        var result = await new ChildChronology(db).AddAsync(new ChronologyEntryForm(child, null, null, null, "  ", null), Context());

        Assert.False(result.Succeeded);
        Assert.Equal(
            ["AgencyId", "IsSignificant", "OccurredOn", "Summary", "Type"],
            result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Enter a summary of what happened", result.Errors["Summary"]);
        Assert.Equal(0, await db.ChronologyEntries.CountAsync());
    }

    [Fact]
    public async Task Adding_AFutureDateOrAnOverlongSummary_IsRefused()
    {
        var future = await AddAsync(child, Today.AddDays(1));
        var tooLong = await AddAsync(child, Today, summary: new string('a', ChildChronology.LongestSummary + 1));
        var longest = await AddAsync(child, Today, summary: new string('a', ChildChronology.LongestSummary));

        Assert.Equal("The date it happened must be today or in the past", future.Errors["OccurredOn"]);
        Assert.Equal("Summary must be 4,000 characters or fewer", tooLong.Errors["Summary"]);
        Assert.True(longest.Succeeded);
    }

    [Fact]
    public async Task Adding_ForAChildInAnotherPartnership_IsRefused()
    {
        await using var db = database.NewContext();
        var context = Context() with { PartnershipId = Guid.NewGuid() };

        var result = await new ChildChronology(db).AddAsync(new ChronologyEntryForm(child, Today, ChronologyEntryType.Other, school, "x", false), context);

        Assert.Contains("PersonId", result.Errors.Keys);
    }

    [Fact]
    public async Task TheChronology_IncludesMergedRecords_NewestFirst_WithAgencyNames()
    {
        await AddAsync(child, Today.AddDays(-10), summary: "Older, on the surviving record");
        await AddAsync(mergedDuplicate, Today.AddDays(-2), summary: "Newer, on the merged duplicate", agency: police);
        await AddAsync(otherChild, Today.AddDays(-1), summary: "Someone else's");

        await using var db = database.NewContext();
        var page = await new ChildChronology(db).ForChildAsync(child, ChronologyFilter.None);

        Assert.Equal(["Newer, on the merged duplicate", "Older, on the surviving record"], page.Entries.Select(e => e.Summary));
        Assert.Equal(["Ashbridge Police", "Larkfield Primary School"], page.Entries.Select(e => e.AgencyName));
        Assert.Equal(2, page.Total);
    }

    [Fact]
    public async Task Filters_NarrowTheEntries_WhileTheFacetsCountTheWholeChronology()
    {
        await AddAsync(child, Today.AddDays(-5), ChronologyEntryType.AgencyInformation, police, "Domestic incident", significant: true);
        await AddAsync(child, Today.AddDays(-4), ChronologyEntryType.AgencyInformation, school, "Attendance 80%");
        await AddAsync(child, Today.AddDays(-3), ChronologyEntryType.MissingEpisode, police, "Missing overnight", significant: true);
        await using var db = database.NewContext();
        var chronology = new ChildChronology(db);

        var byPolice = await chronology.ForChildAsync(child, new ChronologyFilter([police], [], false));
        var significantInformation = await chronology.ForChildAsync(child, new ChronologyFilter([], [ChronologyEntryType.AgencyInformation], true));

        Assert.Equal(["Missing overnight", "Domestic incident"], byPolice.Entries.Select(e => e.Summary));
        Assert.Equal(["Domestic incident"], significantInformation.Entries.Select(e => e.Summary));
        Assert.Equal(3, byPolice.AllEntries);
        Assert.Equal(2, byPolice.SignificantEntries);
        Assert.Equal([("Ashbridge Police", 2), ("Larkfield Primary School", 1)], byPolice.Agencies.Select(a => (a.Name, a.Count)));
        Assert.Equal([(ChronologyEntryType.AgencyInformation, 2), (ChronologyEntryType.MissingEpisode, 1)], byPolice.Types.Select(t => (t.Type, t.Count)));
    }

    [Fact]
    public async Task Paging_TakesAPageAtATime_AndANullPageSizeGivesEverything()
    {
        for (var i = 0; i < 5; i++)
        {
            await AddAsync(child, Today.AddDays(-i), summary: $"Entry {i}");
        }

        await using var db = database.NewContext();
        var chronology = new ChildChronology(db);

        var second = await chronology.ForChildAsync(child, ChronologyFilter.None, page: 2, pageSize: 2);
        var beyond = await chronology.ForChildAsync(child, ChronologyFilter.None, page: 9, pageSize: 2);
        var all = await chronology.ForChildAsync(child, ChronologyFilter.None, pageSize: null);

        Assert.Equal(["Entry 2", "Entry 3"], second.Entries.Select(e => e.Summary));
        Assert.Equal(3, second.PageCount);
        Assert.Equal(3, beyond.Page);
        Assert.Equal(["Entry 4"], beyond.Entries.Select(e => e.Summary));
        Assert.Equal(5, all.Entries.Count);
        Assert.Equal(1, all.PageCount);
    }

    [Fact]
    public async Task ASeriousIncidentNotification_ForAChild_AddsASignificantEntry_InTheSameSave()
    {
        await using var db = database.NewContext();
        var register = new SeriousIncidentRegister(db, new ClockService(db, new PartnershipTimescales(new FakeTimeProvider(Now))), new ChildChronology(db));
        var form = new SeriousIncidentForm(Today.AddDays(-3), Now.AddDays(-1), SeriousIncidentOutcome.SeriouslyHarmed, true, false, false, child);

        var result = await register.RecordAsync(form, Context());

        Assert.True(result.Succeeded);
        await using var check = database.NewContext();
        var entry = await check.ChronologyEntries.SingleAsync();
        Assert.Equal(child, entry.PersonId);
        Assert.Equal(ChronologyEntryType.SeriousIncident, entry.Type);
        Assert.True(entry.IsSignificant);
        Assert.Equal(council, entry.AgencyId);
        Assert.Equal(Today.AddDays(-3), entry.OccurredOn);
        Assert.Equal(result.Value!.Reference, entry.SourceReference);
        Assert.Contains("was seriously harmed", entry.Summary, StringComparison.Ordinal);
        Assert.Equal(child, (await check.SeriousIncidentNotifications.SingleAsync()).ChildId);
    }

    [Fact]
    public async Task ASeriousIncidentNotification_ForAnUnknownChild_SavesNothing()
    {
        await using var db = database.NewContext();
        var register = new SeriousIncidentRegister(db, new ClockService(db, new PartnershipTimescales(new FakeTimeProvider(Now))), new ChildChronology(db));
        var form = new SeriousIncidentForm(Today.AddDays(-3), Now.AddDays(-1), SeriousIncidentOutcome.Died, true, false, false, Guid.NewGuid());

        var result = await register.RecordAsync(form, Context());

        Assert.False(result.Succeeded);
        await using var check = database.NewContext();
        Assert.Equal(0, await check.SeriousIncidentNotifications.CountAsync());
        Assert.Equal(0, await check.ChronologyEntries.CountAsync());
    }

    private sealed record Registered(Guid PartnershipId) : IDomainEvent
    {
        public string SubjectType => "Partnership";
        public string SubjectId => PartnershipId.ToString();
    }
}
