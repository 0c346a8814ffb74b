using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.Data;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.Care;

/// <summary>The child's periods of care, newest first: episodes, reviews, the review clock and adoption progress. Every view is audited.</summary>
public sealed class IndexModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, TimeProvider clock)
    : PathwayPage(db, authorization, actor)
{
    public IReadOnlyList<CarePeriodView> Periods { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid child, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(child, "View child's periods of care", cancellationToken) is { } refused)
        {
            return refused;
        }

        Periods = await CareOverview.ForAsync(Db, ChildIds, clock.GetUtcNow(), cancellationToken);
        return Page();
    }
}
