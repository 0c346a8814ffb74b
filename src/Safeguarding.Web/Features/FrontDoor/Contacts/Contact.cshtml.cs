using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Timescales;
using Safeguarding.Web.Access;
using Safeguarding.Web.Infrastructure;

namespace Safeguarding.Web.Features.FrontDoor.Contacts;

/// <summary>
/// A contact as the front door works it: everything the referrer sent, the 24-hour clock, screening,
/// consent, each child's match, history and the decision. Every view and download is audited.
/// </summary>
public sealed class ContactModel(SafeguardingDbContext db, FrontDoorWorkspace workspace, PartnershipTimescales timescales, ActorContext actor, TimeProvider clock) : PageModel
{
    public Contact Contact { get; private set; } = null!;

    public IReadOnlyList<AttachmentRow> Attachments { get; private set; } = [];

    public ClockStatus? DecisionClock { get; private set; }

    public (string Text, string Class) Rag { get; private set; }

    public ContactHistory History { get; private set; } = new([]);


    public IReadOnlyDictionary<Guid, string> MatchedNames { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyDictionary<string, string> NotReady { get; private set; } = new Dictionary<string, string>();

    public ContactDecision? CurrentDecision { get; private set; }

    public IReadOnlyList<ContactDecision> EarlierDecisions { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Workers { get; private set; } = [];

    public string? WorkerName { get; private set; }

    public bool IsManager => User.IsInRole(Roles.FrontDoorManager);

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    public Guid? WorkerId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await db.RecordAccessAsync(Contact.SubjectType, id.ToString(), "View contact", actor.Current(), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetAttachmentAsync(Guid id, Guid attachmentId, CancellationToken cancellationToken)
    {
        var file = await db.ContactAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.ContactId == id, cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        await db.RecordAccessAsync(Contact.SubjectType, id.ToString(), $"Download attachment {file.Id}", actor.Current(), cancellationToken);
        return File(file.Content, file.ContentType, file.FileName);
    }

    public Task<IActionResult> OnPostPickUpAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "You have picked up this contact", () => workspace.PickUpAsync(id, Version, actor.Current(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken cancellationToken) =>
        IsManager
            ? ChangeAsync(id, "Contact assigned", () => workspace.AssignAsync(id, Version, WorkerId, actor.Current(), cancellationToken), cancellationToken)
            : Task.FromResult<IActionResult>(Forbid());

    public Task<IActionResult> OnPostStartScreeningAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "Screening started", () => workspace.StartScreeningAsync(id, Version, actor.Current(), cancellationToken), cancellationToken);

    /// <summary>Runs a change; if someone saved the contact first, says who and shows the contact as it is now.</summary>
    private async Task<IActionResult> ChangeAsync(Guid id, string notice, Func<Task<ChangeResult<Contact>>> change, CancellationToken cancellationToken)
    {
        try
        {
            var result = await change();
            if (result.Succeeded)
            {
                TempData["Notice"] = notice;
                return RedirectToPage("Contact", new { id });
            }

            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field, message);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var changedBy = await ConcurrentChanges.LastChangedByAsync(db, Contact.SubjectType, id.ToString(), cancellationToken);
            ModelState.AddModelError("", $"{changedBy} changed this contact while you were looking at it, so your change was not made. Check the contact as it is now, then try again if it is still needed");
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.AsNoTracking()
            .Include(c => c.Children.OrderBy(x => x.Position))
            .Include(c => c.Household.OrderBy(x => x.Position))
            .Include(c => c.Concerns)
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contact is null)
        {
            return false;
        }

        Contact = contact;
        // A fresh version after a refused change: the next attempt works from what is there now.
        ModelState.Remove(nameof(Version));
        Version = contact.Version;
        Attachments = await db.ContactAttachments.AsNoTracking().Where(a => a.ContactId == id).OrderBy(a => a.UploadedAt)
            .Select(a => new AttachmentRow(a.Id, a.FileName, a.SizeBytes)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var fd1 = await db.Clocks.AsNoTracking()
            .Where(c => c.SubjectType == Contact.SubjectType && c.SubjectId == id && c.RuleId == FrontDoorWorkspace.DecisionRuleId)
            .OrderBy(c => c.StartedAt).FirstOrDefaultAsync(cancellationToken);
        if (fd1 is not null)
        {
            var setup = await timescales.ForAsync(db, contact.PartnershipId, cancellationToken);
            DecisionClock = setup.Evaluate(fd1, now);
        }

        Rag = ContactText.Rag(fd1?.DueAt, now, contact.State == ContactState.Decided);
        History = await workspace.HistoryAsync(contact, cancellationToken);
        NotReady = FrontDoorWorkspace.NotReadyForDecision(contact);
        var personIds = contact.Children.Where(c => c.PersonId is not null).Select(c => c.PersonId!.Value).ToList();
        MatchedNames = (await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).Select(p => new { p.Id, p.GivenName, p.FamilyName }).ToListAsync(cancellationToken))
            .ToDictionary(p => p.Id, p => $"{p.GivenName} {p.FamilyName}");
        var decisions = await db.ContactDecisions.AsNoTracking().Where(d => d.ContactId == id).OrderByDescending(d => d.DecidedAt).ToListAsync(cancellationToken);
        CurrentDecision = decisions.FirstOrDefault(d => d.SupersededAt == null);
        EarlierDecisions = decisions.Where(d => d.SupersededAt != null).ToList();
        Workers = (await workspace.FrontDoorStaffAsync(cancellationToken)).Select(u => (u.Id, u.DisplayName)).ToList();
        WorkerName = contact.AssignedWorkerId is { } w ? Workers.FirstOrDefault(x => x.Id == w).Name ?? "Someone no longer in the front door" : null;
        return true;
    }
}

public sealed record AttachmentRow(Guid Id, string FileName, long SizeBytes);
