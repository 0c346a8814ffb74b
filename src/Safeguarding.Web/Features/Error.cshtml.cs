using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguarding.Web.Features;

/// <summary>
/// The error page for status codes (app.UseStatusCodePagesWithReExecute("/error/{0}")) and
/// unhandled exceptions (app.UseExceptionHandler("/error/500")). It never shows exception details.
/// Re-execution keeps the original request method, so the page answers every method.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ErrorModel : PageModel
{
    public ErrorKind Kind { get; private set; } = ErrorKind.ProblemWithService;

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var statusCode = StatusCodeFromRoute();
        Kind = statusCode switch
        {
            StatusCodes.Status400BadRequest => ErrorKind.BadRequest,
            StatusCodes.Status403Forbidden => ErrorKind.Forbidden,
            StatusCodes.Status404NotFound => ErrorKind.NotFound,
            _ => ErrorKind.ProblemWithService,
        };
        Response.StatusCode = statusCode;
    }

    /// <summary>The status code in the path, or 500 when it is missing or not an error code.</summary>
    private int StatusCodeFromRoute() =>
        RouteData.Values.TryGetValue("statusCode", out var value)
        && int.TryParse(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), out var code)
        && code is >= 400 and <= 599
            ? code
            : StatusCodes.Status500InternalServerError;
}

public enum ErrorKind
{
    BadRequest,
    Forbidden,
    NotFound,
    ProblemWithService,
}
