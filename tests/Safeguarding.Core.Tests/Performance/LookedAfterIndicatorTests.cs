using Safeguarding.Core.Calendar;
using Safeguarding.Core.Performance;

namespace Safeguarding.Core.Tests.Performance;

/// <summary>
/// KPIs 6 to 12 and the rate of children in care on hand-made periods of care, with the answers worked
/// out in the comments: the 2.5-year and 2-year edges, the 16th birthday, placement moves across two
/// periods, each review's own due date over Easter, birthdays at the year's edges and A1's days.
/// </summary>
public sealed class LookedAfterIndicatorTests
{
    private static readonly DateOnly October = new(2026, 10, 1);
    private static readonly DateOnly EndOfOctober = new(2026, 10, 31);
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales();

    [Fact]
    public void Kpi6_CountsUnder16sInCareTwoAndAHalfYears_InTheSamePlacementTwoYears()
    {
        var set = new CareSet();

        // In care exactly 30 months on 31 October; a change of legal status only is not a move: numerator.
        var stayed = set.Period(born: new(2015, 1, 1), start: new(2024, 4, 30), chain: [("S", new(2024, 4, 30), "U4"), ("L", new(2024, 6, 1), "U4")]);

        // Moved carer 22 months ago: in the denominator only.
        var moved = set.Period(born: new(2014, 5, 1), start: new(2023, 1, 10), chain: [("S", new(2023, 1, 10), "U4"), ("P", new(2025, 1, 1), "U6")]);

        // Placed for adoption in June: the foster placement before it began 1 January 2024, so together they pass 2 years.
        var adopting = set.Period(born: new(2012, 1, 1), start: new(2022, 3, 1), chain: [("S", new(2022, 3, 1), "U4"), ("P", new(2024, 1, 1), "U6"), ("P", new(2026, 6, 1), "A6")]);

        // 16 on the day, in care a day short of 30 months, and left care on the day: none counted.
        set.Period(born: new(2010, 10, 31), start: new(2020, 1, 1), chain: [("S", new(2020, 1, 1), "U4")]);
        set.Period(born: new(2015, 1, 1), start: new(2024, 5, 1), chain: [("S", new(2024, 5, 1), "U4")]);
        set.Period(born: new(2015, 1, 1), start: new(2020, 1, 1), end: EndOfOctober, chain: [("S", new(2020, 1, 1), "U4")]);

        var cases = set.Cases(DefaultIndicators.PlacementStability, October);

        Assert.Equal(new Figure(2, 3, 2m / 3), set.FigureOf(DefaultIndicators.PlacementStability, October));
        Assert.Equal(new Dictionary<Guid, bool> { [stayed] = true, [moved] = false, [adopting] = true }, cases.ToDictionary(c => c.RecordId, c => c.InNumerator));
        Assert.Equal(new DateOnly(2024, 1, 1), cases.Single(c => c.RecordId == adopting).From);
        Assert.Equal(EndOfOctober.DayNumber - new DateOnly(2025, 1, 1).DayNumber, cases.Single(c => c.RecordId == moved).Measure);
    }

    [Fact]
    public void Kpi7_CountsPlacementsInThe12Months_IncludingTheOneAtTheStart_AndEarlierPeriods()
    {
        var set = new CareSet();

        // The placement on 1 November 2025 (begun the day before) and two moves after: 3.
        var three = set.Period(born: new(2012, 1, 1), start: new(2020, 1, 1), chain: [("S", new(2020, 1, 1), "U4"), ("P", new(2025, 10, 31), "U6"), ("P", new(2026, 2, 1), "U4"), ("T", new(2026, 9, 1), "K2")]);

        // Two placements in a period that ended in March, and a new period in June: 3 across the child's periods.
        var child = Guid.NewGuid();
        set.Period(born: new(2013, 1, 1), start: new(2025, 12, 1), end: new(2026, 3, 1), child: child, chain: [("S", new(2025, 12, 1), "U6"), ("P", new(2026, 1, 15), "U4")]);
        var returned = set.Period(born: new(2013, 1, 1), start: new(2026, 6, 1), child: child, chain: [("S", new(2026, 6, 1), "U6")]);

        // Changes of placement with the same carer (B, U) and of legal status (L) are not moves: 2.
        var two = set.Period(born: new(2014, 1, 1), start: new(2026, 1, 1), chain: [("S", new(2026, 1, 1), "U6"), ("B", new(2026, 3, 1), "U6"), ("U", new(2026, 5, 1), "U4"), ("L", new(2026, 6, 1), "U4"), ("P", new(2026, 7, 1), "U4")]);

        // Not in care on 31 October: not counted.
        set.Period(born: new(2012, 1, 1), start: new(2026, 1, 1), end: new(2026, 10, 1), chain: [("S", new(2026, 1, 1), "U4"), ("P", new(2026, 2, 1), "U4"), ("P", new(2026, 3, 1), "U4")]);

        var cases = set.Cases(DefaultIndicators.PlacementMoves, October);

        Assert.Equal(new Figure(2, 3, 2m / 3), set.FigureOf(DefaultIndicators.PlacementMoves, October));
        Assert.Equal(new Dictionary<Guid, decimal?> { [three] = 3, [returned] = 3, [two] = 2 }, cases.ToDictionary(c => c.RecordId, c => c.Measure));
    }

    [Fact]
    public void Kpi8_JudgesEachReviewByItsOwnDueDate_FromThe1stOfApril()
    {
        var set = new CareSet();

        // Came into care Monday 2 March: first review due Monday 30 March (held in March, so outside the year),
        // second due 3 months after it (25 June, held that day: on time), third 6 months after (held 1 October: on time).
        var march = set.Period(born: new(2015, 1, 1), start: new(2026, 3, 2), chain: [("S", new(2026, 3, 2), "U4")]);
        set.Review(march, new(2026, 3, 25));
        set.Review(march, new(2026, 6, 25));
        set.Review(march, new(2026, 10, 1));

        // Came into care Wednesday 1 April: Good Friday and Easter Monday push the first review's due date to Friday 1 May.
        // Held Tuesday 5 May, after the early May bank holiday: one working day late.
        var april = set.Period(born: new(2015, 1, 1), start: new(2026, 4, 1), chain: [("S", new(2026, 4, 1), "U4")]);
        var late = set.Review(april, new(2026, 5, 5));

        // November's review is not in October's year to date.
        set.Review(set.Period(born: new(2015, 1, 1), start: new(2026, 10, 1), chain: [("S", new(2026, 10, 1), "U4")]), new(2026, 11, 2));

        Assert.Equal(new Figure(2, 3, 2m / 3), set.FigureOf(DefaultIndicators.ReviewsOnTime, October));
        var lateCase = set.Cases(DefaultIndicators.ReviewsOnTime, October).Single(c => c.RecordId == late);
        Assert.Equal((new DateOnly(2026, 5, 1), 1m, false), (lateCase.From!.Value, lateCase.Measure!.Value, lateCase.InNumerator));
        Assert.Equal(new Figure(0, 1, 0m), set.FigureOf(DefaultIndicators.ReviewsOnTime, October.AddMonths(-5)));
    }

    [Fact]
    public void Kpis9And10_CountCareLeaversWhose19thTo21stBirthdayFellSinceApril()
    {
        var set = new CareSet();
        set.CareLeaver(19, new(2026, 4, 1), "F5", "B1"); // in full-time employment, suitable
        set.CareLeaver(20, new(2026, 10, 31), "G5", "S2"); // neither
        set.CareLeaver(21, new(2026, 6, 15), "P1", "D2"); // in EET, not suitable
        set.CareLeaver(18, new(2026, 5, 1), "F1", "B1"); // too young
        set.CareLeaver(19, new(2026, 3, 31), "F1", "B1"); // last year's
        set.CareLeaver(19, new(2026, 11, 1), "F1", "B1"); // November's

        Assert.Equal(new Figure(2, 3, 2m / 3), set.FigureOf(DefaultIndicators.CareLeaversInEducation, October));
        Assert.Equal(new Figure(1, 3, 1m / 3), set.FigureOf(DefaultIndicators.CareLeaversSuitablyHoused, October));
        // November adds the 19th birthday on 1 November, in full-time higher education.
        Assert.Equal(new Figure(3, 4, 0.75m), set.FigureOf(DefaultIndicators.CareLeaversInEducation, October.AddMonths(1)));
    }

    [Fact]
    public void Kpis11And12_AdoptionsSinceApril_AndA1OverThreeYears()
    {
        var set = new CareSet();

        // This year: 486 days (2024 is a leap year) and 365 days to moving in; one with no move-in date (counted, not timed).
        set.Period(born: new(2022, 1, 1), start: new(2024, 1, 1), end: new(2026, 4, 1), endReason: "E11", placedForAdoption: new(2025, 5, 1));
        set.Period(born: new(2023, 1, 1), start: new(2025, 1, 1), end: EndOfOctober, endReason: "E12", placedForAdoption: new(2026, 1, 1));
        set.Period(born: new(2023, 1, 1), start: new(2024, 1, 1), end: new(2026, 7, 1), endReason: "E11");

        // Last year, within A1's three years: 550 days.
        set.Period(born: new(2021, 1, 1), start: new(2023, 3, 1), end: new(2026, 3, 31), endReason: "E11", placedForAdoption: new(2024, 9, 1));

        // Adopted the day before A1's three years began; and a child who went home.
        set.Period(born: new(2019, 1, 1), start: new(2021, 1, 1), end: new(2023, 10, 31), endReason: "E11", placedForAdoption: new(2022, 1, 1));
        set.Period(born: new(2019, 1, 1), start: new(2025, 1, 1), end: new(2026, 6, 1), endReason: "E4A");

        Assert.Equal(new Figure(3, null, 3), set.FigureOf(DefaultIndicators.Adoptions, October));

        // (486 + 365 + 550) / 3 = 467: the child-weighted mean of the three years' cohorts.
        Assert.Equal(new Figure(3, null, 467m), set.FigureOf(DefaultIndicators.AdoptionTimeliness, October));
    }

    [Fact]
    public void ChildrenInCareRate_CountsEachChildInCareOnTheLastDayOnce()
    {
        var set = new CareSet(population: 20_000);
        set.Period(born: new(2015, 1, 1), start: new(2026, 10, 31), chain: [("S", new(2026, 10, 31), "U4")]); // came in on the last day
        set.Period(born: new(2015, 1, 1), start: new(2020, 1, 1), end: EndOfOctober, chain: [("S", new(2020, 1, 1), "U4")]); // left that day
        set.Period(born: new(2015, 1, 1), start: new(2020, 1, 1), end: new(2026, 11, 3), chain: [("S", new(2020, 1, 1), "U4")]); // left in November

        Assert.Equal(new Figure(2, 20_000, 1m), set.FigureOf(DefaultIndicators.InCareRate, October));
    }

    /// <summary>Periods of care, episodes, reviews and care leavers as the pack reads them.</summary>
    private sealed class CareSet(int? population = null)
    {
        private readonly List<CarePeriodRow> periods = [];
        private readonly List<CareEpisodeRow> episodes = [];
        private readonly List<ReviewRow> reviews = [];
        private readonly List<CareLeaverRow> leavers = [];

        public Guid Period(DateOnly born, DateOnly start, DateOnly? end = null, Guid? child = null, string? endReason = null, DateOnly? placedForAdoption = null,
            (string Reason, DateOnly Start, string Placement)[]? chain = null)
        {
            var id = Guid.NewGuid();
            periods.Add(new CarePeriodRow(id, child ?? Guid.NewGuid(), born, start, end, endReason ?? (end is null ? null : "E4A"), placedForAdoption));
            episodes.AddRange((chain ?? []).Select(e => new CareEpisodeRow(id, e.Start, e.Reason, e.Placement)));
            return id;
        }

        public Guid Review(Guid period, DateOnly heldOn)
        {
            var id = Guid.NewGuid();
            reviews.Add(new ReviewRow(id, period, periods.Single(p => p.Id == period).ChildId, heldOn));
            return id;
        }

        public void CareLeaver(int age, DateOnly birthday, string activity, string accommodation) =>
            leavers.Add(new CareLeaverRow(Guid.NewGuid(), Guid.NewGuid(), age, birthday, activity, accommodation));

        public List<IndicatorCase> Cases(string code, DateOnly month) => IndicatorCalculations.Cases(code, Data(), month)!.ToList();

        public Figure FigureOf(string code, DateOnly month) =>
            PerformancePack.FigureOf(DefaultIndicators.Find(code)!, Cases(code, month), Settings(), month);

        private PerformanceData Data() => new()
        {
            FirstMonth = October,
            LastMonth = October,
            Calendar = Calendar,
            Contacts = [],
            Referrals = [],
            Assessments = [],
            Enquiries = [],
            InitialConferences = [],
            Plans = [],
            CarePeriods = periods.OrderBy(p => p.StartDate).ThenBy(p => p.Id).ToList(),
            CareEpisodes = episodes,
            Reviews = reviews,
            CareLeavers = leavers.OrderBy(c => c.Birthday).ToList(),
        };

        private PerformanceSettings Settings() => new()
        {
            Targets = [],
            Comparators = [],
            Populations = population is { } children ? [new ChildPopulation { PartnershipId = Guid.Empty, Year = 2026, Children = children, Source = "test" }] : [],
            Figures = new Dictionary<(string, DateOnly), IndicatorFigure>(),
            Commentary = new Dictionary<string, IndicatorCommentary>(),
        };
    }
}
