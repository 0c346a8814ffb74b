using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguarding.Web.Features;

[AllowAnonymous]
public sealed class AccessibilityModel : PageModel
{
    public void OnGet()
    {
    }
}
