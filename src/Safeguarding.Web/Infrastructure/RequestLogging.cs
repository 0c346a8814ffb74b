using System.Diagnostics;

namespace Safeguarding.Web.Infrastructure;

/// <summary>
/// Logs one line per request with the route pattern, not the path or query string: paths and queries
/// can carry names or identifiers, and logs must hold no personal data.
/// </summary>
public static partial class RequestLogging
{
    public static IApplicationBuilder UseRedactedRequestLogging(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            await next(context);
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Safeguarding.Requests");
            var pattern = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogRequest(logger, context.Request.Method, pattern, context.Response.StatusCode, elapsedMs);
        });

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {RoutePattern} responded {StatusCode} in {ElapsedMs:0.0} ms")]
    private static partial void LogRequest(ILogger logger, string method, string routePattern, int statusCode, double elapsedMs);
}
