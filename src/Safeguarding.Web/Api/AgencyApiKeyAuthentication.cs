using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Api;

/// <summary>
/// Authenticates an agency's system by <c>Authorization: Bearer &lt;key&gt;</c>. Only the API's policy
/// asks for this scheme, and the policy asks for nothing else, so a browser's session cookie never
/// reaches the API; a failure is a 401 problem, never a redirect to the sign-in page.
/// </summary>
public sealed class AgencyApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AgencyApiKeys keys, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AgencyApiKey";
    public const string Policy = "AgencyApi";
    public const string KeyIdClaim = "api_key";

    private const string Bearer = "Bearer ";

    public static void AddPolicy(AuthorizationOptions options) =>
        options.AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(SchemeName).RequireAuthenticatedUser().RequireClaim(KeyIdClaim));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var key = await keys.FindAsync(header[Bearer.Length..].Trim(), Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        await keys.TouchAsync(key, clock.GetUtcNow(), Context.RequestAborted);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, key.ServiceUserId.ToString()),
                new Claim(SafeguardingClaims.DisplayName, $"API key {key.Prefix}"),
                new Claim(SafeguardingClaims.Partnership, key.PartnershipId.ToString()),
                new Claim(SafeguardingClaims.Agency, key.AgencyId.ToString()),
                new Claim(KeyIdClaim, key.Id.ToString()),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        await ApiProblems.Write(Context, StatusCodes.Status401Unauthorized, "Unauthorized",
            "Send a current API key for your agency as 'Authorization: Bearer <key>'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.Write(Context, StatusCodes.Status403Forbidden, "Forbidden", "This API key may not do that.");
}
