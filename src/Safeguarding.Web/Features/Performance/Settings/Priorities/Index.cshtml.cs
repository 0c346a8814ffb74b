using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Performance;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Performance.Settings.Priorities;

/// <summary>The partnership dashboard's priorities in order, with their measures; moving a priority up or down.</summary>
public sealed class IndexModel(DashboardPriorities priorities, ActorContext actor) : PageModel
{
    public IReadOnlyList<DashboardPriority> Priorities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Priorities = await priorities.ListAsync(User.PartnershipId() ?? Guid.Empty, cancellationToken);

    public Task<IActionResult> OnPostUpAsync(Guid id, CancellationToken cancellationToken) => MoveAsync(id, -1, cancellationToken);

    public Task<IActionResult> OnPostDownAsync(Guid id, CancellationToken cancellationToken) => MoveAsync(id, 1, cancellationToken);

    private async Task<IActionResult> MoveAsync(Guid id, int direction, CancellationToken cancellationToken)
    {
        var result = await priorities.MoveAsync(id, direction, actor.Current(), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Notice"] = $"{result.Value!.Name} moved {(direction < 0 ? "up" : "down")}";
        }

        return Redirect("/performance/settings/priorities");
    }
}
