using System.Diagnostics;
using Safeguarding.Core.Returns.Ssda903;

namespace Safeguarding.Web.CommandLine;

/// <summary>
/// `export ssda903 --year 2026 --out DIR [--partnership CODE]`: the SSDA903 return's CSV files for the
/// collection year, one a table, with the field checks run on what was written (exit 1 when any fail).
/// </summary>
internal static class Ssda903Verbs
{
    /// <summary>How many field issues are printed; the count is always given in full.</summary>
    private const int IssuesShown = 50;

    public static async Task<int> ExportAsync(VerbContext context)
    {
        var year = ReturnsVerbs.Year(context);
        var directory = context.Options.Text("out") ?? throw new VerbException("--out DIR is required: the folder the CSV files are written to");
        if (File.Exists(directory))
        {
            throw new VerbException($"--out {directory} is a file: give a folder for the CSV files");
        }

        var (db, _) = await ReturnsVerbs.PartnershipContextAsync(context);
        await using var disposeDb = db;
        var clock = Stopwatch.StartNew();
        var ssda903 = await new Ssda903Export(db).ExportAsync(year);
        var built = clock.Elapsed.TotalSeconds;
        var issues = Ssda903FieldChecks.Check(ssda903);
        var files = await Ssda903Files.WriteAsync(ssda903, directory);

        var counts = ssda903.Tables.Values.OrderBy(t => t.Name, StringComparer.Ordinal).ToDictionary(t => t.Name, t => t.Rows.Count, StringComparer.Ordinal);
        if (!context.Options.Json)
        {
            foreach (var (table, rows) in counts)
            {
                context.Out.WriteLine($"  {Ssda903Files.FileName(table),-22}{rows,10:N0} row(s)");
            }

            foreach (var issue in issues.Take(IssuesShown))
            {
                context.Out.WriteLine($"{issue.Table} row {issue.Row}, {issue.Column}: {issue.Message}");
            }
        }

        context.Report(
            new
            {
                year,
                directory = Path.GetFullPath(directory),
                files = files.Count,
                tables = counts,
                ssda903_export_seconds = Math.Round(built, 2),
                field_errors = issues.Count,
                errors = issues.Take(IssuesShown).Select(i => new { table = i.Table, row = i.Row, column = i.Column, value = i.Value, message = i.Message }),
            },
            $"SSDA903 {year - 1}-{year % 100:00}: {counts.GetValueOrDefault("header"):N0} children, {counts.GetValueOrDefault("episodes"):N0} episodes in {files.Count} files, built in {built:0.00} s; "
                + (issues.Count == 0 ? "every field meets the specification." : $"{issues.Count:N0} field error(s)."));
        return issues.Count == 0 ? 0 : 1;
    }
}
