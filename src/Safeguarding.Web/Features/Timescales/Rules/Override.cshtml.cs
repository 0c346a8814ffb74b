using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Data;
using Safeguarding.Core.Timescales;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Timescales.Rules;

/// <summary>Adds a local version of a rule from a date.</summary>
public sealed class OverrideModel(SafeguardingDbContext db, PartnershipTimescales timescales, TimescaleRuleAdministration rules, ActorContext actor, TimeProvider clock) : PageModel
{
    public sealed class OverrideInput
    {
        [Required(ErrorMessage = "Enter the date the local version starts")]
        [Display(Name = "Starts on")]
        public DateOnly? EffectiveFrom { get; set; }

        // Text, so "2.5" gets our message rather than the framework's.
        [Required(ErrorMessage = "Enter the timescale")]
        public string? Duration { get; set; }

        [Required(ErrorMessage = "Select the unit")]
        public TimescaleUnit? Unit { get; set; }

        [Required(ErrorMessage = "Enter the due soon warning")]
        public string? DueSoonWarning { get; set; }

        [Required(ErrorMessage = "Enter the reason for the local version")]
        [StringLength(2000, ErrorMessage = "The reason must be 2000 characters or fewer")]
        public string? Reason { get; set; }
    }

    [BindProperty]
    public OverrideInput Input { get; set; } = new();

    public TimescaleRule Rule { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string ruleId, CancellationToken cancellationToken)
    {
        if (!Load(ruleId))
        {
            return NotFound();
        }

        // Start from the version in force today, local or default.
        var rules = User.PartnershipId() is { } partnershipId ? (await timescales.ForAsync(db, partnershipId, cancellationToken)).Rules : TimescaleRuleSet.Defaults;
        var current = rules.RuleFor(Rule.Id, LondonTime.DateOf(clock.GetUtcNow()));
        Input = new OverrideInput
        {
            Duration = current.Duration.ToString(CultureInfo.InvariantCulture),
            Unit = current.Unit,
            DueSoonWarning = current.DueSoonWarning.ToString(CultureInfo.InvariantCulture),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string ruleId, CancellationToken cancellationToken)
    {
        if (!Load(ruleId))
        {
            return NotFound();
        }

        var duration = WholeNumber(nameof(Input.Duration), Input.Duration, "The timescale must be a whole number");
        var dueSoon = WholeNumber(nameof(Input.DueSoonWarning), Input.DueSoonWarning, "The due soon warning must be a whole number");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var form = new TimescaleRuleOverrideForm(Rule.Id, Input.EffectiveFrom!.Value, duration!.Value, Input.Unit!.Value, dueSoon!.Value, Input.Reason!);
        var result = await rules.RecordOverrideAsync(form, actor.Current(Input.Reason), cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field.Length == 0 ? "" : $"Input.{field}", message);
            }

            return Page();
        }

        TempData["Notice"] = $"Local version of {Rule.Id} added, from {DateDisplay.Readable(form.EffectiveFrom)}";
        return Redirect("/timescales/rules");
    }

    private bool Load(string ruleId)
    {
        Rule = DefaultTimescaleRules.All.FirstOrDefault(r => r.Id == ruleId)!;
        return Rule is not null;
    }

    private int? WholeNumber(string field, string? text, string message)
    {
        if (text is null)
        {
            return null; // [Required] has said so
        }

        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        ModelState.AddModelError($"Input.{field}", message);
        return null;
    }
}
