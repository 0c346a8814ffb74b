using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Performance;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Performance.Settings;

/// <summary>The child population by financial year, and setting a year's figure.</summary>
public sealed class PopulationModel(SafeguardingDbContext db, PerformanceAdministration administration, ActorContext actor, TimeProvider clock) : PageModel
{
    public sealed class PopulationInput
    {
        public string? Year { get; set; }

        public string? Children { get; set; }

        public string? Source { get; set; }
    }

    [BindProperty]
    public PopulationInput Input { get; set; } = new();

    public IReadOnlyList<ChildPopulation> Populations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input = new PopulationInput { Year = SettingsForms.CurrentFinancialYear(clock).ToString(CultureInfo.InvariantCulture) };
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var year = SettingsForms.WholeNumber(ModelState, "Input.Year", Input.Year, "Enter the year the financial year starts as a whole number, for example 2026 for 2026/27");
        var children = SettingsForms.WholeNumber(ModelState, "Input.Children", Input.Children, "The number of children must be a whole number, for example 245000");
        if (ModelState.IsValid)
        {
            var result = await administration.SetPopulationAsync(new PopulationForm(year, children, Input.Source), actor.Current(), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Notice"] = $"Child population for {PerformanceMonths.FinancialYearName(result.Value!.Year)} set to {IndicatorDisplay.Count(result.Value.Children)}";
                return Redirect("/performance/settings/population");
            }

            SettingsForms.AddErrors(ModelState, result.Errors);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var partnershipId = User.PartnershipId() ?? Guid.Empty;
        Populations = await db.ChildPopulations.AsNoTracking().Where(p => p.PartnershipId == partnershipId).OrderByDescending(p => p.Year).ToListAsync(cancellationToken);
    }
}
