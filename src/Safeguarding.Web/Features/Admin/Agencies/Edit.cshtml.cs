using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;
using Safeguarding.Web.Access;
using Safeguarding.Web.Infrastructure;

namespace Safeguarding.Web.Features.Admin.Agencies;

public sealed class EditModel(SafeguardingDbContext db, AgencyDirectory agencies, ActorContext actor) : PageModel
{
    [BindProperty]
    public AgencyInput Input { get; set; } = new();

    /// <summary>The version the person loaded: a save against an older one is refused, not merged.</summary>
    [BindProperty]
    public long Version { get; set; }

    public IReadOnlyList<Locality> Localities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (agency is null)
        {
            return NotFound();
        }

        Input = new AgencyInput
        {
            Name = agency.Name,
            Type = agency.Type,
            LocalityId = agency.LocalityId,
            Reference = agency.Reference,
            Postcode = agency.Postcode,
            IsActive = agency.IsActive,
        };
        Version = agency.Version;
        Localities = await AgencyInput.LocalitiesAsync(db, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var result = await agencies.ChangeAgencyAsync(id, Version, Input.ToForm(), actor.Current(), cancellationToken);
                if (result.Succeeded)
                {
                    TempData["Notice"] = $"{result.Value!.Name} updated";
                    return RedirectToPage("Index");
                }

                foreach (var (field, message) in result.Errors)
                {
                    ModelState.AddModelError(field.Length == 0 ? "" : $"Input.{field}", message);
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                var changedBy = await ConcurrentChanges.LastChangedByAsync(db, "Agency", id.ToString(), cancellationToken);
                ModelState.AddModelError("", $"{changedBy} changed this agency while you were editing it. Your changes have not been saved. Reload the page to see the latest details, then make your changes again");
            }
        }

        Localities = await AgencyInput.LocalitiesAsync(db, cancellationToken);
        return Page();
    }
}
