using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Children;
using Safeguarding.Core.Chronology;
using Safeguarding.Core.Data;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children;

/// <summary>
/// A child's record. Every opening is audited. A restricted child the user holds no grant for shows
/// only that the record is restricted, and asks why they need it before breaking glass.
/// </summary>
public sealed class ChildModel(SafeguardingDbContext db, IAuthorizationService authorization, RestrictedRecordAccess restricted, ChildChronology chronology, ActorContext actor, TimeProvider clock) : PageModel
{
    /// <summary>The few most recent significant events, so the record opens on what matters.</summary>
    public ChronologyPage? LatestSignificant { get; private set; }

    public Person? Child { get; private set; }

    /// <summary>False when the child is restricted and the user has not broken glass.</summary>
    public bool CanOpen { get; private set; }

    public DateOnly Today { get; private set; }

    public string? SchoolName { get; private set; }

    public IReadOnlyList<PersonAroundTheChild> PeopleAround { get; private set; } = [];

    public ChildRecordFacts Facts { get; private set; } = ChildRecordFacts.None;

    /// <summary>The record's owner or an administrator: they manage who can see it.</summary>
    public bool CanManageAccess { get; private set; }

    /// <summary>Set when the link followed was to a record since merged into this one.</summary>
    public bool ArrivedFromMergedRecord { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool merged, CancellationToken cancellationToken)
    {
        ArrivedFromMergedRecord = merged;
        var outcome = await LoadAsync(id, cancellationToken);
        if (outcome is not null)
        {
            return outcome;
        }

        var purpose = CanOpen ? "View child record" : "Restricted record notice shown; record not opened";
        await db.RecordAccessAsync(RestrictedRecordAccess.PersonSubjectType, id.ToString(), purpose, actor.Current(), cancellationToken);
        return Page();
    }

    /// <summary>Break glass: the reason is recorded, then the record opens.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await LoadAsync(id, cancellationToken);
        if (outcome is not null)
        {
            return outcome;
        }

        if (CanOpen)
        {
            return RedirectToPage("Child", new { id });
        }

        var result = await restricted.BreakGlassAsync(id, Reason, actor.Current(), cancellationToken);
        if (result.Succeeded)
        {
            return RedirectToPage("Child", new { id });
        }

        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(field == "Reason" ? nameof(Reason) : field, message);
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Child = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.IsChild, cancellationToken);
        if (Child is null)
        {
            return NotFound();
        }

        // An old link to a merged record leads to the record it now lives in.
        if (Child.MergedIntoId is not null && await MergedRecords.SurvivorOfAsync(db, id, cancellationToken) is { } survivor)
        {
            return RedirectToPage("Child", new { id = survivor, merged = true });
        }

        CanOpen = (await authorization.AuthorizeAsync(User, Child, RecordAccessRequirement.Open)).Succeeded;
        if (!CanOpen)
        {
            var restrictedOnly = Child.IsRestricted && Child.PartnershipId == User.PartnershipId();
            return restrictedOnly ? null : Forbid();
        }

        Today = LondonTime.DateOf(clock.GetUtcNow());
        SchoolName = Child.SchoolId is { } schoolId
            ? await db.Agencies.AsNoTracking().Where(a => a.Id == schoolId).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        PeopleAround = await PeopleAroundAsync(id, cancellationToken);
        Facts = await ChildRecordFacts.LoadAsync(db, id, cancellationToken);
        LatestSignificant = await chronology.ForChildAsync(id, new ChronologyFilter([], [], SignificantOnly: true), 1, 5, cancellationToken);
        CanManageAccess = User.UserId() is { } userId && await restricted.CanManageAsync(userId, id, cancellationToken);
        return null;
    }

    private async Task<IReadOnlyList<PersonAroundTheChild>> PeopleAroundAsync(Guid id, CancellationToken cancellationToken)
    {
        var fromChild = await db.PersonRelationships.AsNoTracking()
            .Where(r => r.PersonId == id)
            .Join(db.People, r => r.RelatedPersonId, p => p.Id, (r, p) => new { r.Type, FromTheChild = false, Person = p })
            .ToListAsync(cancellationToken);
        var toChild = await db.PersonRelationships.AsNoTracking()
            .Where(r => r.RelatedPersonId == id)
            .Join(db.People, r => r.PersonId, p => p.Id, (r, p) => new { r.Type, FromTheChild = true, Person = p })
            .ToListAsync(cancellationToken);
        var all = fromChild.Concat(toChild).ToList();

        var granted = await restricted.GrantedAmongAsync(User.UserId() ?? Guid.Empty, all.Where(a => a.Person.IsRestricted).Select(a => a.Person.Id).ToList(), clock.GetUtcNow(), cancellationToken);
        // Parents and carers first, the way a practitioner reads a family.
        return all
            .OrderBy(a => a.FromTheChild).ThenBy(a => a.Type).ThenBy(a => a.Person.DateOfBirth)
            .Select(a =>
            {
                var relationship = a.FromTheChild ? RelationshipWording.FromTheChild(a.Type) : RelationshipWording.ToTheChild(a.Type);
                var hidden = a.Person.IsRestricted && !granted.Contains(a.Person.Id);
                return new PersonAroundTheChild(
                    a.Person.Id,
                    relationship,
                    hidden ? "Restricted record" : a.Person.FullName,
                    hidden ? null : a.Person.DateOfBirth,
                    a.Person.IsChild,
                    a.Person.IsRestricted);
            })
            .ToList();
    }
}

public sealed record PersonAroundTheChild(Guid Id, string Relationship, string Name, DateOnly? DateOfBirth, bool IsChild, bool IsRestricted);
