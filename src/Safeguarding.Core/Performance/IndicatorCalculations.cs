using Safeguarding.Core.Pathway;

namespace Safeguarding.Core.Performance;

public enum CaseRecordKind
{
    Contact,
    Referral,
    Assessment,
    Section47Enquiry,
    InitialConference,
    ChildProtectionPlan,
}

/// <summary>
/// One record behind a figure: in the denominator, and in the numerator when <see cref="InNumerator"/>.
/// <see cref="Measure"/> is what decided it (hours to decision, working days, days since the previous event).
/// </summary>
public readonly record struct IndicatorCase(CaseRecordKind Kind, Guid RecordId, Guid? ChildId, DateOnly Date, DateOnly? From, decimal? Measure, bool InNumerator);

/// <summary>How the drill-down labels an indicator's records.</summary>
public sealed record CaseLabels(string Date, string? From, string? Measure);

/// <summary>
/// The calculated indicators' definitions, as code over <see cref="PerformanceData"/>: each yields the
/// records behind a month's figure, so the figure and its drill-down can never disagree.
/// </summary>
public static class IndicatorCalculations
{
    private const int AssessmentWorkingDays = 45;
    private const int ConferenceWorkingDays = 15;
    private static readonly TimeSpan DecisionWithin = TimeSpan.FromHours(24);

    public static bool CanCalculate(string code) => Labels(code) is not null;

    public static CaseLabels? Labels(string code) => code switch
    {
        DefaultIndicators.Referrals24Hours => new("Decided", "Received", "Hours to decision"),
        DefaultIndicators.ReReferrals or DefaultIndicators.ReferralRate => new("Referral date", "Previous referral", "Days since previous referral"),
        DefaultIndicators.AssessmentsIn45Days or DefaultIndicators.AssessmentRate => new("Authorised", "Referral date", "Working days from referral"),
        DefaultIndicators.ConferencesIn15Days or DefaultIndicators.ConferenceRate => new("Held", "Strategy discussion", "Working days from strategy discussion"),
        DefaultIndicators.RepeatPlans => new("Plan started", "Previous plan ended", "Days since previous plan ended"),
        DefaultIndicators.Section47Rate => new("Enquiry started", null, null),
        DefaultIndicators.ChildInNeedRate => new("Referral date", null, null),
        DefaultIndicators.ProtectionPlanRate => new("Plan started", null, null),
        DefaultIndicators.Contacts => new("Received", null, null),
        _ => null,
    };

    /// <summary>The records behind the indicator's figure for <paramref name="month"/>, or null when it is not calculated from records.</summary>
    public static IEnumerable<IndicatorCase>? Cases(string code, PerformanceData data, DateOnly month)
    {
        ArgumentNullException.ThrowIfNull(data);
        month = PerformanceMonths.StartOf(month);
        var end = PerformanceMonths.EndOf(month);
        var yearFrom = month.AddMonths(-11);
        return code switch
        {
            DefaultIndicators.Referrals24Hours => ReferralDecisions(data, month, end),
            DefaultIndicators.ReReferrals => Referrals(data, month, end),
            DefaultIndicators.ReferralRate => ReferralsMade(data, yearFrom, end),
            DefaultIndicators.AssessmentsIn45Days => Assessments(data, month, end),
            DefaultIndicators.AssessmentRate => Assessments(data, yearFrom, end),
            DefaultIndicators.ConferencesIn15Days => InitialConferences(data, month, end, perChild: false),
            DefaultIndicators.ConferenceRate => InitialConferences(data, yearFrom, end, perChild: true),
            DefaultIndicators.RepeatPlans => PlansStarted(data, yearFrom, end),
            DefaultIndicators.Section47Rate => ChildrenWithEnquiries(data, yearFrom, end),
            DefaultIndicators.ChildInNeedRate => ChildrenInNeed(data, end),
            DefaultIndicators.ProtectionPlanRate => ChildrenOnPlans(data, end),
            DefaultIndicators.Contacts => ContactsReceived(data, month, end),
            _ => null,
        };
    }

    private static IEnumerable<IndicatorCase> ReferralDecisions(PerformanceData data, DateOnly from, DateOnly to) =>
        data.Contacts
            .Where(c => c.IsReferral && c.DecidedOn is { } on && on >= from && on <= to)
            .Select(c =>
            {
                var elapsed = c.FirstDecidedAt!.Value - c.ReceivedAt;
                return new IndicatorCase(CaseRecordKind.Contact, c.Id, null, c.DecidedOn!.Value, c.ReceivedOn,
                    Math.Round((decimal)elapsed.TotalHours, 1), elapsed <= DecisionWithin);
            });

    // A referral within 12 months of the child's previous referral (on or after the same date a year earlier) is a re-referral.
    private static IEnumerable<IndicatorCase> Referrals(PerformanceData data, DateOnly from, DateOnly to)
    {
        foreach (var referral in data.Referrals)
        {
            if (referral.ReferralDate < from || referral.ReferralDate > to)
            {
                continue;
            }

            var previous = PreviousReferral(data, referral);
            var isRepeat = previous is { } p && p.ReferralDate >= referral.ReferralDate.AddMonths(-12);
            yield return new IndicatorCase(CaseRecordKind.Referral, referral.Id, referral.ChildId, referral.ReferralDate, previous?.ReferralDate,
                previous is { } q ? referral.ReferralDate.DayNumber - q.ReferralDate.DayNumber : null, isRepeat);
        }
    }

    private static ReferralRow? PreviousReferral(PerformanceData data, ReferralRow referral) => data.PreviousReferrals[referral.Id];

    // The rate counts referrals, so it needs no look-back.
    private static IEnumerable<IndicatorCase> ReferralsMade(PerformanceData data, DateOnly from, DateOnly to) =>
        data.Referrals.Where(r => r.ReferralDate >= from && r.ReferralDate <= to)
            .Select(r => new IndicatorCase(CaseRecordKind.Referral, r.Id, r.ChildId, r.ReferralDate, null, null, true));

    private static IEnumerable<IndicatorCase> Assessments(PerformanceData data, DateOnly from, DateOnly to) =>
        data.Assessments
            .Where(a => a.AuthorisationDate >= from && a.AuthorisationDate <= to)
            .Select(a => new IndicatorCase(CaseRecordKind.Assessment, a.Id, a.ChildId, a.AuthorisationDate, a.ReferralDate,
                data.Calendar.WorkingDaysBetween(a.ReferralDate, a.AuthorisationDate),
                a.AuthorisationDate <= data.Calendar.AddWorkingDays(a.ReferralDate, AssessmentWorkingDays)));

    // Conferences whose enquiry has no recorded strategy discussion cannot be timed, so the KPI leaves them out; the rate counts them.
    private static IEnumerable<IndicatorCase> InitialConferences(PerformanceData data, DateOnly from, DateOnly to, bool perChild)
    {
        var held = data.InitialConferences.Where(c => c.HeldOn >= from && c.HeldOn <= to);
        if (perChild)
        {
            return FirstPerChild(held, c => c.ChildId)
                .Select(c => new IndicatorCase(CaseRecordKind.InitialConference, c.Id, c.ChildId, c.HeldOn, c.StrategyDiscussionOn, null, true));
        }

        return held.Where(c => c.StrategyDiscussionOn is not null)
            .Select(c => new IndicatorCase(CaseRecordKind.InitialConference, c.Id, c.ChildId, c.HeldOn, c.StrategyDiscussionOn,
                data.Calendar.WorkingDaysBetween(c.StrategyDiscussionOn!.Value, c.HeldOn),
                c.HeldOn <= data.Calendar.AddWorkingDays(c.StrategyDiscussionOn!.Value, ConferenceWorkingDays)));
    }

    private static IEnumerable<IndicatorCase> PlansStarted(PerformanceData data, DateOnly from, DateOnly to)
    {
        foreach (var plan in data.Plans)
        {
            if (plan.StartDate < from || plan.StartDate > to)
            {
                continue;
            }

            var earlierEnds = data.PlansByChild[plan.ChildId]
                .Where(p => p.Id != plan.Id && p.StartDate <= plan.StartDate && p.EndDate is { } ended && ended <= plan.StartDate)
                .Select(p => p.EndDate)
                .ToList();
            var lastEnd = earlierEnds.Max();
            yield return new IndicatorCase(CaseRecordKind.ChildProtectionPlan, plan.Id, plan.ChildId, plan.StartDate, lastEnd,
                lastEnd is { } e ? plan.StartDate.DayNumber - e.DayNumber : null,
                ChildProtectionPlanHistory.IsRepeatWithinTwoYears(plan.StartDate, earlierEnds));
        }
    }

    private static IEnumerable<IndicatorCase> ChildrenWithEnquiries(PerformanceData data, DateOnly from, DateOnly to) =>
        FirstPerChild(data.Enquiries.Where(s => s.StartDate >= from && s.StartDate <= to), s => s.ChildId)
            .Select(s => new IndicatorCase(CaseRecordKind.Section47Enquiry, s.Id, s.ChildId, s.StartDate, null, null, true));

    // Open on the last day of the month: referred by then and not closed by then.
    private static IEnumerable<IndicatorCase> ChildrenInNeed(PerformanceData data, DateOnly on) =>
        FirstPerChild(data.Referrals.Where(r => r.ReferralDate <= on && (r.ClosureDate is null || r.ClosureDate > on)), r => r.ChildId)
            .Select(r => new IndicatorCase(CaseRecordKind.Referral, r.Id, r.ChildId, r.ReferralDate, null, null, true));

    private static IEnumerable<IndicatorCase> ChildrenOnPlans(PerformanceData data, DateOnly on) =>
        FirstPerChild(data.Plans.Where(p => p.StartDate <= on && (p.EndDate is null || p.EndDate > on)), p => p.ChildId)
            .Select(p => new IndicatorCase(CaseRecordKind.ChildProtectionPlan, p.Id, p.ChildId, p.StartDate, null, null, true));

    private static IEnumerable<IndicatorCase> ContactsReceived(PerformanceData data, DateOnly from, DateOnly to) =>
        data.Contacts.Where(c => c.ReceivedOn >= from && c.ReceivedOn <= to)
            .Select(c => new IndicatorCase(CaseRecordKind.Contact, c.Id, null, c.ReceivedOn, null, null, true));

    // The data's lists are in date order, so the first record seen for a child is their earliest.
    private static IEnumerable<T> FirstPerChild<T>(IEnumerable<T> records, Func<T, Guid> child)
    {
        var seen = new HashSet<Guid>();
        foreach (var record in records)
        {
            if (seen.Add(child(record)))
            {
                yield return record;
            }
        }
    }
}
