using System.Text;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Children;
using Safeguarding.Core.Returns;
using Safeguarding.Core.Returns.Ssda903;
using Safeguarding.Tests.Shared;

namespace Safeguarding.Core.Tests.Returns;

/// <summary>Checking uploaded return files, and finding the record a return's child id names.</summary>
[Trait("Category", "Database")]
public sealed class ReturnChecksTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 4, 20, 9, 0, 0, TimeSpan.Zero);
    private TestDatabase database = null!;
    private Guid partnershipId;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await database.MigrateAsync();
        await using var db = database.NewContext();
        partnershipId = Guid.NewGuid();
        db.Partnerships.Add(new Partnership { Id = partnershipId, Code = "CHK", Name = "Checking partnership", LocalAuthorityName = "Checking council" });
        db.Record(new ChildAdded(partnershipId), ProcessContext.System(Now));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task AChildId_LeadsToItsRecord_AMergedRecordToTheOneItWasMergedInto_AndADerivedIdToItsRecord()
    {
        await using var db = database.NewContext();
        var recorded = Child();
        var survivor = Child();
        var merged = Child();
        merged.MergedIntoId = survivor.Id;
        var unnamed = Child();
        db.People.AddRange(recorded, survivor, merged, unnamed);
        db.PersonIdentifiers.Add(new PersonIdentifier { Id = Guid.NewGuid(), PartnershipId = partnershipId, PersonId = recorded.Id, Type = PersonIdentifierType.LocalAuthorityChildId, Value = "LA0001", RecordedAt = Now });
        db.PersonIdentifiers.Add(new PersonIdentifier { Id = Guid.NewGuid(), PartnershipId = partnershipId, PersonId = merged.Id, Type = PersonIdentifierType.LocalAuthorityChildId, Value = "LA0002", RecordedAt = Now });
        db.Record(new ChildAdded(partnershipId), ProcessContext.System(Now, "test", partnershipId));
        await db.SaveChangesAsync();

        var found = await ReturnChecks.RecordsAsync(db, ["LA0001", "LA0002", ReturnChildren.SystemChildId(unnamed.Id), "NOSUCHID", ""]);

        Assert.Equal(3, found.Count);
        Assert.Equal(recorded.Id, found["LA0001"]);
        Assert.Equal(survivor.Id, found["LA0002"]);
        Assert.Equal(unnamed.Id, found[ReturnChildren.SystemChildId(unnamed.Id)]);
    }

    [Fact]
    public void AnUploadedCensusDeclaringADtd_IsRefusedBeforeAnythingIsExpanded()
    {
        const string xml = "<?xml version=\"1.0\"?><!DOCTYPE Message [<!ENTITY a \"aaaaaaaaaa\">]><Message>&a;</Message>";

        var check = ReturnChecks.OfFiles(StatutoryReturn.CinCensus, 2026, [("census.xml", Encoding.UTF8.GetBytes(xml))]);

        var problem = Assert.Single(check.FileProblems);
        Assert.StartsWith("census.xml: this is not a well-formed XML file", problem, StringComparison.Ordinal);
        Assert.Contains("DTD", problem, StringComparison.Ordinal);
        Assert.Empty(check.Findings);
    }

    [Fact]
    public void AnUploadedCensusForAnotherYear_IsNotCheckedAgainstThisYearsSchema()
    {
        const string xml = "<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2025</Year></CollectionDetails></Header></Message>";

        var check = ReturnChecks.OfFiles(StatutoryReturn.CinCensus, 2026, [("census.xml", Encoding.UTF8.GetBytes(xml))]);

        Assert.Equal(["census.xml is not a census for 2025-26: its Header/CollectionDetails/Year is '2025'"], check.FileProblems);
    }

    [Fact]
    public void AnUploadedCensusThatBreaksTheSchema_SaysWhere()
    {
        const string xml = "<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2026</Year></CollectionDetails></Header></Message>";

        var check = ReturnChecks.OfFiles(StatutoryReturn.CinCensus, 2026, [("census.xml", Encoding.UTF8.GetBytes(xml))]);

        Assert.NotEmpty(check.FileProblems);
        Assert.Empty(check.Findings);
    }

    [Fact]
    public void Ssda903FilesThatCannotBeRead_AreFileProblems_AndNothingIsChecked()
    {
        var check = ReturnChecks.OfFiles(StatutoryReturn.Ssda903, 2026, [("header.csv", Encoding.UTF8.GetBytes("CHILD,SEX,NOTACOLUMN\r\n1,M,x\r\n"))]);

        Assert.NotEmpty(check.FileProblems);
        Assert.All(check.FileProblems, p => Assert.StartsWith("header.csv", p, StringComparison.Ordinal));
        Assert.Empty(check.Findings);
    }

    [Fact]
    public void Ssda903_FieldChecksNameTheirRowsChild_AndRulesFollow_ErrorsFirstThenTheMostFrequent()
    {
        var spec = Ssda903Spec.For(2026);
        var tables = spec.ToDictionary(t => t.Key, t => new Ssda903Table(t.Key, [.. t.Value.Select(c => c.Name)], []));
        var header = spec["header"].Select(c => c.Name).ToList();
        string[] Row(string child, string sex) => [.. header.Select(c => c switch { "CHILD" => child, "SEX" => sex, "DOB" => "01/01/2015", "ETHNIC" => "WBRI", "UPN" => "UN1", "MOTHER" => "", _ => "" })];
        tables["header"] = tables["header"] with { Rows = [Row("C1", "Q"), Row("C2", "Q"), Row("C3", "M")] };

        var check = ReturnChecks.Of(new Ssda903Return(2026, tables));

        var specification = check.Findings.Where(f => f.Rule == ReturnCheck.SpecificationRule && f.Fields.SequenceEqual(["SEX"])).ToList();
        Assert.Equal([("C1", "header, line 2"), ("C2", "header, line 3")], specification.Select(f => (f.Child, f.Where)));
        Assert.Equal(check.Rules.OrderByDescending(r => r.IsError).ThenByDescending(r => r.Count).Select(r => r.Rule), check.Rules.Select(r => r.Rule));
        Assert.Equal(ReturnCheck.SpecificationMessage, check.Rules.Single(r => r.Rule == ReturnCheck.SpecificationRule).Message);
        Assert.Equal(check.Findings.Count(f => f.IsError), check.Errors);
    }

    private Person Child() => new() { Id = Guid.NewGuid(), PartnershipId = partnershipId, GivenName = "Test", FamilyName = "Child", IsChild = true, DateOfBirth = new DateOnly(2015, 1, 1) };

    private sealed record ChildAdded(Guid PartnershipId) : IDomainEvent
    {
        public string SubjectType => "Partnership";

        public string SubjectId => PartnershipId.ToString();
    }
}
