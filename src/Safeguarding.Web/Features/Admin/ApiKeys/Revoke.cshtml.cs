using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Admin.ApiKeys;

/// <summary>Stops a key working at once; the reason goes to the audit trail.</summary>
public sealed class RevokeModel(SafeguardingDbContext db, AgencyApiKeys keys, ActorContext actor) : PageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    public ApiKeyRow? Key { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Key = await FindAsync(id, cancellationToken);
        return Key is null || Key.RevokedAt is not null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        Key = await FindAsync(id, cancellationToken);
        if (Key is null)
        {
            return NotFound();
        }

        var result = await keys.RevokeAsync(id, Reason ?? "", actor.Current(), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Notice"] = $"Key {Key.Prefix} ({Key.Name}) revoked";
            return RedirectToPage("Index");
        }

        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(field.Length == 0 ? "Reason" : field, message);
        }

        return Page();
    }

    private Task<ApiKeyRow?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        (from k in db.AgencyApiKeys
         join a in db.Agencies on k.AgencyId equals a.Id
         where k.Id == id
         select new ApiKeyRow(k.Id, a.Name, k.Name, k.Prefix, k.CreatedAt, k.LastUsedAt, k.RevokedAt))
        .SingleOrDefaultAsync(cancellationToken);
}
