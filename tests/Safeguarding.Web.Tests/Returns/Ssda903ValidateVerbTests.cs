using System.Text.Json;
using Safeguarding.Web.Tests.CommandLine;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.Returns;

/// <summary>validate ssda903 DIR, as a performance officer's script runs it over a folder of 903 CSVs.</summary>
public sealed class Ssda903ValidateVerbTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>, IDisposable
{
    private const string Header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,F,01/01/2012,WBRI,A123456789012,0,\n";
    private const string EpisodeColumns = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n";
    private readonly string folder = Directory.CreateTempSubdirectory("ssda903-validate-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task AClean_Return_Exits0_AndSaysHowManyRulesWereChecked()
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "header.csv"), Header);
        await File.WriteAllTextAsync(Path.Combine(folder, "episodes.csv"), EpisodeColumns + "1,01/05/2025,S,C2,N1,U4,PR1,,,,B1 1AA,B29 6AA,\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "prev_perm.csv"), "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\n1,01/01/2012,Z1,,\n");

        var (exit, output, error) = await Verbs.RunAsync(app, "validate", "ssda903", folder, "--year", "2026");

        Assert.True(exit == 0, output + error);
        Assert.StartsWith("SSDA903 2025-26: 0 error(s)", output, StringComparison.Ordinal);
        Assert.Contains("of the 312 published rules checked", output, StringComparison.Ordinal);

        var (_, json, _) = await Verbs.RunAsync(app, "validate", "ssda903", folder, "--json");
        using var parsed = JsonDocument.Parse(json);
        Assert.Equal(2026, parsed.RootElement.GetProperty("year").GetInt32());
        Assert.Equal(1, parsed.RootElement.GetProperty("tables").GetProperty("episodes").GetInt32());
        Assert.True(parsed.RootElement.GetProperty("rules_checked").GetInt32() > 150);
    }

    [Fact]
    public async Task Errors_AreListedWithTableLineChildAndRule_CountedPerRule_AndExit1()
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "header.csv"), Header);
        await File.WriteAllTextAsync(Path.Combine(folder, "episodes.csv"), EpisodeColumns + "1,01/05/2025,S,C2,N1,U4,PR1,,,,B1 1AA,B29 6AA,\n1,01/06/2025,P,C2,N1,U1,PR1,01/07/2025,,,B1 1AA,B14 6AA,\n");

        var (exit, output, _) = await Verbs.RunAsync(app, "validate", "ssda903", folder, "--year", "2026");

        Assert.Equal(1, exit);
        Assert.Contains("episodes line 3, child 1: 148 (error, DEC, REC) Date episode ceased and reason episode ceased must both be coded, or both left blank.", output, StringComparison.Ordinal);
        Assert.Contains("episodes line 2, child 1: 142", output, StringComparison.Ordinal);
        Assert.Contains("Issues per rule:", output, StringComparison.Ordinal);
        Assert.Matches(@"\n  148\s+error\s+1 ", output);
    }

    [Fact]
    public async Task ABadFile_IsNamedWithItsLine_AndNothingIsValidated()
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "reviews.csv"), "CHILD,DOB,REVIEW,REVIEW_CODE\n1,01/01/2012,01/06/2025,PN1\n2,01/01/2012\n");

        var (exit, output, _) = await Verbs.RunAsync(app, "validate", "ssda903", folder);

        Assert.Equal(1, exit);
        Assert.Contains("reviews.csv, line 3: 2 field(s) where the header row has 4 columns", output, StringComparison.Ordinal);
        Assert.Contains("nothing was validated", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFolderThatDoesNotExist_Exits2WithAReason()
    {
        var (exit, _, error) = await Verbs.RunAsync(app, "validate", "ssda903", Path.Combine(folder, "nowhere"));

        Assert.Equal(2, exit);
        Assert.Contains("no folder at", error, StringComparison.Ordinal);
    }
}
