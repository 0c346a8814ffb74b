namespace Safeguarding.Core.Returns;

/// <summary>Rules on assessments and the factors identified at them.</summary>
public static partial class CinCensusRules
{
    private static IEnumerable<CinCensusRule> AssessmentRules() =>
    [
        Each("1103", Assessments, ["AssessmentActualStartDate", "CINreferralDate"], "The assessment is shown as starting before the referral.",
            e => e.Assessments, (_, _, e, a) => a.Started < e.Referred),
        Each("8608", Assessments, ["AssessmentActualStartDate", "AssessmentAuthorisationDate"], "The assessment is shown as completed (authorised) before it started.",
            e => e.Assessments, (_, _, _, a) => a.Authorised < a.Started),
        Each("8696", Assessments, ["AssessmentAuthorisationDate"], "The assessment's completion (authorisation) date is outside the census year.",
            e => e.Assessments, (r, _, _, a) => a.Authorised.Outside(r)),
        Each("8736", Assessments, ["AssessmentActualStartDate", "AssessmentAuthorisationDate"], "An assessment not yet completed must have started in the census year.",
            e => e.Assessments, (r, _, _, a) => a.Authorised is null && a.Started.Outside(r)),
        Each("8670Q", Assessments, ["AssessmentActualStartDate", "AssessmentAuthorisationDate"], "The assessment started more than 45 working days before the end of the census year and is still not completed: please check.",
            e => e.Assessments, (r, _, _, a) => a.Authorised is null && WorkingDaysBeforeEnd(r, 45) is { } cutoff && a.Started < cutoff),
        PerChild("8896", Assessments, ["AssessmentAuthorisationDate"], "The episode has more than one assessment not yet completed.",
            (_, c) => c.Episodes.Where(e => e.Assessments.Count(a => a.Authorised is null) > 1).SelectMany(e => e.Assessments.Where(a => a.Authorised is null))),
        PerChild("8863", Assessments, ["AssessmentActualStartDate"], "The assessment is shown as starting while another assessment on the episode is still going on.",
            (r, c) => c.Episodes.SelectMany(e => Pairs(e.Assessments).Where(p => StartsWithin(p.A.Started, p.B.Started, p.B.Authorised, true, r.End, endInclusive: true)).Select(p => p.A))),

        // Factors identified at assessment.
        Each("8614", Assessments, ["AssessmentAuthorisationDate", "AssessmentFactors"], "Factors identified at assessment are given for an assessment that is not completed.",
            e => e.Assessments, (_, _, _, a) => a.Authorised is null && a.Factors.Count > 0),
        Each("8897", Assessments, ["AssessmentAuthorisationDate", "AssessmentFactors"], "The assessment was completed in the census year but no factors identified at assessment are given.",
            e => e.Assessments, (r, _, _, a) => a.Authorised >= r.Start && a.Factors.Count == 0),
        FactorRule("8617", "Factor code 8A is not a valid code.", f => f.Code == "8A"),
        FactorRule("8945Q", "Factor code 18A should no longer be used: please use 18B or 18C instead, or explain.", f => string.Equals(f.Code, "18A", StringComparison.OrdinalIgnoreCase)),
        FactorRule("8950Q", "Factor code 19A should no longer be used: please use 19B or 19C instead, or explain.", f => string.Equals(f.Code, "19A", StringComparison.OrdinalIgnoreCase)),
        PerChild("8869", Assessments, ["AssessmentFactors"], "Factor code 21 (no factors identified) is given alongside other factors: it must be used alone.",
            (_, c) => c.Episodes.SelectMany(e => e.Assessments).Where(a => a.Factors.Any(f => f.Code == "21") && a.Factors.Any(f => f.Code != "21")).SelectMany(a => a.Factors.Where(f => f.Code != "21"))),
        PerChild("8898", Assessments, ["AssessmentFactors"], "The same factor code is given twice for one assessment.",
            (_, c) => c.Episodes.SelectMany(e => e.Assessments).SelectMany(a => a.Factors.GroupBy(f => f.Code, StringComparer.Ordinal).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)))),
        Each("8873", Assessments, ["AssessmentFactors", "ReasonForClosure"], "The episode's only assessment found no factors (code 21), so when the episode is closed its reason must be RC8 (closed after assessment, no further action).",
            e => e.Assessments.Count == 1 ? e.Assessments : [], (_, _, e, a) => a.Factors.Any(f => f.Code == "21") && e.ClosureReason is { } reason && reason != "RC8"),
        Each("8899Q", Assessments, ["AssessmentFactors", "Disability"], "The child has a disability, but an assessment completed in the census year records no disability factor (5A or 6A): please check.",
            e => e.Assessments, (r, c, _, a) => a.Authorised >= r.Start && c.Disabilities.Any(d => d.Code != "NONE") && !a.Factors.Any(f => f.Code is "5A" or "6A")),
        Each("2991Q", Section47, ["S47ActualStartDate"], "The episode has a section 47 enquiry but no assessment: please check.",
            e => e.Assessments.Count == 0 ? e.Section47s : [], (_, _, _, _) => true),
    ];

    /// <summary>A rule on each factor code of each assessment.</summary>
    private static CinCensusRule FactorRule(string code, string message, Func<CensusCode, bool> fails) =>
        PerChild(code, Assessments, ["AssessmentFactors"], message, (_, c) => c.Episodes.SelectMany(e => e.Assessments).SelectMany(a => a.Factors).Where(fails));
}
