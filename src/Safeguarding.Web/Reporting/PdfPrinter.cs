using System.Collections.Concurrent;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace Safeguarding.Web.Reporting;

/// <summary>Thrown when no browser can be started to print PDFs (Chromium missing or failing to start).</summary>
public sealed class PdfPrintingUnavailableException : Exception
{
    public PdfPrintingUnavailableException() : base("PDF printing is unavailable.") { }
    public PdfPrintingUnavailableException(string message) : base(message) { }
    public PdfPrintingUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>One printed document and what the browser asked for while printing it.</summary>
/// <param name="Pdf">The PDF bytes.</param>
/// <param name="ServedAssets">Root-relative paths served from the web root (stylesheets, images, fonts).</param>
/// <param name="BlockedRequests">Addresses the browser asked for and was refused: anything outside the web root.</param>
public sealed record PdfPrint(byte[] Pdf, IReadOnlyList<string> ServedAssets, IReadOnlyList<string> BlockedRequests);

/// <summary>
/// Prints the app's own HTML pages to tagged, A4 PDFs with a headless Chromium. The page gets
/// nothing from the network: its root-relative assets come from the web root, every other request
/// is aborted, and scripts do not run. One browser is started on first use and shared.
/// </summary>
public sealed class PdfPrinter : IAsyncDisposable, IDisposable
{
    public const string DefaultChromiumPath = "/usr/bin/chromium";

    // A reserved top-level domain (RFC 2606): it can never resolve, so even a request we failed to
    // intercept would go nowhere. The page and its assets share this origin, so "/assets/..." resolves.
    private const string Origin = "https://app.invalid";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private readonly IFileProvider webRoot;
    private readonly string chromiumPath;
    private readonly ILogger<PdfPrinter> logger;
    private readonly SemaphoreSlim launchLock = new(1, 1);
    private IBrowser? browser;
    private bool disposed;

    public PdfPrinter(IFileProvider webRoot, string? chromiumPath, ILogger<PdfPrinter> logger)
    {
        this.webRoot = webRoot;
        this.chromiumPath = string.IsNullOrWhiteSpace(chromiumPath) ? DefaultChromiumPath : chromiumPath;
        this.logger = logger;
    }

    /// <summary>For the container: the web root of the running app, the path from <c>Reporting:ChromiumPath</c>.</summary>
    public static PdfPrinter Create(IServiceProvider services) => new(
        services.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider,
        services.GetRequiredService<IConfiguration>()["Reporting:ChromiumPath"],
        services.GetRequiredService<ILogger<PdfPrinter>>());

    /// <summary>Prints a full HTML page to a PDF.</summary>
    /// <exception cref="PdfPrintingUnavailableException">Chromium is not installed or will not start.</exception>
    public async Task<byte[]> PrintAsync(string html, CancellationToken ct) => (await PrintWithDetailsAsync(html, ct)).Pdf;

    /// <summary>Prints a full HTML page to a PDF, reporting which assets were served and which requests were refused.</summary>
    /// <exception cref="PdfPrintingUnavailableException">Chromium is not installed or will not start.</exception>
    public async Task<PdfPrint> PrintWithDetailsAsync(string html, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(html);
        // A context of its own per print: no cache, cookies or storage carried from one document to the next.
        var context = await NewContextAsync(ct);
        try
        {
            var page = await context.NewPageAsync();
            await page.SetJavaScriptEnabledAsync(false);
            await page.SetRequestInterceptionAsync(true);

            // A fresh path per print so nothing can ever answer with another document.
            var documentPath = $"/__print/{Guid.NewGuid():N}";
            var served = new ConcurrentQueue<string>();
            var blocked = new ConcurrentQueue<string>();
            page.Request += (_, e) => _ = AnswerAsync(e.Request, documentPath, html, served, blocked);

            await page.GoToAsync(Origin + documentPath, new NavigationOptions
            {
                WaitUntil = [WaitUntilNavigation.Load],
                CancellationToken = ct,
            }).WaitAsync(ct);

            var pdf = await page.PdfDataAsync(new PdfOptions
            {
                Format = PaperFormat.A4,
                PrintBackground = true,
                Tagged = true,
                Outline = true,
                // Fonts are waited for by a script in the page, and scripts are off; the load event
                // has already waited for the stylesheets and the fonts they name.
                WaitForFonts = false,
                MarginOptions = new MarginOptions { Top = "15mm", Bottom = "15mm", Left = "15mm", Right = "15mm" },
            }).WaitAsync(ct);

            if (!blocked.IsEmpty)
            {
                logger.LogWarning("Printing a PDF refused {Count} request(s) outside the web root: {Requests}", blocked.Count, string.Join(", ", blocked));
            }

            return new PdfPrint(pdf, [.. served], [.. blocked]);
        }
        finally
        {
            await CloseQuietlyAsync(context);
        }
    }

    private async Task AnswerAsync(IRequest request, string documentPath, string html, ConcurrentQueue<string> served, ConcurrentQueue<string> blocked)
    {
        var address = request.Url;
        try
        {
            if (!Uri.TryCreate(address, UriKind.Absolute, out var url) || !url.GetLeftPart(UriPartial.Authority).Equals(Origin, StringComparison.OrdinalIgnoreCase))
            {
                blocked.Enqueue(address);
                await request.AbortAsync(RequestAbortErrorCode.BlockedByClient);
                return;
            }

            if (url.AbsolutePath == documentPath)
            {
                await request.RespondAsync(new ResponseData
                {
                    Status = System.Net.HttpStatusCode.OK,
                    ContentType = "text/html; charset=utf-8",
                    // Belt and braces with scripts switched off in the page.
                    Headers = new Dictionary<string, object> { ["Content-Security-Policy"] = "script-src 'none'; object-src 'none'" },
                    Body = html,
                });
                return;
            }

            var path = Uri.UnescapeDataString(url.AbsolutePath);
            // The physical file provider refuses paths that climb out of the web root; we also refuse them outright.
            var file = path.Contains("..", StringComparison.Ordinal) ? null : webRoot.GetFileInfo(path);
            if (file is not { Exists: true, IsDirectory: false })
            {
                await request.RespondAsync(new ResponseData { Status = System.Net.HttpStatusCode.NotFound, ContentType = "text/plain", Body = "Not found" });
                return;
            }

            byte[] body;
            await using (var stream = file.CreateReadStream())
            using (var copy = new MemoryStream())
            {
                await stream.CopyToAsync(copy);
                body = copy.ToArray();
            }

            served.Enqueue(path);
            await request.RespondAsync(new ResponseData
            {
                Status = System.Net.HttpStatusCode.OK,
                ContentType = ContentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream",
                BodyData = body,
            });
        }
        catch (Exception exception) when (exception is PuppeteerException or IOException or ObjectDisposedException)
        {
            // The page may already be closing (cancelled print); nothing is waiting for this answer.
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug(exception, "Could not answer a print request for {Url}", address);
            }
        }
    }

    private async Task<IBrowserContext> NewContextAsync(CancellationToken ct)
    {
        var shared = await BrowserAsync(ct);
        try
        {
            return await shared.CreateBrowserContextAsync();
        }
        catch (Exception exception) when ((exception is PuppeteerException or IOException or OperationCanceledException) && !ct.IsCancellationRequested)
        {
            // The browser can die between the check and the use (killed, out of memory) before
            // Puppeteer notices the lost connection; the failure then surfaces as a Puppeteer error,
            // or as a cancelled send on the closed socket. Start another once rather than fail this print.
            logger.LogWarning(exception, "The PDF browser did not answer; starting it again");
            return await (await BrowserAsync(ct, replacing: shared)).CreateBrowserContextAsync();
        }
    }

    /// <summary>The browser's process id, for tests that need to kill it.</summary>
    internal int? BrowserProcessId => browser?.Process?.Id;

    private async Task<IBrowser> BrowserAsync(CancellationToken ct, IBrowser? replacing = null)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (browser is { IsConnected: true } running && running != replacing)
        {
            return running;
        }

        await launchLock.WaitAsync(ct);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (browser is { IsConnected: true } launched && launched != replacing)
            {
                return launched;
            }

            if (browser is not null)
            {
                // It died or was killed: start another rather than fail every print until the app restarts.
                logger.LogWarning("The PDF browser is no longer running; starting it again");
                await CloseQuietlyAsync(browser);
                browser = null;
            }

            if (!File.Exists(chromiumPath))
            {
                throw new PdfPrintingUnavailableException(
                    $"PDF printing is unavailable: Chromium was not found at '{chromiumPath}'. Install Debian's chromium package or set Reporting:ChromiumPath.");
            }

            browser = await LaunchAsync();
            return browser;
        }
        finally
        {
            launchLock.Release();
        }
    }

    private async Task<IBrowser> LaunchAsync()
    {
        var args = new List<string>
        {
            "--disable-gpu",
            "--no-first-run",
            // Without these Chromium phones home at start (updates, sync, field trials); the printer needs no network.
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--disable-extensions",
        };
        // Chromium refuses to start its sandbox as root (containers, CI); otherwise keep the sandbox.
        if (Environment.IsPrivilegedProcess)
        {
            args.Add("--no-sandbox");
        }

        try
        {
            return await Puppeteer.LaunchAsync(new LaunchOptions
            {
                ExecutablePath = chromiumPath,
                Headless = true,
                Args = [.. args],
                Timeout = 30_000,
            });
        }
        catch (Exception exception) when (exception is PuppeteerException or IOException or System.ComponentModel.Win32Exception)
        {
            throw new PdfPrintingUnavailableException($"PDF printing is unavailable: Chromium at '{chromiumPath}' did not start.", exception);
        }
    }

    private async Task CloseQuietlyAsync(IBrowserContext context)
    {
        try
        {
            await context.CloseAsync();
        }
        catch (Exception exception) when (exception is PuppeteerException or ObjectDisposedException)
        {
            logger.LogDebug(exception, "Closing a print context failed");
        }
    }

    private async Task CloseQuietlyAsync(IBrowser closing)
    {
        try
        {
            await closing.CloseAsync();
            await closing.DisposeAsync();
        }
        catch (Exception exception) when (exception is PuppeteerException or ObjectDisposedException or InvalidOperationException)
        {
            logger.LogDebug(exception, "Closing the PDF browser failed");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (browser is not null)
        {
            await CloseQuietlyAsync(browser);
            browser = null;
        }

        launchLock.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
