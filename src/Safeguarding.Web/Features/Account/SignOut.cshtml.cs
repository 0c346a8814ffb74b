using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Data;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Account;

/// <summary>Signing out is a POST (with the antiforgery token) so a link elsewhere cannot sign someone out.</summary>
[AllowAnonymous]
public sealed class SignOutModel(SafeguardingSignInManager signIn, SafeguardingDbContext db, ActorContext actor) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("SignedOut");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await db.RecordSecurityAsync("SignedOut", User.UserId()?.ToString(), new { }, actor.Current(), cancellationToken);
        }

        await signIn.SignOutAsync();
        return RedirectToPage("SignedOut");
    }
}
