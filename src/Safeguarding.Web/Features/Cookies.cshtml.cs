using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguarding.Web.Features;

[AllowAnonymous]
public sealed class CookiesModel : PageModel
{
    /// <summary>Every cookie the service sets. All are essential; there are no analytics cookies.</summary>
    public static readonly IReadOnlyList<CookieDescription> EssentialCookies =
    [
        new(".Safeguarding.Session", "Keeps you signed in and remembers who you are as you move between pages", "When you sign out or close your browser, or after a period without activity"),
        new(".Safeguarding.Antiforgery", "Protects the forms you send from being sent by another website on your behalf", "When you close your browser"),
        new("Identity.TwoFactorUserId", "Remembers who you are between entering your password and entering the code from your authenticator app", "5 minutes, or when you close your browser"),
    ];

    public void OnGet()
    {
    }
}

public sealed record CookieDescription(string Name, string Purpose, string Expires);
