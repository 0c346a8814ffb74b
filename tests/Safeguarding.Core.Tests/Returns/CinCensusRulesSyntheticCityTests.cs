using System.Xml.Linq;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;
using Safeguarding.Core.Returns;
using Safeguarding.SyntheticData;
using Safeguarding.Tests.Shared;
using Xunit.Abstractions;

namespace Safeguarding.Core.Tests.Returns;

/// <summary>
/// The DfE rules over the synthetic city's 2025-26 CIN census: the file meets the schema, every rule runs over a whole
/// authority's return, and what fires is written to the test output (real data problems in the generator or the
/// export show up here; see docs/statutory-returns.md).
/// </summary>
[Trait("Category", "Database")]
public sealed class CinCensusRulesSyntheticCityTests(ITestOutputHelper output)
{
    private const int Year = 2026;
    private static readonly DateTimeOffset Now = new(2026, 4, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TheSyntheticCitysCensus_MeetsTheSchema_AndEveryRuleRunsOverIt()
    {
        var city = CityGenerator.Generate(new CitySpec { Children = 1_500 });
        await using var target = await TestDatabase.CreateAsync();
        await target.MigrateAsync();
        await using (var db = target.NewContext())
        {
            await CityLoader.LoadAsync(db, city, ProcessContext.System(Now, "seed"));
        }

        await using var exporting = target.NewContext(new FixedTenantScope(city.Partnership.Id));
        var file = await new CinCensusExport(exporting).ExportAsync(Year, "999", Now);
        Assert.Empty(CinCensusExport.SchemaErrors(file.Document, Year));

        // Read back as written, so issues carry the file's line numbers.
        using var stream = new MemoryStream();
        await CinCensusExport.WriteAsync(file.Document, stream);
        stream.Position = 0;
        var written = await XDocument.LoadAsync(stream, LoadOptions.SetLineInfo, CancellationToken.None);

        var result = CinCensusValidator.Validate(written, Year);

        output.WriteLine($"{file.Children} children, {file.Episodes} episodes: {result.Errors} error(s), {result.Queries} query(ies).");
        foreach (var count in result.Counts.OrderByDescending(c => c.Count))
        {
            output.WriteLine($"{count.Rule,-6} {count.Severity,-5} {count.Count,6}  {count.Message}");
            foreach (var issue in result.Issues.Where(i => i.Rule == count.Rule).Take(2))
            {
                output.WriteLine($"         e.g. line {issue.Line}, child {issue.Child}, {issue.Section}");
            }
        }

        Assert.True(file.Children > 100);
        Assert.Equal(result.Issues.Count, result.Counts.Sum(c => c.Count));
        Assert.All(result.Issues, i => Assert.True(i.Line > 0));
    }
}
