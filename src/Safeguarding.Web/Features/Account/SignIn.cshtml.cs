using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Account;

[AllowAnonymous]
public sealed class SignInModel(SafeguardingSignInManager signIn, UserManager<User> users, SafeguardingDbContext db, ActorContext actor) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your email address")]
    [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.org")]
    [Display(Name = "Email address")]
    public string? Email { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter your password")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Email!);
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: true);
        var context = actor.Current();
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            await db.RecordSecurityAsync(result.Succeeded ? "SignedIn" : "PasswordAccepted", user!.Id.ToString(), new { secondFactorNeeded = result.RequiresTwoFactor }, context with { UserId = user.Id, ActorName = user.DisplayName, PartnershipId = user.PartnershipId }, cancellationToken);
            return result.RequiresTwoFactor
                ? RedirectToPage("TwoFactor", new { ReturnUrl })
                : LocalRedirect(SafeReturnUrl());
        }

        if (user is not null)
        {
            await db.RecordSecurityAsync(result.IsLockedOut ? "SignInLockedOut" : "SignInFailed", user.Id.ToString(), new { }, context with { PartnershipId = user.PartnershipId }, cancellationToken);
        }

        // One message for an unknown email, a wrong password and a deactivated account, so the page
        // does not tell anyone which email addresses have accounts.
        ModelState.AddModelError(nameof(Email), result.IsLockedOut
            ? "This account is locked after too many attempts. Try again in 15 minutes, or ask your administrator"
            : "Enter a correct email address and password");
        return Page();
    }

    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/dashboard";
}
