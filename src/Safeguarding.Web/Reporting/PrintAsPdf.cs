namespace Safeguarding.Web.Reporting;

/// <summary>
/// Marks a page that can be downloaded as a PDF: with <c>?format=pdf</c> the page renders as usual
/// (its model sees the same query and drops links and controls) and Chromium prints that HTML.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PrintableAsPdfAttribute(string fileName) : Attribute
{
    /// <summary>The download's name without extension; <c>{month}</c> is replaced by the month asked for.</summary>
    public string FileName { get; } = fileName;
}

/// <summary>Turns a printable page's HTML into a tagged PDF when the request asks for one.</summary>
public static class PrintAsPdf
{
    public const string Query = "format";
    public const string Pdf = "pdf";

    public static bool IsRequested(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return string.Equals(request.Query[Query], Pdf, StringComparison.OrdinalIgnoreCase);
    }

    public static IApplicationBuilder UsePrintAsPdf(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var printable = context.GetEndpoint()?.Metadata.GetMetadata<PrintableAsPdfAttribute>();
        if (printable is null || !IsRequested(context.Request) || !HttpMethods.IsGet(context.Request.Method))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        // Anything but a page (a redirect, a refusal) goes out as it is.
        if (context.Response.StatusCode != StatusCodes.Status200OK || context.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) != true)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
            return;
        }

        var html = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var printer = context.RequestServices.GetRequiredService<PdfPrinter>();
        byte[] pdf;
        try
        {
            pdf = await printer.PrintAsync(html, context.RequestAborted);
        }
        catch (PdfPrintingUnavailableException)
        {
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("PDF printing is not available on this server. Print the page from your browser instead.", context.RequestAborted);
            return;
        }

        var month = context.Request.Query["month"].ToString();
        var name = printable.FileName.Replace("{month}", string.IsNullOrEmpty(month) ? "latest" : Sanitise(month), StringComparison.Ordinal);
        context.Response.Headers.ContentLength = pdf.Length;
        context.Response.ContentType = "application/pdf";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.pdf\"";
        await original.WriteAsync(pdf, context.RequestAborted);
    });

    private static string Sanitise(string text) => new(text.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').Take(20).ToArray());
}
