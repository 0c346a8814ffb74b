using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguarding.Web.Features.Children.Pathway;

/// <summary>The one way every pathway page says it saved: back to where the record is shown, with a success banner.</summary>
internal static class PageNotice
{
    public static IActionResult Redirect(PageModel page, string url, string notice)
    {
        page.TempData["Notice"] = notice;
        return new RedirectResult(url);
    }
}
