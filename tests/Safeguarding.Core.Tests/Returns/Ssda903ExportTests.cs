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

/// <summary>The SSDA903 return for 2025-26 from recorded looked-after data: scope at the year's edges, content, files and the field checks.</summary>
[Trait("Category", "Database")]
public sealed class Ssda903ExportTests : IAsyncLifetime
{
    private const int Year = 2026;
    private static readonly DateTimeOffset Now = new(2026, 4, 20, 9, 0, 0, TimeSpan.Zero);
    private TestDatabase database = null!;
    private Guid partnershipId;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await database.MigrateAsync();
        await using var db = database.NewContext();
        var partnership = new Partnership { Id = Guid.NewGuid(), Code = "LAC", Name = "Looked-after partnership", LocalAuthorityName = "Looked-after council" };
        partnershipId = partnership.Id;
        db.Partnerships.Add(partnership);
        db.Record(new Registered(partnershipId), ProcessContext.System(Now));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task EveryTable_HasTheSpecificationsColumnsInOrder_AndNoFieldErrors()
    {
        await ArrangeEdgesAsync();
        await ArrangeAdoptionAndUascAsync();

        var ssda903 = await ExportAsync();

        var spec = Ssda903Spec.For(Year);
        Assert.Equal(spec.Keys.Order(StringComparer.Ordinal), ssda903.Tables.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, columns) in spec)
        {
            Assert.Equal(columns.Select(c => c.Name), ssda903.Tables[name].Columns);
        }

        Assert.Empty(Ssda903FieldChecks.Check(ssda903));
        Assert.Empty(ssda903.Tables["oc2"].Rows);
        Assert.Empty(ssda903.Tables["prev_perm"].Rows);
    }

    [Fact]
    public async Task Episodes_OpenAtAnyTimeInTheYear_AreIn_WithPartialPostcodes_AndAnEndAfterTheYearIsBlank()
    {
        await ArrangeEdgesAsync();

        var ssda903 = await ExportAsync();

        var episodes = ssda903.Tables["episodes"];
        Assert.Equal(
            [("A1", "31/03/2025", "", ""), ("B2", "31/03/2026", "", "")],
            Enumerable.Range(0, episodes.Rows.Count).Select(i => (episodes.Value(i, "CHILD"), episodes.Value(i, "DECOM"), episodes.Value(i, "DEC"), episodes.Value(i, "REC"))));
        Assert.Equal(("ZX1 4", "ZX12 9"), (episodes.Value(0, "HOME_POST"), episodes.Value(0, "PL_POST")));
        Assert.Equal(("P", "C2", "N1", "U4", "PR1", "CARPL"), (episodes.Value(0, "RNE"), episodes.Value(0, "LS"), episodes.Value(0, "CIN"), episodes.Value(0, "PLACE"), episodes.Value(0, "PLACE_PROVIDER"), episodes.Value(0, "REASON_PLACE_CHANGE")));

        // C3 only came into care after the year; D4's care ended the day before it began: neither is in the return.
        var header = ssda903.Tables["header"];
        Assert.Equal(["A1", "B2"], Column(header, "CHILD"));
        Assert.Equal(("F", "15/06/2010", "WBRI", upns["A1"]), (header.Value(0, "SEX"), header.Value(0, "DOB"), header.Value(0, "ETHNIC"), header.Value(0, "UPN")));
        Assert.Equal(("1", "02/02/2026"), (header.Value(0, "MOTHER"), header.Value(0, "MC_DOB")));
        Assert.Equal(("M", "UN1", "", ""), (header.Value(1, "SEX"), header.Value(1, "UPN"), header.Value(1, "MOTHER"), header.Value(1, "MC_DOB")));
    }

    [Fact]
    public async Task ReviewsAndMissingEpisodes_InTheYear_AreIn()
    {
        await ArrangeEdgesAsync();

        var ssda903 = await ExportAsync();

        Assert.Equal(["01/04/2025", "31/03/2026"], Column(ssda903.Tables["reviews"], "REVIEW"));
        Assert.Equal(["PN1", "PN5"], Column(ssda903.Tables["reviews"], "REVIEW_CODE"));
        var missing = ssda903.Tables["missing"];

        // Carried into the year, and one still running at its end (blank MIS_END); 23:30 UTC on 31 March
        // is 00:30 on 1 April in London, so that one is next year's.
        Assert.Equal(
            [("M", "20/03/2025", "02/04/2025"), ("A", "30/03/2026", "")],
            Enumerable.Range(0, missing.Rows.Count).Select(i => (missing.Value(i, "MISSING"), missing.Value(i, "MIS_START"), missing.Value(i, "MIS_END"))));
        Assert.All(Column(missing, "DOB"), d => Assert.Equal("15/06/2010", d));
    }

    [Fact]
    public async Task AMergedChild_IsReportedOnce_UnderTheSurvivor()
    {
        var child = await AddChildAsync("M5", new DateOnly(2008, 1, 10), PersonSex.Male);
        var duplicate = await AddChildAsync("M5DUP", new DateOnly(2008, 1, 10), PersonSex.Male, mergedInto: child);
        await using (var db = database.NewContext())
        {
            var first = Period(child, new DateOnly(2025, 5, 1), new DateOnly(2025, 8, 1), "E4A");
            var second = Period(duplicate, new DateOnly(2025, 11, 3), null, null);
            db.AddRange(first, Episode(first, "S", new DateOnly(2025, 5, 1), new DateOnly(2025, 8, 1), "E4A"), second, Episode(second, "S", new DateOnly(2025, 11, 3), null, null));
            db.Add(Review(second, new DateOnly(2025, 12, 1), "PN1"));
            db.Record(new Registered(partnershipId), ProcessContext.System(Now));
            await db.SaveChangesAsync();
        }

        var ssda903 = await ExportAsync();

        Assert.Equal(["M5"], Column(ssda903.Tables["header"], "CHILD"));
        Assert.Equal(["01/05/2025", "03/11/2025"], Column(ssda903.Tables["episodes"], "DECOM"));
        Assert.All(Column(ssda903.Tables["episodes"], "CHILD"), c => Assert.Equal("M5", c));
        Assert.Equal(["M5"], Column(ssda903.Tables["reviews"], "CHILD"));
        Assert.Empty(Ssda903FieldChecks.Check(ssda903));
    }

    [Fact]
    public async Task CareLeavers_WhoseBirthdayFromSeventeenToTwentyOneFallsInTheYear_HaveOc3_AndAreInTheHeader()
    {
        var before = await AddChildAsync("L6", new DateOnly(2007, 3, 31), PersonSex.Female, isChild: false);
        var first = await AddChildAsync("L7", new DateOnly(2004, 4, 1), PersonSex.Male, isChild: false);
        var last = await AddChildAsync("L8", new DateOnly(2008, 3, 31), PersonSex.Female, isChild: false);
        var lastDuplicate = await AddChildAsync("L8DUP", new DateOnly(2008, 3, 31), PersonSex.Female, isChild: false, mergedInto: last);
        await using (var db = database.NewContext())
        {
            db.AddRange(
                Contact(before, 18, new DateOnly(2025, 3, 31), "YES", "F2", "D1"),
                Contact(first, 21, new DateOnly(2025, 4, 1), "YES", "F5", "U1"),
                Contact(last, 18, new DateOnly(2026, 3, 31), "NO", "0", "0", Now.AddDays(-2)),
                Contact(lastDuplicate, 18, new DateOnly(2026, 3, 31), "YES", "G5", "Z1", Now.AddDays(-9)));
            db.Record(new Registered(partnershipId), ProcessContext.System(Now));
            await db.SaveChangesAsync();
        }

        var ssda903 = await ExportAsync();

        var oc3 = ssda903.Tables["oc3"];
        Assert.Equal(
            [("L7", "01/04/2004", "YES", "F5", "U1"), ("L8", "31/03/2008", "NO", "0", "0")],
            Enumerable.Range(0, oc3.Rows.Count).Select(i => (oc3.Value(i, "CHILD"), oc3.Value(i, "DOB"), oc3.Value(i, "IN_TOUCH"), oc3.Value(i, "ACTIV"), oc3.Value(i, "ACCOM"))));
        Assert.Equal(["L7", "L8"], Column(ssda903.Tables["header"], "CHILD"));
        Assert.Empty(ssda903.Tables["episodes"].Rows);
        Assert.Empty(Ssda903FieldChecks.Check(ssda903));
    }

    [Fact]
    public async Task AnAdoptionInTheYear_HasAd1_DecisionsStandingInTheYearArePlacedForAdoption_AndUascIsUpToTheEighteenthBirthday()
    {
        await ArrangeAdoptionAndUascAsync();

        var ssda903 = await ExportAsync();

        var ad1 = ssda903.Tables["ad1"];
        Assert.Equal(["P9"], Column(ad1, "CHILD"));
        Assert.Equal(("01/02/2025", "01/08/2025", "1", "2", "MF", "L11"), (ad1.Value(0, "DATE_INT"), ad1.Value(0, "DATE_MATCH"), ad1.Value(0, "FOSTER_CARE"), ad1.Value(0, "NB_ADOPTR"), ad1.Value(0, "SEX_ADOPTR"), ad1.Value(0, "LS_ADOPTR")));
        var placed = ssda903.Tables["placed_adoption"];
        Assert.Equal(
            [("P9", "01/02/2025", "", ""), ("Q10", "05/05/2025", "01/10/2025", "RD1")],
            Enumerable.Range(0, placed.Rows.Count).Select(i => (placed.Value(i, "CHILD"), placed.Value(i, "DATE_PLACED"), placed.Value(i, "DATE_PLACED_CEASED"), placed.Value(i, "REASON_PLACED_CEASED"))));
        var uasc = ssda903.Tables["uasc"];
        Assert.Equal([("U11", "M", "10/09/2025"), ("U13", "F", "")], Enumerable.Range(0, uasc.Rows.Count).Select(i => (uasc.Value(i, "CHILD"), uasc.Value(i, "SEX"), uasc.Value(i, "DUC"))));
        Assert.Equal(["P9", "Q10", "R14", "U11", "U12", "U13"], Column(ssda903.Tables["header"], "CHILD"));
    }

    [Fact]
    public async Task ExportingTwice_WritesIdenticalFiles_NamedByTable()
    {
        await ArrangeEdgesAsync();
        await ArrangeAdoptionAndUascAsync();
        var first = Directory.CreateTempSubdirectory("ssda903-a-");
        var second = Directory.CreateTempSubdirectory("ssda903-b-");
        try
        {
            var written = await Ssda903Files.WriteAsync(await ExportAsync(), first.FullName);
            await Ssda903Files.WriteAsync(await ExportAsync(), second.FullName);

            Assert.Equal(Ssda903Spec.For(Year).Keys.Select(Ssda903Files.FileName).Order(StringComparer.Ordinal), written.Select(Path.GetFileName));
            foreach (var path in written)
            {
                Assert.Equal(await File.ReadAllBytesAsync(path), await File.ReadAllBytesAsync(Path.Combine(second.FullName, Path.GetFileName(path))));
            }

            var header = await File.ReadAllBytesAsync(Path.Combine(first.FullName, "header.csv"));
            Assert.StartsWith("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\nA1,F,15/06/2010,WBRI,", System.Text.Encoding.UTF8.GetString(header), StringComparison.Ordinal);
            Assert.Equal((byte)'C', header[0]);
            Assert.Equal("CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\r\n",
                await File.ReadAllTextAsync(Path.Combine(first.FullName, "oc2.csv")));
        }
        finally
        {
            first.Delete(recursive: true);
            second.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task TheSyntheticCitysReturn_MeetsTheSpecification()
    {
        var city = CityGenerator.Generate(new CitySpec { Children = 1_500 });
        await using var target = await TestDatabase.CreateAsync();
        await target.MigrateAsync();
        await using (var db = target.NewContext())
        {
            await CityLoader.LoadAsync(db, city, ProcessContext.System(Now, "seed"));
        }

        await using var exporting = target.NewContext(new FixedTenantScope(city.Partnership.Id));
        var ssda903 = await new Ssda903Export(exporting).ExportAsync(Year);

        var issues = Ssda903FieldChecks.Check(ssda903);
        Assert.True(issues.Count == 0, string.Join("\n", issues.Take(20)));
        Assert.NotEmpty(ssda903.Tables["header"].Rows);
        Assert.NotEmpty(ssda903.Tables["episodes"].Rows);
        Assert.NotEmpty(ssda903.Tables["reviews"].Rows);
        var children = Column(ssda903.Tables["header"], "CHILD");
        Assert.Equal(children.Count, children.Distinct().Count());
        foreach (var table in ssda903.Tables.Values.Where(t => t.Name != "header"))
        {
            Assert.All(Column(table, "CHILD"), c => Assert.Contains(c, children));
        }
    }

    [Fact]
    public void FieldChecks_NameTheTableRowAndColumn_OfEachProblem()
    {
        var columns = Ssda903Spec.For(Year)["episodes"].Select(c => c.Name).ToList();
        string[] good = ["X1", "01/04/2025", "S", "C2", "N1", "U4", "PR1", "", "", "", "ZX1 4", "ZX1 4AB", "SC123456"];
        string[] bad = ["X-1", "2025-04-01", "S", "C9", "", "U4", "PR1", "31/02/2026", "", "", "ZX1", "ZX1 4", ""];
        var table = new Ssda903Table("episodes", columns, [good, bad]);

        var issues = Ssda903FieldChecks.Check(table, Year);

        Assert.Equal(
            [(2, "CHILD"), (2, "DECOM"), (2, "LS"), (2, "CIN"), (2, "DEC"), (2, "HOME_POST")],
            issues.Select(i => (i.Row, i.Column)));
        Assert.Contains("C9", issues.Single(i => i.Column == "LS").Message, StringComparison.Ordinal);
        Assert.Contains("must not be blank", issues.Single(i => i.Column == "CIN").Message, StringComparison.Ordinal);
        Assert.Contains(Ssda903FieldChecks.Check(new Ssda903Table("episodes", columns.Take(columns.Count - 1).ToList(), []), Year), i => i.Row == 0 && i.Column == "URN");
    }

    [Theory]
    [InlineData("ZX1 4AB", "ZX1 4")]
    [InlineData("zx14ab", "ZX1 4")]
    [InlineData("EC1A 1BB", "EC1A 1")]
    [InlineData("ZX1 4", "ZX1 4")]
    [InlineData(null, "")]
    public void PartialPostcode_IsTheOutwardCodeAndTheFirstCharacterOfTheInwardCode(string? stored, string partial) =>
        Assert.Equal(partial, Ssda903Export.PartialPostcode(stored));

    /// <summary>The valid UPN each child was given, by LA child id.</summary>
    private readonly Dictionary<string, string> upns = [];

    /// <summary>
    /// A1: care from 1 October 2024, an episode ending 31 March 2025 (out) and the next from that day to
    /// 10 April 2026 (in, its end not yet known); a mother. B2: a baby coming into care on 31 March 2026.
    /// C3: into care on 1 April 2026. D4: care ended 31 March 2025. Reviews and missing episodes around the edges.
    /// </summary>
    private async Task ArrangeEdgesAsync()
    {
        var a = await AddChildAsync("A1", new DateOnly(2010, 6, 15), PersonSex.Female);
        var b = await AddChildAsync("B2", new DateOnly(2024, 1, 5), PersonSex.Male, withUpn: false);
        var c = await AddChildAsync("C3", new DateOnly(2012, 2, 2), PersonSex.Male);
        var d = await AddChildAsync("D4", new DateOnly(2011, 3, 3), PersonSex.Female);
        var baby = await AddChildAsync("BABY", new DateOnly(2026, 2, 2), PersonSex.Male);
        await using var db = database.NewContext();
        var aPeriod = Period(a, new DateOnly(2024, 10, 1), new DateOnly(2026, 4, 10), "E4A");
        var aFirst = Episode(aPeriod, "S", new DateOnly(2024, 10, 1), new DateOnly(2025, 3, 31), "X1");
        var aSecond = Episode(aPeriod, "P", new DateOnly(2025, 3, 31), new DateOnly(2026, 4, 10), "E4A");
        (aSecond.PlacementPostcode, aSecond.HomePostcode, aSecond.ReasonPlaceChange) = ("zx129xy", "ZX1 4AB", "CARPL");
        var bPeriod = Period(b, new DateOnly(2026, 3, 31), null, null);
        var cPeriod = Period(c, new DateOnly(2026, 4, 1), null, null);
        var dPeriod = Period(d, new DateOnly(2024, 5, 1), new DateOnly(2025, 3, 31), "E4A");
        db.AddRange(aPeriod, aFirst, aSecond, bPeriod, Episode(bPeriod, "S", new DateOnly(2026, 3, 31), null, null),
            cPeriod, Episode(cPeriod, "S", new DateOnly(2026, 4, 1), null, null),
            dPeriod, Episode(dPeriod, "S", new DateOnly(2024, 5, 1), new DateOnly(2025, 3, 31), "E4A"));
        db.AddRange(
            Review(aPeriod, new DateOnly(2025, 3, 31), "PN1"),
            Review(aPeriod, new DateOnly(2025, 4, 1), "PN1"),
            Review(aPeriod, new DateOnly(2026, 3, 31), "PN5"),
            Review(aPeriod, new DateOnly(2026, 4, 1), "PN5"));
        db.AddRange(
            Missing(a, aPeriod.Id, MissingKind.Missing, new(2025, 3, 20, 18, 0, 0, TimeSpan.Zero), new(2025, 4, 2, 9, 0, 0, TimeSpan.Zero)),
            Missing(a, aPeriod.Id, MissingKind.Away, new(2026, 3, 30, 10, 0, 0, TimeSpan.Zero), new(2026, 4, 2, 9, 0, 0, TimeSpan.Zero)),
            Missing(a, aPeriod.Id, MissingKind.Missing, new(2026, 3, 31, 23, 30, 0, TimeSpan.Zero), null),
            Missing(a, aPeriod.Id, MissingKind.Missing, new(2025, 1, 5, 18, 0, 0, TimeSpan.Zero), new(2025, 3, 31, 22, 0, 0, TimeSpan.Zero)),
            Missing(d, null, MissingKind.Missing, new(2025, 6, 1, 18, 0, 0, TimeSpan.Zero), new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero)));
        db.PersonRelationships.Add(new PersonRelationship { Id = Guid.NewGuid(), PartnershipId = partnershipId, PersonId = baby, RelatedPersonId = a, Type = RelationshipType.Parent });
        db.Record(new Registered(partnershipId), ProcessContext.System(Now));
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// P9 adopted on 1 December 2025; Q10's decision reversed in the year, R14's before it (not in the table);
    /// U11 UASC until their 18th birthday in September 2025; U12 UASC status ceased before the year; U13 UASC throughout.
    /// </summary>
    private async Task ArrangeAdoptionAndUascAsync()
    {
        var p = await AddChildAsync("P9", new DateOnly(2022, 7, 7), PersonSex.Female);
        var q = await AddChildAsync("Q10", new DateOnly(2021, 8, 8), PersonSex.Male);
        var r = await AddChildAsync("R14", new DateOnly(2019, 4, 4), PersonSex.Female);
        var u11 = await AddChildAsync("U11", new DateOnly(2007, 9, 10), PersonSex.Male);
        var u12 = await AddChildAsync("U12", new DateOnly(2009, 1, 1), PersonSex.Male);
        var u13 = await AddChildAsync("U13", new DateOnly(2010, 1, 1), PersonSex.Female);
        await using var db = database.NewContext();
        var pPeriod = Period(p, new DateOnly(2024, 11, 1), new DateOnly(2025, 12, 1), "E11");
        var qPeriod = Period(q, new DateOnly(2024, 6, 1), null, null);
        var rPeriod = Period(r, new DateOnly(2024, 6, 1), null, null);
        db.AddRange(pPeriod, Episode(pPeriod, "S", new DateOnly(2024, 11, 1), new DateOnly(2025, 12, 1), "E11"), qPeriod, Episode(qPeriod, "S", new DateOnly(2024, 6, 1), null, null),
            rPeriod, Episode(rPeriod, "S", new DateOnly(2024, 6, 1), null, null));
        db.AddRange(
            new AdoptionRecord
            {
                Id = Guid.NewGuid(),
                PartnershipId = partnershipId,
                PersonId = p,
                CarePeriodId = pPeriod.Id,
                DecisionDate = new DateOnly(2025, 2, 1),
                PlacementOrderDate = new DateOnly(2025, 5, 1),
                MatchDate = new DateOnly(2025, 8, 1),
                PlacedDate = new DateOnly(2025, 8, 20),
                AdoptedByFosterCarers = true,
                NumberOfAdopters = 2,
                AdopterSex = "MF",
                AdopterLegalStatus = "L11",
            },
            new AdoptionRecord { Id = Guid.NewGuid(), PartnershipId = partnershipId, PersonId = r, CarePeriodId = rPeriod.Id, DecisionDate = new DateOnly(2024, 9, 1), CeasedDate = new DateOnly(2025, 3, 1), CeasedReason = "RD3" },
            new AdoptionRecord { Id = Guid.NewGuid(), PartnershipId = partnershipId, PersonId = q, CarePeriodId = qPeriod.Id, DecisionDate = new DateOnly(2025, 5, 5), CeasedDate = new DateOnly(2025, 10, 1), CeasedReason = "RD1" });
        foreach (var (child, ceased, sex) in new[] { (u11, (DateOnly?)null, "U11"), (u12, new DateOnly(2025, 2, 1), "U12"), (u13, null, "U13") })
        {
            var period = Period(child, new DateOnly(2024, 9, 1), null, null);
            (period.IsUnaccompaniedAsylumSeeker, period.UnaccompaniedCeasedOn) = (true, ceased);
            db.AddRange(period, Episode(period, "S", new DateOnly(2024, 9, 1), null, null));
        }

        db.Record(new Registered(partnershipId), ProcessContext.System(Now));
        await db.SaveChangesAsync();
    }

    private async Task<Ssda903Return> ExportAsync()
    {
        await using var db = database.NewContext(new FixedTenantScope(partnershipId));
        return await new Ssda903Export(db).ExportAsync(Year);
    }

    private async Task<Guid> AddChildAsync(string laChildId, DateOnly born, PersonSex sex, Guid? mergedInto = null, bool isChild = true, bool withUpn = true)
    {
        var twelve = $"999{upns.Count + 1:000000000}";
        var upn = withUpn ? $"{UpnFormat.CheckLetter(twelve)}{twelve}" : null;
        await using var db = database.NewContext();
        var person = new Person
        {
            Id = Guid.NewGuid(),
            PartnershipId = partnershipId,
            GivenName = "Alex",
            FamilyName = laChildId,
            IsChild = isChild,
            DateOfBirth = born,
            Sex = sex,
            EthnicityCode = "WBRI",
            MergedIntoId = mergedInto,
        };
        db.People.Add(person);
        db.PersonIdentifiers.Add(new PersonIdentifier { Id = Guid.NewGuid(), PartnershipId = partnershipId, PersonId = person.Id, Type = PersonIdentifierType.LocalAuthorityChildId, Value = laChildId, RecordedAt = Now });
        if (upn is not null)
        {
            upns[laChildId] = upn;
            db.PersonIdentifiers.Add(new PersonIdentifier { Id = Guid.NewGuid(), PartnershipId = partnershipId, PersonId = person.Id, Type = PersonIdentifierType.UniquePupilNumber, Value = upn, RecordedAt = Now });
        }

        db.Record(new Registered(partnershipId), ProcessContext.System(Now));
        await db.SaveChangesAsync();
        return person.Id;
    }

    private CarePeriod Period(Guid child, DateOnly start, DateOnly? end, string? reason) =>
        new() { Id = Guid.NewGuid(), PartnershipId = partnershipId, PersonId = child, StartDate = start, EndDate = end, EndReason = reason, RecordedAt = Now };

    private CareEpisode Episode(CarePeriod period, string rne, DateOnly start, DateOnly? end, string? reason) =>
        new()
        {
            Id = Guid.NewGuid(),
            PartnershipId = partnershipId,
            CarePeriodId = period.Id,
            PersonId = period.PersonId,
            StartDate = start,
            ReasonNewEpisode = rne,
            LegalStatus = "C2",
            CategoryOfNeed = "N1",
            PlacementType = "U4",
            PlacementProvider = "PR1",
            PlacementPostcode = "ZX2 5CD",
            HomePostcode = "ZX3 6EF",
            EndDate = end,
            EndReason = reason,
        };

    private LookedAfterReview Review(CarePeriod period, DateOnly held, string participation) =>
        new() { Id = Guid.NewGuid(), PartnershipId = partnershipId, CarePeriodId = period.Id, PersonId = period.PersonId, HeldOn = held, Participation = participation };

    private MissingEpisode Missing(Guid child, Guid? periodId, MissingKind kind, DateTimeOffset started, DateTimeOffset? returned) =>
        new() { Id = Guid.NewGuid(), PartnershipId = partnershipId, PersonId = child, CarePeriodId = periodId, Kind = kind, StartedAt = started, ReturnedAt = returned };

    private CareLeaverContact Contact(Guid person, int age, DateOnly birthday, string inTouch, string activity, string accommodation, DateTimeOffset? recorded = null) =>
        new()
        {
            Id = Guid.NewGuid(),
            PartnershipId = partnershipId,
            PersonId = person,
            Age = age,
            Birthday = birthday,
            InTouch = inTouch,
            Activity = activity,
            Accommodation = accommodation,
            RecordedAt = recorded ?? Now,
        };

    private static List<string> Column(Ssda903Table table, string column) => Enumerable.Range(0, table.Rows.Count).Select(i => table.Value(i, column)).ToList();

    private sealed record Registered(Guid PartnershipId) : IDomainEvent
    {
        public string SubjectType => "Partnership";
        public string SubjectId => PartnershipId.ToString();
    }
}
