using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Data;
using Safeguarding.Core.Performance;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Performance.Settings;

/// <summary>A month's figure entered by the performance team: history from before the system held the records behind it.</summary>
public sealed class FiguresModel(SafeguardingDbContext db, PerformanceAdministration administration, ActorContext actor, TimeProvider clock) : PageModel
{
    public const int Months = 24;

    public sealed class FigureInput
    {
        /// <summary>"2026-10", one of <see cref="MonthChoices"/>.</summary>
        public string? Month { get; set; }

        public string? Numerator { get; set; }

        public string? Denominator { get; set; }

        public string? Value { get; set; }

        public string? Source { get; set; }
    }

    public sealed record EnteredFigure(IndicatorFigure Figure, string? RecordedBy);

    [BindProperty]
    public FigureInput Input { get; set; } = new();

    public IndicatorDefinition Definition { get; private set; } = null!;

    /// <summary>This month and the 23 before it, newest first.</summary>
    public IReadOnlyList<DateOnly> MonthChoices { get; private set; } = [];

    public IReadOnlyList<EnteredFigure> Entered { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!Load(code))
        {
            return NotFound();
        }

        // Usually last month's figures are entered once the month is over.
        Input = new FigureInput { Month = PerformanceMonths.Key(MonthChoices[1]) };
        await LoadEnteredAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (!Load(code))
        {
            return NotFound();
        }

        DateOnly? month = PerformanceMonths.TryParseKey(Input.Month, out var parsed) && MonthChoices.Contains(parsed) ? parsed : null;
        if (month is null)
        {
            ModelState.AddModelError("Input.Month", "Select the month");
        }

        decimal? numerator = null, denominator = null, value = null;
        if (Definition.Format == IndicatorFormat.Percent)
        {
            numerator = SettingsForms.Number(ModelState, "Input.Numerator", Input.Numerator, "The number must be a number, for example 42");
            denominator = SettingsForms.Number(ModelState, "Input.Denominator", Input.Denominator, "The total must be a number, for example 50");
        }
        else
        {
            value = SettingsForms.Number(ModelState, "Input.Value", Input.Value, "The figure must be a number, for example 42");
        }

        if (ModelState.IsValid)
        {
            var form = new FigureForm(Definition.Code, month!.Value, numerator, denominator, value, Input.Source);
            var result = await administration.EnterFigureAsync(form, actor.Current(), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Notice"] = $"{Definition.Code} for {PerformanceMonths.Name(result.Value!.Month)} saved: {IndicatorDisplay.Format(Definition, result.Value.Value)}";
                return Redirect($"/performance/settings/figures/{Definition.Url}");
            }

            // A signed-off month is refused for the whole form; it is the month to change, so the message links there.
            SettingsForms.AddErrors(ModelState, result.Errors.ToDictionary(e => e.Key.Length == 0 ? nameof(FigureInput.Month) : e.Key, e => e.Value));
        }

        await LoadEnteredAsync(cancellationToken);
        return Page();
    }

    private bool Load(string code)
    {
        Definition = DefaultIndicators.Find(code)!;
        if (Definition is null)
        {
            return false;
        }

        MonthChoices = PerformanceText.MonthChoices(clock.GetUtcNow(), Months);
        return true;
    }

    private async Task LoadEnteredAsync(CancellationToken cancellationToken)
    {
        var partnershipId = User.PartnershipId() ?? Guid.Empty;
        var first = MonthChoices[^1];
        var figures = await db.IndicatorFigures.AsNoTracking()
            .Where(f => f.PartnershipId == partnershipId && f.IndicatorCode == Definition.Code && f.Month >= first)
            .OrderByDescending(f => f.Month)
            .ToListAsync(cancellationToken);
        var userIds = figures.Where(f => f.RecordedByUserId != null).Select(f => f.RecordedByUserId!.Value).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        Entered = [.. figures.Select(f => new EnteredFigure(f, f.RecordedByUserId is { } id ? names.GetValueOrDefault(id) : null))];
    }
}
