using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Performance;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Performance.Settings;

/// <summary>Sets an indicator's target, tolerance and owner from a financial year on.</summary>
public sealed class TargetsModel(SafeguardingDbContext db, PerformanceAdministration administration, ActorContext actor, TimeProvider clock) : PageModel
{
    public sealed class TargetInput
    {
        // Text, so "twenty" or "2026/27" gets our message rather than the framework's.
        [Display(Name = "Financial year")]
        public string? Year { get; set; }

        public string? Target { get; set; }

        public string? ToleranceLow { get; set; }

        public string? ToleranceHigh { get; set; }

        [StringLength(200, ErrorMessage = "The owner must be 200 characters or fewer")]
        public string? Owner { get; set; }
    }

    [BindProperty]
    public TargetInput Input { get; set; } = new();

    public IndicatorDefinition Definition { get; private set; } = null!;

    public IReadOnlyList<IndicatorTarget> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!Load(code))
        {
            return NotFound();
        }

        // Start from what is in force this financial year.
        var year = SettingsForms.CurrentFinancialYear(clock);
        var month = new DateOnly(year, 4, 1);
        var settings = await PerformanceSettings.LoadAsync(db, User.PartnershipId() ?? Guid.Empty, month, month, cancellationToken);
        var (band, _) = settings.BandFor(Definition, month);
        Input = new TargetInput
        {
            Year = year.ToString(CultureInfo.InvariantCulture),
            Target = SettingsForms.Typed(IndicatorDisplay.ToInput(Definition, band?.Target)),
            ToleranceLow = SettingsForms.Typed(IndicatorDisplay.ToInput(Definition, band?.ToleranceLow)),
            ToleranceHigh = SettingsForms.Typed(IndicatorDisplay.ToInput(Definition, band?.ToleranceHigh)),
            Owner = settings.OwnerOf(Definition, month),
        };
        await LoadHistoryAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (!Load(code))
        {
            return NotFound();
        }

        var year = SettingsForms.WholeNumber(ModelState, "Input.Year", Input.Year, "Enter the year the financial year starts as a whole number, for example 2026 for 2026/27");
        var target = SettingsForms.Number(ModelState, "Input.Target", Input.Target, "The target must be a number");
        var low = SettingsForms.Number(ModelState, "Input.ToleranceLow", Input.ToleranceLow, "The lower end of the tolerance must be a number");
        var high = SettingsForms.Number(ModelState, "Input.ToleranceHigh", Input.ToleranceHigh, "The upper end of the tolerance must be a number");
        if (ModelState.IsValid)
        {
            var form = new TargetForm(Definition.Code, year, IndicatorDisplay.FromInput(Definition, target), IndicatorDisplay.FromInput(Definition, low),
                IndicatorDisplay.FromInput(Definition, high), Input.Owner);
            var result = await administration.SetTargetAsync(form, actor.Current(), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Notice"] = $"Target for {Definition.Code} set from {PerformanceMonths.FinancialYearName(result.Value!.Year)}: {IndicatorDisplay.Band(Definition, result.Value.Band)}";
                return Redirect("/performance/settings");
            }

            SettingsForms.AddErrors(ModelState, result.Errors);
        }

        await LoadHistoryAsync(cancellationToken);
        return Page();
    }

    private bool Load(string code)
    {
        Definition = DefaultIndicators.Find(code)!;
        return Definition is not null;
    }

    private async Task LoadHistoryAsync(CancellationToken cancellationToken)
    {
        var partnershipId = User.PartnershipId() ?? Guid.Empty;
        History = await db.IndicatorTargets.AsNoTracking()
            .Where(t => t.PartnershipId == partnershipId && t.IndicatorCode == Definition.Code)
            .OrderByDescending(t => t.Year)
            .ToListAsync(cancellationToken);
    }
}
