using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Children;
using Safeguarding.Core.Pathway;
using Safeguarding.Core.Returns.Ssda903;
using Safeguarding.Web.Tests.CommandLine;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.Returns;

/// <summary>import ssda903, as a performance officer's script runs it.</summary>
public sealed class Ssda903ImportVerbTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ssda903-import-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Import_OfTheReturnJustExported_FindsEveryRecord_AndASecondImportChangesNothing()
    {
        await AddCarePeriodAsync(new DateOnly(2025, 10, 6));
        var directory = Path.Combine(folder, "903");
        var (exported, _, exportError) = await Verbs.RunAsync(app, "export", "ssda903", "--year", "2026", "--out", directory);
        Assert.True(exported == 0, exportError);

        var (exit, output, error) = await Verbs.RunAsync(app, "import", "ssda903", directory, "--year", "2026");
        var (again, json, _) = await Verbs.RunAsync(app, "import", "ssda903", directory, "--year", "2026", "--json");

        Assert.True(exit == 0, output + error);
        Assert.Contains("Read 11 files", output, StringComparison.Ordinal);
        Assert.Contains("episodes", output, StringComparison.Ordinal);
        Assert.Contains("SSDA903 2025-26: imported", output, StringComparison.Ordinal);
        Assert.Contains("0 new", output, StringComparison.Ordinal);
        Assert.Equal(0, again);
        using var result = JsonDocument.Parse(json);
        Assert.True(result.RootElement.GetProperty("imported").GetBoolean());
        Assert.Equal(0, result.RootElement.GetProperty("children_created").GetInt32());
        var records = result.RootElement.GetProperty("records").EnumerateObject().ToList();
        Assert.Contains(records, r => r.Name == "episodes" && r.Value.GetProperty("unchanged").GetInt32() > 0);
        Assert.All(records, r => Assert.Equal((0, 0), (r.Value.GetProperty("created").GetInt32(), r.Value.GetProperty("updated").GetInt32())));
    }

    [Fact]
    public async Task ABadFolder_Exits1_NamesTheFileLineAndColumn_AndImportsNothing()
    {
        var directory = Path.Combine(folder, "bad");
        var (exported, _, exportError) = await Verbs.RunAsync(app, "export", "ssda903", "--year", "2026", "--out", directory);
        Assert.True(exported == 0, exportError);
        await File.AppendAllTextAsync(Path.Combine(directory, "header.csv"), "BAD1,F,2010-06-15,WBRI,UN2,0,\r\n");
        var before = await ImportsAsync();

        var (exit, output, _) = await Verbs.RunAsync(app, "import", "ssda903", directory, "--year", "2026");

        Assert.Equal(1, exit);
        Assert.Equal(before, await ImportsAsync());
        Assert.Contains("header.csv, line 2, column 3: DOB '2010-06-15' is not a date written dd/mm/yyyy", output, StringComparison.Ordinal);
        Assert.Contains("Nothing imported: 1 problem(s).", output, StringComparison.Ordinal);
    }

    /// <summary>A child in care from the day given, with a review a month later: rows for the import to find again.</summary>
    private async Task AddCarePeriodAsync(DateOnly start)
    {
        await using var db = app.NewDbContext();
        var child = await db.People.Where(p => p.IsChild && p.MergedIntoId == null && p.DateOfBirth < start.AddYears(-6)).OrderBy(p => p.Id).FirstAsync();
        var period = new CarePeriod { Id = Guid.NewGuid(), PartnershipId = child.PartnershipId, PersonId = child.Id, StartDate = start, RecordedAt = DateTimeOffset.UtcNow };
        db.CarePeriods.Add(period);
        db.CareEpisodes.Add(new CareEpisode { Id = Guid.NewGuid(), PartnershipId = child.PartnershipId, CarePeriodId = period.Id, PersonId = child.Id, StartDate = start, ReasonNewEpisode = "S", LegalStatus = "V2", CategoryOfNeed = "N2", PlacementType = "U4", PlacementProvider = "PR1" });
        db.LookedAfterReviews.Add(new LookedAfterReview { Id = Guid.NewGuid(), PartnershipId = child.PartnershipId, CarePeriodId = period.Id, PersonId = child.Id, HeldOn = start.AddMonths(1), Participation = "PN1" });
        if (!await db.PersonIdentifiers.AnyAsync(i => i.PersonId == child.Id && i.Type == PersonIdentifierType.UniquePupilNumber))
        {
            db.PersonIdentifiers.Add(new PersonIdentifier { Id = Guid.NewGuid(), PartnershipId = child.PartnershipId, PersonId = child.Id, Type = PersonIdentifierType.UniquePupilNumber, Value = $"{UpnFormat.CheckLetter("999000000002")}999000000002", RecordedAt = DateTimeOffset.UtcNow });
        }

        db.Record(new TestCare(child.Id), ProcessContext.System(DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }

    private async Task<int> ImportsAsync()
    {
        await using var db = app.NewDbContext();
        return await db.AuditEvents.CountAsync(e => e.EventType.Contains(nameof(Ssda903Imported)));
    }

    [Fact]
    public async Task Import_WithoutAFolder_Exits2WithAReason()
    {
        var (exit, _, error) = await Verbs.RunAsync(app, "import", "ssda903", Path.Combine(folder, "not-there"));

        Assert.Equal(2, exit);
        Assert.Contains("no folder at", error, StringComparison.Ordinal);
    }

    private sealed record TestCare(Guid ChildId) : IDomainEvent
    {
        public string SubjectType => "Person";
        public string SubjectId => ChildId.ToString();
    }
}
