using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway;

/// <summary>The child's pathway: every child in need episode, newest first, with what happened in it. Every view is audited.</summary>
public sealed class OverviewModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, TimeProvider clock)
    : PathwayPage(db, authorization, actor)
{
    public IReadOnlyList<EpisodeView> Episodes { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    /// <summary>Whether the child is looked after now (an open period of care): the page offers to start one only when not.</summary>
    public bool IsLookedAfter { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid child, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(child, "View child's pathway", cancellationToken) is { } refused)
        {
            return refused;
        }

        Now = clock.GetUtcNow();
        Episodes = await PathwayOverview.ForAsync(Db, ChildIds, Now, cancellationToken);
        IsLookedAfter = await Db.CarePeriods.AnyAsync(p => ChildIds.Contains(p.PersonId) && p.EndDate == null, cancellationToken);
        return Page();
    }
}
