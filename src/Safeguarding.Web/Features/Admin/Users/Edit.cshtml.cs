using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Admin.Users;

public sealed class EditModel(SafeguardingDbContext db, UserManager<User> users, UserDirectory directory, ActorContext actor) : PageModel
{
    public sealed class AccessInput
    {
        public Guid? AgencyId { get; set; }

        public List<string> Roles { get; set; } = [];

        public bool IsActive { get; set; }
    }

    [BindProperty]
    public AccessInput Input { get; set; } = new();

    public User? Person { get; private set; }

    public IReadOnlyList<(Guid Id, string Name)> Agencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = new AccessInput { AgencyId = Person!.AgencyId, Roles = [.. await users.GetRolesAsync(Person)], IsActive = Person.IsActive };

        // A user's details are personal data: looking at them is recorded like any other record.
        await db.RecordAccessAsync("User", id.ToString(), "Administer user", actor.Current(), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Input.Roles.Count == 0)
        {
            ModelState.AddModelError("Input.Roles", "Select at least one role");
        }

        if (Input.AgencyId is null)
        {
            ModelState.AddModelError("Input.AgencyId", "Select the user's agency");
        }

        if (ModelState.IsValid)
        {
            var result = await directory.ChangeUserAccessAsync(id, new UserAccessForm(Input.AgencyId!.Value, Input.Roles, Input.IsActive), actor.Current(), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Notice"] = $"{result.Value!.DisplayName}'s access updated";
                return RedirectToPage("Index");
            }

            ModelState.AddErrors(result);
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostResetSecondFactorAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await directory.ResetSecondFactorAsync(id, actor.Current("Authenticator app lost or replaced"), cancellationToken);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        TempData["Notice"] = $"{result.Value!.DisplayName}'s authenticator app was reset. They will set up a new one when they next sign in";
        return RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var partnershipId = db.CurrentPartnershipId;
        Person = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id && u.PartnershipId == partnershipId, cancellationToken);
        Agencies = await UserPageData.AgenciesAsync(db, cancellationToken);
        return Person is not null;
    }
}
