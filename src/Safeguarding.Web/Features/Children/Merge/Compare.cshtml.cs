using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Merge;

/// <summary>Two records side by side: choose the one to keep, say why they are the same child, and merge.</summary>
public sealed class CompareModel(SafeguardingDbContext db, PersonMerging merging, IAuthorizationService authorization, ActorContext actor) : PageModel
{
    public Person? Child { get; private set; }

    public Person? Other { get; private set; }

    public IReadOnlyDictionary<Guid, string> SchoolNames { get; private set; } = new Dictionary<Guid, string>();

    [BindProperty]
    public Guid? SurvivorId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The versions of the two records the person compared: a merge of anything newer is refused.</summary>
    [BindProperty]
    public long ChildVersion { get; set; }

    [BindProperty]
    public long OtherVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid otherId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, otherId, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        SurvivorId = await merging.OlderOfAsync(id, otherId, cancellationToken);
        ChildVersion = Child!.Version;
        OtherVersion = Other!.Version;
        await RecordViewAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid otherId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, otherId, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (SurvivorId != id && SurvivorId != otherId)
        {
            ModelState.AddModelError(nameof(SurvivorId), "Select which record to keep");
        }

        if (ModelState.IsValid)
        {
            var keepChild = SurvivorId == id;
            var result = keepChild
                ? await merging.MergeAsync(id, otherId, Reason, ChildVersion, OtherVersion, actor.Current(), cancellationToken)
                : await merging.MergeAsync(otherId, id, Reason, OtherVersion, ChildVersion, actor.Current(), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Notice"] = "The records have been merged. Everything recorded on either record is now shown here";
                return Redirect($"/children/{SurvivorId}");
            }

            foreach (var (field, message) in result.Errors)
            {
                if (field == PersonMerging.ChangedElsewhere)
                {
                    ModelState.AddModelError("", await MergePages.ChangedElsewhereAsync(db, [id, otherId], "Nothing has been merged.", cancellationToken));
                    // Show what is there now, so trying again merges what the person has seen.
                    ChildVersion = Child!.Version;
                    OtherVersion = Other!.Version;
                }
                else
                {
                    ModelState.AddModelError(field == "Reason" ? nameof(Reason) : field.Length == 0 ? "" : nameof(SurvivorId), message);
                }
            }
        }

        await RecordViewAsync(cancellationToken);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid otherId, CancellationToken cancellationToken)
    {
        var people = await db.People.AsNoTracking().Where(p => p.Id == id || p.Id == otherId).ToListAsync(cancellationToken);
        Child = people.SingleOrDefault(p => p.Id == id && p.IsChild);
        Other = people.SingleOrDefault(p => p.Id == otherId);
        if (Child is null || Other is null)
        {
            return NotFound();
        }

        if (!await MergePages.CanOpenAllAsync(authorization, User, Child, Other))
        {
            return Forbid();
        }

        SchoolNames = await MergePages.SchoolNamesAsync(db, people, cancellationToken);
        return null;
    }

    private async Task RecordViewAsync(CancellationToken cancellationToken)
    {
        foreach (var person in new[] { Child!, Other! })
        {
            await db.RecordAccessAsync(RestrictedRecordAccess.PersonSubjectType, person.Id.ToString(), "Compare records to merge", actor.Current(), cancellationToken);
        }
    }
}
