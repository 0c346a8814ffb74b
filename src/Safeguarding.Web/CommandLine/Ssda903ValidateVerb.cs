using Safeguarding.Core.Returns;
using Safeguarding.Core.Returns.Ssda903;

namespace Safeguarding.Web.CommandLine;

/// <summary>
/// `validate ssda903 DIR [--year 2026]`: reads the folder's SSDA903 CSV files (each table known by its header row) and runs
/// the DfE validation rules implemented over them. Prints the first 50 issues and the count per rule; exits 1 when a file
/// cannot be read or any rule marked as an error fails (queries alone exit 0). No database is needed.
/// </summary>
internal static class Ssda903ValidateVerb
{
    private const int Shown = 50;

    public static async Task<int> RunAsync(VerbContext context)
    {
        if (context.Options.Positional is not ["ssda903", var directory])
        {
            throw new VerbException("validate ssda903 DIR [--year 2026]");
        }

        if (!Directory.Exists(directory))
        {
            throw new VerbException($"no folder at {directory}");
        }

        // The collection year is named by the year it ends in; by default the latest the specification knows.
        var year = context.Options.Number("year") ?? Ssda903Spec.PatchYears.Max();
        if (year is < 2017 or > 2100)
        {
            throw new VerbException($"--year {year} is not an SSDA903 collection year");
        }

        Ssda903Return read;
        try
        {
            read = await Ssda903Reader.ReadAsync(directory, year);
        }
        catch (Ssda903FileException e)
        {
            if (!context.Options.Json)
            {
                foreach (var problem in e.Problems.Take(Shown))
                {
                    context.Out.WriteLine(problem.ToString());
                }
            }

            context.Report(
                new { year, read = false, problems = e.Problems.Select(p => new { file = p.File, line = p.Line, column = p.Column, message = p.Message }) },
                $"The files could not be read: {e.Problems.Count:N0} problem(s); nothing was validated.");
            return 1;
        }

        var result = Ssda903Validator.Validate(read);
        var published = Ssda903RuleCatalogue.For(year).Count;
        if (!context.Options.Json)
        {
            foreach (var issue in result.Issues.Take(Shown))
            {
                var kind = issue.Severity == Ssda903Severity.Query ? "query" : "error";
                context.Out.WriteLine($"{issue.Table} line {issue.Row}, child {issue.Child}: {issue.Rule} ({kind}, {string.Join(", ", issue.Fields)}) {issue.Message}");
            }

            if (result.Issues.Count > Shown)
            {
                context.Out.WriteLine($"... and {result.Issues.Count - Shown:N0} more.");
            }

            if (result.Counts.Count > 0)
            {
                context.Out.WriteLine("Issues per rule:");
                foreach (var count in result.Counts.OrderByDescending(c => c.Count).ThenBy(c => c.Rule, StringComparer.Ordinal))
                {
                    context.Out.WriteLine($"  {count.Rule,-10} {(count.Severity == Ssda903Severity.Query ? "query" : "error"),-5} {count.Count,7:N0}  {count.Message}");
                }
            }
        }

        context.Report(
            new
            {
                year,
                read = true,
                tables = read.Tables.ToDictionary(t => t.Key, t => t.Value.Rows.Count),
                rules_checked = Ssda903Rules.All.Count,
                rules_published = published,
                errors = result.Errors,
                queries = result.Queries,
                counts = result.Counts.Select(c => new { rule = c.Rule, severity = c.Severity == Ssda903Severity.Query ? "query" : "error", count = c.Count, message = c.Message }),
                issues = result.Issues.Select(i => new { rule = i.Rule, severity = i.Severity == Ssda903Severity.Query ? "query" : "error", table = i.Table, row = i.Row, child = i.Child, fields = i.Fields, message = i.Message }),
            },
            $"SSDA903 {year - 1}-{year % 100:00}: {result.Errors:N0} error(s) and {result.Queries:N0} query(ies) from {result.Counts.Count:N0} rule(s); "
                + $"{Ssda903Rules.All.Count} of the {published} published rules checked.");
        return result.Errors == 0 ? 0 : 1;
    }
}
