using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Performance;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Performance.Settings.Priorities;

/// <summary>One priority: its name, and the measures under it (add and remove).</summary>
public sealed class EditModel(DashboardPriorities priorities, ActorContext actor) : PageModel
{
    public sealed class PriorityInput
    {
        public string? Name { get; set; }

        public string? Description { get; set; }
    }

    public sealed class MeasureInput
    {
        public string? IndicatorCode { get; set; }

        public MeasureKind? Kind { get; set; }
    }

    [BindProperty]
    public PriorityInput Rename { get; set; } = new();

    [BindProperty]
    public MeasureInput Measure { get; set; } = new();

    public DashboardPriority Priority { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Rename = new PriorityInput { Name = Priority.Name, Description = Priority.Description };
        return Page();
    }

    public async Task<IActionResult> OnPostRenameAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var result = await priorities.RenameAsync(id, new PriorityForm(Rename.Name, Rename.Description), actor.Current(), cancellationToken);
        if (!result.Succeeded)
        {
            SettingsForms.AddErrors(ModelState, result.Errors, "Rename.");
            return Page();
        }

        TempData["Notice"] = $"Priority saved as {result.Value!.Name}";
        return Redirect($"/performance/settings/priorities/edit/{id}");
    }

    public async Task<IActionResult> OnPostAddMeasureAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var result = await priorities.AddMeasureAsync(id, new MeasureForm(Measure.IndicatorCode, Measure.Kind), actor.Current(), cancellationToken);
        if (!result.Succeeded)
        {
            Rename = new PriorityInput { Name = Priority.Name, Description = Priority.Description };
            SettingsForms.AddErrors(ModelState, result.Errors, "Measure.");
            return Page();
        }

        TempData["Notice"] = $"{result.Value!.IndicatorCode} added under \"{DashboardPriorities.Describe(result.Value.Kind)}\"";
        return Redirect($"/performance/settings/priorities/edit/{id}");
    }

    public async Task<IActionResult> OnPostRemoveMeasureAsync(Guid id, Guid measureId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var result = await priorities.RemoveMeasureAsync(id, measureId, actor.Current(), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Notice"] = $"{result.Value!.IndicatorCode} removed from \"{DashboardPriorities.Describe(result.Value.Kind)}\"";
        }

        return Redirect($"/performance/settings/priorities/edit/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Priority = (await priorities.FindAsync(User.PartnershipId() ?? Guid.Empty, id, cancellationToken))!;
        return Priority is not null;
    }
}
