using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Data;

namespace Safeguarding.Web.Features.Admin.Audit;

/// <summary>The audit trail of the administrator's partnership, newest first, with filters.</summary>
public sealed class IndexModel(SafeguardingDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public AuditKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EventType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Subject { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    // Razor Pages keeps "page" for the page route value, so it is read from the query string explicitly.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEvent> Events { get; private set; } = [];

    public IReadOnlyList<string> EventTypes { get; private set; } = [];

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var partnershipId = db.CurrentPartnershipId;
        var query = db.AuditEvents.AsNoTracking().Where(e => e.PartnershipId == partnershipId);
        if (Kind is { } kind)
        {
            query = query.Where(e => e.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(EventType))
        {
            query = query.Where(e => e.EventType == EventType);
        }

        if (!string.IsNullOrWhiteSpace(Actor))
        {
            var actor = Actor.Trim().ToLower();
            query = query.Where(e => e.ActorName.ToLower().Contains(actor));
        }

        if (!string.IsNullOrWhiteSpace(Subject))
        {
            query = query.Where(e => e.SubjectId == Subject.Trim());
        }

        if (From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(e => e.OccurredAt >= start);
        }

        if (To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(e => e.OccurredAt < end);
        }

        EventTypes = await db.AuditEvents.Where(e => e.PartnershipId == partnershipId).Select(e => e.EventType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Events = await query.OrderByDescending(e => e.Sequence).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
    }

    public string PageUrl(int page) => Url.Page("Index", new { Kind, EventType, Actor, Subject, From, To, page })!;
}
