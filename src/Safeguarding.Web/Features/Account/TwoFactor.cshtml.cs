using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Data;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Account;

/// <summary>The second step of sign-in: the six-digit code from the user's authenticator app.</summary>
[AllowAnonymous]
public sealed class TwoFactorModel(SafeguardingSignInManager signIn, SafeguardingDbContext db, ActorContext actor) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "The code must be 6 digits, like 123456")]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("SignIn") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("SignIn");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Code!.Replace(" ", "", StringComparison.Ordinal).Trim(), isPersistent: false, rememberClient: false);
        var context = actor.Current() with { UserId = user.Id, ActorName = user.DisplayName, PartnershipId = user.PartnershipId };
        if (result.Succeeded)
        {
            await db.RecordSecurityAsync("SignedIn", user.Id.ToString(), new { secondFactor = "authenticator" }, context, cancellationToken);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/dashboard");
        }

        await db.RecordSecurityAsync(result.IsLockedOut ? "SignInLockedOut" : "SecondFactorFailed", user.Id.ToString(), new { }, context, cancellationToken);
        ModelState.AddModelError(nameof(Code), result.IsLockedOut
            ? "This account is locked after too many attempts. Try again in 15 minutes, or ask your administrator"
            : "The code is not correct or has expired. Enter the code your app shows now");
        return Page();
    }
}
