using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Tests.CommandLine;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.Returns;

/// <summary>export cin-census and validate cin-census, as a performance officer's script runs them.</summary>
public sealed class CinCensusVerbsTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cin-census-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Export_WritesASchemaValidFile_ThatValidateAccepts()
    {
        await AddReferralAsync(new DateOnly(2025, 10, 1));
        var path = Path.Combine(folder, "cin.xml");

        var (exit, output, error) = await Verbs.RunAsync(app, "export", "cin-census", "--year", "2026", "--out", path, "--la", "330", "--json");

        Assert.True(exit == 0, output + error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(0, json.RootElement.GetProperty("schema_errors").GetInt32());
        Assert.True(json.RootElement.GetProperty("children").GetInt32() >= 1);
        var file = XDocument.Load(path);
        Assert.Equal("330", file.Descendants("LEA").Single().Value);
        Assert.Contains(file.Descendants("CINreferralDate"), d => d.Value == "2025-10-01");

        var (valid, said, _) = await Verbs.RunAsync(app, "validate", "cin-census", path);
        Assert.True(valid == 0, said);
        Assert.StartsWith("Valid against the 2025-26 CIN census schema", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_OfTheFileJustExported_ChangesNothing_AndABadFileImportsNothing()
    {
        await AddReferralAsync(new DateOnly(2025, 11, 3));
        var path = Path.Combine(folder, "cin.xml");
        var (exported, _, exportError) = await Verbs.RunAsync(app, "export", "cin-census", "--year", "2026", "--out", path);
        Assert.True(exported == 0, exportError);

        var (exit, output, error) = await Verbs.RunAsync(app, "import", "cin-census", path, "--json");

        Assert.True(exit == 0, output + error);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("imported").GetBoolean());
        Assert.Equal(0, json.RootElement.GetProperty("children_created").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("records_created").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("records_updated").GetInt32());

        var bad = Path.Combine(folder, "bad.xml");
        await File.WriteAllTextAsync(bad, "<Message><Children>");
        var (refused, said, _) = await Verbs.RunAsync(app, "import", "cin-census", bad);
        Assert.Equal(1, refused);
        Assert.Contains("Nothing imported", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_NamesTheLineOfEachError()
    {
        var path = Path.Combine(folder, "broken.xml");
        await File.WriteAllTextAsync(path, """
            <?xml version="1.0" encoding="utf-8"?>
            <Message>
              <Header><CollectionDetails><Collection>CIN</Collection><Year>2026</Year></CollectionDetails></Header>
              <Children><Child>
                <ChildIdentifiers><LAchildID>X1</LAchildID><Sex>Q</Sex></ChildIdentifiers>
                <ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>
                <CINdetails><CINreferralDate>2025-05-01</CINreferralDate><ReferralSource>6</ReferralSource><ReferralNFA>0</ReferralNFA></CINdetails>
              </Child></Children>
            </Message>
            """);

        var (exit, output, _) = await Verbs.RunAsync(app, "validate", "cin-census", path);

        Assert.Equal(1, exit);
        Assert.Contains("line 5,", output, StringComparison.Ordinal);
        Assert.Contains("Sex", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_WithoutAYear_Exits2WithAReason()
    {
        var (exit, _, error) = await Verbs.RunAsync(app, "export", "cin-census", "--out", Path.Combine(folder, "x.xml"));

        Assert.Equal(2, exit);
        Assert.Contains("--year is required", error, StringComparison.Ordinal);
    }

    private async Task AddReferralAsync(DateOnly referred)
    {
        await using var db = app.NewDbContext();
        var child = await db.People.Where(p => p.IsChild && p.MergedIntoId == null && p.DateOfBirth < referred).OrderBy(p => p.Id).FirstAsync();
        db.CinEpisodes.Add(new CinEpisode { Id = Guid.NewGuid(), PartnershipId = child.PartnershipId, PersonId = child.Id, ReferralDate = referred, ReferralSource = "2A", RecordedAt = DateTimeOffset.UtcNow });
        db.Record(new TestReferral(child.Id), ProcessContext.System(DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }

    private sealed record TestReferral(Guid ChildId) : IDomainEvent
    {
        public string SubjectType => "Person";
        public string SubjectId => ChildId.ToString();
    }
}
