using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Learning;
using Safeguarding.Core.Timescales;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Learning.SeriousIncidents;

public sealed class IndexModel(SafeguardingDbContext db, PartnershipTimescales timescales, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, string Reference, DateOnly IncidentDate, SeriousIncidentOutcome Outcome, DateTimeOffset AwareAt, DateTimeOffset? NotifiedAt, ClockSummary? Notification);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var setup = await timescales.ForAsync(db, User.PartnershipId()!.Value, cancellationToken);
        var now = clock.GetUtcNow();
        var notifications = await db.SeriousIncidentNotifications.AsNoTracking().OrderByDescending(n => n.LocalAuthorityAwareAt).ToListAsync(cancellationToken);
        var ids = notifications.Select(n => n.Id).ToList();
        var clocks = await db.Clocks.AsNoTracking()
            .Where(c => c.SubjectType == SeriousIncidentRegister.SubjectType && c.RuleId == "LR-1" && ids.Contains(c.SubjectId))
            .ToDictionaryAsync(c => c.SubjectId, cancellationToken);
        Rows = notifications.Select(n => new Row(n.Id, n.Reference, n.IncidentDate, n.Outcome, n.LocalAuthorityAwareAt, n.NotifiedToPanelAt,
            clocks.TryGetValue(n.Id, out var c) ? ClockSummary.From(c, setup, now) : null)).ToList();
    }
}
