using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguarding.Web.Features;

[AllowAnonymous]
public sealed class IndexModel(IWebHostEnvironment environment) : PageModel
{
    public bool ShowDemoUsers => environment.IsDevelopment();

    public void OnGet()
    {
    }
}
