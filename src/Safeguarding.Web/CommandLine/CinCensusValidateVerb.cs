using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Safeguarding.Core.Returns;

namespace Safeguarding.Web.CommandLine;

/// <summary>
/// `validate cin-census FILE [--year 2026] [--json]`: checks the file against the year's DfE schema, then (when it
/// meets the schema) runs the DfE validation rules implemented over it. Prints schema errors, the first 50 rule issues
/// and the count per rule; exits 1 on any schema error or any rule marked as an error (queries alone exit 0). No
/// database is needed.
/// </summary>
internal static class CinCensusValidateVerb
{
    private const int Shown = 50;

    public static Task<int> RunAsync(VerbContext context)
    {
        if (context.Options.Positional is not ["cin-census", var path])
        {
            throw new VerbException("validate cin-census FILE [--year 2026] [--json]");
        }

        if (!File.Exists(path))
        {
            throw new VerbException($"no file at {path}");
        }

        var year = context.Options.Number("year") ?? ReturnsVerbs.YearInFile(path) ?? throw new VerbException("the file has no Header/CollectionDetails/Year: give --year");
        var errors = new List<(int Line, int Column, string Message)>();
        XDocument? document = null;
        try
        {
            document = XDocument.Load(path, LoadOptions.SetLineInfo);
            document.Validate(CinCensusSchema.For(year), (sender, e) =>
            {
                var at = sender as IXmlLineInfo;
                errors.Add((at?.LineNumber ?? e.Exception?.LineNumber ?? 0, at?.LinePosition ?? e.Exception?.LinePosition ?? 0, e.Message));
            });
        }
        catch (XmlException e)
        {
            errors.Add((e.LineNumber, e.LinePosition, e.Message));
        }

        // The rules assume the shape the schema guarantees, so they run only on a file that meets it.
        var rules = errors.Count == 0 && document is not null ? CinCensusValidator.Validate(document, year) : null;
        if (!context.Options.Json)
        {
            foreach (var (line, column, message) in errors.Take(Shown))
            {
                context.Out.WriteLine($"line {line}, column {column}: {message}");
            }

            if (rules is not null)
            {
                Print(context.Out, rules);
            }
        }

        var schema = errors.Count == 0 ? $"Valid against the {year - 1}-{year % 100:00} CIN census schema" : $"{errors.Count:N0} schema error(s); the validation rules were not run";
        context.Report(
            new
            {
                year,
                valid = errors.Count == 0,
                errors = errors.Select(e => new { line = e.Line, column = e.Column, message = e.Message }),
                rules = rules is null ? null : Json(rules),
            },
            rules is null ? $"{schema}." : $"{schema}; {Summary(rules)}");
        return Task.FromResult(errors.Count == 0 && rules?.Errors == 0 ? 0 : 1);
    }

    /// <summary>The first issues, then the count per rule (most frequent first), as the validate verb prints them.</summary>
    public static void Print(TextWriter output, CinCensusValidation rules, int shown = Shown, bool issues = true)
    {
        if (issues)
        {
            foreach (var issue in rules.Issues.Take(shown))
            {
                var child = issue.Child.Length == 0 ? "whole return" : $"child {issue.Child}";
                output.WriteLine($"{issue.Section} line {issue.Line}, {child}: {issue.Rule} ({Kind(issue.Severity)}, {string.Join(", ", issue.Fields)}) {issue.Message}");
            }

            if (rules.Issues.Count > shown)
            {
                output.WriteLine($"... and {rules.Issues.Count - shown:N0} more.");
            }
        }

        if (rules.Counts.Count > 0)
        {
            output.WriteLine("Issues per rule:");
            foreach (var count in rules.Counts.OrderByDescending(c => c.Count).ThenBy(c => c.Rule, StringComparer.Ordinal))
            {
                output.WriteLine($"  {count.Rule,-6} {Kind(count.Severity),-5} {count.Count,7:N0}  {count.Message}");
            }
        }
    }

    public static string Summary(CinCensusValidation rules) =>
        $"{rules.Errors:N0} error(s) and {rules.Queries:N0} query(ies) from {rules.Counts.Count:N0} rule(s); "
        + $"{CinCensusRules.All.Count} of the {CinCensusRules.Known.Count} known rules checked.";

    public static object Json(CinCensusValidation rules) => new
    {
        rules_checked = CinCensusRules.All.Count,
        rules_known = CinCensusRules.Known.Count,
        errors = rules.Errors,
        queries = rules.Queries,
        counts = rules.Counts.Select(c => new { rule = c.Rule, severity = Kind(c.Severity), count = c.Count, message = c.Message }),
        issues = rules.Issues.Select(i => new { rule = i.Rule, severity = Kind(i.Severity), child = i.Child, section = i.Section, line = i.Line, fields = i.Fields, message = i.Message }),
    };

    private static string Kind(CinCensusSeverity severity) => severity == CinCensusSeverity.Query ? "query" : "error";
}
