using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Workforce;
using Safeguarding.Web.Access;
using Safeguarding.Web.Features.Performance.Settings.Workforce;

namespace Safeguarding.Web.Features.Workforce.Supervision;

/// <summary>A team manager's supervision list: social workers in post, when each was last supervised, and recording a session (KPI 15).</summary>
public sealed class IndexModel(SupervisionRecording supervisions, ActorContext actor, TimeProvider clock) : PageModel
{
    public IReadOnlyList<SupervisedWorker> Workers { get; private set; } = [];

    [BindProperty]
    public Guid? WorkerUserId { get; set; }

    [BindProperty]
    public DateOnly? HeldOn { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var result = await supervisions.RecordAsync(new SupervisionForm(WorkerUserId, HeldOn), actor.Current(), cancellationToken);
        if (result.Succeeded && ModelState.IsValid)
        {
            var name = Workers.FirstOrDefault(w => w.UserId == result.Value!.WorkerUserId)?.Name ?? "the social worker";
            TempData["Notice"] = $"Supervision with {name} recorded";
            return Redirect("/workforce/supervision");
        }

        WorkforcePage.AddErrors(ModelState, result.Errors);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Workers = await supervisions.WorkersAsync(User.PartnershipId() ?? Guid.Empty, clock.GetUtcNow(), cancellationToken);
}
