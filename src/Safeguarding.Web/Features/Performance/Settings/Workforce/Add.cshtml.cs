using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Workforce;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Performance.Settings.Workforce;

/// <summary>Adds a post to the establishment from the date it was established.</summary>
public sealed class AddModel(Establishment establishment, ActorContext actor) : PageModel
{
    [BindProperty]
    public string? Reference { get; set; }

    [BindProperty]
    public string? Team { get; set; }

    [BindProperty]
    public WorkforceRole? Role { get; set; }

    [BindProperty]
    public DateOnly? EstablishedOn { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await establishment.AddPostAsync(new PostForm(Reference, Team, Role, EstablishedOn), actor.Current(), cancellationToken);
        if (result.Succeeded && ModelState.IsValid)
        {
            TempData["Notice"] = $"Post {result.Value!.Reference} added to {result.Value.Team}";
            return Redirect(WorkforcePage.EstablishmentUrl);
        }

        WorkforcePage.AddErrors(ModelState, result.Errors);
        return Page();
    }
}
