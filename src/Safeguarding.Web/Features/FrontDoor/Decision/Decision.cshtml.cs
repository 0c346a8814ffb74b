using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Timescales;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.FrontDoor.Decision;

/// <summary>
/// A front door manager's decision on a contact, or a change to it (with a reason). The rationale is
/// always required: Ofsted found it inconsistently recorded.
/// </summary>
public sealed class DecisionModel(SafeguardingDbContext db, FrontDoorWorkspace workspace, ActorContext actor, TimeProvider clock) : ContactFormPage(db)
{
    public Contact Contact { get; private set; } = null!;

    public ContactDecision? Current { get; private set; }

    /// <summary>The FD-1 deadline has passed and this is the first decision: a reason for lateness is asked.</summary>
    public bool Late { get; private set; }

    public IReadOnlyDictionary<string, string> NotReady { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<(Guid Id, string Name)> Localities { get; private set; } = [];

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    public LevelOfNeed? LevelOfNeed { get; set; }

    [BindProperty]
    public ContactOutcome? Outcome { get; set; }

    [BindProperty]
    public string? Rationale { get; set; }

    [BindProperty]
    public Guid? EarlyHelpLocalityId { get; set; }

    [BindProperty]
    public string? ReferralSourceCode { get; set; }

    [BindProperty]
    public string? PrimaryNeedCode { get; set; }

    [BindProperty]
    public string? ReasonForLateness { get; set; }

    [BindProperty]
    public string? ChangeReason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Version = Contact.Version;
        if (Current is { } current)
        {
            (LevelOfNeed, Outcome, EarlyHelpLocalityId, ReferralSourceCode, PrimaryNeedCode) =
                (current.LevelOfNeed, current.Outcome, current.EarlyHelpLocalityId, current.ReferralSourceCode, current.PrimaryNeedCode);
        }

        await Db.RecordAccessAsync(Core.FrontDoor.Contact.SubjectType, id.ToString(), "Decide on contact", actor.Current(), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            var form = new ContactDecisionForm(LevelOfNeed, Outcome, Rationale, EarlyHelpLocalityId, ReferralSourceCode, PrimaryNeedCode, ReasonForLateness, ChangeReason);
            var result = await workspace.DecideAsync(id, Version, form, actor.Current(), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Notice"] = "Decision recorded and the referrer told";
                return RedirectToPage("/FrontDoor/Contacts/Contact", new { id });
            }

            AddErrors(result.Errors);
            Db.ChangeTracker.Clear();
        }
        catch (DbUpdateConcurrencyException)
        {
            await ConcurrentChangeAsync(id, cancellationToken);
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await ContactAsync(id, cancellationToken) is not { } contact)
        {
            return false;
        }

        Contact = contact;
        Current = await Db.ContactDecisions.AsNoTracking().SingleOrDefaultAsync(d => d.ContactId == id && d.SupersededAt == null, cancellationToken);
        var running = Current is null ? await workspace.RunningClockAsync(id, FrontDoorWorkspace.DecisionRuleId, cancellationToken) : null;
        Late = running is { } fd1 && clock.GetUtcNow() > fd1.DueAt;
        NotReady = FrontDoorWorkspace.NotReadyForDecision(contact);
        Localities = (await Db.Localities.AsNoTracking().OrderBy(l => l.Name).Select(l => new { l.Id, l.Name }).ToListAsync(cancellationToken))
            .Select(l => (l.Id, l.Name)).ToList();
        return true;
    }
}
