using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Performance;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Performance.Settings.Priorities;

/// <summary>Confirms removing a priority and its measures from the dashboard.</summary>
public sealed class DeleteModel(DashboardPriorities priorities, ActorContext actor) : PageModel
{
    public DashboardPriority Priority { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Priority = (await priorities.FindAsync(User.PartnershipId() ?? Guid.Empty, id, cancellationToken))!;
        return Priority is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await priorities.RemoveAsync(id, actor.Current(), cancellationToken);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        TempData["Notice"] = $"{result.Value!.Name} removed from the dashboard";
        return Redirect("/performance/settings/priorities");
    }
}
