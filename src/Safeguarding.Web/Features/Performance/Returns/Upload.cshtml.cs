using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Returns;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Performance.Returns;

/// <summary>
/// Upload a return made by another system (the case management system the authority submits from) to check it
/// here. The files are kept in memory for the person who uploaded them and the results page checks them.
/// </summary>
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class UploadModel(UploadedReturns uploads, TimeProvider clock) : PageModel
{
    /// <summary>Several times a big city's census (about 20 MB); a bigger upload is not a return.</summary>
    public const long MaxUploadBytes = 100 * 1024 * 1024;

    [BindProperty]
    public string? Return { get; set; }

    [BindProperty]
    public int? Year { get; set; }

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    public int CurrentYear => IndexModel.CollectionYearOf(LondonTime.DateOf(clock.GetUtcNow()));

    public void OnGet() => Year = CurrentYear;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } userId)
        {
            return NotFound();
        }

        var kind = IndexModel.Choose(Return, Year, CurrentYear, ModelState);
        var files = Files.Where(f => f.Length > 0).ToList();
        if (files.Count == 0)
        {
            ModelState.AddModelError(nameof(Files), Return == "ssda903" ? "Select the return's CSV files" : "Select the file or files to check");
        }
        else if (kind is { } chosen && files.FirstOrDefault(f => !Path.GetExtension(f.FileName).Equals(chosen == StatutoryReturn.CinCensus ? ".xml" : ".csv", StringComparison.OrdinalIgnoreCase)) is { } wrong)
        {
            ModelState.AddModelError(nameof(Files), chosen == StatutoryReturn.Ssda903
                ? $"{Path.GetFileName(wrong.FileName)} is not a CSV file: the SSDA903 is a set of .csv files"
                : $"{Path.GetFileName(wrong.FileName)} is not an XML file: the CIN census is one .xml file");
        }
        else if (kind == StatutoryReturn.CinCensus && files.Count > 1)
        {
            ModelState.AddModelError(nameof(Files), "Select one file: the CIN census is a single XML file");
        }

        if (!ModelState.IsValid || kind is null || Year is not { } year)
        {
            return Page();
        }

        var read = new List<(string Name, byte[] Content)>();
        foreach (var file in files)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            read.Add((Path.GetFileName(file.FileName), buffer.ToArray()));
        }

        var id = uploads.Keep(userId, new UploadedReturn(kind.Value, year, read));
        return Redirect($"/performance/returns?upload={id}");
    }
}
