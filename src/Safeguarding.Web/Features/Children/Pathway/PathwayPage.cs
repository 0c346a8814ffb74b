using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway;

/// <summary>
/// A page on a child's pathway: it opens the child with the same checks as the record (restricted
/// records, merged records), audits each view, finds the episode or assessment in this child's
/// records only, and turns the service's field-keyed refusals into the page's error summary.
/// </summary>
public abstract class PathwayPage(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor) : PageModel
{
    public const string ConcurrentChange = "Someone else changed this record while you were working on it. Check what they recorded and try again";

    public Person Child { get; private set; } = null!;

    /// <summary>The child's record and every record merged into it.</summary>
    public IReadOnlyList<Guid> ChildIds { get; private set; } = [];

    protected SafeguardingDbContext Db => db;

    protected ActorContext Actor => actor;

    public string OverviewUrl => $"/children/{Child.Id}/pathway";

    /// <summary>Null when the child can be opened (the view audited when a purpose is given); otherwise the response to give.</summary>
    protected async Task<IActionResult?> OpenChildAsync(Guid id, string? viewPurpose, CancellationToken cancellationToken)
    {
        var child = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.IsChild, cancellationToken);
        if (child is null)
        {
            return NotFound();
        }

        if (child.MergedIntoId is not null)
        {
            return RedirectToPage("/Children/Child", new { id });
        }

        if (!(await authorization.AuthorizeAsync(User, child, RecordAccessRequirement.Open)).Succeeded)
        {
            // A restricted child is opened (with a reason) on the record itself first.
            return child.IsRestricted && child.PartnershipId == User.PartnershipId() ? RedirectToPage("/Children/Child", new { id }) : Forbid();
        }

        Child = child;
        ChildIds = await MergedRecords.IdsOfAsync(db, id, cancellationToken);
        if (viewPurpose is not null)
        {
            await db.RecordAccessAsync(RestrictedRecordAccess.PersonSubjectType, id.ToString(), viewPurpose, actor.Current(), cancellationToken);
        }

        return null;
    }

    /// <summary>The child's episode (on their record or one merged into it), or null.</summary>
    protected Task<CinEpisode?> EpisodeAsync(Guid episodeId, CancellationToken cancellationToken) =>
        db.CinEpisodes.AsNoTracking().SingleOrDefaultAsync(e => e.Id == episodeId && ChildIds.Contains(e.PersonId), cancellationToken);

    protected Task<Assessment?> AssessmentAsync(Guid assessmentId, CancellationToken cancellationToken) =>
        db.Assessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assessmentId && ChildIds.Contains(a.PersonId), cancellationToken);

    protected Task<CinPlan?> CinPlanAsync(Guid planId, CancellationToken cancellationToken) =>
        db.CinPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId && ChildIds.Contains(p.PersonId), cancellationToken);

    /// <summary>Back to the pathway with a success banner.</summary>
    protected IActionResult Done(string notice) => SavedTo(OverviewUrl, notice);

    /// <summary>Saved: back to where the record is shown, with a success banner saying what was done.</summary>
    protected IActionResult SavedTo(string url, string notice) => PageNotice.Redirect(this, url, notice);

    /// <summary>
    /// Adds the service's refusals; a field the model binder already refused (an impossible date)
    /// keeps the binder's message, so each field shows one error.
    /// </summary>
    protected void AddErrors(IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (field, message) in errors)
        {
            if (field.Length > 0 && ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0)
            {
                continue;
            }

            ModelState.AddModelError(field, message);
        }

        db.ChangeTracker.Clear();
    }

    protected void AddConcurrentChange()
    {
        db.ChangeTracker.Clear();
        ModelState.AddModelError("", ConcurrentChange);
    }

    /// <summary>Dates the model binder could not read count as missing for the service's own rules.</summary>
    protected bool BinderRefused(string field) => ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0;

    public static string Format(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}
