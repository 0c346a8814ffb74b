namespace Safeguarding.Core.Returns;

/// <summary>Rules on CIN plans, section 47 enquiries and initial conferences, child protection plans and their reviews.</summary>
public static partial class CinCensusRules
{
    private static IEnumerable<CinCensusRule> CinPlanRules() =>
    [
        Each("4010", CinPlanDates, ["CINPlanStartDate"], "The CIN plan's start date is missing or after the end of the census year.",
            e => e.CinPlans, (r, _, _, p) => p.Started is null || p.Started > r.End),
        Each("4011", CinPlanDates, ["CINPlanStartDate", "CINPlanEndDate"], "The CIN plan is shown as ending before it started.", e => e.CinPlans, (_, _, _, p) => p.Ended < p.Started),
        Each("4012Q", CinPlanDates, ["CINPlanStartDate", "CINPlanEndDate"], "The CIN plan starts and ends on the same day: please check.", e => e.CinPlans, (_, _, _, p) => p.Started is not null && p.Ended == p.Started),
        Each("4013", CinPlanDates, ["CINPlanEndDate"], "The CIN plan's end date is outside the census year.", e => e.CinPlans, (r, _, _, p) => p.Ended.Outside(r)),
        Each("4015", CinPlanDates, ["CINPlanStartDate", "CINreferralDate"], "The CIN plan is shown as starting before the referral.", e => e.CinPlans, (_, _, e, p) => p.Started < e.Referred),
        PerChild("4004", CinPlanDates, ["CINPlanEndDate"], "The episode has more than one open CIN plan (no end date).",
            (_, c) => c.Episodes.Where(e => e.CinPlans.Count(p => p.Ended is null) > 1).SelectMany(e => e.CinPlans.Where(p => p.Ended is null))),
        PerChild("4014", CinPlanDates, ["CINPlanStartDate", "CINPlanEndDate"], "The child's CIN plans overlap: one starts while another is still open.",
            (r, c) => Pairs(c.CinPlans.Select(p => p.Plan).ToList()).Where(p => StartsWithin(p.A.Started, p.B.Started, p.B.Ended, true, r.End, endInclusive: true)).Select(p => p.A)),
        PerChild("4016", CinPlanDates, ["CINPlanStartDate", "CPPstartDate", "CPPendDate"], "A CIN plan is shown as starting while the child is on a child protection plan.",
            (r, c) => c.CinPlans.Where(q => c.ProtectionPlans.Any(p => StartsWithin(q.Plan.Started, p.Plan.Started, p.Plan.Ended, true, r.End, endInclusive: false))).Select(q => q.Plan)),
        PerChild("4017", ProtectionPlans, ["CPPstartDate", "CINPlanStartDate", "CINPlanEndDate"], "A child protection plan is shown as starting while the child's CIN plan is still open: end the CIN plan when the protection plan starts.",
            (r, c) => c.ProtectionPlans.Where(p => c.CinPlans.Any(q => StartsWithin(p.Plan.Started, q.Plan.Started, q.Plan.Ended, true, r.End, endInclusive: false))).Select(p => p.Plan)),
        Each("4001", CinPlanDates, ["CINPlanEndDate", "CPPendDate"], "The episode has an open CIN plan and an open child protection plan at once.",
            e => e.ProtectionPlans.Any(p => p.Ended is null) ? e.CinPlans : [], (_, _, _, p) => p.Ended is null),
    ];

    private static IEnumerable<CinCensusRule> Section47Rules() =>
    [
        Each("2889", Section47, ["S47ActualStartDate", "CINreferralDate"], "The section 47 enquiry is shown as starting before the referral.", e => e.Section47s, (_, _, e, s) => s.Started < e.Referred),
        Each("1104", Section47, ["DateOfInitialCPC", "CINreferralDate"], "The initial child protection conference is shown as held before the referral.", e => e.Section47s, (_, _, e, s) => s.InitialConference < e.Referred),
        Each("8615", Section47, ["S47ActualStartDate", "DateOfInitialCPC"], "The section 47 enquiry has an initial conference date, so its start date must be given and be on or before the conference.",
            e => e.Section47s, (_, _, _, s) => s.InitialConference is { } held && (s.Started is null || s.Started > held)),
        Each("8715", Section47, ["DateOfInitialCPC"], "The initial child protection conference date is outside the census year.", e => e.Section47s, (r, _, _, s) => s.InitialConference.Outside(r)),
        Each("8740", Section47, ["S47ActualStartDate", "DateOfInitialCPC", "ICPCnotRequired"], "A section 47 enquiry still awaiting its initial conference must have started in the census year.",
            e => e.Section47s, (r, _, _, s) => s.InitialConference is null && s.ConferenceNotRequired == false && s.Started.Outside(r)),
        Each("8675Q", Section47, ["S47ActualStartDate", "DateOfInitialCPC"], "The section 47 enquiry started more than 15 working days before the end of the census year and has no initial conference date (nor 'not required'): please check.",
            e => e.Section47s, (r, _, _, s) => s.InitialConference is null && s.ConferenceNotRequired == false && WorkingDaysBeforeEnd(r, 15) is { } cutoff && s.Started < cutoff),
        PerChild("8839", Section47, ["DateOfInitialCPC", "ICPCnotRequired"], "The episode has more than one section 47 enquiry still awaiting an initial conference.",
            (_, c) => c.Episodes.Where(e => e.Section47s.Count(Awaiting) > 1).SelectMany(e => e.Section47s.Where(Awaiting))),
        PerChild("8890", Section47, ["S47ActualStartDate"], "A section 47 enquiry is shown as starting while another on the episode is still going on.",
            (r, c) => c.Episodes.SelectMany(e => Pairs(e.Section47s).Where(p => StartsWithin(p.A.Started, p.B.Started, p.B.InitialConference, Awaiting(p.B), r.End, endInclusive: true)).Select(p => p.A))),
        Each("8870Q", Section47, ["InitialCPCtarget"], "The target date for the initial child protection conference is a Saturday or Sunday: please check.",
            e => e.Section47s, (_, _, _, s) => s.ConferenceTarget?.IsWeekend() == true),
        Each("8875", Section47, ["DateOfInitialCPC"], "The initial child protection conference is shown as held on a Saturday or Sunday.",
            e => e.Section47s, (_, _, _, s) => s.InitialConference?.IsWeekend() == true),
    ];

    private static IEnumerable<CinCensusRule> ProtectionPlanRules() =>
    [
        Each("1105", ProtectionPlans, ["CPPstartDate", "CINreferralDate"], "The child protection plan is shown as starting before the referral.", e => e.ProtectionPlans, (_, _, e, p) => p.Started < e.Referred),
        Each("8720", ProtectionPlans, ["CPPstartDate"], "The child protection plan's start date is missing or after the end of the census year.",
            e => e.ProtectionPlans, (r, _, _, p) => p.Started is null || p.Started > r.End),
        Each("8730", ProtectionPlans, ["NumberOfPreviousCPP"], "The number of previous child protection plans is missing.", e => e.ProtectionPlans, (_, _, _, p) => p.PreviousPlans is null or < 0),
        Each("8905", ProtectionPlans, ["InitialCategoryOfAbuse"], "The initial category of abuse is missing or not one of the census's codes.",
            e => e.ProtectionPlans, (r, _, _, p) => p.InitialCategory is null || !Codes(r, "categoryofabusetype").Contains(p.InitialCategory)),
        Each("8910", ProtectionPlans, ["LatestCategoryOfAbuse"], "The latest category of abuse is missing or not one of the census's codes.",
            e => e.ProtectionPlans, (r, _, _, p) => p.LatestCategory is null || !Codes(r, "categoryofabusetype").Contains(p.LatestCategory)),
        Each("8840", ProtectionPlans, ["CPPstartDate", "CPPendDate"], "The child protection plan starts and ends on the same day.", e => e.ProtectionPlans, (_, _, _, p) => p.Started is not null && p.Ended == p.Started),
        Each("8925", ProtectionPlans, ["CPPstartDate", "CPPendDate"], "The child protection plan is shown as ending before it started.", e => e.ProtectionPlans, (_, _, _, p) => p.Ended < p.Started),
        Each("8930", ProtectionPlans, ["CPPendDate"], "The child protection plan's end date is outside the census year.", e => e.ProtectionPlans, (r, _, _, p) => p.Ended.Outside(r)),
        PerChild("8935", ProtectionPlans, ["CPPendDate"], "The child has more than one open child protection plan (no end date).",
            (_, c) => c.ProtectionPlans.Count(p => p.Plan.Ended is null) > 1 ? c.ProtectionPlans.Where(p => p.Plan.Ended is null).Select(p => p.Plan) : []),
        PerChild("8940", ProtectionPlans, ["CPPstartDate", "CPPendDate"], "The child's child protection plans overlap: one starts while another is still open.",
            (r, c) => Pairs(c.ProtectionPlans.Select(p => p.Plan).ToList()).Where(p => StartsWithin(p.A.Started, p.B.Started, p.B.Ended, true, r.End, endInclusive: true)).Select(p => p.A)),
        Each("2885", ProtectionPlans, ["CPPstartDate", "DateOfInitialCPC"], "The child protection plan started in the census year on a different day from any initial child protection conference on its episode.",
            e => e.ProtectionPlans, (r, _, e, p) => p.Started is { } s && s.Within(r) && e.InitialConference != s && !e.Section47s.Any(q => q.InitialConference == s)),

        // Reviews.
        PerChild("8841", Reviews, ["CPPreviewDate", "CPPstartDate"], "A review is shown on or before the day the child protection plan started.",
            (_, c) => c.ProtectionPlans.SelectMany(p => p.Plan.Reviews.Where(v => v.Date <= p.Plan.Started))),
        PerChild("8842Q", Reviews, ["CPPreviewDate"], "A review has no date: please check.", (_, c) => c.ProtectionPlans.SelectMany(p => p.Plan.Reviews.Where(v => v.Date is null))),
        PerChild("4003", Reviews, ["CPPreviewDate", "CINPlanStartDate", "CINPlanEndDate"], "A child protection review is shown while the child's CIN plan is open: a child is on one plan or the other.",
            (r, c) => c.ProtectionPlans.SelectMany(p => p.Plan.Reviews.Where(v => v.Date != p.Plan.Ended
                && c.CinPlans.Any(q => StartsWithin(v.Date, q.Plan.Started, q.Plan.Ended, true, r.End, endInclusive: false))))),
    ];

    /// <summary>A section 47 enquiry with no initial conference date that is not marked 'conference not required'.</summary>
    private static bool Awaiting(CensusSection47 s) => s.InitialConference is null && s.ConferenceNotRequired != true;
}
