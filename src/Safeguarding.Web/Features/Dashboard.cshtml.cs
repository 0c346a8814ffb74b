using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;
using Safeguarding.Core.Timescales;
using Safeguarding.Web.Access;
using Safeguarding.Web.Navigation;

namespace Safeguarding.Web.Features;

/// <summary>The landing page after sign-in: the person's roles, their deadlines at a glance, and the parts of the service open to them.</summary>
public sealed class DashboardModel(IAuthorizationService authorization, SafeguardingDbContext db, PartnershipTimescales timescales, TimeProvider clock) : PageModel
{
    public IReadOnlyList<string> RoleNames { get; private set; } = [];

    public IReadOnlyList<Module> Modules { get; private set; } = [];

    /// <summary>Null when the person has no deadlines page.</summary>
    public (int Overdue, int DueSoon, int Open)? Deadlines { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        RoleNames = Roles.All.Where(User.IsInRole).Select(Roles.Describe).ToList();
        var open = new List<Module>();
        foreach (var module in ModuleCatalogue.All.Where(m => m.Path != "/dashboard"))
        {
            if ((await authorization.AuthorizeAsync(User, module.Policy)).Succeeded)
            {
                open.Add(module);
            }
        }

        Modules = open;
        if ((await authorization.AuthorizeAsync(User, AccessPolicies.Timescales)).Succeeded && User.UserId() is { } userId && User.PartnershipId() is { } partnershipId)
        {
            var setup = await timescales.ForAsync(db, partnershipId, cancellationToken);
            var now = clock.GetUtcNow();
            var states = (await db.Clocks.AsNoTracking()
                    .Where(c => c.AssignedUserId == userId && c.StoppedAt == null && !c.NotRequired)
                    .ToListAsync(cancellationToken))
                .Select(c => setup.Evaluate(c, now).State)
                .ToList();
            Deadlines = (states.Count(s => s == ClockState.Overdue), states.Count(s => s is ClockState.DueSoon or ClockState.DueToday), states.Count);
        }
    }
}
