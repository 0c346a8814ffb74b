using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.Data;
using Safeguarding.Core.Workforce;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Performance.Settings.Workforce;

/// <summary>Fills a vacant post: a social worker or team manager, permanent or agency, from a date.</summary>
public sealed class FillModel(SafeguardingDbContext db, ActorContext actor, Establishment establishment) : WorkforcePage(db, actor)
{
    public IReadOnlyList<PostCandidate> Candidates { get; private set; } = [];

    [BindProperty]
    public Guid? UserId { get; set; }

    [BindProperty]
    public Employment? Employment { get; set; }

    [BindProperty]
    public DateOnly? StartDate { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, keepVersion: false, cancellationToken))
        {
            return NotFound();
        }

        Candidates = await establishment.CandidatesAsync(Post.PartnershipId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, keepVersion: true, cancellationToken))
        {
            return NotFound();
        }

        Candidates = await establishment.CandidatesAsync(Post.PartnershipId, cancellationToken);
        var holder = Candidates.FirstOrDefault(c => c.UserId == UserId)?.Name;
        return await SaveAsync(() => establishment.FillPostAsync(id, Version, new FillPostForm(UserId, Employment, StartDate), Actor.Current(), cancellationToken),
            $"Post {Post.Reference} filled by {holder}", cancellationToken);
    }
}
