using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Access;

namespace Safeguarding.Web.Features;

/// <summary>The landing page after sign-in: the person's roles and the parts of the service open to them.</summary>
public sealed class DashboardModel : PageModel
{
    public IReadOnlyList<string> RoleNames { get; private set; } = [];

    public void OnGet() =>
        RoleNames = Roles.All.Where(User.IsInRole).Select(Roles.Describe).ToList();
}
