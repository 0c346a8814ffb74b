using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Performance;

namespace Safeguarding.Web.Features.Performance.Settings.Comparators;

/// <summary>A CSV template for the comparator import: the header row and one example line.</summary>
public sealed class TemplateModel : PageModel
{
    public IActionResult OnGet()
    {
        var csv = ComparatorCsv.Header + "\r\n" + "KPI2,Statistical neighbours,2019/20,23%,DfE Characteristics of children in need 2019-20\r\n";
        return File(Encoding.UTF8.GetBytes(csv), "text/csv", "comparators-template.csv");
    }
}
