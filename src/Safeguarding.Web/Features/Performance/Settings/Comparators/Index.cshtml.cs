using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Performance;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Performance.Settings.Comparators;

/// <summary>Published figures the pack compares with, filtered by indicator.</summary>
public sealed class IndexModel(SafeguardingDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Indicator { get; set; }

    public IReadOnlyList<IndicatorComparator> Comparators { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var partnershipId = User.PartnershipId() ?? Guid.Empty;
        var query = db.IndicatorComparators.AsNoTracking().Where(c => c.PartnershipId == partnershipId);
        if (DefaultIndicators.Find(Indicator ?? "") is { } definition)
        {
            Indicator = definition.Code;
            query = query.Where(c => c.IndicatorCode == definition.Code);
        }
        else
        {
            Indicator = null;
        }

        var order = DefaultIndicators.All.Select((d, i) => (d.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.OrdinalIgnoreCase);
        Comparators = (await query.ToListAsync(cancellationToken))
            .OrderBy(c => order.GetValueOrDefault(c.IndicatorCode, int.MaxValue))
            .ThenByDescending(c => c.Year)
            .ThenBy(c => c.Kind)
            .ToList();
    }
}
