using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Performance;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Performance;

/// <summary>The owner's commentary on an indicator for a month, beside its figure; refused once the pack is signed off.</summary>
public sealed class CommentaryModel(PerformancePack pack, PackCommentary commentary, ActorContext actor, TimeProvider clock) : PageModel
{
    public sealed class CommentaryInput
    {
        [Required(ErrorMessage = "Enter the commentary")]
        [StringLength(PackCommentary.MaxLength, ErrorMessage = "The commentary must be 4,000 characters or fewer")]
        public string? Text { get; set; }

        /// <summary>The version the author started from (empty for new commentary), so a colleague's change is not overwritten.</summary>
        public long? Version { get; set; }
    }

    [BindProperty]
    public CommentaryInput Input { get; set; } = new();

    public PackIndicator Indicator { get; private set; } = null!;

    public DateOnly Month { get; private set; }

    public string MonthKey => PerformanceMonths.Key(Month);

    public async Task<IActionResult> OnGetAsync(string code, string? month, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, month, cancellationToken) is { } refused)
        {
            return refused;
        }

        Input = new CommentaryInput { Text = Indicator.Commentary?.Text, Version = Indicator.Commentary?.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, string? month, CancellationToken cancellationToken)
    {
        if (User.PartnershipId() is null || DefaultIndicators.Find(code) is not { } definition)
        {
            return NotFound();
        }

        // Write first: Core refuses a signed-off month; the pack is built only to show the form again.
        Month = PerformanceText.MonthFrom(month, clock.GetUtcNow());
        if (ModelState.IsValid)
        {
            var result = await commentary.WriteAsync(definition.Code, Month, Input.Text, Input.Version, actor.Current(), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Notice"] = $"Commentary saved for {definition.Code}, {PerformanceMonths.Name(Month)}";
                return Redirect($"/performance/pack?month={MonthKey}#{PerformanceText.Anchor(definition)}");
            }

            Settings.SettingsForms.AddErrors(ModelState, result.Errors);
        }

        return await LoadAsync(code, month, cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(string code, string? month, CancellationToken cancellationToken)
    {
        if (User.PartnershipId() is not { } partnershipId || DefaultIndicators.Find(code) is null)
        {
            return NotFound();
        }

        Month = PerformanceText.MonthFrom(month, clock.GetUtcNow());
        var built = await pack.BuildAsync(partnershipId, Month, cancellationToken);
        Indicator = built.Find(code)!;
        if (built.IsSignedOff)
        {
            TempData["Notice"] = $"The pack for {PerformanceMonths.Name(Month)} has been signed off, so its commentary is locked";
            return Redirect($"/performance/pack?month={MonthKey}#{PerformanceText.Anchor(Indicator.Definition)}");
        }

        return null;
    }
}
