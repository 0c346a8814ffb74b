using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Performance;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Performance.Settings.Comparators;

/// <summary>Adds (or replaces) one published figure.</summary>
public sealed class AddModel(PerformanceAdministration administration, ActorContext actor) : PageModel
{
    public sealed class ComparatorInput
    {
        [Required(ErrorMessage = "Select an indicator")]
        public string? IndicatorCode { get; set; }

        [Required(ErrorMessage = "Select the comparator: statistical neighbours, England or region")]
        public ComparatorKind? Kind { get; set; }

        public string? Year { get; set; }

        [Required(ErrorMessage = "Enter the published figure")]
        public string? Value { get; set; }

        public string? Source { get; set; }
    }

    [BindProperty]
    public ComparatorInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var year = SettingsForms.WholeNumber(ModelState, "Input.Year", Input.Year, "Enter the year the financial year starts as a whole number, for example 2019 for 2019/20");
        var typed = SettingsForms.Number(ModelState, "Input.Value", Input.Value, "The published figure must be a number");
        var definition = DefaultIndicators.Find(Input.IndicatorCode ?? "");
        if (Input.IndicatorCode is not null && definition is null)
        {
            ModelState.AddModelError("Input.IndicatorCode", "Select an indicator");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var form = new ComparatorForm(definition!.Code, Input.Kind!.Value, year, IndicatorDisplay.FromInput(definition, typed), Input.Source);
        var result = await administration.SetComparatorAsync(form, actor.Current(), cancellationToken);
        if (!result.Succeeded)
        {
            SettingsForms.AddErrors(ModelState, result.Errors);
            return Page();
        }

        TempData["Notice"] = $"{IndicatorDisplay.Describe(form.Kind)} comparator for {definition.Code} in {PerformanceMonths.FinancialYearName(result.Value!.Year)} saved: {IndicatorDisplay.Format(definition, result.Value.Value)}";
        return Redirect("/performance/settings/comparators?indicator=" + Uri.EscapeDataString(definition.Code));
    }
}
