using Safeguarding.Core.Calendar;
using Safeguarding.Core.Performance;

namespace Safeguarding.SyntheticData;

/// <summary>The partnership's performance settings and entered figures, as rows ready to insert in this order.</summary>
public sealed record SyntheticPerformance(
    IReadOnlyList<ChildPopulation> Populations,
    IReadOnlyList<IndicatorComparator> Comparators,
    IReadOnlyList<IndicatorFigure> Figures,
    IReadOnlyList<DashboardPriority> Priorities,
    IReadOnlyList<DashboardMeasure> Measures)
{
    public static readonly SyntheticPerformance Empty = new([], [], [], [], []);

    public int Rows => Populations.Count + Comparators.Count + Figures.Count + Priorities.Count + Measures.Count;
}

/// <summary>
/// What a performance team would have set up for the city, so the monthly KPI pack is realistic out of the box:
/// the child population for every financial year of the city's history; the published comparators of
/// shared/docs/performance-indicators.md (England, statistical neighbours, the West Midlands for the rates)
/// for the four financial years before the reference date, varied slightly by year; 24 months of figures for
/// the workforce KPIs before their records begin (history from spreadsheets), around the October 2020
/// report's figures scaled to the city, with gentle trends and noise; and two Business Improvement Plan
/// priorities on the partnership dashboard. Its own random stream, so the rest of the city is unchanged.
/// </summary>
public static class PerformanceGenerator
{
    /// <summary>Months of entered history, ending where the workforce records begin (<see cref="WorkforceGenerator.RecordsFrom"/>).</summary>
    public const int FigureMonths = 24;

    /// <summary>The indicators whose history the demo's performance team entered from its spreadsheets: the workforce KPIs.</summary>
    public static readonly IReadOnlyList<string> EnteredIndicators = [DefaultIndicators.AgencyStaff, DefaultIndicators.Caseloads, DefaultIndicators.Supervised];
    public const int ComparatorYears = 4;
    public const int ReportChildren = 286_500;
    public const string PopulationSource = "Synthetic city: children aged 0 to 17";
    public const string FigureSource = "Synthetic demo figures";

    /// <summary>Months well off in the bad direction, so a pack now and then has an indicator outside tolerance.</summary>
    public const double BadMonthShare = 0.05;

    private const string ChildrenInNeed = "DfE Characteristics of children in need 2019-20";
    private const string LookedAfter = "DfE Children looked after in England 2019-20";
    private const string Adoption = "DfE Adoption scorecard 2016-19";
    private const string Workforce = "DfE Children's social work workforce 2019-20";

    /// <summary>A percentage indicator's shape at Birmingham's size: the month's denominator and the share.</summary>
    private sealed record Share(string Code, double Denominator, double Rate, double Swing, double Drift, double Noise);

    private static readonly Share[] Shares =
    [
        new("KPI13", 640, 0.125, 0.015, -0.010, 0.008),
        new("KPI15", 527, 0.86, 0.020, 0.010, 0.015),
    ];

    /// <summary>The October 2020 report's comparators: (indicator, kind, value, publication).</summary>
    private static readonly (string Code, ComparatorKind Kind, decimal Value, string Publication)[] ReportComparators =
    [
        ("KPI2", ComparatorKind.England, 0.23m, ChildrenInNeed), ("KPI2", ComparatorKind.StatisticalNeighbours, 0.21m, ChildrenInNeed),
        ("KPI3", ComparatorKind.England, 0.83m, ChildrenInNeed), ("KPI3", ComparatorKind.StatisticalNeighbours, 0.81m, ChildrenInNeed),
        ("KPI4", ComparatorKind.England, 0.79m, ChildrenInNeed), ("KPI4", ComparatorKind.StatisticalNeighbours, 0.82m, ChildrenInNeed),
        ("KPI6", ComparatorKind.England, 0.69m, LookedAfter), ("KPI6", ComparatorKind.StatisticalNeighbours, 0.67m, LookedAfter),
        ("KPI7", ComparatorKind.England, 0.10m, LookedAfter), ("KPI7", ComparatorKind.StatisticalNeighbours, 0.10m, LookedAfter),
        ("KPI9", ComparatorKind.England, 0.52m, LookedAfter), ("KPI9", ComparatorKind.StatisticalNeighbours, 0.53m, LookedAfter),
        ("KPI10", ComparatorKind.England, 0.84m, LookedAfter), ("KPI10", ComparatorKind.StatisticalNeighbours, 0.79m, LookedAfter),
        ("KPI11", ComparatorKind.England, 486m, Adoption), ("KPI11", ComparatorKind.StatisticalNeighbours, 547m, Adoption),
        ("KPI13", ComparatorKind.England, 0.15m, Workforce), ("KPI13", ComparatorKind.StatisticalNeighbours, 0.20m, Workforce),
        ("KPI14", ComparatorKind.England, 17m, Workforce), ("KPI14", ComparatorKind.StatisticalNeighbours, 17m, Workforce),
        .. Rates(DefaultIndicators.ReferralRate, 681, 545, 593, ChildrenInNeed),
        .. Rates(DefaultIndicators.AssessmentRate, 660, 532, 569, ChildrenInNeed),
        .. Rates(DefaultIndicators.Section47Rate, 234, 168, 187, ChildrenInNeed),
        .. Rates(DefaultIndicators.ConferenceRate, 83, 65, 71, ChildrenInNeed),
        .. Rates(DefaultIndicators.ChildInNeedRate, 397, 334, 352, ChildrenInNeed),
        .. Rates(DefaultIndicators.ProtectionPlanRate, 54, 44, 47, ChildrenInNeed),
        .. Rates(DefaultIndicators.InCareRate, 80, 65, 82, LookedAfter),
    ];

    /// <summary>The 2021-23 Business Improvement Plan's priorities 2 and 3 (shared/seeds/003), with the measures under each.</summary>
    private static readonly (string Name, string Description, (string Code, MeasureKind Kind)[] Measures)[] Priorities =
    [
        ("Continuously improve child safeguarding practice across the system and in all agencies",
            "Early help and the front door: how many children are referred, how quickly decisions and assessments are made, and whether children come back.",
            [
                (DefaultIndicators.Contacts, MeasureKind.HowMuch), (DefaultIndicators.ReferralRate, MeasureKind.HowMuch),
                (DefaultIndicators.Referrals24Hours, MeasureKind.HowWell), (DefaultIndicators.AssessmentsIn45Days, MeasureKind.HowWell),
                (DefaultIndicators.ReReferrals, MeasureKind.BetterOff),
            ]),
        ("Developing an effective multi-agency response to child and adolescent neglect",
            "Protecting children from harm: enquiries and conferences for children at risk of significant harm (neglect is the most common category of plan), and whether plans last.",
            [
                (DefaultIndicators.Section47Rate, MeasureKind.HowMuch), (DefaultIndicators.ConferenceRate, MeasureKind.HowMuch),
                (DefaultIndicators.ConferencesIn15Days, MeasureKind.HowWell),
                (DefaultIndicators.RepeatPlans, MeasureKind.BetterOff),
            ]),
    ];

    public static SyntheticPerformance Generate(CitySpec spec, Guid partnershipId)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Children < 1)
        {
            return SyntheticPerformance.Empty;
        }

        return new Builder(spec, partnershipId).Build();
    }

    /// <summary>The months the figures cover: the 36 complete months before the reference date.</summary>
    public static IReadOnlyList<DateOnly> MonthsOf(CitySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var last = WorkforceGenerator.RecordsFrom(spec).AddMonths(-1);
        return PerformanceMonths.Range(last.AddMonths(-(FigureMonths - 1)), last).ToList();
    }

    /// <summary>The financial years the population covers: from the start of the history (or of the figures, if earlier) to the reference date's.</summary>
    public static IReadOnlyList<int> PopulationYearsOf(CitySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var first = Math.Min(PerformanceMonths.FinancialYearOf(spec.ReferenceDate.AddYears(-spec.Years)), PerformanceMonths.FinancialYearOf(MonthsOf(spec)[0]));
        var last = PerformanceMonths.FinancialYearOf(spec.ReferenceDate);
        return Enumerable.Range(first, last - first + 1).ToList();
    }

    private static IEnumerable<(string, ComparatorKind, decimal, string)> Rates(string code, decimal neighbours, decimal england, decimal region, string publication) =>
    [
        (code, ComparatorKind.StatisticalNeighbours, neighbours, publication),
        (code, ComparatorKind.England, england, publication),
        (code, ComparatorKind.Region, region, publication),
    ];

    private sealed class Builder(CitySpec spec, Guid partnershipId)
    {
        private readonly CityRandom random = CityRandom.For(spec.Seed, "performance");
        private readonly double scale = spec.Children / (double)ReportChildren;
        private readonly IReadOnlyList<DateOnly> months = MonthsOf(spec);

        // Settings are recorded the day before the reference date: nothing in the city happens on or after it.
        private readonly DateTimeOffset settingsRecordedAt = LondonTime.At(spec.ReferenceDate.AddDays(-1), new TimeOnly(9, 0));

        public SyntheticPerformance Build()
        {
            var populations = PopulationYearsOf(spec).Select(year => new ChildPopulation
            {
                Id = random.NextGuid(),
                PartnershipId = partnershipId,
                Year = year,
                Children = spec.Children,
                Source = PopulationSource,
                RecordedAt = settingsRecordedAt,
            }).ToList();

            var comparators = Comparators();
            var figures = new List<IndicatorFigure>();
            foreach (var share in Shares)
            {
                figures.AddRange(MonthlyShare(share));
            }

            figures.AddRange(Smooth("KPI14", 15.8, 1.0, 1.0, 0.4, v => Math.Round(v, 1)));

            var priorities = new List<DashboardPriority>();
            var measures = new List<DashboardMeasure>();
            for (var p = 0; p < Priorities.Length; p++)
            {
                var (name, description, items) = Priorities[p];
                var priority = new DashboardPriority { Id = random.NextGuid(), PartnershipId = partnershipId, Name = name, Description = description, Position = p };
                priorities.Add(priority);
                measures.AddRange(items.Select((m, i) => new DashboardMeasure
                {
                    Id = random.NextGuid(),
                    PartnershipId = partnershipId,
                    PriorityId = priority.Id,
                    IndicatorCode = m.Code,
                    Kind = m.Kind,
                    Position = i,
                }));
            }

            return new SyntheticPerformance(populations, comparators, figures, priorities, measures);
        }

        private List<IndicatorComparator> Comparators()
        {
            var lastYear = PerformanceMonths.FinancialYearOf(spec.ReferenceDate) - 1;
            var rows = new List<IndicatorComparator>();
            foreach (var (code, kind, value, publication) in ReportComparators)
            {
                var format = DefaultIndicators.Find(code)!.Format;
                for (var year = lastYear - ComparatorYears + 1; year <= lastYear; year++)
                {
                    rows.Add(new IndicatorComparator
                    {
                        Id = random.NextGuid(),
                        PartnershipId = partnershipId,
                        IndicatorCode = code,
                        Kind = kind,
                        Year = year,
                        Value = Vary(value, format),
                        Source = $"{publication} (as in the October 2020 KPI report), varied slightly for {PerformanceMonths.FinancialYearName(year)}: synthetic demo comparator, not a published figure",
                        RecordedAt = settingsRecordedAt,
                    });
                }
            }

            return rows;
        }

        private decimal Vary(decimal value, IndicatorFormat format) => format switch
        {
            IndicatorFormat.Percent => Math.Max(0m, value + (random.Between(-1, 1) * 0.01m)),
            IndicatorFormat.Days => value + random.Between(-15, 15),
            IndicatorFormat.Number => value + (random.Between(-5, 5) * 0.1m),
            _ => Math.Round(value * (1m + (random.Between(-3, 3) / 100m)), 0),
        };

        /// <summary>
        /// The month's underlying level: a base, a drift over the 36 months, a yearly swing and noise; now and then
        /// (one month in twenty) a bad month, well off in the indicator's bad direction.
        /// </summary>
        private double[] Path(string code, double level, double swing, double drift, double noise, bool badMonths = true)
        {
            var worse = DefaultIndicators.Find(code)!.Polarity == Polarity.HigherIsBetter ? -1 : 1;
            var phase = random.NextDouble() * 2 * Math.PI;
            var path = new double[months.Count];
            for (var i = 0; i < path.Length; i++)
            {
                var progress = path.Length == 1 ? 0 : (i / (double)(path.Length - 1)) - 0.5;
                path[i] = level + (drift * progress) + (swing * Math.Sin(phase + (2 * Math.PI * i / 12))) + (noise * Noise());
                if (random.Chance(BadMonthShare) && badMonths)
                {
                    path[i] += worse * (swing + noise) * (2 + random.NextDouble());
                }
            }

            return path;
        }

        // Roughly normal, in about -1.5 to 1.5, mean 0.
        private double Noise() => random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5;

        private IEnumerable<IndicatorFigure> MonthlyShare(Share share)
        {
            var rates = Path(share.Code, share.Rate, share.Swing, share.Drift, share.Noise);
            for (var i = 0; i < months.Count; i++)
            {
                var denominator = Math.Max(1, (int)Math.Round(share.Denominator * scale * (1 + (0.03 * Noise())), MidpointRounding.AwayFromZero));
                // Rounded up or down at random in proportion, so a small city's few cases average out at the rate.
                var numerator = Math.Clamp((int)Math.Floor((Math.Clamp(rates[i], 0, 1) * denominator) + random.NextDouble()), 0, denominator);
                yield return ShareFigure(share.Code, months[i], numerator, denominator);
            }
        }

        private IEnumerable<IndicatorFigure> Smooth(string code, double level, double swing, double drift, double noise, Func<double, double> round, bool badMonths = true)
        {
            var path = Path(code, level, swing, drift, noise, badMonths);
            return months.Select((month, i) => Figure(code, month, null, null, (decimal)round(path[i])));
        }

        private IndicatorFigure ShareFigure(string code, DateOnly month, int numerator, int denominator) =>
            Figure(code, month, numerator, denominator, Math.Round((decimal)numerator / denominator, 6));

        private IndicatorFigure Figure(string code, DateOnly month, decimal? numerator, decimal? denominator, decimal value) => new()
        {
            Id = random.NextGuid(),
            PartnershipId = partnershipId,
            IndicatorCode = code,
            Month = month,
            Numerator = numerator,
            Denominator = denominator,
            Value = value,
            Source = FigureSource,

            // Entered at the month's end, as a performance team would for its monthly pack.
            RecordedAt = LondonTime.At(PerformanceMonths.EndOf(month), new TimeOnly(17, 0)),
        };
    }
}
