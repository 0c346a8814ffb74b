using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Playwright;

namespace Safeguarding.EndToEndTests;

/// <summary>
/// Starts the real web app (the built Safeguarding.Web.dll copied next to this assembly) as a child
/// process on a free loopback port with a throwaway SQLite database and a small demo city, then
/// starts one headless Debian Chromium shared by every test. Each test gets its own browser context.
/// </summary>
public sealed class AppFixture : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(120);

    private readonly StringBuilder output = new();
    private Process? app;
    private string? databasePath;

    /// <summary>The app's SQLite file, for tests that arrange data the pages cannot (a restricted child).</summary>
    public string DatabasePath => databasePath ?? throw new InvalidOperationException("The app has not started.");

    public Uri BaseUrl { get; private set; } = null!;

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string Output
    {
        get { lock (output) { return output.ToString(); } }
    }

    public async Task InitializeAsync()
    {
        var directory = AppContext.BaseDirectory;
        var dll = Path.Combine(directory, "Safeguarding.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"Safeguarding.Web.dll was not found in {directory}. Build the test project first.");
        }

        var port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}");
        databasePath = Path.Combine(Path.GetTempPath(), $"safeguarding-e2e-{Guid.NewGuid():N}.db");

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUrl.ToString().TrimEnd('/'));
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(directory);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_CONTENTROOT"] = directory;
        start.Environment["ConnectionStrings__Sqlite"] = $"Data Source={databasePath}";
        start.Environment["DemoCity__LoadOnFirstStart"] = "true";
        start.Environment["DemoCity__Children"] = "150";

        app = new Process { StartInfo = start, EnableRaisingEvents = true };
        app.OutputDataReceived += (_, e) => Append(e.Data);
        app.ErrorDataReceived += (_, e) => Append(e.Data);
        app.Start();
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();

        await WaitForHealthAsync();

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public void Dispose() => app?.Dispose();

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        Playwright?.Dispose();

        if (app is not null)
        {
            try
            {
                if (!app.HasExited)
                {
                    app.Kill(entireProcessTree: true);
                    await app.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
                }
            }
            catch (Exception)
            {
                // Best effort: the process may already have gone.
            }

            app.Dispose();
        }

        if (databasePath is not null)
        {
            foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm", databasePath + "-journal" })
            {
                try { File.Delete(file); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }
    }

    private async Task WaitForHealthAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        HttpStatusCode? last = null;
        while (deadline.Elapsed < StartupTimeout)
        {
            if (app!.HasExited)
            {
                // The parameterless wait also waits for the redirected output to be read to the end.
                app.WaitForExit();
                throw new InvalidOperationException($"The web app exited with code {app.ExitCode} before /health answered.\n--- app output ---\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseUrl, "/health"));
                last = response.StatusCode;
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"The web app at {BaseUrl} did not answer 200 on /health within {StartupTimeout.TotalSeconds:0} s (last status: {last?.ToString() ?? "no answer"}).\n--- app output ---\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "Browser";
}
