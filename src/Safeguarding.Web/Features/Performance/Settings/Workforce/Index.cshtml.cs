using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Workforce;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Performance.Settings.Workforce;

/// <summary>The establishment today, by team: each post with its holder (or vacant), filters, and the counts KPI 13 is made of.</summary>
public sealed class IndexModel(Establishment establishment, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Team { get; set; }

    [BindProperty(SupportsGet = true)]
    public WorkforceRole? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Vacant { get; set; }

    public DateOnly Today { get; private set; }

    public IReadOnlyList<string> Teams { get; private set; } = [];

    public IReadOnlyList<EstablishedPost> Posts { get; private set; } = [];

    public int VacantCount => Posts.Count(p => p.Holding is null);

    public int AgencyCount => Posts.Count(p => p.Holding?.Employment == Employment.Agency);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = LondonTime.DateOf(clock.GetUtcNow());
        var all = await establishment.PostsAsync(User.PartnershipId() ?? Guid.Empty, Today, cancellationToken);
        Teams = all.Select(p => p.Post.Team).Distinct().Order(StringComparer.OrdinalIgnoreCase).ToList();
        Posts = all.Where(p => (string.IsNullOrWhiteSpace(Team) || p.Post.Team == Team)
                && (Role is null || p.Post.Role == Role)
                && (!Vacant || p.Holding is null))
            .ToList();
    }
}
