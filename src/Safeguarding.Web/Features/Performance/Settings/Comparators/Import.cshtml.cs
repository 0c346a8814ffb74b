using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Performance;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Performance.Settings.Comparators;

/// <summary>Loads comparators from a CSV file: all or nothing, every bad line named.</summary>
public sealed class ImportModel(PerformanceAdministration administration, ActorContext actor) : PageModel
{
    public const long MaxBytes = 1024 * 1024;

    public const string Example = ComparatorCsv.Header + "\n"
        + "KPI2,Statistical neighbours,2019/20,23%,DfE Characteristics of children in need 2019-20\n"
        + "RATE-REFERRALS,England,2019/20,535,DfE Characteristics of children in need 2019-20";

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Select a CSV file");
            return Page();
        }

        if (!Path.GetExtension(Upload.FileName).Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(Upload), "The selected file must be a CSV");
            return Page();
        }

        if (Upload.Length > MaxBytes)
        {
            // Refused before reading it into memory.
            ModelState.AddModelError(nameof(Upload), "The selected file must be smaller than 1MB");
            return Page();
        }

        string csv;
        try
        {
            using var reader = new StreamReader(Upload.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            csv = await reader.ReadToEndAsync(cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            ModelState.AddModelError(nameof(Upload), "The selected file must be a CSV saved as UTF-8 text");
            return Page();
        }

        var result = await administration.ImportComparatorsAsync(csv, actor.Current(), cancellationToken);
        if (!result.Succeeded)
        {
            // Every line's error, in line order, each linking to the file input.
            foreach (var message in result.Errors.OrderBy(e => LineOf(e.Key)).Select(e => e.Value))
            {
                ModelState.AddModelError(nameof(Upload), message);
            }

            return Page();
        }

        TempData["Notice"] = result.Value == 1 ? "1 comparator loaded" : $"{result.Value} comparators loaded";
        return Redirect("/performance/settings/comparators");
    }

    private static int LineOf(string key) => key.StartsWith("line", StringComparison.Ordinal) && int.TryParse(key.AsSpan(4), out var line) ? line : 0;
}
