using System.Diagnostics;
using System.Globalization;
using Safeguarding.Core.Access;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Returns.AnnexA;

namespace Safeguarding.Web.CommandLine;

/// <summary>
/// `export annex-a --out FILE [--date YYYY-MM-DD] [--partnership CODE]`: the Ofsted Annex A workbook for
/// an inspection date (today in London by default), with the rows in each list and the time taken.
/// </summary>
internal static class AnnexAVerbs
{
    public static async Task<int> ExportAsync(VerbContext context)
    {
        var path = context.Options.Text("out") ?? throw new VerbException("--out FILE is required: export annex-a --out FILE [--date YYYY-MM-DD]");
        var date = context.Options.Text("date") is { } text
            ? DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? parsed
                : throw new VerbException($"--date needs the inspection date as YYYY-MM-DD, not '{text}'")
            : LondonTime.DateOf(DateTimeOffset.UtcNow);

        var (db, partnershipId) = await ReturnsVerbs.PartnershipContextAsync(context);
        await using var disposeDb = db;
        var clock = Stopwatch.StartNew();
        var workbook = await new AnnexAExport(db).BuildAsync(date);
        await using (var stream = File.Create(path))
        {
            workbook.Book.Save(stream);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        // The file lists children, so writing it is recorded like a download from the page.
        await db.RecordAccessAsync(AnnexAExport.SubjectType, DateDisplay.Iso(date), AnnexAExport.AccessPurpose,
            ProcessContext.System(DateTimeOffset.UtcNow, "export annex-a", partnershipId));

        if (!context.Options.Json)
        {
            foreach (var list in workbook.Lists)
            {
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{list.SheetName}: {list.Rows:N0} rows ({DateDisplay.Iso(list.From)} to {DateDisplay.Iso(list.To)})"));
            }
        }

        context.Report(
            new
            {
                inspection_date = DateDisplay.Iso(date),
                lists = workbook.Lists.Select(l => new { list = l.Number, sheet = l.SheetName, from = DateDisplay.Iso(l.From), to = DateDisplay.Iso(l.To), rows = l.Rows }),
                bytes = new FileInfo(path).Length,
                annex_a_export_seconds = Math.Round(seconds, 2),
            },
            string.Create(CultureInfo.InvariantCulture, $"Ofsted Annex A for an inspection on {DateDisplay.Readable(date)}: {workbook.Lists.Sum(l => l.Rows):N0} rows in {workbook.Lists.Count} lists, written to {path} in {seconds:0.00} s."));
        return 0;
    }
}
