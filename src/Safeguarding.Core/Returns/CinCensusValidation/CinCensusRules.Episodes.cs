using Safeguarding.Core.Calendar;

namespace Safeguarding.Core.Returns;

/// <summary>Rules on a child in need episode (CINdetails): referral, closure, no further action, and how episodes sit together.</summary>
public static partial class CinCensusRules
{
    private static readonly HashSet<string> YesNoValues = new(["1", "0", "TRUE", "FALSE"], StringComparer.OrdinalIgnoreCase);

    private static IEnumerable<CinCensusRule> EpisodeRules() =>
    [
        Episode("8600", ["CINreferralDate"], "The referral date is missing or after the end of the census year (31 March).", (r, _, e) => e.Referred is null || e.Referred > r.End),
        PerChild("8606", Details, ["CINreferralDate", "PersonBirthDate", "ExpectedPersonBirthDate"], "The referral date is more than 40 weeks before the child's (expected) date of birth.",
            (_, c) => (c.Born ?? c.ExpectedBirth) is { } birth ? c.Episodes.Where(e => e.Referred < birth.AddDays(-280)) : []),
        Episode("8866", ["ReferralSource"], "The source of referral is missing or not one of the census's referral source codes.",
            (r, _, e) => e.Referred >= new DateOnly(2013, 4, 1) && (e.ReferralSource is null || !Codes(r, "referralsourcetype").Contains(e.ReferralSource))),
        Episode("8568", ["ReferralNFA"], "'Referral with no further action' must be given as 1 or 0 (true or false).",
            (_, _, e) => e.NoFurtherActionText is null || !YesNoValues.Contains(e.NoFurtherActionText)),
        Episode("8569", ["CINreferralDate", "ReferralNFA"], "A referral made before the census year began (more than one working day before 1 April) cannot be a referral with no further action.",
            (r, _, e) => e.NoFurtherAction == true && e.Referred is { } referred && WorkingDayCalendar.InRange(r.Start) && referred < Calendar.Value.AddWorkingDays(r.Start, -1)),
        Episode("8610", ["ReferralNFA", "PrimaryNeedCode"], "The referral went on to further action, so the primary need code must be given.", (_, _, e) => e.FurtherAction() && e.PrimaryNeed is null),
        Episode("8650", ["PrimaryNeedCode"], "The primary need code is not one of the census's codes (N0 to N9).",
            (r, _, e) => e.PrimaryNeed is { } need && !Codes(r, "primaryneedcodetype").Contains(need)),

        Episode("8620", ["CINclosureDate"], "The episode's closure date is outside the census year (1 April to 31 March).", (r, _, e) => e.Closed.Outside(r)),
        Episode("8630", ["CINreferralDate", "CINclosureDate"], "The episode is shown as closed before it was referred.", (_, _, e) => e.Closed < e.Referred),
        Episode("8640", ["ReasonForClosure"], "The reason for closure is not one of the census's codes (RC1 to RC9).",
            (r, _, e) => e.ClosureReason is { } reason && !Codes(r, "reasonforclosuretype").Contains(reason)),
        Episode("8805", ["CINclosureDate", "ReasonForClosure"], "The episode has a closure date but no reason for closure.", (_, _, e) => e.Closed is not null && e.ClosureReason is null),
        Episode("8810", ["ReasonForClosure", "CINclosureDate"], "The episode has a reason for closure but no closure date.", (_, _, e) => e.ClosureReason is not null && e.Closed is null),
        Episode("8565", ["CINclosureDate"], "Work is shown on the episode after its closure date (an assessment, section 47 enquiry, conference, CIN plan or the end of a child protection plan).",
            (_, _, e) => e.Closed is { } closed && Activity(e).Any(d => d > closed)),

        PerChild("8815", Details, ["CINclosureDate", "ReferralNFA"], "The child has more than one open episode (no closure date) that went on to further action.",
            (_, c) => c.Episodes.Count(Open) > 1 ? c.Episodes.Where(Open) : []),
        PerChild("8816", Details, ["CINreferralDate", "ReferralNFA"], "An open episode that went on to further action is not the child's latest referral.",
            (_, c) => c.Episodes.Max(e => e.Referred) is { } latest ? c.Episodes.Where(e => Open(e) && e.Referred < latest) : []),
        PerChild("8820", Details, ["CINreferralDate", "CINclosureDate"], "The child's episodes overlap: one is referred while another is still open.",
            (r, c) => Pairs(c.Episodes).Where(p => StartsWithin(p.A.Referred, p.B.Referred, p.B.Closed, p.B.FurtherAction(), r.End, endInclusive: false)).Select(p => p.A)),

        // What a closed-after-assessment or no-further-action episode may not have.
        Episode("2990", ["ReasonForClosure"], "The episode was closed after assessment with no further action (RC8), but it has a section 47 enquiry, an initial conference, a CIN plan or a child protection plan.",
            (_, _, e) => e.ClosureReason == "RC8" && (e.Section47s.Count > 0 || e.InitialConference is not null || e.CinPlans.Count > 0 || e.ProtectionPlans.Count > 0)),
        Episode("8831", ["ReferralNFA"], "The referral is marked 'no further action', but the episode has an assessment, a section 47 enquiry or an initial conference.",
            (_, _, e) => e.NoFurtherAction == true && (e.Assessments.Any(a => a.Started is not null || a.Authorised is not null) || e.Section47s.Count > 0 || e.InitialConference is not null)),
        Episode("8832", ["ReferralNFA"], "The referral is marked 'no further action', but the episode has a child protection plan.",
            (_, _, e) => e.NoFurtherAction == true && e.ProtectionPlans.Count > 0),
        Episode("4000", ["ReferralNFA"], "The referral is marked 'no further action', but the episode has a CIN plan.", (_, _, e) => e.NoFurtherAction == true && e.CinPlans.Count > 0),
        Episode("8825Q", ["ReasonForClosure"], "The episode was closed after assessment (RC8 or RC9), but it has no assessment: please add the assessment or explain.",
            (_, _, e) => e.ClosureReason is "RC8" or "RC9" && e.Assessments.Count == 0),
        Episode("8867", ["CINclosureDate", "AssessmentAuthorisationDate"], "The episode is closed, but one of its assessments has no completion (authorisation) date.",
            (_, _, e) => e.Closed is not null && e.Assessments.Any(a => a.Authorised is null)),
        Episode("8868", ["CINclosureDate", "DateOfInitialCPC", "ICPCnotRequired"], "The episode is closed, but a section 47 enquiry has neither an initial conference date nor 'conference not required'.",
            (_, _, e) => e.Closed is not null && e.Section47s.Any(s => s.InitialConference is null && s.ConferenceNotRequired != true)),
        Episode("2884", ["DateOfInitialCPC"], "The same initial child protection conference is recorded both on the episode and on its section 47 enquiry: record it once, on the enquiry.",
            (_, _, e) => e.InitialConference is { } held && e.Section47s.Any(s => s.InitialConference == held)),
    ];

    /// <summary>Open and not a referral with no further action.</summary>
    private static bool Open(CensusEpisode e) => e.Closed is null && e.FurtherAction();

    /// <summary>The dates of work on an episode that must not come after its closure.</summary>
    private static IEnumerable<DateOnly> Activity(CensusEpisode e) =>
        new[] { e.InitialConference }
            .Concat(e.Assessments.SelectMany(a => new[] { a.Started, a.Authorised }))
            .Concat(e.Section47s.SelectMany(s => new[] { s.Started, s.InitialConference }))
            .Concat(e.ProtectionPlans.Select(p => p.Ended))
            .Concat(e.CinPlans.SelectMany(p => new[] { p.Started, p.Ended }))
            .OfType<DateOnly>();
}
