using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Timescales;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Timescales;

/// <summary>"Your deadlines": the signed-in person's open clocks, soonest first.</summary>
public sealed class IndexModel(SafeguardingDbContext db, PartnershipTimescales timescales, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ClockRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        if (userId is null || User.PartnershipId() is not { } partnershipId)
        {
            return;
        }

        var clocks = await db.Clocks.AsNoTracking()
            .Where(c => c.AssignedUserId == userId && c.StoppedAt == null && !c.NotRequired)
            .OrderBy(c => c.DueAt)
            .ToListAsync(cancellationToken);
        var setup = await timescales.ForAsync(db, partnershipId, cancellationToken);
        var now = clock.GetUtcNow();
        Rows = clocks.Select(c => ClockRow.For(setup, c, now)).ToList();
    }
}
