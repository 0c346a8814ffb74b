using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Admin.Agencies;

public sealed class CreateModel(SafeguardingDbContext db, AgencyDirectory agencies, ActorContext actor) : PageModel
{
    [BindProperty]
    public AgencyInput Input { get; set; } = new();

    public IReadOnlyList<Locality> Localities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Localities = await AgencyInput.LocalitiesAsync(db, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await agencies.CreateAgencyAsync(Input.ToForm(), actor.Current(), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Notice"] = $"{result.Value!.Name} added";
                return RedirectToPage("Index");
            }

            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError($"Input.{field}", message);
            }
        }

        Localities = await AgencyInput.LocalitiesAsync(db, cancellationToken);
        return Page();
    }
}
