using System.Diagnostics;
using Safeguarding.Core.Access;
using Safeguarding.Core.Returns;
using Safeguarding.Core.Returns.Ssda903;

namespace Safeguarding.Web.CommandLine;

/// <summary>
/// `import ssda903 DIR [--year 2026] [--partnership CODE]`: loads a folder of SSDA903 CSV files into the looked-after
/// records. Prints its progress, then what was created, updated and found unchanged per kind of record and the DfE rules'
/// issues per rule (reported, never blocking). Exits 1, with every problem named by file, line and column, when a file
/// cannot be read or a value cannot be stored: then nothing is imported.
/// </summary>
internal static class Ssda903ImportVerb
{
    private const int Shown = 50;

    public static async Task<int> RunAsync(VerbContext context)
    {
        if (context.Options.Positional is not ["ssda903", var directory])
        {
            throw new VerbException("import ssda903 DIR [--year 2026] [--partnership CODE]");
        }

        if (!Directory.Exists(directory))
        {
            throw new VerbException($"no folder at {directory}");
        }

        // As validate ssda903: the year it ends in, by default the latest the specification knows.
        var year = context.Options.Number("year") ?? Ssda903Spec.PatchYears.Max();
        if (year is < 2017 or > 2100)
        {
            throw new VerbException($"--year {year} is not an SSDA903 collection year");
        }

        var (db, partnershipId) = await ReturnsVerbs.PartnershipContextAsync(context);
        await using var disposeDb = db;
        var clock = Stopwatch.StartNew();
        var progress = context.Options.Json ? null : new ProgressLines(context.Out);
        var result = await new Ssda903Import(db).ImportAsync(directory, year, ProcessContext.System(DateTimeOffset.UtcNow, "import ssda903", partnershipId), progress);
        var seconds = clock.Elapsed.TotalSeconds;
        var validation = result.Validation;
        if (!context.Options.Json)
        {
            foreach (var problem in result.Problems.Take(Shown))
            {
                context.Out.WriteLine(problem.ToString());
            }

            if (result.Problems.Count > Shown)
            {
                context.Out.WriteLine($"... and {result.Problems.Count - Shown:N0} more.");
            }

            foreach (var count in result.Counts)
            {
                context.Out.WriteLine($"  {count.Records,-18}{count.Created,8:N0} created{count.Updated,8:N0} updated{count.Unchanged,8:N0} unchanged");
            }

            foreach (var note in result.NotImported)
            {
                context.Out.WriteLine(note);
            }

            if (validation is { Counts.Count: > 0 })
            {
                context.Out.WriteLine("DfE rules (reported, not blocking):");
                foreach (var count in validation.Counts.OrderByDescending(c => c.Count).ThenBy(c => c.Rule, StringComparer.Ordinal))
                {
                    context.Out.WriteLine($"  {count.Rule,-10} {(count.Severity == Ssda903Severity.Query ? "query" : "error"),-5} {count.Count,7:N0}  {count.Message}");
                }
            }
        }

        context.Report(
            new
            {
                year,
                imported = result.Succeeded,
                children = result.Children,
                children_created = result.ChildrenCreated,
                records = result.Counts.ToDictionary(c => c.Records, c => new { created = c.Created, updated = c.Updated, unchanged = c.Unchanged }),
                not_imported = result.NotImported,
                errors = validation?.Errors ?? 0,
                queries = validation?.Queries ?? 0,
                rules = validation?.Counts.Select(c => new { rule = c.Rule, severity = c.Severity == Ssda903Severity.Query ? "query" : "error", count = c.Count }) ?? [],
                ssda903_import_seconds = Math.Round(seconds, 2),
                problems = result.Problems.Select(p => new { file = p.File, line = p.Line, column = p.Column, message = p.Message }),
            },
            result.Succeeded
                ? $"SSDA903 {year - 1}-{year % 100:00}: imported {result.Children:N0} children ({result.ChildrenCreated:N0} new): {result.Created:N0} records created, {result.Updated:N0} updated in {seconds:0.00} s; "
                    + $"{validation?.Errors ?? 0:N0} rule error(s) and {validation?.Queries ?? 0:N0} query(ies) reported."
                : $"Nothing imported: {result.Problems.Count:N0} problem(s).");
        return result.Succeeded ? 0 : 1;
    }
}
