using Safeguarding.Core.Calendar;
using Safeguarding.Core.Performance;

namespace Safeguarding.Core.Tests.Performance;

/// <summary>
/// Each calculated indicator on a small hand-made set of records, with the answer worked out by hand
/// in the comments: month boundaries, exactly 12 months, exactly two years, weekends and bank holidays.
/// </summary>
public sealed class IndicatorCalculationTests
{
    private static readonly DateOnly October = new(2026, 10, 1);
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales();

    [Fact]
    public void Kpi1_CountsReferralsDecidedInTheMonth_WithinTwentyFourElapsedHours()
    {
        var data = Data(contacts:
        [
            // Friday 9 Oct 17:00 London time, decided Saturday 16:59: 23h59, within.
            Contact(At(2026, 10, 9, 16, 0), At(2026, 10, 10, 15, 59)),
            // Friday 17:00 to Monday 09:00 across the weekend: 64 hours, not within.
            Contact(At(2026, 10, 16, 16, 0), At(2026, 10, 19, 8, 0)),
            // Exactly 24 hours: within.
            Contact(At(2026, 10, 20, 9, 0), At(2026, 10, 21, 9, 0)),
            // Received on 30 September, decided 1 October: October's.
            Contact(At(2026, 9, 30, 20, 0), At(2026, 10, 1, 8, 0)),
            // Received 31 October, decided in November: not October's.
            Contact(At(2026, 10, 31, 20, 0), At(2026, 11, 1, 10, 0)),
            // Not a referral (stepped down to early help): not counted at all.
            Contact(At(2026, 10, 5, 9, 0), At(2026, 10, 5, 10, 0), isReferral: false),
            // Still waiting for a decision: not counted.
            Contact(At(2026, 10, 30, 9, 0), null),
        ]);

        var figure = FigureOf(DefaultIndicators.Referrals24Hours, data, October);

        Assert.Equal(new Figure(3, 4, 0.75m), figure);
        var november = FigureOf(DefaultIndicators.Referrals24Hours, data, October.AddMonths(1));
        Assert.Equal(new Figure(1, 1, 1m), november);
    }

    [Fact]
    public void Kpi2_AReferralExactlyTwelveMonthsAfterTheLastIsARepeat_ADayMoreIsNot()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid();
        var data = Data(referrals:
        [
            Referral(a, new(2025, 10, 15)), Referral(a, new(2026, 10, 15)), // exactly 12 months: re-referral
            Referral(b, new(2025, 10, 14)), Referral(b, new(2026, 10, 15)), // 12 months and a day: not
            Referral(c, new(2026, 10, 31)), Referral(c, new(2026, 11, 1)), // last day of October; the second is November's
            Referral(Guid.NewGuid(), new(2026, 10, 1)), // a first referral on the first of the month
        ]);

        Assert.Equal(new Figure(1, 4, 0.25m), FigureOf(DefaultIndicators.ReReferrals, data, October));
        Assert.Equal(new Figure(1, 1, 1m), FigureOf(DefaultIndicators.ReReferrals, data, October.AddMonths(1)));
    }

    [Fact]
    public void Kpi3_CountsWorkingDaysFromTheReferral_SkippingTheAugustBankHoliday()
    {
        // Monday 24 August 2026 + 45 working days: nine weeks is Monday 26 October, and Monday
        // 31 August is the summer bank holiday, so the last day in time is Tuesday 27 October.
        var referral = new DateOnly(2026, 8, 24);
        var data = Data(assessments:
        [
            Assessment(referral, new(2026, 10, 27)), // in time
            Assessment(referral, new(2026, 10, 28)), // a day late
            Assessment(referral, new(2026, 9, 30)), // September's
        ]);

        Assert.Equal(new Figure(1, 2, 0.5m), FigureOf(DefaultIndicators.AssessmentsIn45Days, data, October));
        var cases = IndicatorCalculations.Cases(DefaultIndicators.AssessmentsIn45Days, data.Data, October)!.OrderBy(x => x.Date).ToList();
        Assert.Equal([45m, 46m], cases.Select(x => x.Measure!.Value));
    }

    [Fact]
    public void Kpi4_TimesConferencesFromTheStrategyDiscussion_AndLeavesOutThoseWithoutOne()
    {
        // Thursday 1 October + 15 working days = Thursday 22 October.
        var strategy = new DateOnly(2026, 10, 1);
        var data = Data(conferences:
        [
            Conference(new(2026, 10, 22), strategy),
            Conference(new(2026, 10, 23), strategy),
            Conference(new(2026, 10, 26), null), // imported without its strategy discussion: cannot be timed
        ]);

        Assert.Equal(new Figure(1, 2, 0.5m), FigureOf(DefaultIndicators.ConferencesIn15Days, data, October));
    }

    [Fact]
    public void Kpi5_PlansStartedInTheTwelveMonths_RepeatWhenAnEarlierPlanEndedWithinTwoYears()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid(), d = Guid.NewGuid();
        var data = Data(plans:
        [
            Plan(a, new(2023, 5, 1), new(2024, 10, 31)), Plan(a, new(2026, 10, 31), null), // ended exactly two years before: repeat
            Plan(b, new(2023, 5, 1), new(2024, 10, 30)), Plan(b, new(2026, 10, 31), null), // two years and a day: not
            Plan(c, new(2025, 10, 31), null), // started before the 12 months (1 Nov 2025 to 31 Oct 2026)
            Plan(d, new(2025, 11, 1), new(2026, 3, 1)), Plan(d, new(2026, 3, 15), null), // ended and restarted: the first is not a repeat, the second is
        ]);

        // Plans started 1 Nov 2025 to 31 Oct 2026: a's second, b's second, d's two = 4; repeats: a's, d's second = 2.
        Assert.Equal(new Figure(2, 4, 0.5m), FigureOf(DefaultIndicators.RepeatPlans, data, October));
    }

    [Fact]
    public void ChildrenInNeed_AreThoseOpenOnTheLastDayOfTheMonth_EachChildOnce()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid();
        var data = Data(referrals:
        [
            Referral(a, new(2026, 1, 5)), Referral(a, new(2026, 9, 5)), // two open episodes, one child
            Referral(b, new(2026, 2, 1), closed: new(2026, 10, 31)), // closed on the last day: not open at the end
            Referral(c, new(2026, 2, 1), closed: new(2026, 11, 1)), // closed the day after: open
            Referral(Guid.NewGuid(), new(2026, 11, 1)), // referred after the month
        ], population: 20_000);

        // 2 children out of 20,000: 1 per 10,000.
        Assert.Equal(new Figure(2, 20_000, 1m), FigureOf(DefaultIndicators.ChildInNeedRate, data, October));
    }

    [Fact]
    public void ReferralRate_CountsTheTwelveMonthsToTheMonthEnd_PerTenThousandChildren()
    {
        var child = Guid.NewGuid();
        var data = Data(referrals:
        [
            Referral(child, new(2025, 10, 31)), // just before the 12 months
            Referral(child, new(2025, 11, 1)),
            Referral(Guid.NewGuid(), new(2026, 10, 31)),
            Referral(Guid.NewGuid(), new(2026, 6, 1)),
        ], population: 30_000);

        Assert.Equal(new Figure(3, 30_000, 1m), FigureOf(DefaultIndicators.ReferralRate, data, October));
    }

    [Fact]
    public void Rates_WithoutAPopulationForTheYear_HaveNoValue()
    {
        var data = Data(referrals: [Referral(Guid.NewGuid(), new(2026, 10, 2))]);
        Assert.Equal(new Figure(1, null, null), FigureOf(DefaultIndicators.ReferralRate, data, October));
    }

    [Fact]
    public void Contacts_AreCountedInTheLondonMonthTheyArrived()
    {
        var data = Data(contacts:
        [
            Contact(new DateTimeOffset(2026, 9, 30, 23, 30, 0, TimeSpan.Zero), null, isReferral: false), // 00:30 on 1 October, British Summer Time
            Contact(new DateTimeOffset(2026, 10, 31, 23, 30, 0, TimeSpan.Zero), null, isReferral: false), // 23:30 on 31 October, GMT
            Contact(new DateTimeOffset(2026, 9, 30, 22, 30, 0, TimeSpan.Zero), null, isReferral: false), // 23:30 on 30 September
        ]);

        Assert.Equal(new Figure(2, null, 2), FigureOf(DefaultIndicators.Contacts, data, October));
    }

    [Fact]
    public void IndicatorsWithoutRecords_AreNotCalculated()
    {
        Assert.Null(IndicatorCalculations.Cases("KPI99", Data().Data, October));
        Assert.False(IndicatorCalculations.CanCalculate("KPI99"));
        Assert.All(DefaultIndicators.All.Where(i => i.IsCalculated), i => Assert.True(IndicatorCalculations.CanCalculate(i.Code), i.Code));
    }

    private static Figure FigureOf(string code, (PerformanceData Data, PerformanceSettings Settings) set, DateOnly month) =>
        PerformancePack.FigureOf(DefaultIndicators.Find(code)!, IndicatorCalculations.Cases(code, set.Data, month)!, set.Settings, month);

    private static (PerformanceData Data, PerformanceSettings Settings) Data(
        ContactRow[]? contacts = null, ReferralRow[]? referrals = null, AssessmentRow[]? assessments = null,
        InitialConferenceRow[]? conferences = null, PlanRow[]? plans = null, int? population = null)
    {
        var data = new PerformanceData
        {
            FirstMonth = October,
            LastMonth = October,
            Calendar = Calendar,
            Contacts = contacts ?? [],
            Referrals = referrals ?? [],
            Assessments = assessments ?? [],
            Enquiries = [],
            InitialConferences = conferences ?? [],
            Plans = plans ?? [],
        };
        var settings = new PerformanceSettings
        {
            Targets = [],
            Comparators = [],
            Populations = population is { } children ? [new ChildPopulation { PartnershipId = Guid.Empty, Year = 2026, Children = children, Source = "test" }] : [],
            Figures = new Dictionary<(string, DateOnly), IndicatorFigure>(),
            Commentary = new Dictionary<string, IndicatorCommentary>(),
        };
        return (data, settings);
    }

    // In UTC: London is an hour ahead (British Summer Time) until 25 October 2026.
    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private static ContactRow Contact(DateTimeOffset received, DateTimeOffset? decided, bool isReferral = true) =>
        new(Guid.NewGuid(), received, LondonTime.DateOf(received), decided, decided is { } d ? LondonTime.DateOf(d) : null, isReferral);

    private static ReferralRow Referral(Guid child, DateOnly on, DateOnly? closed = null) => new(Guid.NewGuid(), child, on, closed);

    private static AssessmentRow Assessment(DateOnly referral, DateOnly authorised) => new(Guid.NewGuid(), Guid.NewGuid(), referral, authorised);

    private static InitialConferenceRow Conference(DateOnly held, DateOnly? strategy) => new(Guid.NewGuid(), Guid.NewGuid(), held, strategy);

    private static PlanRow Plan(Guid child, DateOnly start, DateOnly? end) => new(Guid.NewGuid(), child, start, end);
}
