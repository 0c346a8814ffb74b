using System.Security.Claims;

namespace Safeguarding.Web.Navigation;

/// <summary>How the page shell names the person who is signed in.</summary>
public static class SignedInUser
{
    /// <summary>The claim that carries <c>User.DisplayName</c>, added when the user signs in.</summary>
    public const string DisplayNameClaimType = "display_name";

    public static bool IsSignedIn(ClaimsPrincipal? user) => user?.Identity?.IsAuthenticated == true;

    /// <summary>The display name, falling back to the user name when the claim is missing.</summary>
    public static string DisplayName(ClaimsPrincipal user) =>
        user.FindFirst(DisplayNameClaimType)?.Value ?? user.Identity?.Name ?? "Signed in";
}
