namespace Safeguarding.Web.Access;

/// <summary>
/// A staff user who has signed in with a password but has no second factor yet is sent to set one
/// up before anything else; only the enrolment pages, sign-out and static pages stay open to them.
/// </summary>
public static class SecondFactorEnrolment
{
    public const string SetUpPath = "/account/set-up-authenticator";

    private static readonly string[] OpenPaths = ["/account", "/assets", "/error", "/health", "/cookies", "/accessibility", "/demo", "/api", "/openapi"];

    public static IApplicationBuilder UseSecondFactorEnrolment(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var user = context.User;
            if (user.Identity?.IsAuthenticated == true && user.NeedsSecondFactor() && !user.HasSecondFactor()
                && !OpenPaths.Any(p => context.Request.Path.StartsWithSegments(p)))
            {
                context.Response.Redirect(SetUpPath);
                return;
            }

            await next(context);
        });
}
