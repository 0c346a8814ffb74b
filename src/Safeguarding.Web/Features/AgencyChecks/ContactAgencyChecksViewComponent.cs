using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;

namespace Safeguarding.Web.Features.AgencyChecks;

/// <summary>
/// A contact's MASH checks for the contact page: <c>&lt;vc:contact-agency-checks contact-id="..." /&gt;</c>.
/// The page that shows it has already checked the user may open the contact.
/// </summary>
public sealed class ContactAgencyChecksViewComponent(SafeguardingDbContext db, TimeProvider clock) : ViewComponent
{
    public sealed record Row(Guid Id, string AgencyName, RagPriority Priority, string Question, DateTimeOffset RequestedAt, DateTimeOffset DueAt,
        DateTimeOffset? RespondedAt, string? Response, RagPriority? ResponseRag, bool Late);

    public sealed record Model(Guid ContactId, IReadOnlyList<Row> Rows, bool ShowRequestLink);

    /// <param name="showRequestLink">False on the request page itself.</param>
    public async Task<IViewComponentResult> InvokeAsync(Guid contactId, bool showRequestLink = true)
    {
        var now = clock.GetUtcNow();
        var requests = await db.AgencyInformationRequests.AsNoTracking()
            .Where(r => r.ContactId == contactId)
            .Join(db.Agencies, r => r.AgencyId, a => a.Id, (r, a) => new { Request = r, Agency = a.Name })
            .ToListAsync(HttpContext.RequestAborted);
        var rows = requests
            .Select(x => new Row(x.Request.Id, x.Agency, x.Request.Priority, x.Request.Question, x.Request.RequestedAt, x.Request.DueAt,
                x.Request.RespondedAt, x.Request.Response, x.Request.ResponseRag, Core.FrontDoor.AgencyChecks.IsLate(x.Request, now)))
            .OrderBy(r => r.RespondedAt is null ? 0 : 1).ThenBy(r => r.DueAt).ThenBy(r => r.AgencyName, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return View("/Features/AgencyChecks/ContactAgencyChecks.cshtml", new Model(contactId, rows, showRequestLink));
    }
}
