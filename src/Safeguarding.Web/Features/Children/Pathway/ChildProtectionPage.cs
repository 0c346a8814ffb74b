using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;
using Safeguarding.Web.Features.Children.Chronology;

namespace Safeguarding.Web.Features.Children.Pathway;

/// <summary>
/// What the child protection pages share: the child opened with the record's own checks (a restricted
/// child is opened on the record first), the record they belong to checked against the child, every
/// view audited, the service's field-keyed refusals into the error summary, and the way back to the
/// child's pathway with a notice.
/// </summary>
[Authorize(Policy = AccessPolicies.PathwayRecord)]
public abstract class ChildProtectionPage(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor) : PageModel
{
    public Person Child { get; private set; } = null!;

    public IReadOnlyList<AgencyOption> Agencies { get; private set; } = [];

    protected SafeguardingDbContext Db => db;

    protected ActorContext Actor => actor;

    public string PathwayUrl => $"/children/{Child.Id}/pathway";

    /// <summary>Null when the child can be opened; otherwise the response to give.</summary>
    protected async Task<IActionResult?> OpenChildAsync(Guid childId, CancellationToken cancellationToken)
    {
        var (child, outcome) = await ChildAccess.CheckAsync(db, authorization, User, childId, cancellationToken);
        switch (outcome)
        {
            case ChildAccessOutcome.NotFound:
                return NotFound();
            case ChildAccessOutcome.Forbidden:
                return Forbid();
            case ChildAccessOutcome.RestrictedNotice:
                // A restricted record is opened, with a reason, on the record itself.
                return RedirectToPage("/Children/Child", new { id = childId });
        }

        if (child!.MergedIntoId is not null)
        {
            return RedirectToPage("/Children/Child", new { id = childId });
        }

        Child = child;
        return null;
    }

    /// <summary>True when a pathway record belongs to this child (their record or one merged into it).</summary>
    protected async Task<bool> BelongsToChildAsync(Guid personId, CancellationToken cancellationToken) =>
        (await MergedRecords.IdsOfAsync(db, Child.Id, cancellationToken)).Contains(personId);

    /// <summary>Every opening of a page showing the child's case is audited.</summary>
    protected Task AuditViewAsync(string purpose, CancellationToken cancellationToken) =>
        db.RecordAccessAsync(RestrictedRecordAccess.PersonSubjectType, Child.Id.ToString(), purpose, actor.Current(), cancellationToken);

    protected async Task LoadAgenciesAsync(CancellationToken cancellationToken) =>
        Agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name)
            .Select(a => new AgencyOption(a.Id, a.Name)).ToListAsync(cancellationToken);

    protected void AddErrors(IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (field, message) in errors)
        {
            var key = field == ChildProtection.ChangedElsewhere ? "" : field;

            // A date the binder could not read already has its own message.
            if (key.Length == 0 || ModelState[key]?.Errors.Count is not > 0)
            {
                ModelState.AddModelError(key, message);
            }
        }
    }

    /// <summary>Saved: back to the child's pathway, with what was done.</summary>
    protected IActionResult Saved(string notice) => PageNotice.Redirect(this, PathwayUrl, notice);

    /// <summary>"Add another row" posts the form back without checking it, so it works without JavaScript.</summary>
    protected void KeepTypingWithoutErrors() => ModelState.Clear();

    protected static string Date(DateOnly date) => ChildProtection.Date(date);
}

public sealed record AgencyOption(Guid Id, string Name);
