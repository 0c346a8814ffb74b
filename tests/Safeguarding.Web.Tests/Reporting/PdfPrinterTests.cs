using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging.Abstractions;
using Safeguarding.Web.Reporting;

namespace Safeguarding.Web.Tests.Reporting;

/// <summary>A web root of its own on disk and one printer (one Chromium) shared by the tests of the class.</summary>
public sealed class PdfPrinterFixture : IAsyncLifetime
{
    private readonly string webRoot = Path.Combine(Path.GetTempPath(), "pdf-printer-tests-" + Guid.NewGuid().ToString("N"));

    public PdfPrinter Printer { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(webRoot, "assets"));
        // Only this stylesheet puts the second section on a page of its own, so the page count shows it was applied.
        File.WriteAllText(Path.Combine(webRoot, "assets", "print-test.css"), ".second { break-before: page; } body { font-family: sans-serif; }");
        // The provider holds nothing to dispose until something watches it, and the printer never does.
        Printer = new PdfPrinter(new PhysicalFileProvider(webRoot), PdfPrinter.DefaultChromiumPath, NullLogger<PdfPrinter>.Instance);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Printer.DisposeAsync();
        Directory.Delete(webRoot, recursive: true);
    }
}

/// <summary>PDFs from the app's HTML in Debian's Chromium: tagged, assets from the web root only, nothing from the network.</summary>
public sealed class PdfPrinterTests(PdfPrinterFixture fixture) : IClassFixture<PdfPrinterFixture>
{
    private static string Page(string head, string body) =>
        $"""
        <!DOCTYPE html>
        <html lang="en-GB">
        <head><meta charset="utf-8"><title>Performance pack</title>{head}</head>
        <body>{body}</body>
        </html>
        """;

    private static string Latin1(byte[] pdf) => Encoding.Latin1.GetString(pdf);

    private static int PageCount(byte[] pdf) => Regex.Count(Latin1(pdf), @"/Type\s*/Page\b");

    [Fact]
    public async Task Print_MakesATaggedPdf()
    {
        var pdf = await fixture.Printer.PrintAsync(
            Page("", "<h1>Monthly performance</h1><h2>Front door</h2><p>Contacts decided within one working day.</p>"),
            CancellationToken.None);

        var text = Latin1(pdf);
        Assert.StartsWith("%PDF-", text, StringComparison.Ordinal);
        // The catalog sits outside the compressed content streams, so its entries are plain bytes.
        Assert.Contains("/StructTreeRoot", text, StringComparison.Ordinal);
        Assert.Contains("/MarkInfo", text, StringComparison.Ordinal);
        // Headings become bookmarks.
        Assert.Contains("/Outlines", text, StringComparison.Ordinal);
        Assert.Equal(1, PageCount(pdf));
    }

    [Fact]
    public async Task Print_ServesRootRelativeStylesheets_FromTheWebRoot()
    {
        var result = await fixture.Printer.PrintWithDetailsAsync(
            Page("""<link rel="stylesheet" href="/assets/print-test.css">""", """<section><h1>First</h1></section><section class="second"><h1>Second</h1></section>"""),
            CancellationToken.None);

        Assert.Equal(["/assets/print-test.css"], result.ServedAssets);
        Assert.Equal(2, PageCount(result.Pdf));
        Assert.Empty(result.BlockedRequests);
    }

    [Fact]
    public async Task Print_AbortsEveryRequestOutsideTheWebRoot_AndRunsNoScript()
    {
        var result = await fixture.Printer.PrintWithDetailsAsync(
            Page(
                """<link rel="stylesheet" href="http://127.0.0.1:9/remote.css">""",
                """
                <p>Logo</p><img src="https://example.com/x.png" alt="">
                <script>document.write('<img src="https://example.com/script-ran.png" alt="">');</script>
                <img src="/assets/missing.png" alt="">
                """),
            CancellationToken.None);

        Assert.StartsWith("%PDF-", Latin1(result.Pdf), StringComparison.Ordinal);
        Assert.Contains("https://example.com/x.png", result.BlockedRequests);
        Assert.Contains("http://127.0.0.1:9/remote.css", result.BlockedRequests);
        Assert.DoesNotContain(result.BlockedRequests, url => url.Contains("script-ran", StringComparison.Ordinal));
        // A missing asset is a 404 from the web root, not a request let out.
        Assert.DoesNotContain(result.BlockedRequests, url => url.Contains("missing.png", StringComparison.Ordinal));
        Assert.Empty(result.ServedAssets);
    }

    [Fact]
    public async Task Print_StartsTheBrowserAgain_WhenItHasDied()
    {
        await fixture.Printer.PrintAsync(Page("", "<p>Before</p>"), CancellationToken.None);
        using var process = System.Diagnostics.Process.GetProcessById(Assert.IsType<int>(fixture.Printer.BrowserProcessId));

        process.Kill();
        await process.WaitForExitAsync();
        var pdf = await fixture.Printer.PrintAsync(Page("", "<p>After</p>"), CancellationToken.None);

        Assert.StartsWith("%PDF-", Latin1(pdf), StringComparison.Ordinal);
        Assert.NotEqual(process.Id, fixture.Printer.BrowserProcessId);
    }

    [Fact]
    public async Task Print_WithoutChromium_SaysPrintingIsUnavailable()
    {
        await using var printer = new PdfPrinter(new NullFileProvider(), "/nonexistent/chromium", NullLogger<PdfPrinter>.Instance);

        var error = await Assert.ThrowsAsync<PdfPrintingUnavailableException>(() => printer.PrintAsync(Page("", "<p>x</p>"), CancellationToken.None));

        Assert.Contains("/nonexistent/chromium", error.Message, StringComparison.Ordinal);
    }
}
