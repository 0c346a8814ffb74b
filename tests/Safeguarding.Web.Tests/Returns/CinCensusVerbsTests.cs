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
    /// <summary>What `import cin-census` says as it goes, in order.</summary>
    private static readonly string[] ImportStages = ["meets the DfE schema", "Ran the DfE rules", "saving in one transaction"];

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

        // The rules' findings on the authority's own records are reported by the export, not a reason to fail it.
        var rules = json.RootElement.GetProperty("rules");
        Assert.Equal(rules.GetProperty("issues").GetArrayLength(), rules.GetProperty("errors").GetInt32() + rules.GetProperty("queries").GetInt32());

        var (checkedExit, said, _) = await Verbs.RunAsync(app, "validate", "cin-census", path);
        Assert.Contains("Valid against the 2025-26 CIN census schema", said, StringComparison.Ordinal);
        Assert.Equal(rules.GetProperty("errors").GetInt32() == 0 ? 0 : 1, checkedExit);
    }

    [Fact]
    public async Task Validate_RunsTheRulesOnAFileThatMeetsTheSchema_NamingSectionLineAndChild_WithCountsPerRule()
    {
        var path = Path.Combine(folder, "rules.xml");
        await File.WriteAllTextAsync(path, CensusFile("<CPPendDate>2025-06-19</CPPendDate>"));

        var (exit, output, _) = await Verbs.RunAsync(app, "validate", "cin-census", path);

        Assert.Equal(1, exit);
        Assert.Contains("ChildProtectionPlans line 11, child X1: 8840 (error, CPPstartDate, CPPendDate) The child protection plan starts and ends on the same day.", output, StringComparison.Ordinal);
        Assert.Contains("Issues per rule:", output, StringComparison.Ordinal);
        Assert.Contains("Valid against the 2025-26 CIN census schema; 1 error(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_WithQueriesAlone_Exits0_AndJsonListsEveryIssue()
    {
        var path = Path.Combine(folder, "queries.xml");
        await File.WriteAllTextAsync(path, CensusFile(""));

        var (exit, output, error) = await Verbs.RunAsync(app, "validate", "cin-census", path, "--json");

        Assert.True(exit == 0, output + error);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("valid").GetBoolean());
        var rules = json.RootElement.GetProperty("rules");
        Assert.Equal(0, rules.GetProperty("errors").GetInt32());
        Assert.Contains(rules.GetProperty("issues").EnumerateArray(), i => i.GetProperty("rule").GetString() == "2887Q" && i.GetProperty("severity").GetString() == "query");
    }

    /// <summary>A file that meets the 2025-26 schema: one child (X1) on a child protection plan from Thursday 19 June 2025 after an enquiry and conference.</summary>
    private static string CensusFile(string planEnd) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <Message>
          <Header><CollectionDetails><Collection>CIN</Collection><Year>2026</Year><ReferenceDate>2026-03-31</ReferenceDate></CollectionDetails></Header>
          <Children><Child>
            <ChildIdentifiers><LAchildID>X1</LAchildID><UPN>{UpnFor("33012345678")}</UPN><PersonBirthDate>2015-01-01</PersonBirthDate><Sex>F</Sex></ChildIdentifiers>
            <ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>
            <CINdetails><CINreferralDate>2025-05-01</CINreferralDate><ReferralSource>6</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>
              <Assessments><AssessmentActualStartDate>2025-05-02</AssessmentActualStartDate><AssessmentAuthorisationDate>2025-06-01</AssessmentAuthorisationDate><FactorsIdentifiedAtAssessment><AssessmentFactors>3A</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments>
              <Section47><S47ActualStartDate>2025-06-02</S47ActualStartDate><InitialCPCtarget>2025-06-20</InitialCPCtarget><DateOfInitialCPC>2025-06-19</DateOfInitialCPC><ICPCnotRequired>0</ICPCnotRequired></Section47>
              <ReferralNFA>0</ReferralNFA>
              <ChildProtectionPlans><CPPstartDate>2025-06-19</CPPstartDate>{planEnd}<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>0</NumberOfPreviousCPP></ChildProtectionPlans>
            </CINdetails>
          </Child></Children>
        </Message>
        """;

    private static string UpnFor(string eleven) => Safeguarding.Core.Children.UpnFormat.CheckLetter(eleven + "1") + eleven + "1";

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
        Assert.Equal(JsonValueKind.Object, json.RootElement.GetProperty("rules").ValueKind);

        // A person at a terminal sees each stage as it happens.
        var (again, progress, _) = await Verbs.RunAsync(app, "import", "cin-census", path);
        Assert.Equal(0, again);
        var stages = ImportStages.Select(s => progress.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.All(stages, at => Assert.True(at >= 0, progress));
        Assert.Equal(stages.Order(), stages);

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
