using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Core.Performance;
using Safeguarding.Core.Timescales;
using Safeguarding.Tests.Shared;

namespace Safeguarding.Core.Tests.Performance;

/// <summary>
/// The pack against a real database: merged records count once, targets apply from their year on,
/// entered figures and comparators appear with their sources, and the cache never serves a pack older
/// than the last write.
/// </summary>
[Trait("Category", "Database")]
public sealed class PerformancePackTests : IAsyncLifetime
{
    private static readonly DateOnly October = new(2026, 10, 1);
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private TestDatabase database = null!;
    private Guid partnershipId;
    private Guid userId;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await database.MigrateAsync();
        await using var db = database.NewContext();
        var partnership = new Partnership { Id = Guid.NewGuid(), Code = "PK", Name = "Pack partnership", LocalAuthorityName = "Packshire council" };
        partnershipId = partnership.Id;
        db.Partnerships.Add(partnership);
        var agency = new Agency { Id = Guid.NewGuid(), PartnershipId = partnershipId, Name = "Packshire Children's Trust", Type = AgencyType.ChildrensTrust, IsActive = true };
        db.Agencies.Add(agency);
        db.Record(new SetUp(partnershipId), ProcessContext.System(Now));
        await db.SaveChangesAsync();
        var user = new User { Id = Guid.NewGuid(), DisplayName = "Pat Analyst", UserName = "pat", Email = "pat@example.test", PartnershipId = partnershipId, AgencyId = agency.Id };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        userId = user.Id;
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private ProcessContext Analyst => new(userId, "Pat Analyst", partnershipId, Now);

    private PerformancePack Pack(SafeguardingDbContext db, PerformancePackCache? cache = null) => new(db, new PartnershipTimescales(TimeProvider.System), cache);

    [Fact]
    public async Task AChildWithTwoRecordsMergedIntoOne_IsOneChildInNeed_AndTheSecondReferralIsARepeat()
    {
        await using var db = database.NewContext();
        var survivor = Child(db, "Sam");
        var duplicate = Child(db, "Sam");
        duplicate.MergedIntoId = survivor.Id;
        Referral(db, survivor, new(2026, 3, 1));
        Referral(db, duplicate, new(2026, 10, 5));
        db.Record(new SetUp(partnershipId), Analyst);
        await db.SaveChangesAsync();
        await new PerformanceAdministration(db).SetPopulationAsync(new PopulationForm(2026, 10_000, "Test population"), Analyst);

        var pack = await Pack(db).BuildAsync(partnershipId, October);

        Assert.Equal(new Figure(1, 10_000, 1m), pack.Find(DefaultIndicators.ChildInNeedRate)!.Current.Figure);
        Assert.Equal(new Figure(1, 1, 1m), pack.Find(DefaultIndicators.ReReferrals)!.Current.Figure);
    }

    [Fact]
    public async Task ATargetSetForAYear_AppliesFromThatYearOn_AndEarlierMonthsKeepTheDefault()
    {
        await using var db = database.NewContext();
        var result = await new PerformanceAdministration(db).SetTargetAsync(new TargetForm("KPI3", 2026, 0.90m, 0.85m, 0.95m, "Head of Assessment"), Analyst);
        Assert.True(result.Succeeded);

        var pack = await Pack(db).BuildAsync(partnershipId, October);
        var kpi3 = pack.Find("KPI3")!;

        Assert.Equal((new IndicatorTargetBand(0.90m, 0.85m, 0.95m), (int?)2026, "Head of Assessment"), (kpi3.Band!, kpi3.BandYear, kpi3.Owner));
        // March 2026 is in 2025/26: the contract default.
        Assert.Equal(0.85m, kpi3.Trend.Single(p => p.Month == new DateOnly(2026, 3, 1)).Band!.Target);
        Assert.Equal(0.90m, kpi3.Trend.Single(p => p.Month == new DateOnly(2026, 4, 1)).Band!.Target);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EventType == nameof(IndicatorTargetSet) && e.SubjectId == "KPI3/2026"));
    }

    [Fact]
    public async Task EnteredFiguresAndComparators_AppearWithTheirSources_AndTheLatestPublishedYear()
    {
        await using var db = database.NewContext();
        var administration = new PerformanceAdministration(db);
        Assert.True((await administration.EnterFigureAsync(new FigureForm("KPI15", October, 439, 527, null, "Supervision log"), Analyst)).Succeeded);
        Assert.True((await administration.SetComparatorAsync(new ComparatorForm("KPI7", ComparatorKind.England, 2019, 0.10m, "DfE 2019-20"), Analyst)).Succeeded);
        Assert.True((await administration.SetComparatorAsync(new ComparatorForm("KPI7", ComparatorKind.England, 2024, 0.11m, "DfE 2024-25"), Analyst)).Succeeded);
        Assert.True((await administration.SetComparatorAsync(new ComparatorForm("KPI7", ComparatorKind.England, 2027, 0.12m, "DfE 2027-28"), Analyst)).Succeeded);

        var pack = await Pack(db).BuildAsync(partnershipId, October);

        var kpi15 = pack.Find("KPI15")!;
        Assert.Equal((439m, 527m, IndicatorStatus.WithinTolerance, "Supervision log"), (kpi15.Current.Figure.Numerator!.Value, kpi15.Current.Figure.Denominator!.Value, kpi15.Status, kpi15.FigureSource));
        var england = Assert.Single(pack.Find("KPI7")!.Comparators);
        Assert.Equal((2024, 0.11m, "DfE 2024-25"), (england.Year, england.Value, england.Source));
        Assert.False((await administration.EnterFigureAsync(new FigureForm("KPI99", October, 1, 2, null, "Typed in"), Analyst)).Succeeded);
    }

    [Fact]
    public async Task TheCache_ServesThePackUntilTheNextWrite()
    {
        var cache = new PerformancePackCache();
        MonthlyPack first;
        await using (var db = database.NewContext())
        {
            first = await Pack(db, cache).BuildAsync(partnershipId, October);
        }

        await using (var db = database.NewContext())
        {
            Assert.Same(first, await Pack(db, cache).BuildAsync(partnershipId, October));
            var written = await new PackCommentary(db).WriteAsync("KPI1", October, "Quicker decisions.", null, Analyst);
            Assert.True(written.Succeeded);
        }

        await using (var db = database.NewContext())
        {
            var after = await Pack(db, cache).BuildAsync(partnershipId, October);
            Assert.NotSame(first, after);
            Assert.Equal("Quicker decisions.", after.Find("KPI1")!.Commentary!.Text);
        }
    }

    [Fact]
    public async Task ComparatorImport_IsAllOrNothing()
    {
        await using var db = database.NewContext();
        var administration = new PerformanceAdministration(db);
        var bad = await administration.ImportComparatorsAsync(
            "indicator,comparator,year,value,source\nKPI2,England,2019/20,23%,DfE\nKPI9,Mars,2019,52,DfE\nKPI10,SN,twenty,79,DfE\n", Analyst);

        Assert.False(bad.Succeeded);
        Assert.Equal(["line3", "line4"], bad.Errors.Keys.Order());
        Assert.Equal(0, await db.IndicatorComparators.CountAsync(c => c.PartnershipId == partnershipId));

        var good = await administration.ImportComparatorsAsync("indicator,comparator,year,value,source\nKPI2,England,2019/20,23%,\"DfE, CIN census\"\n", Analyst);
        Assert.Equal(1, good.Value);
        var saved = await db.IndicatorComparators.SingleAsync(c => c.PartnershipId == partnershipId);
        Assert.Equal((0.23m, 2019, "DfE, CIN census"), (saved.Value, saved.Year, saved.Source));
    }

    [Fact]
    public async Task AnAssessmentAuthorisedAfterItsEpisodeClosed_IsStillTimedFromItsReferral()
    {
        await using var db = database.NewContext();
        var child = Child(db, "Late");
        var episode = new CinEpisode { Id = Guid.NewGuid(), PartnershipId = partnershipId, PersonId = child.Id, ReferralDate = new(2020, 1, 6), ClosureDate = new(2021, 1, 4), ReferralSource = "3A" };
        db.CinEpisodes.Add(episode);
        db.Assessments.Add(new Assessment { Id = Guid.NewGuid(), PartnershipId = partnershipId, EpisodeId = episode.Id, PersonId = child.Id, StartDate = new(2020, 1, 6), AuthorisationDate = new(2026, 10, 12) });
        db.Record(new SetUp(partnershipId), Analyst);
        await db.SaveChangesAsync();

        var cases = (await Pack(db).DrillDownAsync(partnershipId, "KPI3", October))!.Cases;

        var late = Assert.Single(cases);
        Assert.Equal((new DateOnly(2020, 1, 6), false), (late.From!.Value, late.InNumerator));
    }

    [Fact]
    public async Task LookedAfterFigures_ComeFromPeriodsEpisodesReviewsAdoptionAndCareLeavers_WithMergedRecordsAsOneChild()
    {
        await using var db = database.NewContext();
        var survivor = Child(db, "Ali");
        var duplicate = Child(db, "Ali");
        duplicate.MergedIntoId = survivor.Id;

        // One child under two records: a period in care since 2021 on each record's side, a move in March and June.
        var early = Period(db, duplicate, new(2021, 1, 4), end: new(2026, 2, 1), "E4B");
        Episode(db, early, "S", new(2021, 1, 4), "U4");
        var current = Period(db, survivor, new(2026, 3, 2));
        Episode(db, current, "S", new(2026, 3, 2), "U6");
        Episode(db, current, "P", new(2026, 6, 1), "U4");
        db.LookedAfterReviews.Add(new LookedAfterReview { Id = Guid.NewGuid(), PartnershipId = partnershipId, CarePeriodId = current.Id, PersonId = survivor.Id, HeldOn = new(2026, 3, 27), Participation = "PN1" });
        db.LookedAfterReviews.Add(new LookedAfterReview { Id = Guid.NewGuid(), PartnershipId = partnershipId, CarePeriodId = current.Id, PersonId = survivor.Id, HeldOn = new(2026, 7, 1), Participation = "PN1" });

        // Adopted in September, 300 days after coming into care.
        var baby = Child(db, "Bea");
        var adopted = Period(db, baby, new(2025, 1, 6), end: new(2026, 9, 1), "E11");
        Episode(db, adopted, "S", new(2025, 1, 6), "U4");
        db.AdoptionRecords.Add(new AdoptionRecord { Id = Guid.NewGuid(), PartnershipId = partnershipId, PersonId = baby.Id, CarePeriodId = adopted.Id, DecisionDate = new(2025, 4, 1), PlacedDate = new(2025, 11, 2) });

        var leaver = Child(db, "Cy");
        db.CareLeaverContacts.Add(new CareLeaverContact { Id = Guid.NewGuid(), PartnershipId = partnershipId, PersonId = leaver.Id, Age = 19, Birthday = new(2026, 5, 1), InTouch = "YES", Activity = "F5", Accommodation = "U1" });
        db.Record(new SetUp(partnershipId), Analyst);
        await db.SaveChangesAsync();
        await new PerformanceAdministration(db).SetPopulationAsync(new PopulationForm(2026, 10_000, "Test population"), Analyst);

        var pack = await Pack(db).BuildAsync(partnershipId, October);

        Assert.Equal(new Figure(1, 10_000, 1m), pack.Find(DefaultIndicators.InCareRate)!.Current.Figure);

        // The placement at the start of the 12 months (the earlier period's), March's and June's: three, across both records.
        Assert.Equal(new Figure(1, 1, 1m), pack.Find(DefaultIndicators.PlacementMoves)!.Current.Figure);

        // The first review was due 30 March (20 working days from 2 March), the second 27 June: only the first is on time, and only the second is since April.
        Assert.Equal(new Figure(0, 1, 0m), pack.Find(DefaultIndicators.ReviewsOnTime)!.Current.Figure);
        Assert.Equal(new Figure(1, null, 1), pack.Find(DefaultIndicators.Adoptions)!.Current.Figure);
        Assert.Equal(new Figure(1, null, 300), pack.Find(DefaultIndicators.AdoptionTimeliness)!.Current.Figure);
        Assert.Equal(new Figure(1, 1, 1m), pack.Find(DefaultIndicators.CareLeaversInEducation)!.Current.Figure);
        Assert.Equal(new Figure(1, 1, 1m), pack.Find(DefaultIndicators.CareLeaversSuitablyHoused)!.Current.Figure);
    }

    [Fact]
    public async Task AnEnteredFigure_FillsAMonthWithNoRecords_AndAMonthWithRecordsKeepsItsOwn()
    {
        await using var db = database.NewContext();
        var admin = new PerformanceAdministration(db);
        Assert.True((await admin.EnterFigureAsync(new FigureForm(DefaultIndicators.Adoptions, new(2026, 9, 1), null, null, 9, "2026 KPI spreadsheet"), Analyst)).Succeeded);
        Assert.True((await admin.EnterFigureAsync(new FigureForm(DefaultIndicators.Adoptions, October, null, null, 40, "2026 KPI spreadsheet"), Analyst)).Succeeded);
        var baby = Child(db, "Dee");
        var adopted = Period(db, baby, new(2025, 1, 6), end: new(2026, 10, 2), "E12");
        Episode(db, adopted, "S", new(2025, 1, 6), "U4");
        db.Record(new SetUp(partnershipId), Analyst);
        await db.SaveChangesAsync();

        var kpi12 = (await Pack(db).BuildAsync(partnershipId, October)).Find(DefaultIndicators.Adoptions)!;

        // October has an adoption recorded, so it shows the record's count; September had none, so the spreadsheet's 9 shows with its source.
        Assert.Equal((new Figure(1, null, 1), (string?)null), (kpi12.Current.Figure, kpi12.FigureSource));
        var september = kpi12.Trend.Single(p => p.Month == new DateOnly(2026, 9, 1));
        Assert.Equal((new Figure(null, null, 9), "2026 KPI spreadsheet"), (september.Figure, september.EnteredSource));
        Assert.Equal(new Figure(0, null, 0), kpi12.Trend.Single(p => p.Month == new DateOnly(2026, 8, 1)).Figure);
    }

    private CarePeriod Period(SafeguardingDbContext db, Person child, DateOnly start, DateOnly? end = null, string? endReason = null)
    {
        var period = new CarePeriod { Id = Guid.NewGuid(), PartnershipId = partnershipId, PersonId = child.Id, StartDate = start, EndDate = end, EndReason = endReason, RecordedAt = Now };
        db.CarePeriods.Add(period);
        return period;
    }

    private void Episode(SafeguardingDbContext db, CarePeriod period, string reason, DateOnly start, string placement) =>
        db.CareEpisodes.Add(new CareEpisode
        {
            Id = Guid.NewGuid(),
            PartnershipId = partnershipId,
            CarePeriodId = period.Id,
            PersonId = period.PersonId,
            StartDate = start,
            ReasonNewEpisode = reason,
            LegalStatus = "C2",
            CategoryOfNeed = "N1",
            PlacementType = placement,
        });

    private Person Child(SafeguardingDbContext db, string name)
    {
        var child = new Person { Id = Guid.NewGuid(), PartnershipId = partnershipId, GivenName = name, FamilyName = "Counted", DateOfBirth = new DateOnly(2016, 1, 1), IsChild = true };
        db.People.Add(child);
        return child;
    }

    private void Referral(SafeguardingDbContext db, Person child, DateOnly on) =>
        db.CinEpisodes.Add(new CinEpisode { Id = Guid.NewGuid(), PartnershipId = partnershipId, PersonId = child.Id, ReferralDate = on, ReferralSource = "3A" });

    private sealed record SetUp(Guid Id) : IDomainEvent
    {
        public string SubjectType => "Test";
        public string SubjectId => Id.ToString();
    }
}
