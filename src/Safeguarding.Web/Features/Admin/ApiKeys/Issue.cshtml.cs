using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Admin.ApiKeys;

/// <summary>Issues a key and shows it once: the response to the POST is the only place it ever appears.</summary>
public sealed class IssueModel(SafeguardingDbContext db, AgencyApiKeys keys, ActorContext actor) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Select the agency whose system will use the key")]
    public Guid? AgencyId { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    /// <summary>Set once the key is issued; never stored.</summary>
    public string? IssuedKey { get; private set; }

    public string? IssuedAgency { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAgenciesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await keys.IssueAsync(AgencyId!.Value, Name ?? "", actor.Current(), cancellationToken);
            if (result.Succeeded)
            {
                IssuedKey = result.Value!.PlainKey;
                IssuedAgency = await db.Agencies.Where(a => a.Id == result.Value.Key.AgencyId).Select(a => a.Name).SingleAsync(cancellationToken);
                return Page();
            }

            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field, message);
            }
        }

        await LoadAgenciesAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAgenciesAsync(CancellationToken cancellationToken) =>
        Agencies = await db.Agencies.Where(a => a.IsActive && a.Type != AgencyType.School).OrderBy(a => a.Name).ToListAsync(cancellationToken);
}
