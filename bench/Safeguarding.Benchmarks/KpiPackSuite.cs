using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;
using Safeguarding.Core.Performance;
using Safeguarding.Core.Timescales;
using Safeguarding.SyntheticData;

namespace Safeguarding.Benchmarks;

/// <summary>
/// The monthly KPI pack at city scale: generates a synthetic city with ten years of pathway history and its
/// performance settings and figures, loads it into a fresh SQLite file (or the empty PostgreSQL database given
/// with --postgres), then builds the pack for the month before the city's reference date: once in a fresh
/// context (cold: the first pack of the process) and then <see cref="WarmRuns"/> times, each in a new context
/// as a web request would (warm: median and 90th percentile). Afterwards one more pack is taken apart by phase
/// (settings, calendar, pathway queries, calculation) with the same public pieces BuildAsync uses.
/// </summary>
public sealed class KpiPackSuite : IBenchmarkSuite, IConfigurableSuite
{
    private const int Seed = 20_261_125;
    private const int WarmRuns = 10;
    private const int PhaseRuns = 5;

    private string? postgres;
    private string? keep;

    public string Name => "kpi-pack";

    public string Description => "Monthly KPI pack (24 months of every indicator) over a city with 10 years of history: cold and warm build times [--postgres CONN] [--keep FILE: load into the SQLite FILE (or the PostgreSQL database) once and reuse it on later runs]";

    public int DefaultScale => 286_500;

    public bool TryOption(string name, string value)
    {
        if (name == "--postgres")
        {
            postgres = value;
            return true;
        }

        if (name == "--keep")
        {
            keep = Path.GetFullPath(value);
            return true;
        }

        return false;
    }

    public async Task<IReadOnlyList<Figure>> RunAsync(int scale, TextWriter log)
    {
        var folder = Directory.CreateTempSubdirectory("safeguarding-kpi-pack-");
        var path = keep ?? Path.Combine(folder.FullName, "city.db");

        try
        {
            var clock = Stopwatch.StartNew();
            var spec = new CitySpec { Children = scale, Seed = Seed, Years = 10 };
            var city = CityGenerator.Generate(spec);
            var generateSeconds = clock.Elapsed.TotalSeconds;
            log.WriteLine($"city of {scale:N0} children, {spec.Years} years of history, generated in {generateSeconds:F1} s");

            // A city kept from an earlier run at the same scale is reused, so measuring the pack need not wait for the load.
            // The check is the process's first query, as the app's start-up checks are, so cold is the pack's own first build either way.
            var reuse = keep is not null && (postgres is not null || File.Exists(keep)) && await LoadedAsync(path, city.Partnership.Id);
            if (reuse)
            {
                log.WriteLine($"reusing the city loaded earlier into {(postgres is null ? keep : "the PostgreSQL database")}");
            }
            else
            {
                await using var db = await NewContextAsync(path, create: true);
                clock.Restart();
                var loaded = await CityLoader.LoadAsync(db, city, ProcessContext.System(DateTimeOffset.UtcNow, "kpi-pack benchmark"));
                log.WriteLine($"loaded {loaded.Rows:N0} rows into {(postgres is null ? "SQLite" : "PostgreSQL")} in {loaded.Elapsed.TotalSeconds:F1} s ({loaded.RowsPerSecond:N0} rows/s)");
            }

            var loadSeconds = reuse ? (double?)null : clock.Elapsed.TotalSeconds;
            var pathway = city.Pathway;
            var sizes = new (string Name, int Rows)[]
            {
                ("children", scale),
                ("contacts", city.Contacts.Contacts.Count),
                ("cin_episodes", pathway.Episodes.Count),
                ("assessments", pathway.Assessments.Count),
                ("section_47_enquiries", pathway.Section47Enquiries.Count),
                ("conferences", pathway.Conferences.Count),
                ("child_protection_plans", pathway.ChildProtectionPlans.Count),
                ("indicator_figures", city.Performance.Figures.Count),
            };
            log.WriteLine("rows loaded: " + string.Join(", ", sizes.Select(s => $"{s.Name} {s.Rows:N0}")));

            var month = PerformanceMonths.StartOf(spec.ReferenceDate).AddMonths(-1);
            var partnershipId = city.Partnership.Id;
            var timescales = new PartnershipTimescales(TimeProvider.System);
            var cache = new PerformancePackCache();

            MonthlyPack pack;
            await using (var db = await NewContextAsync(path, create: false))
            {
                clock.Restart();
                pack = await new PerformancePack(db, timescales, cache).BuildAsync(partnershipId, month);
            }

            var coldSeconds = clock.Elapsed.TotalSeconds;
            log.WriteLine($"pack for {PerformanceMonths.Name(month)} (cold, first in the process): {coldSeconds:F3} s");
            PrintPack(pack, log);

            // Warm, as the app serves it: the cache checks the audit chain's head and hands back the pack built since the last write.
            var warm = new List<double>(WarmRuns);
            // Rebuilt: the same pack worked out again from the records (what every read costs right after a write).
            var rebuilt = new List<double>(WarmRuns);
            for (var i = 0; i < WarmRuns; i++)
            {
                await using (var db = await NewContextAsync(path, create: false))
                {
                    clock.Restart();
                    await new PerformancePack(db, timescales, cache).BuildAsync(partnershipId, month);
                    warm.Add(clock.Elapsed.TotalMilliseconds);
                }

                await using (var db = await NewContextAsync(path, create: false))
                {
                    clock.Restart();
                    await new PerformancePack(db, timescales).BuildAsync(partnershipId, month);
                    rebuilt.Add(clock.Elapsed.TotalMilliseconds);
                }
            }

            warm.Sort();
            rebuilt.Sort();
            var median = Percentile(warm, 0.5);
            var p90 = Percentile(warm, 0.9);
            var rebuiltMedian = Percentile(rebuilt, 0.5);
            var rebuiltP90 = Percentile(rebuilt, 0.9);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pack warm over {WarmRuns} runs, new context each, from the cache: median {median:F1} ms, p90 {p90:F1} ms, min {warm[0]:F1} ms, max {warm[^1]:F1} ms"));
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pack rebuilt from the records over {WarmRuns} runs: median {rebuiltMedian:F1} ms, p90 {rebuiltP90:F1} ms, min {rebuilt[0]:F1} ms, max {rebuilt[^1]:F1} ms"));

            var phases = await PhasesAsync(path, partnershipId, month, timescales, log);

            List<Figure> figures =
            [
                new("generate_seconds", generateSeconds, "s"),
                .. loadSeconds is { } seconds ? [new Figure("load_seconds", seconds, "s")] : Array.Empty<Figure>(),
                new("pack_cold_seconds", coldSeconds, "s"),
                new("pack_warm_ms", median, "ms"),
                new("pack_warm_p90_ms", p90, "ms"),
                new("pack_rebuilt_ms", rebuiltMedian, "ms"),
                new("pack_rebuilt_p90_ms", rebuiltP90, "ms"),
                .. phases,
                new("pack_indicators", pack.Indicators.Count, "indicators"),
                new("pack_indicators_with_figures", pack.Indicators.Count(i => i.Current.Figure.Value is not null), "indicators"),
                .. sizes.Select(s => new Figure($"rows_{s.Name}", s.Rows, "rows")),
            ];
            return figures;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Warm packs taken apart (<see cref="PhaseRuns"/> times, medians reported): the same calls BuildAsync makes, each timed,
    /// the calculation per indicator, and each SQL command through an interceptor (Core is not changed for this).
    /// </summary>
    private async Task<IReadOnlyList<Figure>> PhasesAsync(string path, Guid partnershipId, DateOnly month, PartnershipTimescales timescales, TextWriter log)
    {
        var first = month.AddMonths(-(PerformancePack.TrendMonths - 1));
        var phases = new Dictionary<string, List<double>>();
        var perIndicator = new Dictionary<string, double>();
        var commands = new CommandTimer();
        void Add(string phase, double ms) => (phases.TryGetValue(phase, out var list) ? list : phases[phase] = []).Add(ms);
        PerformanceData? data = null;
        PerformanceSettings? settings = null;
        for (var run = 0; run < PhaseRuns; run++)
        {
            commands.Timings.Clear();
            await using var db = await NewContextAsync(path, create: false, commands);
            var clock = Stopwatch.StartNew();
            settings = await PerformanceSettings.LoadAsync(db, partnershipId, first, month);
            Add("settings", clock.Elapsed.TotalMilliseconds);

            clock.Restart();
            var calendar = (await timescales.ForAsync(db, partnershipId)).Calendar;
            Add("calendar", clock.Elapsed.TotalMilliseconds);

            clock.Restart();
            data = await PerformanceData.LoadAsync(db, partnershipId, first, month, calendar);
            Add("pathway_queries", clock.Elapsed.TotalMilliseconds);

            var total = Stopwatch.StartNew();
            foreach (var definition in DefaultIndicators.All.Where(d => d.IsCalculated))
            {
                clock.Restart();
                foreach (var m in PerformanceMonths.Range(first, month))
                {
                    if (IndicatorCalculations.Cases(definition.Code, data, m) is { } cases)
                    {
                        var figure = PerformancePack.FigureOf(definition, cases, settings, m);
                        _ = IndicatorStatusRule.Rate(figure.Value, settings.BandFor(definition, m).Band, definition.Polarity);
                    }
                }

                perIndicator[definition.Code] = perIndicator.GetValueOrDefault(definition.Code) + (clock.Elapsed.TotalMilliseconds / PhaseRuns);
            }

            Add("calculation", total.Elapsed.TotalMilliseconds);
        }

        var medians = phases.ToDictionary(p => p.Key, p => Percentile([.. p.Value.Order()], 0.5));
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"phases (warm, median of {PhaseRuns}): settings {medians["settings"]:F1} ms, calendar {medians["calendar"]:F1} ms, pathway queries {medians["pathway_queries"]:F1} ms, calculation {medians["calculation"]:F1} ms"));
        log.WriteLine("calculation by indicator (24 months, mean ms): " + string.Join(", ",
            perIndicator.OrderByDescending(p => p.Value).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:F1}"))));
        log.WriteLine("SQL commands of the last run (ms incl. reading rows, rows):");
        foreach (var (text, ms, rows) in commands.Timings.OrderByDescending(t => t.Ms))
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {ms,8:F1} {rows,8:N0}  {text}"));
        }

        if (postgres is null)
        {
            await PrintPlansAsync(path, commands, log);
        }

        log.WriteLine($"rows read for the pack: contacts {data!.Contacts.Count:N0}, referrals {data.Referrals.Count:N0}, assessments {data.Assessments.Count:N0}, "
            + $"enquiries {data.Enquiries.Count:N0}, initial conferences {data.InitialConferences.Count:N0}, plans {data.Plans.Count:N0}, "
            + $"care periods {data.CarePeriods.Count:N0}, care episodes {data.CareEpisodes.Count:N0}, reviews {data.Reviews.Count:N0}, care leavers {data.CareLeavers.Count:N0}, "
            + $"posts {data.Posts.Count:N0}, holdings {data.Holdings.Count:N0}, supervisions {data.Supervisions.Count:N0}, allocations {data.Allocations.Count:N0}, "
            + $"entered figures {settings!.Figures.Count:N0}");
        return [.. medians.Select(p => new Figure($"phase_{p.Key}_ms", p.Value, "ms"))];
    }

    /// <summary>SQLite's plan for the three slowest commands of the last run.</summary>
    private static async Task PrintPlansAsync(string path, CommandTimer commands, TextWriter log)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        foreach (var (text, _, _) in commands.Timings.OrderByDescending(t => t.Ms).Take(3))
        {
            var (sql, parameters) = commands.Commands[text];
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var (name, value) in parameters)
            {
                explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            var steps = new List<string>();
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                steps.Add(reader.GetString(3));
            }

            log.WriteLine($"plan for {text[..Math.Min(60, text.Length)]}...: {string.Join(" | ", steps)}");
        }
    }

    /// <summary>Times each command from execution to the reader's disposal (so reading the rows is included) and counts the rows read.</summary>
    private sealed class CommandTimer : DbCommandInterceptor
    {
        public List<(string Text, double Ms, int Rows)> Timings { get; } = [];

        /// <summary>The full SQL and parameters of each command, to ask SQLite for its plan.</summary>
        public Dictionary<string, (string Sql, (string Name, object? Value)[] Parameters)> Commands { get; } = [];

        public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
        {
            var text = Describe(command.CommandText);
            Timings.Add((text, eventData.Duration.TotalMilliseconds, eventData.ReadCount));
            Commands[text] = (command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]);
            return result;
        }

        // The table after FROM is enough to tell the pack's queries apart.
        private static string Describe(string sql)
        {
            var from = sql.IndexOf("FROM ", StringComparison.OrdinalIgnoreCase);
            var text = from < 0 ? sql : sql[from..];
            text = string.Join(' ', text.Split((char[])['\r', '\n', ' '], StringSplitOptions.RemoveEmptyEntries));
            return text.Length > 110 ? text[..110] + "..." : text;
        }
    }

    private static void PrintPack(MonthlyPack pack, TextWriter log)
    {
        log.WriteLine($"population {pack.Population?.Children:N0} ({pack.Population?.Year})");
        foreach (var indicator in pack.Indicators)
        {
            var figure = indicator.Current.Figure;
            var value = IndicatorDisplay.Format(indicator.Definition, figure.Value);
            var parts = figure.Denominator is { } d && indicator.Definition.Format == IndicatorFormat.Percent ? $" ({figure.Numerator:N0} / {d:N0})" : "";
            var comparators = string.Join(", ", indicator.Comparators.Select(c => $"{IndicatorDisplay.Describe(c.Kind)} {IndicatorDisplay.Format(indicator.Definition, c.Value)}"));
            log.WriteLine($"  {indicator.Definition.Code,-17} {value,8}{parts,-20} {IndicatorStatusRule.Describe(indicator.Status),-26} {indicator.MonthsOnTargetOrWithinTolerance,2}/{indicator.MonthsRated,-2} {comparators}");
        }
    }

    private static double Percentile(List<double> sorted, double p)
    {
        var rank = p * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }

    private async Task<bool> LoadedAsync(string path, Guid partnershipId)
    {
        await using var db = await NewContextAsync(path, create: true);
        return await db.Partnerships.AnyAsync(p => p.Id == partnershipId);
    }

    /// <summary>A context seeing every partnership, on the SQLite file or the PostgreSQL database; the schema is created from the model on first use.</summary>
    private async Task<SafeguardingDbContext> NewContextAsync(string sqlitePath, bool create, IInterceptor? interceptor = null)
    {
        var options = new DbContextOptionsBuilder<SafeguardingDbContext>();
        if (postgres is null)
        {
            options.UseSqlite($"Data Source={sqlitePath}");
        }
        else
        {
            options.UseNpgsql(postgres);
        }

        if (interceptor is not null)
        {
            options.AddInterceptors(interceptor);
        }

        var db = new SafeguardingDbContext(options.Options, FixedTenantScope.AllPartnerships);
        if (create)
        {
            await db.Database.EnsureCreatedAsync();
        }

        return db;
    }
}
