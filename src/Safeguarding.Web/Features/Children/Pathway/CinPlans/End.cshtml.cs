using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.CinPlans;

/// <summary>End a child in need plan.</summary>
[Authorize(Policy = AccessPolicies.PathwayRecord)]
public sealed class EndModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, CinPlanRecording plans)
    : PathwayPage(db, authorization, actor)
{
    public CinPlan Plan { get; private set; } = null!;

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    public DateOnly? EndDate { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid child, Guid plan, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, plan, "End a child in need plan", cancellationToken) is { } refused)
        {
            return refused;
        }

        Version = Plan.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid child, Guid plan, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, plan, null, cancellationToken) is { } refused)
        {
            return refused;
        }

        try
        {
            var result = await plans.EndAsync(plan, Version, EndDate, Actor.Current(), cancellationToken);
            if (result.Succeeded && ModelState.IsValid)
            {
                return Done("Child in need plan ended");
            }

            AddErrors(result.Errors);
        }
        catch (DbUpdateConcurrencyException)
        {
            AddConcurrentChange();
            Plan = (await CinPlanAsync(plan, cancellationToken))!;
            Version = Plan.Version;
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid child, Guid plan, string? purpose, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(child, purpose, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (await CinPlanAsync(plan, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Plan = found;
        return null;
    }
}
