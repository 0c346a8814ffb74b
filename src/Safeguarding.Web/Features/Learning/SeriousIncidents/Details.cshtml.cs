using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Learning;
using Safeguarding.Core.Timescales;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Learning.SeriousIncidents;

public sealed class DetailsModel(SafeguardingDbContext db, SeriousIncidentRegister incidents, PartnershipTimescales timescales, ActorContext actor, TimeProvider clock) : PageModel
{
    public SeriousIncidentNotification? Notification { get; private set; }

    public IReadOnlyList<ClockSummary> Clocks { get; private set; } = [];

    [BindProperty]
    public DateOnly? NotifiedDate { get; set; }

    [BindProperty]
    public string? NotifiedTime { get; set; }

    [BindProperty]
    public string? ReasonForLateness { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await db.RecordAccessAsync(SeriousIncidentRegister.SubjectType, id.ToString(), "View serious incident notification", actor.Current(), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (NotifiedDate is null)
        {
            ModelState.AddModelError(nameof(NotifiedDate), "Enter the date the Panel was notified");
        }

        var notifiedAt = LondonTimeInput.Combine(NotifiedDate, NotifiedTime, nameof(NotifiedTime), ModelState, "the Panel was notified");
        if (ModelState.IsValid)
        {
            var result = await incidents.RecordPanelNotifiedAsync(id, notifiedAt!.Value, ReasonForLateness, actor.Current(), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Notice"] = "Notification to the Panel recorded";
                return RedirectToPage("Details", new { id });
            }

            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field == "NotifiedAt" ? nameof(NotifiedDate) : field, message);
            }
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Notification = await db.SeriousIncidentNotifications.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (Notification is null)
        {
            return false;
        }

        var setup = await timescales.ForAsync(db, Notification.PartnershipId, cancellationToken);
        var now = clock.GetUtcNow();
        Clocks = (await db.Clocks.AsNoTracking().Where(c => c.SubjectType == SeriousIncidentRegister.SubjectType && c.SubjectId == id).OrderBy(c => c.RuleId).ToListAsync(cancellationToken))
            .Select(c => ClockSummary.From(c, setup, now)).ToList();
        return true;
    }
}
