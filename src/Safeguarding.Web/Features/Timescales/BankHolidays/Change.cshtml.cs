using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Calendar;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Timescales.BankHolidays;

/// <summary>Adds, moves or removes a future bank holiday; the calendar service validates and audits it.</summary>
public sealed class ChangeModel(BankHolidayAdministration administration, ActorContext actor) : PageModel
{
    public sealed class ChangeInput
    {
        [Required(ErrorMessage = "Select whether to add, move or remove a bank holiday")]
        public BankHolidayChangeKind? Kind { get; set; }

        [Required(ErrorMessage = "Enter the date of the bank holiday")]
        [Display(Name = "Date")]
        public DateOnly? Date { get; set; }

        [Display(Name = "New date")]
        public DateOnly? MovedTo { get; set; }

        [Required(ErrorMessage = "Enter a name for the bank holiday")]
        [StringLength(200, ErrorMessage = "The name must be 200 characters or fewer")]
        public string? Title { get; set; }

        [Required(ErrorMessage = "Enter the reason for the change")]
        [StringLength(2000, ErrorMessage = "The reason must be 2000 characters or fewer")]
        public string? Reason { get; set; }
    }

    [BindProperty]
    public ChangeInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.Kind == BankHolidayChangeKind.Move && Input.MovedTo is null && ModelState.GetFieldValidationState("Input.MovedTo") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError("Input.MovedTo", "Enter the date the bank holiday moves to");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var form = new BankHolidayChangeForm(Input.Kind!.Value, Input.Date!.Value, Input.Kind == BankHolidayChangeKind.Move ? Input.MovedTo : null, Input.Title!, Input.Reason!);
        var result = await administration.RecordChangeAsync(form, actor.Current(), cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var (_, message) in result.Errors)
            {
                ModelState.AddModelError(FieldFor(message), message);
            }

            return Page();
        }

        TempData["Notice"] = result.Value!.Kind switch
        {
            BankHolidayChangeKind.Add => $"{form.Title.Trim()} added on {DateDisplay.Readable(form.Date)}",
            BankHolidayChangeKind.Move => $"{form.Title.Trim()} moved from {DateDisplay.Readable(form.Date)} to {DateDisplay.Readable(form.MovedTo!.Value)}",
            _ => $"The bank holiday on {DateDisplay.Readable(form.Date)} removed",
        };
        return Redirect("/timescales/bank-holidays");
    }

    /// <summary>
    /// The service answers with one message for the whole form (key ""); put it on the field it is
    /// about so the summary links there.
    /// </summary>
    private string FieldFor(string message)
    {
        if (message.StartsWith("Enter a name", StringComparison.Ordinal))
        {
            return "Input.Title";
        }

        if (message.StartsWith("Enter the reason", StringComparison.Ordinal))
        {
            return "Input.Reason";
        }

        var aboutNewDate = message.Contains("moves to", StringComparison.Ordinal)
            || message.Contains("new date", StringComparison.Ordinal)
            || message.Contains("moved to a date", StringComparison.Ordinal)
            || (Input.Kind == BankHolidayChangeKind.Move && Input.MovedTo is { } to && message.StartsWith(DateDisplay.Readable(to), StringComparison.Ordinal));
        if (aboutNewDate)
        {
            return "Input.MovedTo";
        }

        return message.Contains(DateDisplay.Readable(Input.Date!.Value), StringComparison.Ordinal) || message.StartsWith("The date", StringComparison.Ordinal)
            ? "Input.Date"
            : "";
    }
}
