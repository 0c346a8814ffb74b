using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.Access;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Data;
using Safeguarding.Core.Workforce;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.Allocation;

/// <summary>
/// The child's allocated social worker and the history; a team manager allocates or reallocates
/// (which ends the current allocation on the new one's start date). The allocation is KPI 14's caseload.
/// </summary>
public sealed class IndexModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, CaseAllocations allocations, TimeProvider clock)
    : PathwayPage(db, authorization, actor)
{
    public IReadOnlyList<ChildAllocation> History { get; private set; } = [];

    public ChildAllocation? Current => History.FirstOrDefault(a => a.Allocation.EndDate is null);

    public IReadOnlyList<PostCandidate> SocialWorkers { get; private set; } = [];

    public bool CanAllocate { get; private set; }

    /// <summary>The current allocation the page showed: a different one on posting means someone else changed it.</summary>
    [BindProperty]
    public Guid? CurrentSeen { get; set; }

    [BindProperty]
    public Guid? WorkerUserId { get; set; }

    [BindProperty]
    public DateOnly? StartDate { get; set; }

    [BindProperty]
    public DateOnly? EndDate { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid child, [FromServices] IAuthorizationService policies, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(child, "View the child's allocation", cancellationToken) is { } refused)
        {
            return refused;
        }

        await LoadAsync(policies, cancellationToken);
        CurrentSeen = Current?.Allocation.Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid child, [FromServices] IAuthorizationService policies, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(child, null, cancellationToken) is { } refused)
        {
            return refused;
        }

        // Reading is for the pathway's roles; allocating is a team manager's decision.
        if (!(await policies.AuthorizeAsync(User, AccessPolicies.PathwayAuthorise)).Succeeded)
        {
            return Forbid();
        }

        var result = await allocations.AllocateAsync(Child.Id, CurrentSeen, new AllocationForm(WorkerUserId, StartDate), Actor.Current(), cancellationToken);
        if (result.Succeeded && ModelState.IsValid)
        {
            return SavedTo($"{OverviewUrl}/allocation", "Child allocated");
        }

        AddErrors(result.Errors);
        await LoadAsync(policies, cancellationToken);
        CurrentSeen = Current?.Allocation.Id;
        return Page();
    }

    /// <summary>The child's case closed: the worker holds it until the day before the end date.</summary>
    public async Task<IActionResult> OnPostEndAsync(Guid child, [FromServices] IAuthorizationService policies, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(child, null, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!(await policies.AuthorizeAsync(User, AccessPolicies.PathwayAuthorise)).Succeeded)
        {
            return Forbid();
        }

        // Only the allocation the page showed can be ended, and only if it is this child's.
        var current = await allocations.CurrentAsync(Child.Id, cancellationToken);
        var result = current is null || current.Id != CurrentSeen
            ? ChangeResult<CaseAllocation>.Refused("", "Someone else has changed this child's allocation: check it and try again")
            : await allocations.EndAsync(current.Id, EndDate, Actor.Current(), cancellationToken);
        if (result.Succeeded && ModelState.IsValid)
        {
            return SavedTo($"{OverviewUrl}/allocation", "Allocation ended");
        }

        AddErrors(result.Errors);
        await LoadAsync(policies, cancellationToken);
        CurrentSeen = Current?.Allocation.Id;
        return Page();
    }

    private async Task LoadAsync(IAuthorizationService policies, CancellationToken cancellationToken)
    {
        History = await allocations.HistoryAsync(Child.Id, Child.PartnershipId, cancellationToken);
        CanAllocate = (await policies.AuthorizeAsync(User, AccessPolicies.PathwayAuthorise)).Succeeded;
        if (CanAllocate)
        {
            SocialWorkers = await allocations.SocialWorkersAsync(Child.PartnershipId, LondonTime.DateOf(clock.GetUtcNow()), cancellationToken);
        }
    }
}
