using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.Data;
using Safeguarding.Core.Workforce;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Performance.Settings.Workforce;

/// <summary>Takes a post off the establishment from a date; its history stays for earlier months' figures.</summary>
public sealed class DeleteModel(SafeguardingDbContext db, ActorContext actor, Establishment establishment) : WorkforcePage(db, actor)
{
    [BindProperty]
    public DateOnly? DeletedOn { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, keepVersion: false, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, keepVersion: true, cancellationToken))
        {
            return NotFound();
        }

        return await SaveAsync(() => establishment.DeletePostAsync(id, Version, DeletedOn, Actor.Current(), cancellationToken),
            $"Post {Post.Reference} deleted from the establishment", cancellationToken);
    }
}
