using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Web.CommandLine;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.CommandLine;

/// <summary>Runs a command-line verb against a factory's database and keeps what it wrote.</summary>
internal static class Verbs
{
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(SafeguardingWebFactory app, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CommandLineVerbs.RunAsync(args, stdout, stderr, configure: (WebApplicationBuilder b) =>
        {
            b.Configuration["Database:Provider"] = app.Database.Provider;
            b.Configuration[app.Database.IsPostgres ? "ConnectionStrings:Postgres" : "ConnectionStrings:Sqlite"] = app.Database.ConnectionString;
        });
        return (exit, stdout.ToString(), stderr.ToString());
    }
}

public sealed class CommandLineTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>
{
    [Fact]
    public async Task VerifyAudit_OnAnUntouchedDatabase_SaysIntact()
    {
        var (exit, output, error) = await Verbs.RunAsync(app, "verify-audit");

        Assert.True(exit == 0, output + error);
        Assert.StartsWith("Audit chain intact", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAudit_Json_ParsesAsJson()
    {
        var (exit, output, _) = await Verbs.RunAsync(app, "verify-audit", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("intact").GetBoolean());
        Assert.True(json.RootElement.GetProperty("rows_checked").GetInt64() > 0);
    }

    [Fact]
    public async Task WorkingDaysAdd_SkipsEasterAndWeekends()
    {
        var (exit, output, error) = await Verbs.RunAsync(app, "working-days", "add", "2025-04-17", "5");

        Assert.True(exit == 0, error);
        Assert.Contains("Mon 28 Apr 2025", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkingDaysAdd_Json_ParsesAsJson()
    {
        var (exit, output, _) = await Verbs.RunAsync(app, "working-days", "add", "2025-04-17", "5", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Contains("2025-04-28", output, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
    }

    [Fact]
    public async Task WorkingDays_BadDate_Exits2WithAReason()
    {
        var (exit, output, error) = await Verbs.RunAsync(app, "working-days", "add", "17/04/2025", "5");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.NotEmpty(error.Trim());
    }
}

/// <summary>Its own database, because it breaks the audit chain on purpose.</summary>
public sealed class AuditTamperTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>
{
    [Fact]
    public async Task VerifyAudit_AfterARowIsChanged_Exits1AndNamesTheRow()
    {
        Assert.Equal(0, (await Verbs.RunAsync(app, "verify-audit")).ExitCode);
        await using (var db = app.NewDbContext())
        {
            await db.Database.ExecuteSqlRawAsync(app.Database.IsPostgres
                ? "DROP TRIGGER audit_events_append_only ON \"AuditEvents\";"
                : "DROP TRIGGER audit_events_no_update;");
            Assert.Equal(1, await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"Reason\" = 'x' WHERE \"Sequence\" = 2;"));
        }

        var (exit, output, error) = await Verbs.RunAsync(app, "verify-audit");

        Assert.True(exit == 1, output + error);
        Assert.Contains("broken at row 2", output, StringComparison.Ordinal);

        var (jsonExit, jsonOutput, _) = await Verbs.RunAsync(app, "verify-audit", "--json");
        Assert.Equal(1, jsonExit);
        using var json = JsonDocument.Parse(jsonOutput);
        Assert.False(json.RootElement.GetProperty("intact").GetBoolean());
        Assert.Equal(2, json.RootElement.GetProperty("first_broken_sequence").GetInt64());
    }
}
