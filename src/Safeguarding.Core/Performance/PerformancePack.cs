using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Timescales;

namespace Safeguarding.Core.Performance;

/// <summary>A month's figure: numerator and denominator where the indicator has them, and the value rated.</summary>
public sealed record Figure(decimal? Numerator, decimal? Denominator, decimal? Value)
{
    public static readonly Figure None = new(null, null, null);
}

/// <summary>A month's figure; <see cref="EnteredSource"/> is set when it was entered rather than calculated (history from before the records).</summary>
public sealed record IndicatorPoint(DateOnly Month, Figure Figure, IndicatorTargetBand? Band, IndicatorStatus Status, string? EnteredSource = null);

public sealed record PackIndicator(
    IndicatorDefinition Definition,
    string Owner,
    IndicatorTargetBand? Band,
    int? BandYear,
    IndicatorPoint Current,
    IndicatorPoint SameMonthLastYear,
    Figure? Comparison,
    IReadOnlyList<IndicatorPoint> Trend,
    int MonthsOnTargetOrWithinTolerance,
    int MonthsRated,
    IReadOnlyList<IndicatorComparator> Comparators,
    IndicatorCommentary? Commentary,
    string? FigureSource)
{
    public IndicatorStatus Status => Current.Status;
}

public sealed record MonthlyPack(Guid PartnershipId, DateOnly Month, IReadOnlyList<PackIndicator> Indicators, PerformancePackSignOff? SignOff, ChildPopulation? Population)
{
    public bool IsSignedOff => SignOff is not null;

    public PackIndicator? Find(string code) => Indicators.FirstOrDefault(i => string.Equals(i.Definition.Code, code, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The records behind one indicator's figure for a month.</summary>
public sealed record IndicatorDrillDown(IndicatorDefinition Definition, DateOnly Month, Figure Figure, CaseLabels Labels, IReadOnlyList<IndicatorCase> Cases);

/// <summary>
/// Builds the monthly performance pack: every indicator's figure for the month and the 23 before it,
/// rated against the target for each month's financial year, with comparators, commentary and sign-off.
/// Reads only; give it the reporting connection's context where there is one. With a cache, a pack
/// built since the last write anywhere is served again (see <see cref="PerformancePackCache"/>).
/// </summary>
public sealed class PerformancePack(SafeguardingDbContext db, PartnershipTimescales timescales, PerformancePackCache? cache = null)
{
    public const int TrendMonths = 24;

    public async Task<MonthlyPack> BuildAsync(Guid partnershipId, DateOnly month, CancellationToken cancellationToken = default)
    {
        month = PerformanceMonths.StartOf(month);
        if (cache is null)
        {
            return await BuildNowAsync(partnershipId, month, cancellationToken);
        }

        // Read the version first: a write during the build leaves the entry older than the data, so it is rebuilt next time.
        var version = await db.AuditChainHeads.AsNoTracking().Where(h => h.Id == 1).Select(h => h.LastSequence).SingleOrDefaultAsync(cancellationToken);
        if (cache.TryGet(partnershipId, month, version, out var cached))
        {
            return cached;
        }

        var built = await BuildNowAsync(partnershipId, month, cancellationToken);
        cache.Store(partnershipId, month, version, built);
        return built;
    }

    private async Task<MonthlyPack> BuildNowAsync(Guid partnershipId, DateOnly month, CancellationToken cancellationToken)
    {
        var first = month.AddMonths(-(TrendMonths - 1));
        var settings = await PerformanceSettings.LoadAsync(db, partnershipId, first, month, cancellationToken);
        var calendar = (await timescales.ForAsync(db, partnershipId, cancellationToken)).Calendar;
        var data = await PerformanceData.LoadAsync(db, partnershipId, first, month, calendar, cancellationToken);
        var months = PerformanceMonths.Range(first, month).ToList();

        // The indicators are worked out side by side over the same rows, which nothing changes once read.
        var indicators = DefaultIndicators.All.AsParallel().AsOrdered().Select(definition =>
        {
            var trend = months.Select(m => Point(definition, m, data, settings)).ToList();
            var current = trend[^1];
            var lastTwelve = trend.Skip(TrendMonths - 12).ToList();
            var (band, bandYear) = settings.BandFor(definition, month);
            return new PackIndicator(
                definition,
                settings.OwnerOf(definition, month),
                band,
                bandYear,
                current,
                trend[^13],
                Compare(definition, trend.Skip(TrendMonths - 13).Take(12).ToList()),
                trend,
                lastTwelve.Count(p => p.Status is IndicatorStatus.OnTarget or IndicatorStatus.WithinTolerance),
                lastTwelve.Count(p => p.Status != IndicatorStatus.NotRated),
                settings.ComparatorsFor(definition.Code, month),
                settings.Commentary.GetValueOrDefault(definition.Code),
                current.EnteredSource);
        }).ToList();

        return new MonthlyPack(partnershipId, month, indicators, settings.SignOff, settings.PopulationFor(month));
    }

    /// <summary>The records behind a calculated indicator's figure for the month; null when it is not calculated from records.</summary>
    public async Task<IndicatorDrillDown?> DrillDownAsync(Guid partnershipId, string code, DateOnly month, CancellationToken cancellationToken = default)
    {
        var definition = DefaultIndicators.Find(code);
        if (definition is null || IndicatorCalculations.Labels(definition.Code) is not { } labels)
        {
            return null;
        }

        month = PerformanceMonths.StartOf(month);
        var settings = await PerformanceSettings.LoadAsync(db, partnershipId, month, month, cancellationToken);
        var calendar = (await timescales.ForAsync(db, partnershipId, cancellationToken)).Calendar;
        var data = await PerformanceData.LoadAsync(db, partnershipId, month, month, calendar, cancellationToken);
        var cases = IndicatorCalculations.Cases(definition.Code, data, month)!.OrderBy(c => c.Date).ThenBy(c => c.RecordId).ToList();
        return new IndicatorDrillDown(definition, month, FigureOf(definition, cases, settings, month), labels, cases);
    }

    private static IndicatorPoint Point(IndicatorDefinition definition, DateOnly month, PerformanceData data, PerformanceSettings settings)
    {
        var (figure, enteredSource) = FigureFor(definition, data, settings, month);
        var (band, _) = settings.BandFor(definition, month);
        return new IndicatorPoint(month, figure, band, IndicatorStatusRule.Rate(figure.Value, band, definition.Polarity), enteredSource);
    }

    /// <summary>
    /// The records' figure; a month with no records behind it (before the system held them) takes the figure
    /// entered for it, if any, with its source: a partnership's spreadsheet history fills the trend.
    /// </summary>
    private static (Figure Figure, string? EnteredSource) FigureFor(IndicatorDefinition definition, PerformanceData data, PerformanceSettings settings, DateOnly month)
    {
        settings.Figures.TryGetValue((definition.Code, month), out var entered);
        var cases = definition.IsCalculated ? IndicatorCalculations.Cases(definition.Code, data, month)?.ToList() : null;
        if (cases is { Count: > 0 } || (cases is not null && entered is null))
        {
            return (FigureOf(definition, cases, settings, month), null);
        }

        return entered is null ? (Figure.None, null) : (new Figure(entered.Numerator, entered.Denominator, entered.Value), entered.Source);
    }

    /// <summary>Turns the records behind a figure into the figure: a share, a mean (of days, of caseloads), a count, or a rate per 10,000 children.</summary>
    public static Figure FigureOf(IndicatorDefinition definition, IEnumerable<IndicatorCase> cases, PerformanceSettings settings, DateOnly month)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(settings);
        int all = 0, counted = 0, timed = 0;
        decimal days = 0;
        foreach (var c in cases)
        {
            all++;
            counted += c.InNumerator ? 1 : 0;
            timed += c.Measure is null ? 0 : 1;
            days += c.Measure ?? 0;
        }

        switch (definition.Format)
        {
            case IndicatorFormat.Percent:
                return new Figure(counted, all, all == 0 ? null : (decimal)counted / all);
            case IndicatorFormat.Days or IndicatorFormat.Number:
                // A mean of the records' measures (A1's child-weighted three-year average, a caseload per worker): the numerator is how many were measured.
                return new Figure(timed, null, timed == 0 ? null : days / timed);
            case IndicatorFormat.RatePer10000:
                // Every record behind a rate counts; InNumerator marks a share's numerator (e.g. re-referrals among referrals).
                var population = settings.PopulationFor(month)?.Children;
                return new Figure(all, population, population is > 0 ? all * 10_000m / population.Value : null);
            default:
                return new Figure(all, null, all);
        }
    }

    /// <summary>The KPI report's comparison column, from the twelve months before the reporting month.</summary>
    private static Figure? Compare(IndicatorDefinition definition, IReadOnlyList<IndicatorPoint> previousTwelve)
    {
        var known = previousTwelve.Where(p => p.Figure.Value is not null).Select(p => p.Figure).ToList();
        var ratio = definition.Format == IndicatorFormat.Percent;
        switch (definition.Comparison)
        {
            case ComparisonRule.PreviousMonth:
                return previousTwelve[^1].Figure;
            case ComparisonRule.Previous12MonthsCumulative when known.Count > 0:
                var numerator = known.Sum(f => f.Numerator ?? 0);
                var denominator = ratio ? known.Sum(f => f.Denominator ?? 0) : (decimal?)null;
                return new Figure(numerator, denominator, ratio ? (denominator > 0 ? numerator / denominator : null) : known.Sum(f => f.Value ?? 0));
            case ComparisonRule.Previous12MonthsAverage when known.Count > 0:
                var averageNumerator = known.Average(f => f.Numerator ?? 0);
                var averageDenominator = ratio ? known.Average(f => f.Denominator ?? 0) : (decimal?)null;
                return new Figure(averageNumerator, averageDenominator,
                    ratio ? (averageDenominator > 0 ? averageNumerator / averageDenominator : null) : known.Average(f => f.Value ?? 0));
            default:
                return null;
        }
    }
}

/// <summary>A partnership's targets, comparators, population, entered figures, commentary and sign-off for the months a pack covers.</summary>
public sealed class PerformanceSettings
{
    public required IReadOnlyList<IndicatorTarget> Targets { get; init; }
    public required IReadOnlyList<IndicatorComparator> Comparators { get; init; }
    public required IReadOnlyList<ChildPopulation> Populations { get; init; }
    public required IReadOnlyDictionary<(string Code, DateOnly Month), IndicatorFigure> Figures { get; init; }
    public required IReadOnlyDictionary<string, IndicatorCommentary> Commentary { get; init; }
    public PerformancePackSignOff? SignOff { get; init; }

    public static async Task<PerformanceSettings> LoadAsync(SafeguardingDbContext db, Guid partnershipId, DateOnly firstMonth, DateOnly month, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var targets = await db.IndicatorTargets.AsNoTracking().Where(t => t.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        var comparators = await db.IndicatorComparators.AsNoTracking().Where(c => c.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        var populations = await db.ChildPopulations.AsNoTracking().Where(p => p.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        var figures = await db.IndicatorFigures.AsNoTracking()
            .Where(f => f.PartnershipId == partnershipId && f.Month >= firstMonth && f.Month <= month).ToListAsync(cancellationToken);
        var commentary = await db.IndicatorCommentaries.AsNoTracking()
            .Where(c => c.PartnershipId == partnershipId && c.Month == month).ToListAsync(cancellationToken);
        var signOff = await db.PerformancePackSignOffs.AsNoTracking()
            .SingleOrDefaultAsync(s => s.PartnershipId == partnershipId && s.Month == month, cancellationToken);
        return new PerformanceSettings
        {
            Targets = targets,
            Comparators = comparators,
            Populations = populations,
            Figures = figures.ToDictionary(f => (f.IndicatorCode, f.Month)),
            Commentary = commentary.ToDictionary(c => c.IndicatorCode, StringComparer.OrdinalIgnoreCase),
            SignOff = signOff,
        };
    }

    /// <summary>The target in force for the month's financial year: the partnership's latest not after it, else the default (year null).</summary>
    public (IndicatorTargetBand? Band, int? Year) BandFor(IndicatorDefinition definition, DateOnly month)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var local = LocalTarget(definition.Code, month);
        return local is null ? (definition.DefaultTarget, null) : (local.Band, local.Year);
    }

    public string OwnerOf(IndicatorDefinition definition, DateOnly month)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return LocalTarget(definition.Code, month)?.Owner ?? definition.DefaultOwner;
    }

    public ChildPopulation? PopulationFor(DateOnly month)
    {
        var year = PerformanceMonths.FinancialYearOf(month);
        return Populations.Where(p => p.Year <= year).MaxBy(p => p.Year);
    }

    /// <summary>The latest published figure of each kind for a year not after the month's.</summary>
    public IReadOnlyList<IndicatorComparator> ComparatorsFor(string code, DateOnly month)
    {
        var year = PerformanceMonths.FinancialYearOf(month);
        return Comparators.Where(c => string.Equals(c.IndicatorCode, code, StringComparison.OrdinalIgnoreCase) && c.Year <= year)
            .GroupBy(c => c.Kind).Select(g => g.MaxBy(c => c.Year)!).OrderBy(c => c.Kind).ToList();
    }

    private IndicatorTarget? LocalTarget(string code, DateOnly month)
    {
        var year = PerformanceMonths.FinancialYearOf(month);
        return Targets.Where(t => string.Equals(t.IndicatorCode, code, StringComparison.OrdinalIgnoreCase) && t.Year <= year).MaxBy(t => t.Year);
    }
}
