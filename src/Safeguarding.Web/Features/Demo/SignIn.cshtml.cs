using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Demo;

/// <summary>
/// Development only (the folder has no routes in any other environment): pick a demo user and be
/// signed in as them, second factor included, to try each role quickly.
/// </summary>
[AllowAnonymous]
public sealed class SignInModel(SafeguardingDbContext db, UserManager<User> users, SafeguardingSignInManager signIn, ActorContext actor) : PageModel
{
    public const string DemoEmailDomain = "@demo.safeguarding.test";

    public sealed record DemoUser(Guid Id, string DisplayName, string? JobTitle, string Agency, string Role);

    public IReadOnlyList<DemoUser> DemoUsers { get; private set; } = [];

    [BindProperty]
    public Guid? UserId { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => DemoUsers = await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = UserId is { } id ? await users.FindByIdAsync(id.ToString()) : null;
        if (user is null || !user.Email!.EndsWith(DemoEmailDomain, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(UserId), "Select a demo user");
            DemoUsers = await LoadAsync(cancellationToken);
            return Page();
        }

        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(SafeguardingClaims.AuthenticationMethod, SafeguardingClaims.MultiFactor)]);
        await db.RecordSecurityAsync("SignedIn", user.Id.ToString(), new { demo = true }, actor.Current() with { UserId = user.Id, ActorName = user.DisplayName, PartnershipId = user.PartnershipId }, cancellationToken);
        return Redirect("/dashboard");
    }

    private async Task<IReadOnlyList<DemoUser>> LoadAsync(CancellationToken cancellationToken)
    {
        var rows = await (
            from u in db.Users
            where u.Email!.EndsWith(DemoEmailDomain)
            join a in db.Agencies.IgnoreQueryFilters() on u.AgencyId equals a.Id
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            select new { u.Id, u.DisplayName, u.JobTitle, Agency = a.Name, Role = r.Name! })
            .ToListAsync(cancellationToken);
        return rows
            .OrderBy(r => Roles.All.ToList().IndexOf(r.Role))
            .Select(r => new DemoUser(r.Id, r.DisplayName, r.JobTitle, r.Agency, r.Role))
            .ToList();
    }
}
