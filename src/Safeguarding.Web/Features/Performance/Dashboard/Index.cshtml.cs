using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Performance;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Performance.Dashboard;

/// <summary>
/// The partnership dashboard: for each Business Improvement Plan priority, "how much did we do",
/// "how well did we do it" and "is anyone better off", drawn from the indicators with trend and status.
/// </summary>
public sealed class IndexModel(PerformancePack pack, SafeguardingDbContext db, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public DateOnly Month { get; private set; }

    public IReadOnlyList<DateOnly> Months { get; private set; } = [];

    public IReadOnlyList<DashboardPriority> Priorities { get; private set; } = [];

    public MonthlyPack? Pack { get; private set; }

    public bool CanConfigure { get; private set; }

    public static readonly IReadOnlyList<(MeasureKind Kind, string Question)> Questions =
    [
        (MeasureKind.HowMuch, "How much did we do?"),
        (MeasureKind.HowWell, "How well did we do it?"),
        (MeasureKind.BetterOff, "Is anyone better off?"),
    ];

    public async Task OnGetAsync(string? month, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        Month = PerformanceText.MonthFrom(month, now);
        Months = PerformanceText.MonthChoices(now);
        CanConfigure = (await authorization.AuthorizeAsync(User, AccessPolicies.PerformanceSettings)).Succeeded;
        if (User.PartnershipId() is not { } partnershipId)
        {
            return;
        }

        Priorities = await db.DashboardPriorities.AsNoTracking().Include(p => p.Measures)
            .Where(p => p.PartnershipId == partnershipId).OrderBy(p => p.Position).ThenBy(p => p.Name).ToListAsync(cancellationToken);
        if (Priorities.Count > 0)
        {
            Pack = await pack.BuildAsync(partnershipId, Month, cancellationToken);
        }
    }

    public IEnumerable<PackIndicator> MeasuresOf(DashboardPriority priority, MeasureKind kind) =>
        priority.Measures.Where(m => m.Kind == kind).OrderBy(m => m.Position)
            .Select(m => Pack?.Find(m.IndicatorCode)).OfType<PackIndicator>();
}
