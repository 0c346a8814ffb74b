namespace Safeguarding.Core.Performance;

/// <summary>
/// The indicators every partnership starts with: the Children's Trust's 15 contract KPIs with their
/// 2020/21 targets and tolerances, the seven headline rates per 10,000 children and contacts per month
/// (shared/docs/performance-indicators.md). A partnership sets its own targets per year on top.
/// </summary>
public static class DefaultIndicators
{
    public const string Referrals24Hours = "KPI1";
    public const string ReReferrals = "KPI2";
    public const string AssessmentsIn45Days = "KPI3";
    public const string ConferencesIn15Days = "KPI4";
    public const string RepeatPlans = "KPI5";
    public const string PlacementStability = "KPI6";
    public const string PlacementMoves = "KPI7";
    public const string ReviewsOnTime = "KPI8";
    public const string CareLeaversInEducation = "KPI9";
    public const string CareLeaversSuitablyHoused = "KPI10";
    public const string AdoptionTimeliness = "KPI11";
    public const string Adoptions = "KPI12";
    public const string AgencyStaff = "KPI13";
    public const string Caseloads = "KPI14";
    public const string Supervised = "KPI15";
    public const string ReferralRate = "RATE-REFERRALS";
    public const string AssessmentRate = "RATE-ASSESSMENTS";
    public const string Section47Rate = "RATE-S47";
    public const string ConferenceRate = "RATE-ICPC";
    public const string ChildInNeedRate = "RATE-CIN";
    public const string ProtectionPlanRate = "RATE-CP";
    public const string InCareRate = "RATE-CIC";
    public const string Contacts = "CONTACTS";

    private const string FrontDoorHead = "Head of Service, Children's Advice and Support";
    private const string AssessmentHead = "Head of Service, Assessment";
    private const string SafeguardingHead = "Head of Service, Safeguarding and Quality Assurance";
    private const string CareHead = "Head of Service, Children in Care";
    private const string LeavingCareHead = "Head of Service, Care Leavers";
    private const string PermanenceHead = "Head of Service, Permanence";
    private const string WorkforceHead = "Director of Workforce";
    private const string PerformanceHead = "Head of Performance";

    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        Kpi(Referrals24Hours, "% of referrals with a decision within 24 hours",
            "Referrals (contacts the front door accepted for a social work assessment or a strategy discussion) whose first decision was made in the month; "
            + "the numerator is those decided within 24 elapsed hours of the contact being received, weekends and nights included. "
            + "Counts referrals authorised, where KPI 2 counts referrals initiated.",
            "Referrals with a decision within 24 hours", "Referrals authorised", Polarity.HigherIsBetter, PeriodRule.Month, ComparisonRule.Previous12MonthsCumulative,
            Band(0.80m, 0.75m, 0.95m), FrontDoorHead, calculated: true),
        Kpi(ReReferrals, "% of re-referrals to children's social care within 12 months",
            "Referrals whose referral date is in the month; the numerator is those made within 12 months of the same child's previous referral "
            + "(a referral exactly 12 months later counts, as in the CIN census).",
            "Re-referrals", "Referrals initiated", Polarity.LowerIsBetter, PeriodRule.Month, ComparisonRule.Previous12MonthsCumulative,
            Band(0.22m, 0.17m, 0.24m), FrontDoorHead, calculated: true),
        Kpi(AssessmentsIn45Days, "% of assessments completed within 45 working days",
            "Child and family assessments authorised in the month; the numerator is those authorised within 45 working days of the referral "
            + "(Working Together's timescale, England and Wales working days).",
            "Assessments completed within 45 working days", "Assessments completed", Polarity.HigherIsBetter, PeriodRule.Month, ComparisonRule.Previous12MonthsAverage,
            Band(0.85m, 0.80m, 0.90m), AssessmentHead, calculated: true),
        Kpi(ConferencesIn15Days, "% of initial child protection conferences held within 15 working days",
            "Initial child protection conferences held in the month; the numerator is those held within 15 working days of the strategy discussion that started the section 47 enquiry.",
            "Initial conferences held within 15 working days", "Initial conferences held", Polarity.HigherIsBetter, PeriodRule.Month, ComparisonRule.Previous12MonthsAverage,
            Band(0.80m, 0.75m, 0.85m), SafeguardingHead, calculated: true),
        Kpi(RepeatPlans, "% of children becoming subject of a child protection plan for a second or subsequent time within 2 years",
            "Child protection plans that started in the 12 months to the end of the month; the numerator is those starting within two years of the end of an earlier plan for the same child "
            + "(an earlier plan ending exactly two years before counts). National figures count a second plan ever; this indicator does not.",
            "Plans started within 2 years of a previous plan", "Plans started", Polarity.LowerIsBetter, PeriodRule.Rolling12Months, ComparisonRule.Previous12MonthsAverage,
            Band(0.10m, 0.09m, 0.14m), SafeguardingHead, calculated: true),
        Kpi(PlacementStability, "% of children under 16 looked after for 2.5 years or more, in the same placement (or placed for adoption) for 2 years or more",
            "Children under 16 looked after continuously for at least 2.5 years at the end of the month; the numerator is those living with the same carers for at least 2 years. "
            + "A placement changes when the carer does (SSDA903 reason for new episode P or T); a child placed for adoption counts the placement before it as well.",
            "In the same placement for 2 years or more", "Looked after 2.5 years or more", Polarity.HigherIsBetter, PeriodRule.MonthEnd, ComparisonRule.Previous12MonthsAverage,
            Band(0.68m, 0.65m, 0.70m), CareHead, calculated: true),
        Kpi(PlacementMoves, "% of children in care with 3 or more placement moves in a year",
            "Children in care at the end of the month; the numerator is those with three or more placements in the 12 months to then, across all their periods of care. "
            + "The placement a child was in when the 12 months began counts; each change of carer after it (SSDA903 reason for new episode P or T, or a new period) is another.",
            "Children with 3 or more placements", "Children in care", Polarity.LowerIsBetter, PeriodRule.Rolling12Months, ComparisonRule.PreviousMonth,
            Band(0.10m, 0.05m, 0.13m), CareHead, calculated: true),
        Kpi(ReviewsOnTime, "% of children in care reviews held on time",
            "Looked-after reviews held since 1 April; the numerator is those held by their due date: the first within 20 working days of entering care, the second within 3 months of the first, "
            + "later ones within 6 months of the one before.",
            "Reviews held on time", "Reviews held", Polarity.HigherIsBetter, PeriodRule.YearToDate, ComparisonRule.PreviousMonth,
            Band(0.96m, 0.90m, 1.00m), SafeguardingHead, calculated: true),
        Kpi(CareLeaversInEducation, "% of care leavers aged 19 to 21 in education, employment or training",
            "Care leavers whose 19th, 20th or 21st birthday fell since 1 April, in touch or not (as the DfE counts them); the numerator is those in education, employment or training around the birthday.",
            "In education, employment or training", "Care leavers aged 19 to 21", Polarity.HigherIsBetter, PeriodRule.YearToDate, ComparisonRule.PreviousMonth,
            Band(0.62m, 0.50m, 0.80m), LeavingCareHead, calculated: true),
        Kpi(CareLeaversSuitablyHoused, "% of care leavers aged 19 to 21 in suitable accommodation",
            "Care leavers whose 19th, 20th or 21st birthday fell since 1 April, in touch or not; the numerator is those in accommodation recorded as suitable.",
            "In suitable accommodation", "Care leavers aged 19 to 21", Polarity.HigherIsBetter, PeriodRule.YearToDate, ComparisonRule.PreviousMonth,
            Band(0.93m, 0.85m, 1.00m), LeavingCareHead, calculated: true),
        Kpi(AdoptionTimeliness, "Average days between entering care and moving in with the adoptive family (A1)",
            "Children adopted in the three years to the end of the month: the mean number of days from entering care (the start of the period of care that ended in adoption) "
            + "to moving in with the adoptive family. A mean over the children is the three annual cohorts weighted by their size. Adoptions with no recorded move-in date are left out.",
            "Children adopted in the three years", null, Polarity.LowerIsBetter, PeriodRule.ThreeYearAverage, ComparisonRule.PreviousMonth,
            Band(578m, 550m, 600m), PermanenceHead, calculated: true, IndicatorFormat.Days),
        Kpi(Adoptions, "Number of children adopted in the year",
            "Children whose care ended since 1 April with an adoption order (SSDA903 reason E11 or E12). Elsewhere this KPI has been defined as A2 (days from the court's authority to place to the match); this system counts adoptions.",
            "Children adopted", null, Polarity.HigherIsBetter, PeriodRule.YearToDate, ComparisonRule.PreviousMonth,
            Band(70m, null, null), PermanenceHead, calculated: true, IndicatorFormat.Count),
        Kpi(AgencyStaff, "% of established social worker posts (including team managers) filled by agency staff",
            "Established social worker and team manager posts at the end of the month, filled or vacant; the numerator is those held by agency staff that day. "
            + "Rated on the total of both, as the report does; the drill-down lists each post.",
            "Posts filled by agency staff", "Established posts", Polarity.LowerIsBetter, PeriodRule.MonthEnd, ComparisonRule.Previous12MonthsAverage,
            Band(0.12m, 0.10m, 0.15m), WorkforceHead, calculated: true),
        Kpi(Caseloads, "Average caseload of qualified social workers",
            "Qualified social workers in post at the end of the month, and the children allocated to each that day (a child counts once per worker): "
            + "the mean caseload. Workers with no children allocated count, with a caseload of none.",
            "Qualified social workers", null, Polarity.LowerIsBetter, PeriodRule.MonthEnd, ComparisonRule.Previous12MonthsAverage,
            Band(15m, 13m, 20m), WorkforceHead, calculated: true, IndicatorFormat.Number),
        Kpi(Supervised, "% of social workers supervised in the month",
            "Qualified social workers in post at any time in the month; the numerator is those with a supervision recorded in the month.",
            "Social workers supervised", "Social workers", Polarity.HigherIsBetter, PeriodRule.Month, ComparisonRule.Previous12MonthsAverage,
            Band(0.86m, 0.80m, 0.90m), WorkforceHead, calculated: true),

        Rate(ReferralRate, "Referrals per 10,000 children", "Referrals with a referral date in the 12 months to the end of the month.", "Referrals", PeriodRule.Rolling12Months, calculated: true),
        Rate(AssessmentRate, "Assessments completed per 10,000 children", "Assessments authorised in the 12 months to the end of the month.", "Assessments completed", PeriodRule.Rolling12Months, calculated: true),
        Rate(Section47Rate, "Children subject to section 47 enquiries per 10,000 children", "Children with a section 47 enquiry starting in the 12 months to the end of the month, each child counted once.", "Children", PeriodRule.Rolling12Months, calculated: true),
        Rate(ConferenceRate, "Children subject of an initial child protection conference per 10,000 children", "Children with an initial conference held in the 12 months to the end of the month, each child counted once.", "Children", PeriodRule.Rolling12Months, calculated: true),
        Rate(ChildInNeedRate, "Children in need per 10,000 children", "Children with a child in need episode open on the last day of the month.", "Children", PeriodRule.MonthEnd, calculated: true),
        Rate(ProtectionPlanRate, "Children with a child protection plan per 10,000 children", "Children with a child protection plan in place on the last day of the month.", "Children", PeriodRule.MonthEnd, calculated: true),
        Rate(InCareRate, "Children in care per 10,000 children", "Children looked after on the last day of the month.", "Children", PeriodRule.MonthEnd, calculated: true),

        new(Contacts, IndicatorGroup.Activity, "Contacts received", "Contacts received by the front door in the month, by any channel.",
            "Contacts", null, Polarity.HigherIsBetter, IndicatorFormat.Count, PeriodRule.Month, ComparisonRule.Previous12MonthsAverage, null, FrontDoorHead, IsCalculated: true),
    ];

    private static readonly Dictionary<string, IndicatorDefinition> ByCode = All.ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);

    public static IndicatorDefinition? Find(string code) => ByCode.GetValueOrDefault(code);

    private static IndicatorDefinition Kpi(string code, string name, string definition, string numerator, string? denominator, Polarity polarity, PeriodRule period,
        ComparisonRule comparison, IndicatorTargetBand band, string owner, bool calculated, IndicatorFormat format = IndicatorFormat.Percent) =>
        new(code, IndicatorGroup.ContractKpi, name, definition, numerator, denominator, polarity, format, period, comparison, band, owner, calculated);

    // Rates have no target: "Good" is not a direction for a volume of need, so they are compared, not rated.
    private static IndicatorDefinition Rate(string code, string name, string definition, string numerator, PeriodRule period, bool calculated) =>
        new(code, IndicatorGroup.HeadlineRate, name, definition + " Divided by the child population (0 to 17) for the year, times 10,000.",
            numerator, "Child population", Polarity.HigherIsBetter, IndicatorFormat.RatePer10000, period, ComparisonRule.None, null, PerformanceHead, calculated);

    private static IndicatorTargetBand Band(decimal target, decimal? low, decimal? high) => new(target, low, high);
}
