using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;

namespace Safeguarding.Benchmarks;

/// <summary>
/// Requests for Support through the API, end to end: starts the built app (Development, a fresh SQLite
/// file or the PostgreSQL database given with --postgres) on a free loopback port, sends `scale`
/// distinct requests from concurrent clients with the Development demo key, repeats a share of them
/// with the same Idempotency-Key, then counts the contacts in the database: none lost, none doubled.
/// Target on SQLite: at least 200 submissions per second with p99 under 250 ms.
/// </summary>
public sealed class FrontDoorApiSuite : IBenchmarkSuite, IConfigurableSuite
{
    private const int Clients = 8;
    /// <summary>Enough for tiered compilation to settle: after only 100 requests the JIT still took a sixth of the app's CPU.</summary>
    private const int WarmUp = 1_500;

    /// <summary>One in this many requests is sent again with the same key, as a client retrying after a timeout would.</summary>
    private const int RetryEvery = 10;

    private string? postgres;
    private string? appPath;

    public string Name => "front-door-api";

    public string Description => "API submissions per second and latency through the running app; lost or duplicated contacts [--postgres CONN] [--app Safeguarding.Web.dll]";

    public int DefaultScale => 3_000;

    public bool TryOption(string name, string value)
    {
        switch (name)
        {
            case "--postgres":
                postgres = value;
                return true;
            case "--app":
                appPath = value;
                return true;
            default:
                return false;
        }
    }

    public async Task<IReadOnlyList<Figure>> RunAsync(int scale, TextWriter log)
    {
        var dll = appPath ?? FindApp();
        var workDir = Directory.CreateTempSubdirectory("safeguarding-bench-");
        var sqlitePath = Path.Combine(workDir.FullName, "safeguarding.db");
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        log.WriteLine($"starting {dll} on {address} ({(postgres is null ? $"SQLite {sqlitePath}" : "PostgreSQL")})");
        using var server = StartApp(dll, address, sqlitePath, Path.Combine(workDir.FullName, "app.log"));
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
            await WaitForHealthAsync(http, server, log);

            var sent = new ConcurrentDictionary<string, string>();
            var latencies = new ConcurrentBag<double>();
            var errors = 0;
            var replays = 0;
            var next = 0;

            async Task Client(int total, bool timed)
            {
                while (true)
                {
                    var n = Interlocked.Increment(ref next);
                    if (n > total)
                    {
                        return;
                    }

                    var key = $"bench-{Guid.NewGuid()}";
                    var (status, reference, elapsed) = await SubmitAsync(http, key, n);
                    if (timed)
                    {
                        latencies.Add(elapsed);
                    }

                    if (status != HttpStatusCode.Created || reference is null)
                    {
                        Interlocked.Increment(ref errors);
                        continue;
                    }

                    sent[key] = reference;
                    if (n % RetryEvery == 0)
                    {
                        // The retry must return the first contact, marked as a replay, and make nothing new.
                        var (again, againReference, againElapsed) = await SubmitAsync(http, key, n);
                        if (timed)
                        {
                            latencies.Add(againElapsed);
                        }

                        Interlocked.Increment(ref replays);
                        if (again != HttpStatusCode.OK || againReference != reference)
                        {
                            Interlocked.Increment(ref errors);
                        }
                    }
                }
            }

            await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Client(WarmUp, timed: false)));
            next = 0;
            var warmed = sent.Count;
            var replaysBefore = replays;
            server.Refresh();
            var cpuBefore = server.TotalProcessorTime;
            log.WriteLine($"load average before the timed run: {LoadAverage()} (the machine is shared: figures move with it)");
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Client(scale, timed: true)));
            var seconds = clock.Elapsed.TotalSeconds;
            var timedSubmissions = sent.Count - warmed;
            server.Refresh();

            // The app's own CPU per request does not depend on what else the machine is doing: 2 cores / this = the ceiling.
            var cpuMsPerRequest = (server.TotalProcessorTime - cpuBefore).TotalMilliseconds / (timedSubmissions + replays - replaysBefore);
            log.WriteLine($"load average after: {LoadAverage()}; app CPU {cpuMsPerRequest:F1} ms per request, so at most {Environment.ProcessorCount * 1000 / cpuMsPerRequest:F0} requests/s on {Environment.ProcessorCount} idle cores");
            log.WriteLine($"{timedSubmissions:N0} new requests and {replays - replaysBefore:N0} repeats from {Clients} clients in {seconds:F1} s (after {warmed} warm-up requests)");

            var (lost, duplicated, found) = await CountContactsAsync(sqlitePath, sent.Keys.ToHashSet());
            log.WriteLine($"database: {found:N0} API contacts for {sent.Count:N0} distinct idempotency keys");

            var sorted = latencies.Order().ToArray();
            return
            [
                new("submissions_per_second", timedSubmissions / seconds, "/s"),
                new("p50_ms", Percentile(sorted, 0.50), "ms"),
                new("p99_ms", Percentile(sorted, 0.99), "ms"),
                new("errors", errors, "requests"),
                new("lost", lost, "contacts"),
                new("duplicated", duplicated, "contacts"),
                new("app_cpu_ms_per_request", cpuMsPerRequest, "ms"),
            ];
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }

            try
            {
                workDir.Delete(recursive: true);
            }
            catch (IOException)
            {
                log.WriteLine($"left {workDir.FullName} behind");
            }
        }
    }

    private static async Task<(HttpStatusCode Status, string? Reference, double Milliseconds)> SubmitAsync(HttpClient http, string key, int n)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests-for-support")
        {
            Content = new StringContent(RequestBody(n), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AgencyApiKeys.DemoKey);
        request.Headers.Add("Idempotency-Key", key);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            string? reference = null;
            if (response.IsSuccessStatusCode)
            {
                using var json = System.Text.Json.JsonDocument.Parse(body);
                reference = json.RootElement.GetProperty("reference").GetString();
            }

            return (response.StatusCode, reference, elapsed);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (0, null, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <summary>A synthetic request (the ZX postcode area does not exist), varied so no two are the same.</summary>
    private static string RequestBody(int n) =>
        $$"""
        {
          "referrerName": "PC Bench {{n}}", "referrerRole": "Police constable", "referrerPhone": "0121 496 0000",
          "referrerAgencyName": "Ashbridge Police", "urgency": "{{(n % 2 == 0 ? "Urgent" : "NotUrgent")}}",
          "children": [{ "firstName": "Child{{n}}", "lastName": "Bench", "dateOfBirth": "{{new DateOnly(2012, 1, 1).AddDays(n % 4000):yyyy-MM-dd}}", "sex": "NotKnown", "postcode": "ZX1 1AA" }],
          "household": [{ "name": "Parent {{n}} Bench", "relationship": "Mother" }],
          "concerns": ["Neglect", "DomesticAbuse"],
          "concernNarrative": "Officers attended a domestic incident; the child was present. Benchmark request {{n}}.",
          "childsVoice": "The child said they were frightened.", "howChildWasSeen": "Seen at home by attending officers.",
          "earlyHelpTried": false, "whatHasBeenTried": "Nothing yet.",
          "consent": "NotObtained", "consentNotObtainedReason": "Seeking consent could place the child at risk.",
          "levelOfNeed": "Complex"
        }
        """;

    private Process StartApp(string dll, Uri address, string sqlitePath, string logPath)
    {
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        start.Environment["DemoCity__Children"] = "300";
        start.Environment["Reminders__Enabled"] = "false";
        if (postgres is null)
        {
            start.Environment["Database__Provider"] = "Sqlite";
            start.Environment["Database__SqlitePath"] = sqlitePath;
        }
        else
        {
            start.Environment["Database__Provider"] = "Postgres";
            start.Environment["ConnectionStrings__Postgres"] = postgres;
            start.Environment["Database__MigrateOnStart"] = "true";
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");

        // Drain the app's output to a file so a full pipe never stalls it.
        var appLog = new StreamWriter(logPath) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (appLog) { appLog.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (appLog) { appLog.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForHealthAsync(HttpClient http, Process server, TextWriter log)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(5))
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"The app stopped with exit code {server.ExitCode} before it was healthy.");
            }

            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                {
                    log.WriteLine($"app healthy after {waited.Elapsed.TotalSeconds:F1} s (migrations and demo city included)");
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The app was not healthy within 5 minutes.");
    }

    /// <summary>Lost: keys the API accepted with no contact. Duplicated: contacts beyond one per key.</summary>
    private async Task<(int Lost, int Duplicated, int Found)> CountContactsAsync(string sqlitePath, HashSet<string> keys)
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

        await using var db = new SafeguardingDbContext(options.Options, FixedTenantScope.AllPartnerships);
        var perKey = await db.Contacts.AsNoTracking()
            .Where(c => c.Channel == ContactChannel.Api && c.IdempotencyKey.StartsWith("bench-"))
            .GroupBy(c => c.IdempotencyKey)
            .Select(g => new { Key = g.Key, Count = g.Count() })
            .ToListAsync();
        var found = perKey.Where(k => keys.Contains(k.Key)).ToDictionary(k => k.Key, k => k.Count);
        var lost = keys.Count(k => !found.ContainsKey(k));
        var duplicated = found.Values.Sum(c => c - 1) + perKey.Where(k => !keys.Contains(k.Key)).Sum(k => k.Count);
        return (lost, duplicated, perKey.Sum(k => k.Count));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The Release build of the web app in this repository (build it first: dotnet build -c Release).</summary>
    private static string FindApp()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Safeguarding.slnx")))
            {
                foreach (var configuration in new[] { "Release", "Debug" })
                {
                    var dll = Path.Combine(dir.FullName, "src", "Safeguarding.Web", "bin", configuration, "net10.0", "Safeguarding.Web.dll");
                    if (File.Exists(dll))
                    {
                        return dll;
                    }
                }
            }
        }

        throw new FileNotFoundException("Safeguarding.Web.dll not found: run 'dotnet build -c Release' first, or pass --app PATH.");
    }
}
