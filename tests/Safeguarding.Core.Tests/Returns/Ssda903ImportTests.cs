using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Core.Returns;
using Safeguarding.Core.Returns.Ssda903;
using Safeguarding.SyntheticData;
using Safeguarding.Tests.Shared;

namespace Safeguarding.Core.Tests.Returns;

/// <summary>
/// The SSDA903 import: the synthetic city's return exported, imported into an empty database and exported again
/// gives the same files; with the CIN census, one record per child; a later year brings records up to date; a bad
/// folder imports nothing and says where.
/// </summary>
[Trait("Category", "Database")]
public sealed class Ssda903ImportTests(Ssda903ImportTests.CityReturns city) : IClassFixture<Ssda903ImportTests.CityReturns>
{
    private const int Year = 2026;
    private static readonly DateTimeOffset Now = new(2026, 4, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ExportImportExport_GivesTheSameFiles_AndASecondImportChangesNothing()
    {
        await using var empty = await EmptyAsync();
        var partnership = await PartnershipInAsync(empty);

        var imported = await ImportAsync(empty, partnership, city.ThisYear);
        var rows = await RowCountsAsync(empty);
        var audited = await AuditCountAsync(empty);
        var again = await ImportAsync(empty, partnership, city.ThisYear);

        Assert.True(imported.Succeeded, string.Join("\n", imported.Problems.Take(20)));
        Assert.Equal(city.ThisYearChildren, imported.ChildrenCreated);
        Assert.Equal(0, imported.Updated);
        await AssertSameFilesAsync(city.ThisYear, await ExportFolderAsync(empty, partnership, Year));
        Assert.True(again.Succeeded);
        Assert.Equal((0, 0, 0), (again.ChildrenCreated, again.Created, again.Updated));
        Assert.All(again.Counts, c => Assert.True(c.Unchanged > 0, c.Records));
        Assert.Equal(rows, await RowCountsAsync(empty));
        Assert.Equal(audited + 1, await AuditCountAsync(empty));
    }

    [Fact]
    public async Task EveryRecordTheImportMakes_CarriesItsSource()
    {
        await using var empty = await EmptyAsync();
        var partnership = await PartnershipInAsync(empty);

        await ImportAsync(empty, partnership, city.ThisYear);

        var source = $"SSDA903 2025-26 import ({Path.GetFileName(city.ThisYear)})";
        await using var db = empty.NewContext();
        var sources = new[]
        {
            await db.CarePeriods.Select(r => r.Source).ToListAsync(),
            await db.CareEpisodes.Select(r => r.Source).ToListAsync(),
            await db.LookedAfterReviews.Select(r => r.Source).ToListAsync(),
            await db.MissingEpisodes.Select(r => r.Source).ToListAsync(),
            await db.CareLeaverContacts.Select(r => r.Source).ToListAsync(),
            await db.AdoptionRecords.Select(r => r.Source).ToListAsync(),
        };
        Assert.All(sources, list => Assert.NotEmpty(list));
        Assert.All(sources.SelectMany(s => s), s => Assert.Equal(source, s));
    }

    [Fact]
    public async Task TheCinCensusAndThe903_ForOneAuthority_GiveOneRecordPerChild_AndBothExportsAsTheyCame()
    {
        await using var empty = await EmptyAsync();
        var partnership = await PartnershipInAsync(empty);

        CinCensusImportResult census;
        await using (var db = empty.NewContext(new FixedTenantScope(partnership)))
        {
            await using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(city.Census));
            census = await new CinCensusImport(db).ImportAsync(stream, "cin-2026.xml", Context(partnership));
        }

        var ssda903 = await ImportAsync(empty, partnership, city.ThisYear);

        Assert.True(census.Succeeded, string.Join("; ", census.Problems.Take(5)));
        Assert.True(ssda903.Succeeded, string.Join("\n", ssda903.Problems.Take(20)));
        var censusChildren = XDocument.Parse(city.Census).Descendants("LAchildID").Select(e => e.Value).ToHashSet(StringComparer.Ordinal);
        var returnChildren = (await File.ReadAllLinesAsync(Path.Combine(city.ThisYear, "header.csv"))).Skip(1).Select(l => l.Split(',')[0]).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(censusChildren.Intersect(returnChildren));
        Assert.Equal(returnChildren.Except(censusChildren).Count(), ssda903.ChildrenCreated);
        await using (var db = empty.NewContext())
        {
            Assert.Equal(censusChildren.Union(returnChildren).Count(), await db.People.CountAsync());
        }

        await AssertSameFilesAsync(city.ThisYear, await ExportFolderAsync(empty, partnership, Year));
        await using var exporting = empty.NewContext(new FixedTenantScope(partnership));
        Assert.Equal(city.Census, await CityReturns.TextOfAsync((await new CinCensusExport(exporting).ExportAsync(Year, "999", Now)).Document));
    }

    [Fact]
    public async Task ALaterYearsFiles_BringTheRecordsUpToDate()
    {
        await using var empty = await EmptyAsync();
        var partnership = await PartnershipInAsync(empty);

        var lastYear = await ImportAsync(empty, partnership, city.LastYear, Year - 1);
        var thisYear = await ImportAsync(empty, partnership, city.ThisYear);

        Assert.True(lastYear.Succeeded && thisYear.Succeeded, string.Join("\n", lastYear.Problems.Concat(thisYear.Problems).Take(20)));
        var episodes = thisYear.Counts.Single(c => c.Records == "episodes");
        Assert.True(episodes.Updated > 0, "an episode open at the end of last year ended this year");

        // An episode last year's file left open now has this year's end, and the source of the file that said so.
        var (child, started, ended, reason) = city.EndedThisYear;
        await using var db = empty.NewContext();
        var episode = await db.CareEpisodes.SingleAsync(e => e.StartDate == started && db.PersonIdentifiers.Any(i => i.PersonId == e.PersonId && i.Value == child));
        Assert.Equal((ended, reason), (episode.EndDate, episode.EndReason));
        Assert.Equal($"SSDA903 2025-26 import ({Path.GetFileName(city.ThisYear)})", episode.Source);
        await AssertSameFilesAsync(city.ThisYear, await ExportFolderAsync(empty, partnership, Year));
    }

    [Theory]
    [InlineData("episodes.csv", "DECOM", "31/02/2025", "is not a date written dd/mm/yyyy")]
    [InlineData("episodes.csv", "LS", "C9", "is not one of the codes")]
    [InlineData("reviews.csv", "REVIEW_CODE", "PN9", "is not one of the codes")]
    [InlineData("episodes.csv", "URN", "SC12345678901", "is longer than the 10 characters the records hold")]
    public async Task AValueThatCannotBeStored_ImportsNothing_AndSaysWhere(string file, string column, string value, string message)
    {
        var folder = CopyOf(city.ThisYear);
        var lines = await File.ReadAllLinesAsync(Path.Combine(folder.FullName, file));
        var index = Array.IndexOf(lines[0].Split(','), column);
        var fields = lines[3].Split(',');
        fields[index] = value;
        lines[3] = string.Join(',', fields);
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, file), string.Join("\r\n", lines) + "\r\n");
        await using var empty = await EmptyAsync();
        var partnership = await PartnershipInAsync(empty);

        var result = await ImportAsync(empty, partnership, folder.FullName);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((file, 4, index + 1), (problem.File, problem.Line, problem.Column));
        Assert.Contains(value, problem.Message, StringComparison.Ordinal);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        await AssertNothingImportedAsync(empty);
    }

    [Fact]
    public async Task AnUnreadableFile_ImportsNothing_AndSaysWhere()
    {
        var folder = CopyOf(city.ThisYear);
        var path = Path.Combine(folder.FullName, "reviews.csv");
        var lines = await File.ReadAllLinesAsync(path);
        lines[2] += ",extra";
        await File.WriteAllTextAsync(path, string.Join("\r\n", lines) + "\r\n");
        await using var empty = await EmptyAsync();
        var partnership = await PartnershipInAsync(empty);

        var result = await ImportAsync(empty, partnership, folder.FullName);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("reviews.csv", 3), (problem.File, problem.Line));
        await AssertNothingImportedAsync(empty);
    }

    [Fact]
    public async Task ARuleIssue_IsCounted_ButDoesNotStopTheImport()
    {
        // DEC without REC: every value can be stored, but the DfE's rule 148 says both or neither.
        var folder = CopyOf(city.ThisYear);
        var path = Path.Combine(folder.FullName, "episodes.csv");
        var lines = await File.ReadAllLinesAsync(path);
        var columns = lines[0].Split(',');
        var row = Array.FindIndex(lines, 1, l => l.Split(',')[Array.IndexOf(columns, "DEC")].Length > 0);
        var fields = lines[row].Split(',');
        fields[Array.IndexOf(columns, "REC")] = "";
        lines[row] = string.Join(',', fields);
        await File.WriteAllTextAsync(path, string.Join("\r\n", lines) + "\r\n");
        await using var empty = await EmptyAsync();
        var partnership = await PartnershipInAsync(empty);

        var result = await ImportAsync(empty, partnership, folder.FullName);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems.Take(5)));
        Assert.Contains(result.Validation!.Issues, i => i.Rule == "148" && i.Row == row + 1);
        Assert.True(result.Validation.Counts.Single(c => c.Rule == "148").Count >= 1);
        await using var db = empty.NewContext();
        Assert.True(await db.CareEpisodes.AnyAsync());
    }

    [Fact]
    public async Task RowsOfATableTheSystemDoesNotRecord_AreReportedAsNotImported()
    {
        var folder = CopyOf(city.ThisYear);
        await File.AppendAllTextAsync(Path.Combine(folder.FullName, "prev_perm.csv"), "UASC1,05/05/2009,P1,,\r\n");
        await using var empty = await EmptyAsync();
        var partnership = await PartnershipInAsync(empty);

        var result = await ImportAsync(empty, partnership, folder.FullName);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems.Take(5)));
        var note = Assert.Single(result.NotImported);
        Assert.StartsWith("prev_perm.csv: 1 row(s) not imported: the system does not record previous permanence", note, StringComparison.Ordinal);
    }

    private DirectoryInfo CopyOf(string folder)
    {
        var copy = city.NewFolder("ssda903-bad-");
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            File.Copy(file, Path.Combine(copy.FullName, Path.GetFileName(file)));
        }

        return copy;
    }

    private static async Task AssertNothingImportedAsync(TestDatabase target)
    {
        await using var db = target.NewContext();
        Assert.Empty(await db.People.ToListAsync());
        Assert.Empty(await db.CarePeriods.ToListAsync());
        Assert.Empty(await db.CareEpisodes.ToListAsync());
        Assert.Empty(await db.LookedAfterReviews.ToListAsync());
        Assert.DoesNotContain(await db.AuditEvents.Select(e => e.EventType).ToListAsync(), t => t.Contains(nameof(Ssda903Imported), StringComparison.Ordinal));
    }

    private static async Task AssertSameFilesAsync(string expected, string actual)
    {
        var names = Directory.EnumerateFiles(expected).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(names, Directory.EnumerateFiles(actual).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var name in names)
        {
            var want = await File.ReadAllTextAsync(Path.Combine(expected, name!));
            var got = await File.ReadAllTextAsync(Path.Combine(actual, name!));
            Assert.True(want == got, $"{name} differs; first different line: {FirstDifference(want, got)}");
        }
    }

    private static string FirstDifference(string want, string got)
    {
        var a = want.Split("\r\n");
        var b = got.Split("\r\n");
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            if (i >= a.Length || i >= b.Length || a[i] != b[i])
            {
                return $"line {i + 1}: expected '{(i < a.Length ? a[i] : "(none)")}', got '{(i < b.Length ? b[i] : "(none)")}'";
            }
        }

        return "none";
    }

    private async Task<string> ExportFolderAsync(TestDatabase target, Guid partnership, int year)
    {
        await using var db = target.NewContext(new FixedTenantScope(partnership));
        var folder = city.NewFolder("ssda903-again-");
        await Ssda903Files.WriteAsync(await new Ssda903Export(db).ExportAsync(year), folder.FullName);
        return folder.FullName;
    }

    private static async Task<Ssda903ImportResult> ImportAsync(TestDatabase target, Guid partnership, string folder, int year = Year)
    {
        await using var db = target.NewContext(new FixedTenantScope(partnership));
        return await new Ssda903Import(db).ImportAsync(folder, year, Context(partnership));
    }

    private static async Task<(int, int, int, int, int, int, int, int)> RowCountsAsync(TestDatabase target)
    {
        await using var db = target.NewContext();
        return (await db.People.CountAsync(), await db.PersonIdentifiers.CountAsync(), await db.CarePeriods.CountAsync(), await db.CareEpisodes.CountAsync(),
            await db.LookedAfterReviews.CountAsync(), await db.MissingEpisodes.CountAsync(), await db.CareLeaverContacts.CountAsync(), await db.AdoptionRecords.CountAsync());
    }

    private static async Task<int> AuditCountAsync(TestDatabase target)
    {
        await using var db = target.NewContext();
        return await db.AuditEvents.CountAsync();
    }

    private static ProcessContext Context(Guid partnership) => ProcessContext.System(Now, "import test", partnership);

    private static async Task<TestDatabase> EmptyAsync()
    {
        var empty = await TestDatabase.CreateAsync();
        await empty.MigrateAsync();
        return empty;
    }

    private static async Task<Guid> PartnershipInAsync(TestDatabase target)
    {
        await using var db = target.NewContext();
        var partnership = new Partnership { Id = Guid.NewGuid(), Code = "IMP", Name = "Importing partnership", LocalAuthorityName = "Importing council" };
        db.Partnerships.Add(partnership);
        db.Record(new Registered(partnership.Id), ProcessContext.System(Now));
        await db.SaveChangesAsync();
        return partnership.Id;
    }

    private sealed record Registered(Guid PartnershipId) : IDomainEvent
    {
        public string SubjectType => "Partnership";
        public string SubjectId => PartnershipId.ToString();
    }

    /// <summary>
    /// The synthetic city (1,500 children) loaded once, with its 903 for 2024-25 and 2025-26 written to folders named
    /// "ssda903-YEAR-..." and its CIN census for 2025-26; each test imports them into a database of its own.
    /// </summary>
    public sealed class CityReturns : IAsyncLifetime
    {
        private readonly List<DirectoryInfo> folders = [];

        public string LastYear { get; private set; } = "";

        public string ThisYear { get; private set; } = "";

        public string Census { get; private set; } = "";

        public int ThisYearChildren { get; private set; }

        /// <summary>A child's episode open at the end of 2024-25 that ended in 2025-26: CHILD, DECOM, DEC, REC.</summary>
        public (string Child, DateOnly Started, DateOnly Ended, string Reason) EndedThisYear { get; private set; }

        public async Task InitializeAsync()
        {
            var generated = CityGenerator.Generate(new CitySpec { Children = 1_500 });
            await using var source = await TestDatabase.CreateAsync();
            await source.MigrateAsync();
            await using (var db = source.NewContext())
            {
                await CityLoader.LoadAsync(db, generated, ProcessContext.System(Now, "seed"));
            }

            await using (var db = source.NewContext())
            {
                AddWhatTheCityLacks(db, generated.Partnership.Id);
                db.Record(new Registered(generated.Partnership.Id), ProcessContext.System(Now, "seed"));
                await db.SaveChangesAsync();
            }

            await using var exporting = source.NewContext(new FixedTenantScope(generated.Partnership.Id));
            var lastYear = await new Ssda903Export(exporting).ExportAsync(Year - 1);
            var thisYear = await new Ssda903Export(exporting).ExportAsync(Year);
            LastYear = NewFolder($"ssda903-{Year - 1}-").FullName;
            ThisYear = NewFolder($"ssda903-{Year}-").FullName;
            await Ssda903Files.WriteAsync(lastYear, LastYear);
            await Ssda903Files.WriteAsync(thisYear, ThisYear);
            Census = await TextOfAsync((await new CinCensusExport(exporting).ExportAsync(Year, "999", Now)).Document);
            ThisYearChildren = thisYear.Tables["header"].Rows.Count;

            var open = lastYear.Tables["episodes"];
            var ended = thisYear.Tables["episodes"];
            EndedThisYear = (
                from i in Enumerable.Range(0, open.Rows.Count)
                where open.Value(i, "DEC").Length == 0
                from j in Enumerable.Range(0, ended.Rows.Count)
                where ended.Value(j, "CHILD") == open.Value(i, "CHILD") && ended.Value(j, "DECOM") == open.Value(i, "DECOM") && ended.Value(j, "DEC").Length > 0
                select (ended.Value(j, "CHILD"), Date(ended.Value(j, "DECOM")), Date(ended.Value(j, "DEC")), ended.Value(j, "REC"))).First();

            // The round trip means something only when every table the export fills has rows to carry.
            Assert.All(Ssda903Export.FilledTables, t => Assert.True(thisYear.Tables[t].Rows.Count > 0, $"the city's {t} table is empty"));
        }

        /// <summary>
        /// The city has no adoption in the year, no unaccompanied asylum-seeking child and no mother in care: ADOPT1 adopted on
        /// 20 November 2025, UASC1 unaccompanied until 1 December 2025, MUM1 in care with a baby born in January 2026.
        /// </summary>
        private static void AddWhatTheCityLacks(SafeguardingDbContext db, Guid partnershipId)
        {
            var adopted = Child(db, partnershipId, "ADOPT1", new DateOnly(2021, 3, 3), PersonSex.Female, upn: null);
            var period = new CarePeriod { Id = Guid.NewGuid(), PartnershipId = partnershipId, PersonId = adopted.Id, StartDate = new DateOnly(2024, 6, 1), EndDate = new DateOnly(2025, 11, 20), EndReason = "E11", RecordedAt = Now };
            db.AddRange(
                period,
                Episode(period, "S", new DateOnly(2024, 6, 1), "C2", "U4", new DateOnly(2025, 2, 1), "X1"),
                Episode(period, "T", new DateOnly(2025, 2, 1), "E1", "A3", new DateOnly(2025, 11, 20), "E11"),
                new AdoptionRecord
                {
                    Id = Guid.NewGuid(),
                    PartnershipId = partnershipId,
                    PersonId = adopted.Id,
                    CarePeriodId = period.Id,
                    DecisionDate = new DateOnly(2024, 12, 1),
                    MatchDate = new DateOnly(2025, 1, 20),
                    AdoptedByFosterCarers = false,
                    NumberOfAdopters = 2,
                    AdopterSex = "MF",
                    AdopterLegalStatus = "L11",
                });

            var unaccompanied = Child(db, partnershipId, "UASC1", new DateOnly(2009, 5, 5), PersonSex.Male, upn: "999000000101");
            var uasc = new CarePeriod { Id = Guid.NewGuid(), PartnershipId = partnershipId, PersonId = unaccompanied.Id, StartDate = new DateOnly(2025, 5, 1), RecordedAt = Now, IsUnaccompaniedAsylumSeeker = true, UnaccompaniedCeasedOn = new DateOnly(2025, 12, 1) };
            db.AddRange(uasc, Episode(uasc, "S", new DateOnly(2025, 5, 1), "V2", "K2", null, null));

            var mother = Child(db, partnershipId, "MUM1", new DateOnly(2009, 8, 8), PersonSex.Female, upn: "999000000102");
            var baby = Child(db, partnershipId, "BABY1", new DateOnly(2026, 1, 15), PersonSex.Male, upn: null);
            var care = new CarePeriod { Id = Guid.NewGuid(), PartnershipId = partnershipId, PersonId = mother.Id, StartDate = new DateOnly(2025, 7, 1), RecordedAt = Now };
            db.AddRange(care, Episode(care, "S", new DateOnly(2025, 7, 1), "C2", "U4", null, null));
            db.PersonRelationships.Add(new PersonRelationship { Id = Guid.NewGuid(), PartnershipId = partnershipId, PersonId = baby.Id, RelatedPersonId = mother.Id, Type = RelationshipType.Parent });
        }

        private static Person Child(SafeguardingDbContext db, Guid partnershipId, string laChildId, DateOnly born, PersonSex sex, string? upn)
        {
            var person = new Person { Id = Guid.NewGuid(), PartnershipId = partnershipId, GivenName = "Sam", FamilyName = laChildId, IsChild = true, DateOfBirth = born, Sex = sex, EthnicityCode = "WBRI" };
            db.People.Add(person);
            db.PersonIdentifiers.Add(new PersonIdentifier { Id = Guid.NewGuid(), PartnershipId = partnershipId, PersonId = person.Id, Type = PersonIdentifierType.LocalAuthorityChildId, Value = laChildId, RecordedAt = Now });
            if (upn is not null)
            {
                db.PersonIdentifiers.Add(new PersonIdentifier { Id = Guid.NewGuid(), PartnershipId = partnershipId, PersonId = person.Id, Type = PersonIdentifierType.UniquePupilNumber, Value = $"{UpnFormat.CheckLetter(upn)}{upn}", RecordedAt = Now });
            }

            return person;
        }

        private static CareEpisode Episode(CarePeriod period, string reason, DateOnly started, string legalStatus, string placement, DateOnly? ended, string? endReason) =>
            new()
            {
                Id = Guid.NewGuid(),
                PartnershipId = period.PartnershipId,
                CarePeriodId = period.Id,
                PersonId = period.PersonId,
                StartDate = started,
                ReasonNewEpisode = reason,
                LegalStatus = legalStatus,
                CategoryOfNeed = "N1",
                PlacementType = placement,
                PlacementProvider = "PR1",
                HomePostcode = "ZX3 6EF",
                PlacementPostcode = "ZX2 5CD",
                EndDate = ended,
                EndReason = endReason,
            };

        public Task DisposeAsync()
        {
            foreach (var folder in folders.Where(f => f.Exists))
            {
                folder.Delete(recursive: true);
            }

            return Task.CompletedTask;
        }

        public DirectoryInfo NewFolder(string prefix)
        {
            var folder = Directory.CreateTempSubdirectory(prefix);
            folders.Add(folder);
            return folder;
        }

        public static async Task<string> TextOfAsync(XDocument document)
        {
            using var stream = new MemoryStream();
            await CinCensusExport.WriteAsync(document, stream);
            return System.Text.Encoding.UTF8.GetString(stream.ToArray());
        }

        private static DateOnly Date(string text) => DateOnly.ParseExact(text, "dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
    }
}
