using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Learning;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Learning.SeriousIncidents;

public sealed class RecordModel(SeriousIncidentRegister incidents, ActorContext actor) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the date of the incident")]
    [Display(Name = "Date of the incident")]
    public DateOnly? IncidentDate { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter the date the local authority became aware")]
    [Display(Name = "Date the local authority became aware")]
    public DateOnly? AwareDate { get; set; }

    [BindProperty]
    public string? AwareTime { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Select whether the child died or was seriously harmed")]
    public SeriousIncidentOutcome? Outcome { get; set; }

    [BindProperty]
    public List<string> Criteria { get; set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var awareAt = LondonTimeInput.Combine(AwareDate, AwareTime, nameof(AwareTime), ModelState, "the local authority became aware");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var form = new SeriousIncidentForm(IncidentDate!.Value, awareAt!.Value, Outcome!.Value,
            Criteria.Contains("abuse-or-neglect"), Criteria.Contains("looked-after"), Criteria.Contains("care-leaver"));
        var result = await incidents.RecordAsync(form, actor.Current(), cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field switch
                {
                    nameof(SeriousIncidentForm.LocalAuthorityAwareAt) => nameof(AwareDate),
                    nameof(SeriousIncidentForm.AbuseOrNeglectKnownOrSuspected) => nameof(Criteria),
                    _ => field,
                }, message);
            }

            return Page();
        }

        TempData["Notice"] = $"{result.Value!.Reference} recorded. The 5 working day clock for notifying the Panel has started";
        return RedirectToPage("Details", new { id = result.Value.Id });
    }
}
