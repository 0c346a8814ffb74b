using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Children;
using Safeguarding.Core.Children.Matching;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Web.Access;
using Safeguarding.Web.Features.Children.Match;

namespace Safeguarding.Web.Features.FrontDoor.Matching;

/// <summary>
/// Matching one child of a contact to the child record: the matching engine's candidates (restricted
/// records masked as the child search masks them), then confirm one, create a record, or leave it.
/// </summary>
public sealed class MatchModel(SafeguardingDbContext db, FrontDoorWorkspace workspace, RestrictedRecordAccess restricted, ActorContext actor, TimeProvider clock) : ContactFormPage(db)
{
    public Contact Contact { get; private set; } = null!;

    public ContactChild Child { get; private set; } = null!;

    public IReadOnlyList<MatchedChild> Candidates { get; private set; } = [];

    [BindProperty]
    public Guid? PersonId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid childId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, childId, cancellationToken))
        {
            return NotFound();
        }

        await Db.RecordAccessAsync(Core.FrontDoor.Contact.SubjectType, id.ToString(), "Match a child of the contact: " + string.Join(',', Candidates.Select(c => c.Id)), actor.Current(), cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostConfirmAsync(Guid id, Guid childId, CancellationToken cancellationToken) =>
        ChangeAsync(id, childId, "Child matched to a record", async () => (await workspace.ConfirmMatchAsync(id, childId, PersonId, actor.Current(), cancellationToken)).Errors, cancellationToken);

    public Task<IActionResult> OnPostCreateAsync(Guid id, Guid childId, CancellationToken cancellationToken) =>
        ChangeAsync(id, childId, "Child record created", async () => (await workspace.CreateChildRecordAsync(id, childId, actor.Current(), cancellationToken)).Errors, cancellationToken);

    public Task<IActionResult> OnPostLeaveAsync(Guid id, Guid childId, CancellationToken cancellationToken) =>
        ChangeAsync(id, childId, "Child left to match later", async () => (await workspace.LeaveUnmatchedAsync(id, childId, actor.Current(), cancellationToken)).Errors, cancellationToken);

    private async Task<IActionResult> ChangeAsync(Guid id, Guid childId, string notice, Func<Task<IReadOnlyDictionary<string, string>>> change, CancellationToken cancellationToken)
    {
        var errors = await change();
        if (errors.Count == 0)
        {
            TempData["Notice"] = notice;
            return RedirectToPage("/FrontDoor/Contacts/Contact", new { id });
        }

        AddErrors(errors);
        Db.ChangeTracker.Clear();
        return await LoadAsync(id, childId, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, Guid childId, CancellationToken cancellationToken)
    {
        if (await ContactAsync(id, cancellationToken) is not { } contact || contact.Children.SingleOrDefault(c => c.Id == childId) is not { } child)
        {
            return false;
        }

        Contact = contact;
        Child = child;
        var found = await workspace.CandidatesAsync(child, cancellationToken);
        var ids = found.Select(f => f.PersonId).ToList();
        var people = await Db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.Postcode, p.IsRestricted })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var granted = await restricted.GrantedAmongAsync(User.UserId() ?? Guid.Empty, people.Values.Where(p => p.IsRestricted).Select(p => p.Id).ToList(), clock.GetUtcNow(), cancellationToken);
        Candidates = found.Where(f => people.ContainsKey(f.PersonId)).Select((f, i) =>
        {
            var p = people[f.PersonId];
            var hidden = p.IsRestricted && !granted.Contains(p.Id);
            return new MatchedChild(i + 1, p.Id, hidden ? "Restricted record" : $"{p.GivenName} {p.FamilyName}",
                hidden ? null : p.DateOfBirth, hidden ? null : p.Postcode, p.IsRestricted, f.Score, f.Band,
                hidden ? [] : f.Reasons.Where(r => r.Outcome != ComparisonOutcome.Missing).Select(MatchReason.From).ToList(),
                hidden ? null : f.BandNote);
        }).ToList();
        return true;
    }
}
