using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Performance;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Performance.Settings.Priorities;

/// <summary>Adds a priority at the end of the list.</summary>
public sealed class AddModel(DashboardPriorities priorities, ActorContext actor) : PageModel
{
    public sealed class PriorityInput
    {
        public string? Name { get; set; }

        public string? Description { get; set; }
    }

    [BindProperty]
    public PriorityInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await priorities.AddAsync(new PriorityForm(Input.Name, Input.Description), actor.Current(), cancellationToken);
        if (!result.Succeeded)
        {
            SettingsForms.AddErrors(ModelState, result.Errors);
            return Page();
        }

        TempData["Notice"] = $"{result.Value!.Name} added. Add the indicators that measure it";
        return Redirect($"/performance/settings/priorities/edit/{result.Value.Id}");
    }
}
