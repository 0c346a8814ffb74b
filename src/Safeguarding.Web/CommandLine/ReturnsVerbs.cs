using System.Diagnostics;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Data;
using Safeguarding.Core.Returns;

namespace Safeguarding.Web.CommandLine;

/// <summary>
/// Statutory returns from the command line, for scripted use by a performance team:
/// `export cin-census --year 2026 --out FILE [--la 330] [--partnership CODE]`,
/// `validate cin-census FILE [--year 2026]` (see <see cref="CinCensusValidateVerb"/>) and `import cin-census FILE`; the SSDA903 and Annex A verbs are dispatched from here.
/// </summary>
internal static class ReturnsVerbs
{
    /// <summary>The DfE number of the synthetic city's local authority (999 is never a real one).</summary>
    private const string DefaultLocalAuthority = "999";

    public static async Task<int> ExportAsync(VerbContext context)
    {
        var what = context.Options.Positional.FirstOrDefault();
        if (what == "annex-a")
        {
            return await AnnexAVerbs.ExportAsync(context);
        }

        if (what == "ssda903")
        {
            return await Ssda903Verbs.ExportAsync(context);
        }

        if (what != "cin-census")
        {
            throw new VerbException("say what to export: cin-census, ssda903 or annex-a (e.g. export cin-census --year 2026 --out FILE)");
        }

        var year = Year(context);
        var path = context.Options.Text("out") ?? throw new VerbException("--out FILE is required");
        var localAuthority = context.Options.Text("la") ?? DefaultLocalAuthority;
        if (localAuthority.Length != 3 || !localAuthority.All(char.IsAsciiDigit))
        {
            throw new VerbException($"--la needs the local authority's three-digit DfE number, not '{localAuthority}'");
        }

        var (db, _) = await PartnershipContextAsync(context);
        await using var disposeDb = db;
        var clock = Stopwatch.StartNew();
        var file = await new CinCensusExport(db).ExportAsync(year, localAuthority, DateTimeOffset.UtcNow);
        var built = clock.Elapsed.TotalSeconds;
        var errors = CinCensusExport.SchemaErrors(file.Document, year);
        await using (var stream = File.Create(path))
        {
            await CinCensusExport.WriteAsync(file.Document, stream);
        }

        var bytes = new FileInfo(path).Length;
        foreach (var error in errors.Take(20))
        {
            await context.Error.WriteLineAsync(error);
        }

        // The DfE rules run over the file as written (line numbers as in the file); what they find about the
        // authority's own records is reported, not a reason to fail the export: the records are put right at source.
        CinCensusValidation? rules = null;
        if (errors.Count == 0)
        {
            var written = System.Xml.Linq.XDocument.Load(path, System.Xml.Linq.LoadOptions.SetLineInfo);
            rules = CinCensusValidator.Validate(written, year);
            if (!context.Options.Json)
            {
                CinCensusValidateVerb.Print(context.Out, rules, issues: false);
            }
        }

        context.Report(
            new
            {
                year,
                children = file.Children,
                episodes = file.Episodes,
                bytes,
                cin_export_seconds = Math.Round(built, 2),
                schema_errors = errors.Count,
                rules = rules is null ? null : CinCensusValidateVerb.Json(rules),
            },
            $"CIN census {year - 1}-{year % 100:00}: {file.Children:N0} children, {file.Episodes:N0} episodes, {bytes:N0} bytes in {built:0.00} s; "
                + (errors.Count == 0 ? "valid against the DfE schema" : $"{errors.Count:N0} schema error(s)")
                + (rules is null ? "." : $"; validation rules: {CinCensusValidateVerb.Summary(rules)} (reported, not failing the export; run validate cin-census for each issue)"));
        return errors.Count == 0 ? 0 : 1;
    }

    public static Task<int> ValidateAsync(VerbContext context) =>
        context.Options.Positional is ["ssda903", ..] ? Ssda903ValidateVerb.RunAsync(context) : CinCensusValidateVerb.RunAsync(context);

    public static async Task<int> ImportAsync(VerbContext context)
    {
        if (context.Options.Positional is ["ssda903", ..])
        {
            return await Ssda903ImportVerb.RunAsync(context);
        }

        if (context.Options.Positional is not ["cin-census", var path])
        {
            throw new VerbException("import cin-census FILE or import ssda903 DIR [--year 2026] [--partnership CODE]");
        }

        if (!File.Exists(path))
        {
            throw new VerbException($"no file at {path}");
        }

        var (db, partnershipId) = await PartnershipContextAsync(context);
        await using var disposeDb = db;
        var clock = Stopwatch.StartNew();
        await using var stream = File.OpenRead(path);
        var result = await new CinCensusImport(db).ImportAsync(stream, path, ProcessContext.System(DateTimeOffset.UtcNow, "import cin-census", partnershipId),
            context.Options.Json ? null : new ProgressLines(context.Out));
        var seconds = clock.Elapsed.TotalSeconds;
        if (!context.Options.Json)
        {
            foreach (var problem in result.Problems.Take(50))
            {
                context.Out.WriteLine($"line {problem.Line}, column {problem.Column}: {problem.Message}");
            }

            if (result.Rules is not null)
            {
                CinCensusValidateVerb.Print(context.Out, result.Rules);
            }
        }

        context.Report(
            new
            {
                year = result.CollectionYear,
                imported = result.Succeeded,
                children = result.Children,
                children_created = result.ChildrenCreated,
                records_created = result.Created,
                records_updated = result.Updated,
                cin_import_seconds = Math.Round(seconds, 2),
                problems = result.Problems.Select(p => new { line = p.Line, column = p.Column, message = p.Message }),
                rules = result.Rules is null ? null : CinCensusValidateVerb.Json(result.Rules),
            },
            result.Succeeded
                ? $"Imported {result.Children:N0} children ({result.ChildrenCreated:N0} new): {result.Created:N0} records created, {result.Updated:N0} updated in {seconds:0.00} s."
                : $"Nothing imported: {result.Problems.Count:N0} problem(s).");
        return result.Succeeded ? 0 : 1;
    }

    internal static int Year(VerbContext context)
    {
        var year = context.Options.Number("year") ?? throw new VerbException("--year is required: the collection year's end, e.g. --year 2026 for 2025-26");
        return year is >= 2010 and <= 2100 ? year : throw new VerbException($"--year {year} is not a collection year");
    }

    internal static int? YearInFile(string path)
    {
        try
        {
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            return reader.ReadToFollowing("Year") && int.TryParse(reader.ReadElementContentAsString(), out var year) ? year : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>A context that sees one partnership's records: the one named, or the only one there is.</summary>
    internal static async Task<(SafeguardingDbContext Db, Guid PartnershipId)> PartnershipContextAsync(VerbContext context)
    {
        var db = context.Services.GetRequiredService<SafeguardingDbContext>();
        var partnerships = await db.Partnerships.AsNoTracking().Select(p => new { p.Id, p.Code }).ToListAsync();
        var code = context.Options.Text("partnership");
        var chosen = code is null
            ? partnerships.Count == 1 ? partnerships[0] : throw new VerbException($"there are {partnerships.Count} partnerships: choose one with --partnership CODE")
            : partnerships.SingleOrDefault(p => string.Equals(p.Code, code, StringComparison.OrdinalIgnoreCase)) ?? throw new VerbException($"no partnership with code {code}");
        return (new SafeguardingDbContext(context.Services.GetRequiredService<DbContextOptions<SafeguardingDbContext>>(), new FixedTenantScope(chosen.Id)), chosen.Id);
    }
}
