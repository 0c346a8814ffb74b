using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;
using Safeguarding.Core.Performance;
using Safeguarding.Core.Timescales;
using Safeguarding.SyntheticData;
using Xunit.Abstractions;

namespace Safeguarding.Core.Tests.SyntheticData;

/// <summary>The demo city's performance settings and figures: the same every time, 24 months of the workforce indicators before their records begin.</summary>
public sealed class PerformanceGeneratorTests(ITestOutputHelper output)
{
    private static readonly CitySpec Birmingham = new() { Children = 286_500 };
    private static readonly SyntheticCity Demo = CityGenerator.Generate(new CitySpec { Children = 2_000 });

    public static TheoryData<int> Sizes => [2_000, 20_000, 286_500];

    [Fact]
    public void Generate_SameSeedTwice_GivesTheSameRows()
    {
        var first = Demo.Performance;
        var again = CityGenerator.Generate(new CitySpec { Children = 2_000 }).Performance;

        Assert.Equal(first.Populations.Select(p => (p.Id, p.Year, p.Children, p.Source)), again.Populations.Select(p => (p.Id, p.Year, p.Children, p.Source)));
        Assert.Equal(first.Comparators.Select(c => (c.Id, c.IndicatorCode, c.Kind, c.Year, c.Value, c.Source)),
            again.Comparators.Select(c => (c.Id, c.IndicatorCode, c.Kind, c.Year, c.Value, c.Source)));
        Assert.Equal(first.Figures.Select(f => (f.Id, f.IndicatorCode, f.Month, f.Numerator, f.Denominator, f.Value, f.RecordedAt)),
            again.Figures.Select(f => (f.Id, f.IndicatorCode, f.Month, f.Numerator, f.Denominator, f.Value, f.RecordedAt)));
        Assert.Equal(first.Priorities.Select(p => (p.Id, p.Name)), again.Priorities.Select(p => (p.Id, p.Name)));
        Assert.Equal(first.Measures.Select(m => (m.Id, m.PriorityId, m.IndicatorCode, m.Kind)), again.Measures.Select(m => (m.Id, m.PriorityId, m.IndicatorCode, m.Kind)));
        Assert.All(first.Figures, f => Assert.Equal(Demo.Partnership.Id, f.PartnershipId));

        // Its own random stream: a city without it is otherwise the same city.
        Assert.NotEqual(first.Figures.Select(f => f.Value), PerformanceGenerator.Generate(Demo.Spec with { Seed = 7 }, Demo.Partnership.Id).Figures.Select(f => f.Value));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void EveryEnteredIndicator_HasAFigureForEachOfThe24MonthsBeforeTheWorkforceRecords(int children)
    {
        var spec = new CitySpec { Children = children };
        var figures = PerformanceGenerator.Generate(spec, Guid.NewGuid()).Figures;
        var expectedMonths = PerformanceMonths.Range(new DateOnly(2023, 4, 1), new DateOnly(2025, 3, 1)).ToList();

        Assert.Equal(expectedMonths, PerformanceGenerator.MonthsOf(spec));
        var entered = PerformanceGenerator.EnteredIndicators.Order().ToList();
        Assert.Equal(entered, figures.Select(f => f.IndicatorCode).Distinct().Order().ToList());
        foreach (var code in entered)
        {
            Assert.Equal(expectedMonths, figures.Where(f => f.IndicatorCode == code).Select(f => f.Month).Order().ToList());
        }

        foreach (var figure in figures)
        {
            var definition = DefaultIndicators.Find(figure.IndicatorCode)!;
            Assert.Equal(PerformanceGenerator.FigureSource, figure.Source);
            if (definition.Format == IndicatorFormat.Percent)
            {
                Assert.True(figure.Denominator >= 1, $"{figure.IndicatorCode} {figure.Month}: denominator {figure.Denominator}");
                Assert.InRange(figure.Numerator!.Value, 0, figure.Denominator!.Value);
                Assert.Equal(decimal.Round(figure.Numerator.Value / figure.Denominator.Value, 6), figure.Value);
            }
        }

        Assert.All(figures.Where(f => f.IndicatorCode == "KPI14"), f => Assert.InRange(f.Value, 13m, 21m));
        Assert.All(figures.Where(f => f.IndicatorCode == "KPI14"), f => Assert.Equal(decimal.Round(f.Value, 1), f.Value));
        if (children >= 20_000)
        {
            Assert.All(figures.Where(f => f.IndicatorCode == "KPI13"), f => Assert.InRange(f.Value, 0.05m, 0.25m));
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Statuses_AreMostlyOnTargetOrWithinTolerance_AndSometimesNot(int children)
    {
        var figures = PerformanceGenerator.Generate(new CitySpec { Children = children }, Guid.NewGuid()).Figures;

        var statuses = figures.Select(f =>
        {
            var definition = DefaultIndicators.Find(f.IndicatorCode)!;
            return (f.IndicatorCode, Status: IndicatorStatusRule.Rate(f.Value, definition.DefaultTarget, definition.Polarity));
        }).ToList();
        foreach (var group in statuses.GroupBy(s => s.IndicatorCode))
        {
            output.WriteLine($"{group.Key,-9} " + string.Join(", ", group.GroupBy(s => s.Status).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
        }

        var rated = statuses.Where(s => s.Status != IndicatorStatus.NotRated).ToList();
        var good = rated.Count(s => s.Status is IndicatorStatus.OnTarget or IndicatorStatus.WithinTolerance);
        // A small city's percentages have denominators of a handful (4 or 5 social workers at 2,000 children), so they jump more.
        Assert.InRange(good / (double)rated.Count, children >= 20_000 ? 0.8 : 0.5, 1.0);
        Assert.Contains(rated, s => s.Status == IndicatorStatus.OnTarget);
        Assert.Contains(rated, s => s.Status == IndicatorStatus.WithinTolerance);
        if (children >= 20_000)
        {
            Assert.Contains(rated, s => s.Status == IndicatorStatus.OutsideTolerance);
        }
    }

    [Fact]
    public void Population_CoversEveryFinancialYearOfTheHistory()
    {
        foreach (var years in new[] { 10, 3, 1, 0 })
        {
            var spec = new CitySpec { Children = 5_000, Years = years };
            var populations = PerformanceGenerator.Generate(spec, Guid.NewGuid()).Populations;

            // Reference date 1 April 2026: 2026/27 back to the year the history starts (and at least the figures' first year, 2023/24).
            var first = Math.Min(2026 - years, 2023);
            Assert.Equal(Enumerable.Range(first, 2026 - first + 1), populations.Select(p => p.Year));
            Assert.All(populations, p => Assert.Equal(5_000, p.Children));
            Assert.All(populations, p => Assert.Equal(PerformanceGenerator.PopulationSource, p.Source));
        }
    }

    [Fact]
    public void Comparators_AreTheReportsFigures_ForTheFourYearsBeforeTheReferenceDate()
    {
        var comparators = Demo.Performance.Comparators;

        string[] kpis = ["KPI2", "KPI3", "KPI4", "KPI6", "KPI7", "KPI9", "KPI10", "KPI11", "KPI13", "KPI14"];
        var rates = DefaultIndicators.All.Where(i => i.Group == IndicatorGroup.HeadlineRate).Select(i => i.Code).ToList();
        Assert.Equal(kpis.Concat(rates).Order(), comparators.Select(c => c.IndicatorCode).Distinct().Order());
        Assert.All(kpis, code => Assert.Equal([ComparatorKind.StatisticalNeighbours, ComparatorKind.England],
            comparators.Where(c => c.IndicatorCode == code).Select(c => c.Kind).Distinct().Order()));
        Assert.All(rates, code => Assert.Equal([ComparatorKind.StatisticalNeighbours, ComparatorKind.England, ComparatorKind.Region],
            comparators.Where(c => c.IndicatorCode == code).Select(c => c.Kind).Distinct().Order()));
        Assert.Equal([2022, 2023, 2024, 2025], comparators.Select(c => c.Year).Distinct().Order());
        Assert.All(comparators, c => Assert.Contains("October 2020 KPI report", c.Source, StringComparison.Ordinal));
        Assert.All(comparators, c => Assert.Contains("synthetic", c.Source, StringComparison.Ordinal));
        Assert.All(comparators, c => Assert.True(c.Source.Length <= 300));

        // Close to the report's figure: England's re-referrals 23%, the West Midlands' referrals 593 per 10,000.
        Assert.All(comparators.Where(c => c.IndicatorCode == "KPI2" && c.Kind == ComparatorKind.England), c => Assert.InRange(c.Value, 0.22m, 0.24m));
        Assert.All(comparators.Where(c => c.IndicatorCode == DefaultIndicators.ReferralRate && c.Kind == ComparatorKind.Region), c => Assert.InRange(c.Value, 575, 611));
    }

    [Fact]
    public void Dashboard_HasTwoPrioritiesWithMeasuresOfEachKind()
    {
        var performance = Demo.Performance;

        Assert.Equal(2, performance.Priorities.Count);
        Assert.All(performance.Priorities, p => Assert.Equal(
            [MeasureKind.HowMuch, MeasureKind.HowWell, MeasureKind.BetterOff],
            performance.Measures.Where(m => m.PriorityId == p.Id).Select(m => m.Kind).Distinct().Order()));
        Assert.All(performance.Measures, m => Assert.NotNull(DefaultIndicators.Find(m.IndicatorCode)));
    }

    [Fact]
    public async Task LoadedCity_HasAPackWithEnteredFiguresAndRates()
    {
        await using var connection = new SqliteConnection("DataSource=:memory:");
        await connection.OpenAsync();
        var options = new DbContextOptionsBuilder<SafeguardingDbContext>().UseSqlite(connection).Options;
        await using var db = new SafeguardingDbContext(options, FixedTenantScope.AllPartnerships);
        await db.Database.EnsureCreatedAsync();
        var city = CityGenerator.Generate(new CitySpec { Children = 500 });

        await CityLoader.LoadAsync(db, city, ProcessContext.System(new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero), "seed"));

        Assert.Equal(city.Performance.Populations.Count, await db.ChildPopulations.CountAsync());
        Assert.Equal(city.Performance.Comparators.Count, await db.IndicatorComparators.CountAsync());
        Assert.Equal(city.Performance.Figures.Count, await db.IndicatorFigures.CountAsync());
        Assert.Equal(city.Performance.Priorities.Count, await db.DashboardPriorities.CountAsync());
        Assert.Equal(city.Performance.Measures.Count, await db.DashboardMeasures.CountAsync());
        Assert.Contains(await db.AuditEvents.Select(e => e.Data).ToListAsync(), d => d.Contains("Indicator figures", StringComparison.Ordinal));

        var pack = await new PerformancePack(db, new PartnershipTimescales(TimeProvider.System)).BuildAsync(city.Partnership.Id, new DateOnly(2026, 3, 1));
        Assert.Equal(500, pack.Population?.Children);
        // The workforce KPIs come from the records of the last 12 months and from the spreadsheets' figures before them.
        Assert.All(PerformanceGenerator.EnteredIndicators.Select(code => pack.Find(code)!), i =>
        {
            Assert.Null(i.FigureSource);
            Assert.All(i.Trend, p => Assert.NotNull(p.Figure.Value));
            Assert.All(i.Trend, p => Assert.Equal(p.Month < new DateOnly(2025, 4, 1) ? PerformanceGenerator.FigureSource : null, p.EnteredSource));
        });
        Assert.NotNull(pack.Find(DefaultIndicators.ReferralRate)!.Current.Figure.Value);
        Assert.NotEmpty(pack.Find("KPI2")!.Comparators);
    }
}
