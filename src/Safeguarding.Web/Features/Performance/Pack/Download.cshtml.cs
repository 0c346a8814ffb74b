using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Performance;
using Safeguarding.Core.Reporting;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Performance.Pack;

/// <summary>The month's figures as CSV or an Excel workbook (with the 24-month trends on a second sheet).</summary>
public sealed class DownloadModel(PerformancePack pack, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? month, string? format, CancellationToken cancellationToken)
    {
        if (User.PartnershipId() is not { } partnershipId || format is not ("csv" or "xlsx"))
        {
            return NotFound();
        }

        var built = await pack.BuildAsync(partnershipId, PerformanceText.MonthFrom(month, clock.GetUtcNow()), cancellationToken);
        var stream = new MemoryStream();
        var name = $"performance-pack-{PerformanceMonths.Key(built.Month)}";
        if (format == "csv")
        {
            PackExport.WriteCsv(built, stream);
            stream.Position = 0;
            return File(stream, CsvWriter.ContentType, name + ".csv");
        }

        PackExport.WriteWorkbook(built, stream);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
    }
}
