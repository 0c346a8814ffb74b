using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Account;

/// <summary>
/// Enrolment of the second factor: a QR code for an authenticator app, and the key spelled out for
/// people who cannot scan it. Staff reach nothing else until it is done.
/// </summary>
[Authorize(Policy = AccessPolicies.AwaitingSecondFactor)]
public sealed class SetUpAuthenticatorModel(UserManager<User> users, SafeguardingSignInManager signIn, SafeguardingDbContext db, ActorContext actor) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "The code must be 6 digits, like 123456")]
    public string? Code { get; set; }

    public string SharedKey { get; private set; } = "";

    public string QrCodeDataUri { get; private set; } = "";

    public bool AlreadyEnrolled { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("SignIn");
        }

        AlreadyEnrolled = user.TwoFactorEnabled && User.HasSecondFactor();
        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("SignIn");
        }

        if (!ModelState.IsValid)
        {
            await LoadKeyAsync(user);
            return Page();
        }

        var code = Code!.Replace(" ", "", StringComparison.Ordinal).Trim();
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            ModelState.AddModelError(nameof(Code), "The code is not correct or has expired. Enter the code your app shows now");
            await LoadKeyAsync(user);
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Record(new SecondFactorEnrolled(user.Id), actor.Current());
        await users.SetTwoFactorEnabledAsync(user, true);
        await transaction.CommitAsync(cancellationToken);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(SafeguardingClaims.AuthenticationMethod, SafeguardingClaims.MultiFactor)]);
        TempData["Notice"] = "Your authenticator app is set up. You will need a code from it each time you sign in.";
        return Redirect("/dashboard");
    }

    private async Task LoadKeyAsync(User user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        SharedKey = string.Join(' ', key!.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        var uri = string.Format(CultureInfo.InvariantCulture, "otpauth://totp/{0}:{1}?secret={2}&issuer={0}&digits=6",
            Uri.EscapeDataString("Safeguarding"), Uri.EscapeDataString(user.Email!), key);
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
