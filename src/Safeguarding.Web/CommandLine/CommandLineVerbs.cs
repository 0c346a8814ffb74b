using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Data;
using Safeguarding.Web.Infrastructure;

namespace Safeguarding.Web.CommandLine;

/// <summary>
/// The operator's verbs: `dotnet run --project src/Safeguarding.Web -- verb [options]`. Plain text for
/// a person, --json for a script; a non-zero exit code with a one-line reason on failure.
/// </summary>
public static class CommandLineVerbs
{
    private static readonly Dictionary<string, Func<VerbContext, Task<int>>> Verbs = new(StringComparer.Ordinal)
    {
        ["migrate"] = MigrateAsync,
        ["seed"] = SeedAsync,
        ["verify-audit"] = VerifyAuditAsync,
        ["export"] = ReturnsVerbs.ExportAsync,
        ["validate"] = ReturnsVerbs.ValidateAsync,
        ["import"] = ReturnsVerbs.ImportAsync,
        ["help"] = HelpAsync,
    };

    public static bool IsVerb(string[] args) => args.Length > 0 && (Verbs.ContainsKey(args[0]) || args[0] == WorkingDays);

    /// <summary>Working days need no database: the calendar ships inside the app.</summary>
    private const string WorkingDays = "working-days";

    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null, Action<WebApplicationBuilder>? configure = null)
    {
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        if (args[0] == WorkingDays)
        {
            return WorkingDaysCommand.Run(args.Skip(1).ToList(), WorkingDayCalendar.EnglandAndWales(), stdout, stderr);
        }

        var options = VerbOptions.Parse(args.Skip(1));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        configure?.Invoke(builder);
        SafeguardingApp.AddServices(builder.Services, builder.Configuration, builder.Environment);
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        var context = new VerbContext(scope.ServiceProvider, app.Configuration, options, stdout, stderr);
        try
        {
            return await Verbs[args[0]](context);
        }
        catch (VerbException e)
        {
            await stderr.WriteLineAsync($"{args[0]}: {e.Message}");
            return 2;
        }
    }

    private static Task<int> HelpAsync(VerbContext context)
    {
        context.Out.WriteLine("""
            Verbs (dotnet run --project src/Safeguarding.Web -- <verb> [options]):
              migrate                                  create or upgrade the database
              seed --children N [--seed S] [--years Y] load a synthetic city into an empty database
                                                       (--years: years of CIN/CP pathway history, default 10)
              verify-audit [--json]                    check the audit trail's hash chain
              export cin-census --year Y --out FILE    the CIN census XML for the collection year ending in Y
                [--la NNN] [--partnership CODE]        (--la: the DfE local authority number; 999 by default)
              export annex-a --out FILE                the Ofsted Annex A lists as an Excel workbook
                [--date YYYY-MM-DD] [--partnership CODE] (--date: the inspection date; today by default)
              export ssda903 --year Y --out DIR        the SSDA903 CSV files (header.csv, episodes.csv, ...)
                [--partnership CODE]                   for the collection year ending in Y, field-checked
              validate cin-census FILE [--year Y]      check a CIN census file against the DfE schema
              validate ssda903 DIR [--year Y]          run the DfE's SSDA903 validation rules over a folder of 903 CSVs
              import cin-census FILE                   load a CIN census file into the pathway records
                [--partnership CODE]                   (idempotent; nothing is imported from a bad file)
              import ssda903 DIR [--year Y]            load a folder of SSDA903 CSVs into the looked-after records
                [--partnership CODE]                   (idempotent; nothing is imported when a file is bad;
                                                       DfE rule issues are reported, not blocking)
              working-days add DATE N [--json]         the date N working days after DATE
              working-days between A B [--json]        working days after A up to and including B
              working-days is DATE [--json]            whether DATE is a working day
            """);
        return Task.FromResult(0);
    }

    private static async Task<int> MigrateAsync(VerbContext context)
    {
        var db = context.Services.GetRequiredService<SafeguardingDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await DatabaseSetup.MigrateAsync(db);
        context.Report(new { applied = pending }, $"Database is up to date ({pending.Count} migration(s) applied).");
        return 0;
    }

    private static async Task<int> SeedAsync(VerbContext context)
    {
        var db = context.Services.GetRequiredService<SafeguardingDbContext>();
        await DatabaseSetup.MigrateAsync(db);
        var children = context.Options.Number("children") ?? throw new VerbException("--children N is required, e.g. seed --children 5000");
        var seed = context.Options.Number("seed") ?? DemoCitySetup.DefaultSeed;
        var years = context.Options.Number("years") ?? new Safeguarding.SyntheticData.CitySpec().Years;
        var started = DateTimeOffset.UtcNow;
        var summary = await DemoCitySetup.LoadAsync(context.Services, children, seed, years, context.Options.Json ? TextWriter.Null : context.Out);
        var seconds = (DateTimeOffset.UtcNow - started).TotalSeconds;
        context.Report(
            new { children, seed, years, rows = summary.Rows, seconds = Math.Round(seconds, 1) },
            $"Loaded a synthetic city of {children:N0} children ({summary.Rows:N0} rows) in {seconds:0.0} s.");
        return 0;
    }

    private static async Task<int> VerifyAuditAsync(VerbContext context)
    {
        var db = context.Services.GetRequiredService<SafeguardingDbContext>();
        var report = await AuditChain.VerifyAsync(db);
        context.Report(
            new { intact = report.IsIntact, rows_checked = report.RowsChecked, first_broken_sequence = report.FirstBrokenSequence, problem = report.Problem },
            report.IsIntact
                ? $"Audit chain intact: {report.RowsChecked:N0} rows checked."
                : $"Audit chain broken at row {report.FirstBrokenSequence}: {report.Problem}.");
        return report.IsIntact ? 0 : 1;
    }
}

public sealed class VerbException(string message) : Exception(message);

internal sealed record VerbContext(IServiceProvider Services, IConfiguration Configuration, VerbOptions Options, TextWriter Out, TextWriter Error)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public void Report(object forScript, string forPerson) =>
        Out.WriteLine(Options.Json ? JsonSerializer.Serialize(forScript, Json) : forPerson);
}

/// <summary>--name value pairs and --flags after the verb, plus positional words.</summary>
public sealed class VerbOptions
{
    private readonly Dictionary<string, string?> named = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    public bool Json => named.ContainsKey("json");

    public static VerbOptions Parse(IEnumerable<string> args)
    {
        var options = new VerbOptions();
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].StartsWith("--", StringComparison.Ordinal))
            {
                var name = list[i][2..];
                var hasValue = i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal) && name != "json";
                options.named[name] = hasValue ? list[++i] : null;
            }
            else
            {
                options.Positional.Add(list[i]);
            }
        }

        return options;
    }

    public string? Text(string name) => named.TryGetValue(name, out var value) ? value : null;

    public int? Number(string name)
    {
        if (!named.TryGetValue(name, out var value))
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n
            : throw new VerbException($"--{name} needs a whole number, not '{value}'");
    }
}
