using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Safeguarding.Core.Access;

namespace Safeguarding.Web.Access;

/// <summary>The claims a signed-in user carries beyond Identity's own.</summary>
public static class SafeguardingClaims
{
    public const string DisplayName = "display_name";
    public const string Partnership = "partnership";
    public const string Agency = "agency";

    /// <summary>Identity adds amr=mfa when a user completes a second factor.</summary>
    public const string AuthenticationMethod = "amr";
    public const string MultiFactor = "mfa";

    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static Guid? PartnershipId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(Partnership), out var id) ? id : null;

    public static Guid? AgencyId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(Agency), out var id) ? id : null;

    public static string DisplayNameOf(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "Unknown user";

    public static bool HasSecondFactor(this ClaimsPrincipal user) =>
        user.HasClaim(AuthenticationMethod, MultiFactor);

    public static bool NeedsSecondFactor(this ClaimsPrincipal user) =>
        Roles.All.Any(r => Roles.RequiresSecondFactor(r) && user.IsInRole(r));
}

/// <summary>Adds partnership, agency and display name to the principal Identity builds at sign-in.</summary>
public sealed class SafeguardingClaimsFactory(UserManager<User> users, RoleManager<Role> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User, Role>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(SafeguardingClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(SafeguardingClaims.Partnership, user.PartnershipId.ToString()));
        identity.AddClaim(new Claim(SafeguardingClaims.Agency, user.AgencyId.ToString()));
        return identity;
    }
}
