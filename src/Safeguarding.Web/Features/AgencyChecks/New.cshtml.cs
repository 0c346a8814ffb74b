using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Timescales;
using Safeguarding.Web.Access;
using Safeguarding.Web.Features.Timescales;

namespace Safeguarding.Web.Features.AgencyChecks;

/// <summary>A front door worker asks agencies what they know about a contact: one request per agency ticked.</summary>
[Authorize(Policy = AccessPolicies.AgencyChecksRequest)]
public sealed class NewModel(SafeguardingDbContext db, Core.FrontDoor.AgencyChecks checks, PartnershipTimescales timescales, ActorContext actor, TimeProvider clock) : PageModel
{
    public sealed record AgencyOption(Guid Id, string Name, AgencyType Type, bool AlreadyAsked);

    public sealed record PriorityOption(RagPriority Priority, string Deadline, DateTimeOffset DueAt);

    public Contact? Contact { get; private set; }

    public IReadOnlyList<AgencyOption> Agencies { get; private set; } = [];

    public IReadOnlyList<PriorityOption> PriorityOptions { get; private set; } = [];

    /// <summary>The agencies ticked. A short name on purpose: the error summary lists fields by name length, so it reads in form order.</summary>
    [BindProperty]
    public List<Guid> Agency { get; set; } = [];

    [BindProperty]
    public RagPriority? Priority { get; set; }

    [BindProperty]
    public string? Question { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await db.RecordAccessAsync(Core.FrontDoor.Contact.SubjectType, id.ToString(), "Request agency checks", actor.Current(), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        // Only agencies offered on the page count; anything else posted is ignored.
        var chosen = Agency.Distinct().Where(a => Agencies.Any(o => o.Id == a && !o.AlreadyAsked)).ToList();
        if (chosen.Count == 0)
        {
            ModelState.AddModelError(nameof(Agency), "Select at least one agency to ask");
        }

        // Checked once for all agencies so the error summary lists each problem once.
        var first = await checks.RequestAsync(id, chosen.FirstOrDefault(), Priority, Question, actor.Current(), cancellationToken);
        foreach (var (field, message) in first.Errors)
        {
            var key = field == "AgencyId" ? nameof(Agency) : field;
            if (ModelState[key]?.Errors.Count is not > 0)
            {
                ModelState.AddModelError(key, message);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        foreach (var agencyId in chosen.Skip(1))
        {
            var result = await checks.RequestAsync(id, agencyId, Priority, Question, actor.Current(), cancellationToken);
            if (!result.Succeeded)
            {
                foreach (var (field, message) in result.Errors)
                {
                    ModelState.AddModelError(field == "AgencyId" ? nameof(Agency) : field, message);
                }

                await LoadAsync(id, cancellationToken);
                return Page();
            }
        }

        TempData["Notice"] = chosen.Count == 1 ? "Check requested from 1 agency" : $"Checks requested from {chosen.Count} agencies";
        return Redirect($"/front-door/contacts/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Contact = await db.Contacts.AsNoTracking().Include(c => c.Children).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (Contact is null)
        {
            return false;
        }

        // Schools only where a child goes there: a city has hundreds, and only the child's own school knows them.
        var schools = Contact.Children.Select(c => c.SchoolAgencyId).OfType<Guid>().ToList();
        var open = await db.AgencyInformationRequests.AsNoTracking().Where(r => r.ContactId == id && r.RespondedAt == null).Select(r => r.AgencyId).ToListAsync(cancellationToken);
        var agencies = await db.Agencies.AsNoTracking()
            .Where(a => a.IsActive && (a.Type != AgencyType.School || schools.Contains(a.Id)))
            .Select(a => new { a.Id, a.Name, a.Type })
            .ToListAsync(cancellationToken);
        Agencies = agencies
            .Select(a => new AgencyOption(a.Id, a.Name, a.Type, open.Contains(a.Id)))
            .OrderBy(a => AgencyCheckText.GroupOrder(a.Type)).ThenBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

        var setup = await timescales.ForAsync(db, Contact.PartnershipId, cancellationToken);
        var now = clock.GetUtcNow();
        PriorityOptions = AgencyCheckText.Priorities.Select(p =>
        {
            var rule = setup.Rules.RuleFor(Core.FrontDoor.AgencyChecks.RuleFor(p), now);
            return new PriorityOption(p, TimescaleText.Duration(rule.Duration, rule.Unit), setup.Evaluator.DueFor(rule, now).DueAt);
        }).ToList();
        return true;
    }
}
