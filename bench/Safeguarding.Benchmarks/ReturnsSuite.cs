using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;
using Safeguarding.Core.Returns;
using Safeguarding.Core.Returns.Ssda903;
using Safeguarding.SyntheticData;

namespace Safeguarding.Benchmarks;

/// <summary>
/// The CIN census at city scale: generates and loads a synthetic city with ten years of pathway
/// history into a fresh SQLite file, exports the 2025-26 census (timed, schema-checked), imports it
/// into an empty database (timed) and exports again to show the round trip gives the same file.
/// Targets (Birmingham, 286,500 children): export ≤ 5 s, import ≤ 15 s. The SSDA903 return for the same
/// year is built from the same database too (ssda903_export_seconds, field-checked), imported after the census
/// (ssda903_import_seconds) and exported again to show its round trip.
/// </summary>
public sealed class ReturnsSuite : IBenchmarkSuite, IConfigurableSuite
{
    // The kpi-pack suite's city, so one database kept with --keep serves both suites.
    private const int Seed = 20_261_125;
    private const int CollectionYear = 2026;

    private string? keep;

    public string Name => "returns";

    public string Description => "CIN census export and import at city scale, with the schema check and the round trip; the SSDA903 export [--keep FILE: load the city into the SQLite FILE once and reuse it on later runs]";

    public bool TryOption(string name, string value)
    {
        if (name != "--keep")
        {
            return false;
        }

        keep = Path.GetFullPath(value);
        return true;
    }

    public int DefaultScale => 286_500;

    public async Task<IReadOnlyList<Figure>> RunAsync(int scale, TextWriter log)
    {
        var folder = Directory.CreateTempSubdirectory("safeguarding-returns-");
        try
        {
            var clock = Stopwatch.StartNew();
            var path = keep ?? Path.Combine(folder.FullName, "city.db");
            var cityId = await LoadCityAsync(scale, path, log);

            // The generated city (millions of objects) is dropped first: the app that exports and imports never holds one,
            // and collecting it in the middle of a timing would charge its cost to the return.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();

            var now = new DateTimeOffset(2026, 4, 20, 9, 0, 0, TimeSpan.Zero);
            await using var exporting = await NewDatabaseAsync(path, cityId);
            clock.Restart();
            var file = await new CinCensusExport(exporting).ExportAsync(CollectionYear, "999", now);
            var bytes = await BytesAsync(file);
            var exportSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var schemaErrors = CinCensusExport.SchemaErrors(file.Document, CollectionYear).Count;
            log.WriteLine($"exported {file.Children:N0} children, {file.Episodes:N0} episodes, {bytes.Length / 1_048_576.0:F1} MB in {exportSeconds:F2} s; schema check {clock.Elapsed.TotalSeconds:F1} s, {schemaErrors} error(s)");

            clock.Restart();
            var ssda903 = await new Ssda903Export(exporting).ExportAsync(CollectionYear);
            var ssda903Seconds = clock.Elapsed.TotalSeconds;
            var ssda903Issues = Ssda903FieldChecks.Check(ssda903);
            log.WriteLine($"SSDA903: {ssda903.Tables["header"].Rows.Count:N0} children, {ssda903.Tables["episodes"].Rows.Count:N0} episodes, "
                + $"{ssda903.Tables.Values.Sum(t => t.Rows.Count):N0} rows in {ssda903Seconds:F2} s; {ssda903Issues.Count} field error(s)");
            foreach (var group in ssda903Issues.GroupBy(i => (i.Table, i.Column)).OrderByDescending(g => g.Count()).Take(10))
            {
                log.WriteLine($"  {group.Count(),6:N0} x {group.Key.Table}.{group.Key.Column}, e.g. row {group.First().Row}: {group.First().Message}");
            }

            var partnershipId = Guid.NewGuid();
            await using var empty = await NewDatabaseAsync(Path.Combine(folder.FullName, "imported.db"), null);
            empty.Partnerships.Add(new Partnership { Id = partnershipId, Code = "IMPORT", Name = "Imported partnership", LocalAuthorityName = "Imported council" });
            empty.Record(new SyntheticBatchLoaded(partnershipId, 0, nameof(Partnership), 1), ProcessContext.System(now, "returns benchmark", partnershipId));
            await empty.SaveChangesAsync();
            await using var importing = await NewDatabaseAsync(Path.Combine(folder.FullName, "imported.db"), partnershipId);
            clock.Restart();
            var imported = await new CinCensusImport(importing).ImportAsync(new MemoryStream(bytes), "cin.xml", ProcessContext.System(now, "returns benchmark", partnershipId));
            var importSeconds = clock.Elapsed.TotalSeconds;
            log.WriteLine($"imported {imported.Children:N0} children: {imported.Created:N0} records in {importSeconds:F2} s ({imported.Problems.Count} problem(s))");

            await using var again = await NewDatabaseAsync(Path.Combine(folder.FullName, "imported.db"), partnershipId);
            var roundTrip = await BytesAsync(await new CinCensusExport(again).ExportAsync(CollectionYear, "999", now));
            var identical = roundTrip.AsSpan().SequenceEqual(bytes);
            log.WriteLine(identical ? "round trip: the second export is the same file" : "round trip: the second export DIFFERS, first at " + FirstDifference(Lines(bytes), Lines(roundTrip)));

            // The 903 into the same database, after the census, as an authority loading both would.
            var written = Directory.CreateDirectory(Path.Combine(folder.FullName, "903"));
            await Ssda903Files.WriteAsync(ssda903, written.FullName);
            await using var importing903 = await NewDatabaseAsync(Path.Combine(folder.FullName, "imported.db"), partnershipId);
            clock.Restart();
            var imported903 = await new Ssda903Import(importing903).ImportAsync(written.FullName, CollectionYear, ProcessContext.System(now, "returns benchmark", partnershipId));
            var ssda903ImportSeconds = clock.Elapsed.TotalSeconds;
            log.WriteLine($"SSDA903 imported: {imported903.Children:N0} children, {imported903.Created:N0} records created in {ssda903ImportSeconds:F2} s ({imported903.Problems.Count} problem(s))");
            await using var again903 = await NewDatabaseAsync(Path.Combine(folder.FullName, "imported.db"), partnershipId);
            var reexported = await new Ssda903Export(again903).ExportAsync(CollectionYear);
            var identical903 = reexported.Tables.Keys.All(t => Rows(reexported.Tables[t]).SequenceEqual(Rows(ssda903.Tables[t]), StringComparer.Ordinal));
            log.WriteLine(identical903 ? "SSDA903 round trip: every table the same" : "SSDA903 round trip: DIFFERS: " + string.Join("; ", reexported.Tables.Keys
                .Where(t => !Rows(reexported.Tables[t]).SequenceEqual(Rows(ssda903.Tables[t]), StringComparer.Ordinal))
                .Select(t => $"{t} {FirstDifference([.. Rows(ssda903.Tables[t])], [.. Rows(reexported.Tables[t])])}")));

            return
            [
                new("cin_export_seconds", exportSeconds, "s"),
                new("cin_import_seconds", importSeconds, "s"),
                new("cin_file_megabytes", bytes.Length / 1_048_576.0, "MB"),
                new("cin_children", file.Children, "children"),
                new("cin_episodes", file.Episodes, "episodes"),
                new("cin_schema_errors", schemaErrors, "errors"),
                new("cin_import_problems", imported.Problems.Count, "problems"),
                new("ssda903_export_seconds", ssda903Seconds, "s"),
                new("round_trip_identical", identical ? 1 : 0, "bool"),
                new("ssda903_import_seconds", ssda903ImportSeconds, "s"),
                new("ssda903_import_problems", imported903.Problems.Count, "problems"),
                new("ssda903_round_trip_identical", identical903 ? 1 : 0, "bool"),
            ];
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static string[] Lines(byte[] file) => System.Text.Encoding.UTF8.GetString(file).Split('\n');

    /// <summary>Where two versions of a file part ways: the line number and both lines.</summary>
    private static string FirstDifference(string[] first, string[] second)
    {
        var line = 0;
        while (line < first.Length && line < second.Length && first[line] == second[line])
        {
            line++;
        }

        return $"line {line + 1} of {first.Length:N0} and {second.Length:N0}: '{(line < first.Length ? first[line].Trim() : "(end)")}' then '{(line < second.Length ? second[line].Trim() : "(end)")}'";
    }

    /// <summary>Generates the city and loads it into the SQLite file, unless a kept file has it already; gives its partnership.</summary>
    private async Task<Guid> LoadCityAsync(int scale, string path, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        var city = CityGenerator.Generate(new CitySpec { Children = scale, Seed = Seed });
        log.WriteLine($"city of {scale:N0} children generated in {clock.Elapsed.TotalSeconds:F1} s");
        await using var source = await NewDatabaseAsync(path, null);
        if (keep is not null && await source.Partnerships.AnyAsync(p => p.Id == city.Partnership.Id))
        {
            log.WriteLine($"reusing the city loaded earlier into {keep}");
        }
        else
        {
            clock.Restart();
            var loaded = await CityLoader.LoadAsync(source, city, ProcessContext.System(DateTimeOffset.UtcNow, "returns benchmark"));
            log.WriteLine($"loaded {loaded.Rows:N0} rows into SQLite in {clock.Elapsed.TotalSeconds:F1} s");
        }

        return city.Partnership.Id;
    }

    private static IEnumerable<string> Rows(Ssda903Table table) => table.Rows.Select(r => string.Join('\u001f', r));

    private static async Task<byte[]> BytesAsync(CinCensusFile file)
    {
        using var stream = new MemoryStream();
        await CinCensusExport.WriteAsync(file.Document, stream);
        return stream.ToArray();
    }

    /// <summary>A context on the SQLite file, created from the model on first use, seeing one partnership or all.</summary>
    private static async Task<SafeguardingDbContext> NewDatabaseAsync(string path, Guid? partnershipId)
    {
        var options = new DbContextOptionsBuilder<SafeguardingDbContext>().UseSqlite($"Data Source={path}").Options;
        var db = new SafeguardingDbContext(options, new FixedTenantScope(partnershipId));
        await db.Database.EnsureCreatedAsync();
        return db;
    }
}
