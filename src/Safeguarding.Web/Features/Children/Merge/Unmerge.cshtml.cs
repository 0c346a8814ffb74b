using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Merge;

/// <summary>Undo a merge: the two records become separate again, each with exactly the facts it had.</summary>
public sealed class UnmergeModel(SafeguardingDbContext db, PersonMerging merging, IAuthorizationService authorization, ActorContext actor) : PageModel
{
    public Person? Child { get; private set; }

    public PersonMerge? Merge { get; private set; }

    public Person? Survivor { get; private set; }

    public Person? Merged { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The version of the merge the person saw: undoing a merge someone else changed since is refused.</summary>
    [BindProperty]
    public long Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid mergeId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, mergeId, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Version = Merge!.Version;
        await RecordViewAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid mergeId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, mergeId, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var result = await merging.UnmergeAsync(mergeId, Reason, Version, actor.Current(), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Notice"] = $"The records have been unmerged. {Merged!.FullName} has a separate record again";
            return Redirect($"/children/{id}/merges");
        }

        foreach (var (field, message) in result.Errors)
        {
            if (field == PersonMerging.ChangedElsewhere)
            {
                ModelState.AddModelError("", await MergePages.ChangedElsewhereAsync(db, [Merge!.SurvivorId, Merge.MergedId], "Nothing has been unmerged.", cancellationToken));
                Version = Merge.Version;
            }
            else
            {
                ModelState.AddModelError(field == "Reason" ? nameof(Reason) : "", message);
            }
        }

        await RecordViewAsync(cancellationToken);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid mergeId, CancellationToken cancellationToken)
    {
        Merge = await db.PersonMerges.AsNoTracking().SingleOrDefaultAsync(m => m.Id == mergeId && (m.SurvivorId == id || m.MergedId == id), cancellationToken);
        if (Merge is null)
        {
            return NotFound();
        }

        var people = await db.People.AsNoTracking().Where(p => p.Id == Merge.SurvivorId || p.Id == Merge.MergedId).ToListAsync(cancellationToken);
        Child = people.SingleOrDefault(p => p.Id == id && p.IsChild);
        Survivor = people.Single(p => p.Id == Merge.SurvivorId);
        Merged = people.Single(p => p.Id == Merge.MergedId);
        if (Child is null)
        {
            return NotFound();
        }

        return await MergePages.CanOpenAllAsync(authorization, User, Survivor, Merged) ? null : Forbid();
    }

    private async Task RecordViewAsync(CancellationToken cancellationToken)
    {
        foreach (var person in new[] { Survivor!, Merged! })
        {
            await db.RecordAccessAsync(RestrictedRecordAccess.PersonSubjectType, person.Id.ToString(), "Unmerge records", actor.Current(), cancellationToken);
        }
    }
}
