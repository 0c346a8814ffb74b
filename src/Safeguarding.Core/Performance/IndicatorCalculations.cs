using Safeguarding.Core.Pathway;
using Safeguarding.Core.Workforce;

namespace Safeguarding.Core.Performance;

public enum CaseRecordKind
{
    Contact,
    Referral,
    Assessment,
    Section47Enquiry,
    InitialConference,
    ChildProtectionPlan,
    CarePeriod,
    LookedAfterReview,
    CareLeaverContact,
    WorkforcePost,
    SocialWorker,
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
    private const int FirstReviewWorkingDays = 20;
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
        DefaultIndicators.PlacementStability => new("In care since", "In this placement since", "Days in this placement"),
        DefaultIndicators.PlacementMoves => new("In care since", null, "Placements in the 12 months"),
        DefaultIndicators.ReviewsOnTime => new("Review held", "Due by", "Working days late"),
        DefaultIndicators.CareLeaversInEducation or DefaultIndicators.CareLeaversSuitablyHoused => new("Birthday", null, "Age"),
        DefaultIndicators.AdoptionTimeliness => new("Adopted", "Entered care", "Days from entering care to moving in"),
        DefaultIndicators.Adoptions => new("Adopted", "Entered care", null),
        DefaultIndicators.InCareRate => new("In care since", null, null),
        DefaultIndicators.AgencyStaff => new("Established", null, null),
        DefaultIndicators.Caseloads => new("In post since", null, "Children allocated"),
        DefaultIndicators.Supervised => new("In post until", "Last supervised", "Supervisions in the month"),
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
            DefaultIndicators.PlacementStability => LongTermStability(data, end),
            DefaultIndicators.PlacementMoves => PlacementMoves(data, end),
            DefaultIndicators.ReviewsOnTime => Reviews(data, PerformanceMonths.FinancialYearStart(month), end),
            DefaultIndicators.CareLeaversInEducation => CareLeavers(data, PerformanceMonths.FinancialYearStart(month), end,
                c => LookedAfterCodes.InEducationEmploymentOrTraining.Contains(c.Activity)),
            DefaultIndicators.CareLeaversSuitablyHoused => CareLeavers(data, PerformanceMonths.FinancialYearStart(month), end,
                c => LookedAfterCodes.IsSuitable(c.Accommodation)),
            DefaultIndicators.AdoptionTimeliness => Adopted(data, end.AddYears(-3).AddDays(1), end).Where(c => c.Measure is not null),
            DefaultIndicators.Adoptions => Adopted(data, PerformanceMonths.FinancialYearStart(month), end),
            DefaultIndicators.InCareRate => ChildrenInCare(data, end),
            DefaultIndicators.AgencyStaff => EstablishedPosts(data, end),
            DefaultIndicators.Caseloads => Caseloads(data, end),
            DefaultIndicators.Supervised => SocialWorkersSupervised(data, month, end),
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
        foreach (var referral in PerformanceData.Between(data.Referrals, r => r.ReferralDate, from, to))
        {
            var previous = PreviousReferral(data, referral);
            var isRepeat = previous is { } p && p.ReferralDate >= referral.ReferralDate.AddMonths(-12);
            yield return new IndicatorCase(CaseRecordKind.Referral, referral.Id, referral.ChildId, referral.ReferralDate, previous?.ReferralDate,
                previous is { } q ? referral.ReferralDate.DayNumber - q.ReferralDate.DayNumber : null, isRepeat);
        }
    }

    private static ReferralRow? PreviousReferral(PerformanceData data, ReferralRow referral) => data.PreviousReferrals[referral.Id];

    // The rate counts referrals, so it needs no look-back.
    private static IEnumerable<IndicatorCase> ReferralsMade(PerformanceData data, DateOnly from, DateOnly to) =>
        PerformanceData.Between(data.Referrals, r => r.ReferralDate, from, to)
            .Select(r => new IndicatorCase(CaseRecordKind.Referral, r.Id, r.ChildId, r.ReferralDate, null, null, true));

    private static IEnumerable<IndicatorCase> Assessments(PerformanceData data, DateOnly from, DateOnly to) =>
        PerformanceData.Between(data.Assessments, a => a.AuthorisationDate, from, to)
            .Select(a => new IndicatorCase(CaseRecordKind.Assessment, a.Id, a.ChildId, a.AuthorisationDate, a.ReferralDate,
                data.Calendar.WorkingDaysBetween(a.ReferralDate, a.AuthorisationDate),
                a.AuthorisationDate <= data.Calendar.AddWorkingDays(a.ReferralDate, AssessmentWorkingDays)));

    // Conferences whose enquiry has no recorded strategy discussion cannot be timed, so the KPI leaves them out; the rate counts them.
    private static IEnumerable<IndicatorCase> InitialConferences(PerformanceData data, DateOnly from, DateOnly to, bool perChild)
    {
        var held = PerformanceData.Between(data.InitialConferences, c => c.HeldOn, from, to);
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
        foreach (var plan in PerformanceData.Between(data.Plans, p => p.StartDate, from, to))
        {
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
        FirstPerChild(PerformanceData.Between(data.Enquiries, s => s.StartDate, from, to), s => s.ChildId)
            .Select(s => new IndicatorCase(CaseRecordKind.Section47Enquiry, s.Id, s.ChildId, s.StartDate, null, null, true));

    // Open on the last day of the month: referred by then and not closed by then.
    private static IEnumerable<IndicatorCase> ChildrenInNeed(PerformanceData data, DateOnly on) =>
        FirstPerChild(data.Referrals.TakeWhile(r => r.ReferralDate <= on).Where(r => r.ClosureDate is null || r.ClosureDate > on), r => r.ChildId)
            .Select(r => new IndicatorCase(CaseRecordKind.Referral, r.Id, r.ChildId, r.ReferralDate, null, null, true));

    private static IEnumerable<IndicatorCase> ChildrenOnPlans(PerformanceData data, DateOnly on) =>
        FirstPerChild(data.Plans.TakeWhile(p => p.StartDate <= on).Where(p => p.EndDate is null || p.EndDate > on), p => p.ChildId)
            .Select(p => new IndicatorCase(CaseRecordKind.ChildProtectionPlan, p.Id, p.ChildId, p.StartDate, null, null, true));

    private static IEnumerable<IndicatorCase> ContactsReceived(PerformanceData data, DateOnly from, DateOnly to) =>
        PerformanceData.Between(data.Contacts, c => c.ReceivedOn, from, to)
            .Select(c => new IndicatorCase(CaseRecordKind.Contact, c.Id, null, c.ReceivedOn, null, null, true));

    private static bool InCareOn(CarePeriodRow period, DateOnly on) => period.StartDate <= on && (period.EndDate is null || period.EndDate > on);

    private static IEnumerable<IndicatorCase> ChildrenInCare(PerformanceData data, DateOnly on) =>
        FirstPerChild(data.CarePeriods.Where(p => InCareOn(p, on)), p => p.ChildId)
            .Select(p => new IndicatorCase(CaseRecordKind.CarePeriod, p.Id, p.ChildId, p.StartDate, null, null, true));

    /// <summary>
    /// KPI 6: under-16s in care for 2.5 years on the day, in the same placement for 2 years. A placement starts
    /// when the carer changes (reason for new episode S, P or T); a child placed for adoption counts the
    /// placement before it too, as the DfE measure does.
    /// </summary>
    private static IEnumerable<IndicatorCase> LongTermStability(PerformanceData data, DateOnly on)
    {
        var inCareSince = on.AddMonths(-30);
        var placedSince = on.AddYears(-2);
        foreach (var period in data.CarePeriods)
        {
            if (!InCareOn(period, on) || period.StartDate > inCareSince || period.DateOfBirth is not { } born || born.AddYears(16) <= on)
            {
                continue;
            }

            var placementStart = PlacementStart(data.EpisodesByPeriod[period.Id], on);
            yield return new IndicatorCase(CaseRecordKind.CarePeriod, period.Id, period.ChildId, period.StartDate, placementStart,
                on.DayNumber - placementStart.DayNumber, placementStart <= placedSince);
        }
    }

    private static DateOnly PlacementStart(IEnumerable<CareEpisodeRow> episodes, DateOnly on)
    {
        var starts = new List<DateOnly>();
        var placedForAdoption = false;
        foreach (var episode in episodes)
        {
            if (episode.StartDate > on)
            {
                break;
            }

            if (episode.ReasonNewEpisode == "S" || LookedAfterCodes.CarerChanges.Contains(episode.ReasonNewEpisode))
            {
                starts.Add(episode.StartDate);
            }

            placedForAdoption = LookedAfterCodes.PlacedForAdoption.Contains(episode.PlacementType);
        }

        return placedForAdoption && starts.Count > 1 ? starts[^2] : starts.Count > 0 ? starts[^1] : on;
    }

    /// <summary>KPI 7: children in care on the day with three or more placements (carers) in the 12 months to it, across all their periods.</summary>
    private static IEnumerable<IndicatorCase> PlacementMoves(PerformanceData data, DateOnly on)
    {
        var yearFrom = on.AddYears(-1).AddDays(1);
        foreach (var period in FirstPerChild(data.CarePeriods.Where(p => InCareOn(p, on)), p => p.ChildId))
        {
            var placements = 0;
            foreach (var earlier in data.CarePeriodsByChild[period.ChildId])
            {
                if (earlier.StartDate > on || earlier.EndDate is { } ended && ended < yearFrom)
                {
                    continue;
                }

                var first = true;
                foreach (var episode in data.EpisodesByPeriod[earlier.Id])
                {
                    var startsPlacement = episode.ReasonNewEpisode == "S" || LookedAfterCodes.CarerChanges.Contains(episode.ReasonNewEpisode);
                    if (episode.StartDate > on)
                    {
                        break;
                    }

                    // The placement the child was in when the year began counts once, however long ago it started.
                    if (startsPlacement && (episode.StartDate >= yearFrom || first))
                    {
                        placements++;
                    }

                    first = false;
                }
            }

            yield return new IndicatorCase(CaseRecordKind.CarePeriod, period.Id, period.ChildId, period.StartDate, null, placements, placements >= 3);
        }
    }

    /// <summary>KPI 8: reviews held in the period, each on time by its own due date: 20 working days from entering care, then 3 months, then 6 months.</summary>
    private static IEnumerable<IndicatorCase> Reviews(PerformanceData data, DateOnly from, DateOnly to)
    {
        foreach (var period in data.CarePeriods)
        {
            DateOnly? previous = null;
            var held = 0;
            foreach (var review in data.ReviewsByPeriod[period.Id])
            {
                var due = previous is not { } last
                    ? data.Calendar.AddWorkingDays(period.StartDate, FirstReviewWorkingDays)
                    : last.AddMonths(held == 1 ? 3 : 6);
                if (review.HeldOn >= from && review.HeldOn <= to)
                {
                    yield return new IndicatorCase(CaseRecordKind.LookedAfterReview, review.Id, review.ChildId, review.HeldOn, due,
                        review.HeldOn > due ? data.Calendar.WorkingDaysBetween(due, review.HeldOn) : 0, review.HeldOn <= due);
                }

                previous = review.HeldOn;
                held++;
            }
        }
    }

    /// <summary>KPIs 9 and 10: care leavers whose 19th, 20th or 21st birthday fell in the period, whether in touch or not (as the DfE counts them).</summary>
    private static IEnumerable<IndicatorCase> CareLeavers(PerformanceData data, DateOnly from, DateOnly to, Func<CareLeaverRow, bool> counted) =>
        PerformanceData.Between(data.CareLeavers, c => c.Birthday, from, to).Where(c => c.Age is >= 19 and <= 21)
            .Select(c => new IndicatorCase(CaseRecordKind.CareLeaverContact, c.Id, c.ChildId, c.Birthday, null, c.Age, counted(c)));

    /// <summary>KPIs 11 and 12: periods of care that ended in an adoption order in the period; A1 is the days from entering care to moving in.</summary>
    private static IEnumerable<IndicatorCase> Adopted(PerformanceData data, DateOnly from, DateOnly to) =>
        data.CarePeriods
            .Where(p => p.EndDate is { } ended && ended >= from && ended <= to && p.EndReason is { } reason && LookedAfterCodes.Adopted.Contains(reason))
            .OrderBy(p => p.EndDate).ThenBy(p => p.Id)
            .Select(p => new IndicatorCase(CaseRecordKind.CarePeriod, p.Id, p.ChildId, p.EndDate!.Value, p.StartDate,
                p.PlacedForAdoptionOn is { } placed ? placed.DayNumber - p.StartDate.DayNumber : null, true));

    // Holdings and allocations run from their start date until the day before their end date, as periods of care do.
    private static bool Held(HoldingRow holding, DateOnly on) => holding.StartDate <= on && (holding.EndDate is null || holding.EndDate > on);

    /// <summary>KPI 13: the posts established on the day, social workers' and team managers', filled or vacant; the numerator those an agency worker holds.</summary>
    private static IEnumerable<IndicatorCase> EstablishedPosts(PerformanceData data, DateOnly on)
    {
        var agencyHeld = data.Holdings.Where(h => h.Employment == Employment.Agency && Held(h, on)).Select(h => h.PostId).ToHashSet();
        return data.Posts
            .Where(p => p.EstablishedOn <= on && (p.DeletedOn is null || p.DeletedOn > on))
            .OrderBy(p => p.EstablishedOn).ThenBy(p => p.Id)
            .Select(p => new IndicatorCase(CaseRecordKind.WorkforcePost, p.Id, null, p.EstablishedOn, null, null, agencyHeld.Contains(p.Id)));
    }

    /// <summary>Social workers in post on the day, each with the children allocated to them (a worker in two posts is one worker).</summary>
    private static IEnumerable<(Guid Worker, DateOnly Since)> SocialWorkersInPost(PerformanceData data, DateOnly from, DateOnly to)
    {
        var socialWorkerPosts = data.Posts.Where(p => p.Role == WorkforceRole.SocialWorker).Select(p => p.Id).ToHashSet();
        return data.Holdings
            .Where(h => socialWorkerPosts.Contains(h.PostId) && h.StartDate <= to && (h.EndDate is null || h.EndDate > from))
            .GroupBy(h => h.UserId)
            .Select(g => (g.Key, g.Min(h => h.StartDate)))
            .OrderBy(w => w.Item2).ThenBy(w => w.Key);
    }

    /// <summary>KPI 14: the mean number of children allocated to each social worker in post at the month end.</summary>
    private static IEnumerable<IndicatorCase> Caseloads(PerformanceData data, DateOnly on)
    {
        var caseloads = data.Allocations
            .Where(a => a.StartDate <= on && (a.EndDate is null || a.EndDate > on))
            .GroupBy(a => a.WorkerUserId)
            .ToDictionary(g => g.Key, g => g.Select(a => a.ChildId).Distinct().Count());
        return SocialWorkersInPost(data, on, on).Select(w =>
            new IndicatorCase(CaseRecordKind.SocialWorker, w.Worker, null, w.Since, null, caseloads.GetValueOrDefault(w.Worker), true));
    }

    /// <summary>KPI 15: social workers in post at any time in the month; the numerator those with a supervision recorded in it.</summary>
    private static IEnumerable<IndicatorCase> SocialWorkersSupervised(PerformanceData data, DateOnly month, DateOnly end)
    {
        var supervised = data.Supervisions.Where(s => s.HeldOn >= month && s.HeldOn <= end).ToLookup(s => s.WorkerUserId);
        return SocialWorkersInPost(data, month, end).Select(w =>
        {
            var sessions = supervised[w.Worker].ToList();
            var last = sessions.Count == 0 ? (DateOnly?)null : sessions.Max(s => s.HeldOn);
            return new IndicatorCase(CaseRecordKind.SocialWorker, w.Worker, null, end, last, sessions.Count, sessions.Count > 0);
        });
    }

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
