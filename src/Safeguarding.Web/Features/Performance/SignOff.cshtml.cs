using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Performance;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Performance;

/// <summary>A manager signs off a month's pack: a confirmation page showing what is missing, then the lock.</summary>
public sealed class SignOffModel(PerformancePack pack, PackCommentary commentary, ActorContext actor, TimeProvider clock) : PageModel
{
    public MonthlyPack Pack { get; private set; } = null!;

    public DateOnly Month { get; private set; }

    public string MonthKey => PerformanceMonths.Key(Month);

    public IReadOnlyList<PackIndicator> WithoutCommentary => Pack.Indicators.Where(i => i.Definition.Group == IndicatorGroup.ContractKpi && i.Commentary is null).ToList();

    /// <summary>Contract KPIs with no figure for the month: no records behind it and none entered.</summary>
    public IReadOnlyList<PackIndicator> WithoutFigures => Pack.Indicators.Where(i => i.Definition.Group == IndicatorGroup.ContractKpi && i.Current.Figure.Value is null).ToList();

    public async Task<IActionResult> OnGetAsync(string? month, CancellationToken cancellationToken) =>
        await LoadAsync(month, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(string? month, CancellationToken cancellationToken)
    {
        if (User.PartnershipId() is null)
        {
            return NotFound();
        }

        // Sign off first (Core refuses a month not ended or already signed off); the pack is built only to show the refusal.
        Month = PerformanceText.MonthFrom(month, clock.GetUtcNow());
        var result = await commentary.SignOffAsync(Month, actor.Current(), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Notice"] = $"The pack for {PerformanceMonths.Name(Month)} is signed off";
            return Redirect($"/performance/pack?month={MonthKey}");
        }

        Settings.SettingsForms.AddErrors(ModelState, result.Errors, prefix: "");
        return await LoadAsync(month, cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(string? month, CancellationToken cancellationToken)
    {
        if (User.PartnershipId() is not { } partnershipId)
        {
            return NotFound();
        }

        Month = PerformanceText.MonthFrom(month, clock.GetUtcNow());
        Pack = await pack.BuildAsync(partnershipId, Month, cancellationToken);
        return Pack.IsSignedOff ? Redirect($"/performance/pack?month={MonthKey}") : null;
    }
}
