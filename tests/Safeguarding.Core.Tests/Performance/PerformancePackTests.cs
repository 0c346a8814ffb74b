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
        Assert.False((await administration.EnterFigureAsync(new FigureForm("KPI1", October, 1, 2, null, "Typed in"), Analyst)).Succeeded);
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
