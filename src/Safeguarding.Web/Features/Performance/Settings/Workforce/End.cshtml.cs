using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Workforce;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Performance.Settings.Workforce;

/// <summary>Ends the post's open holding: the holder is in post until the day before the end date.</summary>
public sealed class EndModel(SafeguardingDbContext db, ActorContext actor, Establishment establishment) : WorkforcePage(db, actor)
{
    public PostHolding? Holding { get; private set; }

    public string? HolderName { get; private set; }

    [BindProperty]
    public DateOnly? EndDate { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await OpenAsync(id, keepVersion: false, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await OpenAsync(id, keepVersion: true, cancellationToken))
        {
            return NotFound();
        }

        if (Holding is null)
        {
            return Page();
        }

        return await SaveAsync(() => establishment.EndHoldingAsync(Holding.Id, Version, EndDate, Actor.Current(), cancellationToken),
            $"{HolderName}'s holding of post {Post.Reference} ended", cancellationToken);
    }

    private async Task<bool> OpenAsync(Guid id, bool keepVersion, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, keepVersion, cancellationToken))
        {
            return false;
        }

        // The one holding not yet ended, if any: a post has one holder at a time.
        var (holding, name) = (await establishment.HoldingsAsync(Post, cancellationToken)).FirstOrDefault(h => h.Holding.EndDate is null);
        (Holding, HolderName) = (holding, name);
        return true;
    }
}
