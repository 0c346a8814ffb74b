using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.AgencyChecks;

/// <summary>
/// The MASH researcher's work list: requests to their own agency, open ones first by deadline.
/// Front door staff see every agency's, to chase the late ones.
/// </summary>
public sealed class IndexModel(SafeguardingDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(Guid Id, string Reference, string AgencyName, RagPriority Priority, DateTimeOffset RequestedAt, DateTimeOffset DueAt,
        DateTimeOffset? RespondedAt, RagPriority? ResponseRag, bool Late);

    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>Researchers see their own agency's requests; front door roles see all.</summary>
    public bool AllAgencies { get; private set; }

    public string? AgencyName { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Status = Status is "open" or "answered" ? Status : null;
        AllAgencies = RecordAccessRequirement.CrossAgencyRoles.Any(User.IsInRole);
        var agencyId = User.AgencyId();
        AgencyName = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken);

        var query = db.AgencyInformationRequests.AsNoTracking();
        if (!AllAgencies)
        {
            query = query.Where(r => r.AgencyId == agencyId);
        }

        query = Status switch
        {
            "open" => query.Where(r => r.RespondedAt == null),
            "answered" => query.Where(r => r.RespondedAt != null),
            _ => query,
        };

        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var page = await query
            .OrderBy(r => r.RespondedAt == null ? 0 : 1).ThenBy(r => r.DueAt).ThenBy(r => r.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Join(db.Contacts, r => r.ContactId, c => c.Id, (r, c) => new { Request = r, c.Reference })
            .Join(db.Agencies, x => x.Request.AgencyId, a => a.Id, (x, a) => new { x.Request, x.Reference, Agency = a.Name })
            .ToListAsync(cancellationToken);

        // The join can lose the order in some providers, so sort the page again in memory.
        var now = clock.GetUtcNow();
        Rows = page
            .Select(x => new Row(x.Request.Id, x.Reference, x.Agency, x.Request.Priority, x.Request.RequestedAt, x.Request.DueAt,
                x.Request.RespondedAt, x.Request.ResponseRag, Core.FrontDoor.AgencyChecks.IsLate(x.Request, now)))
            .OrderBy(r => r.RespondedAt is null ? 0 : 1).ThenBy(r => r.DueAt).ThenBy(r => r.Id)
            .ToList();
    }

    public string PageUrl(int page) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/agency-checks", new Dictionary<string, string?>
        {
            ["status"] = Status,
            ["page"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        }.Where(p => p.Value is not null));
}
