using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;

namespace Safeguarding.Web.Features.Admin;

public sealed class IndexModel(SafeguardingDbContext db) : PageModel
{
    public int Agencies { get; private set; }

    public int Users { get; private set; }

    public long AuditEvents { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var partnershipId = db.CurrentPartnershipId;
        Agencies = await db.Agencies.CountAsync(cancellationToken);
        Users = await db.Users.CountAsync(u => u.PartnershipId == partnershipId, cancellationToken);
        AuditEvents = await db.AuditEvents.LongCountAsync(e => e.PartnershipId == partnershipId, cancellationToken);
    }
}
