using System.Xml.Linq;

namespace Safeguarding.Core.Returns;

/// <summary>An error must be put right before the DfE accepts the census; a query asks the authority to check, and either amend or explain.</summary>
public enum CinCensusSeverity
{
    Error,
    Query,
}

/// <summary>
/// One failure of one rule: whose (LA child id; empty for a finding about the whole return), where (the XML section,
/// e.g. CINdetails or Assessments, and the line it starts on), which fields (XML element names) and a plain message.
/// </summary>
public sealed record CinCensusIssue(string Rule, CinCensusSeverity Severity, string Child, string Section, IReadOnlyList<string> Fields, string Message, int Line);

/// <summary>How often a rule failed in a return.</summary>
public sealed record CinCensusRuleCount(string Rule, CinCensusSeverity Severity, int Count, string Message);

/// <summary>The issues found in a census file, in rule then line order, and the count per rule.</summary>
public sealed record CinCensusValidation(int CollectionYear, IReadOnlyList<CinCensusIssue> Issues, IReadOnlyList<CinCensusRuleCount> Counts)
{
    public int Errors => Issues.Count(i => i.Severity == CinCensusSeverity.Error);

    public int Queries => Issues.Count(i => i.Severity == CinCensusSeverity.Query);
}

/// <summary>Where a rule failed: the child (empty for the whole return), the section and line, and the fields when they differ from the rule's own.</summary>
public sealed record CinCensusHit(string Child, string Section, int Line, IReadOnlyList<string>? Fields = null);

/// <summary>
/// One DfE validation rule: its code, the section and fields it reports against, our plain-English message and its
/// check. Codes ending in Q are the DfE's queries; every other rule is an error.
/// </summary>
public sealed record CinCensusRule(string Code, string Section, IReadOnlyList<string> Fields, string Message, Func<CinCensusReturn, IEnumerable<CinCensusHit>> Check)
{
    public CinCensusSeverity Severity => Code.EndsWith('Q') ? CinCensusSeverity.Query : CinCensusSeverity.Error;
}

/// <summary>Runs the rules over a census file that has passed the schema check (schema errors are reported separately, first).</summary>
public static class CinCensusValidator
{
    public static CinCensusValidation Validate(XDocument document, int collectionYear, IEnumerable<CinCensusRule>? rules = null) =>
        Validate(CinCensusReturn.Read(document, collectionYear), rules);

    public static CinCensusValidation Validate(CinCensusReturn census, IEnumerable<CinCensusRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(census);
        var issues = new List<CinCensusIssue>();
        var counts = new List<CinCensusRuleCount>();
        foreach (var rule in rules ?? CinCensusRules.All)
        {
            var hits = rule.Check(census).Distinct().OrderBy(h => h.Line).ThenBy(h => h.Child, StringComparer.Ordinal).ToList();
            issues.AddRange(hits.Select(h => new CinCensusIssue(rule.Code, rule.Severity, h.Child, h.Section, h.Fields ?? rule.Fields, rule.Message, h.Line)));
            if (hits.Count > 0)
            {
                counts.Add(new CinCensusRuleCount(rule.Code, rule.Severity, hits.Count, rule.Message));
            }
        }

        return new CinCensusValidation(census.CollectionYear, issues, counts);
    }
}
