using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Children;
using Safeguarding.Core.Pathway;
using Safeguarding.Core.Returns;
using Safeguarding.Web.Tests.CommandLine;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.Returns;

/// <summary>export ssda903, as a performance officer's script runs it.</summary>
public sealed class Ssda903VerbsTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ssda903-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Export_WritesATableAFile_CountsEachTable_AndEveryFieldMeetsTheSpecification()
    {
        var child = await AddCarePeriodAsync(new DateOnly(2025, 9, 1));
        var directory = Path.Combine(folder, "903");

        var (exit, output, error) = await Verbs.RunAsync(app, "export", "ssda903", "--year", "2026", "--out", directory, "--json");

        Assert.True(exit == 0, output + error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(0, json.RootElement.GetProperty("field_errors").GetInt32());
        Assert.True(json.RootElement.GetProperty("ssda903_export_seconds").GetDouble() >= 0);
        var tables = json.RootElement.GetProperty("tables");
        Assert.Equal(Ssda903Spec.For(2026).Keys.Order(StringComparer.Ordinal), tables.EnumerateObject().Select(t => t.Name));
        Assert.True(tables.GetProperty("episodes").GetInt32() >= 1);
        foreach (var table in Ssda903Spec.For(2026).Keys)
        {
            var lines = await File.ReadAllLinesAsync(Path.Combine(directory, table + ".csv"));
            Assert.Equal(string.Join(',', Ssda903Spec.For(2026)[table].Select(c => c.Name)), lines[0]);
            Assert.Equal(tables.GetProperty(table).GetInt32(), lines.Length - 1);
        }

        Assert.Contains(await File.ReadAllLinesAsync(Path.Combine(directory, "episodes.csv")), l => l.StartsWith(child + ",01/09/2025,S,C2,N1,U4,PR1,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_ForAPerson_PrintsTheCountsAndTheTotals()
    {
        var (exit, output, error) = await Verbs.RunAsync(app, "export", "ssda903", "--year", "2026", "--out", Path.Combine(folder, "plain"));

        Assert.True(exit == 0, output + error);
        Assert.Contains("header.csv", output, StringComparison.Ordinal);
        Assert.Contains("placed_adoption.csv", output, StringComparison.Ordinal);
        Assert.Contains("SSDA903 2025-26:", output, StringComparison.Ordinal);
        Assert.Contains("every field meets the specification", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_WithoutAFolder_Exits2WithAReason()
    {
        var (exit, _, error) = await Verbs.RunAsync(app, "export", "ssda903", "--year", "2026");

        Assert.Equal(2, exit);
        Assert.Contains("--out DIR is required", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_NamesTheVerb()
    {
        var (exit, output, _) = await Verbs.RunAsync(app, "help");

        Assert.Equal(0, exit);
        Assert.Contains("export ssda903 --year Y --out DIR", output, StringComparison.Ordinal);
    }

    /// <summary>A care period and its first episode for a child of the demo city; returns the child's id in the return.</summary>
    private async Task<string> AddCarePeriodAsync(DateOnly start)
    {
        await using var db = app.NewDbContext();
        var child = await db.People.Where(p => p.IsChild && p.MergedIntoId == null && p.DateOfBirth < start.AddYears(-6)).OrderBy(p => p.Id).FirstAsync();
        var period = new CarePeriod { Id = Guid.NewGuid(), PartnershipId = child.PartnershipId, PersonId = child.Id, StartDate = start, RecordedAt = DateTimeOffset.UtcNow };
        db.CarePeriods.Add(period);
        db.CareEpisodes.Add(new CareEpisode
        {
            Id = Guid.NewGuid(),
            PartnershipId = child.PartnershipId,
            CarePeriodId = period.Id,
            PersonId = child.Id,
            StartDate = start,
            ReasonNewEpisode = "S",
            LegalStatus = "C2",
            CategoryOfNeed = "N1",
            PlacementType = "U4",
            PlacementProvider = "PR1",
            PlacementPostcode = "ZX2 5CD",
            HomePostcode = "ZX3 6EF",
        });
        if (!await db.PersonIdentifiers.AnyAsync(i => i.PersonId == child.Id && i.Type == PersonIdentifierType.UniquePupilNumber))
        {
            db.PersonIdentifiers.Add(new PersonIdentifier { Id = Guid.NewGuid(), PartnershipId = child.PartnershipId, PersonId = child.Id, Type = PersonIdentifierType.UniquePupilNumber, Value = $"{UpnFormat.CheckLetter("999000000001")}999000000001", RecordedAt = DateTimeOffset.UtcNow });
        }

        db.Record(new TestCare(child.Id), ProcessContext.System(DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        var children = await ReturnChildren.ChildrenAsync(db, [child.Id]);
        return children[child.Id].LaChildId;
    }

    private sealed record TestCare(Guid ChildId) : IDomainEvent
    {
        public string SubjectType => "Person";
        public string SubjectId => ChildId.ToString();
    }
}
