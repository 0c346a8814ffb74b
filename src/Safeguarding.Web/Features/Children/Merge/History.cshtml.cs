using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Merge;

/// <summary>Every merge this record took part in, who decided it and why, and whether it was undone.</summary>
public sealed class HistoryModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor) : PageModel
{
    public Person? Child { get; private set; }

    public IReadOnlyList<MergeEntry> Merges { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Child = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.IsChild, cancellationToken);
        if (Child is null)
        {
            return NotFound();
        }

        if (!await MergePages.CanOpenAllAsync(authorization, User, Child))
        {
            return Forbid();
        }

        var merges = await db.PersonMerges.AsNoTracking().Where(m => m.SurvivorId == id || m.MergedId == id).ToListAsync(cancellationToken);
        var otherIds = merges.Select(m => m.SurvivorId == id ? m.MergedId : m.SurvivorId).Distinct().ToList();
        var others = await db.People.AsNoTracking().Where(p => otherIds.Contains(p.Id)).ToListAsync(cancellationToken);
        var userIds = merges.Select(m => m.MergedByUserId).Concat(merges.Where(m => m.UnmergedByUserId is not null).Select(m => m.UnmergedByUserId!.Value)).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var entries = new List<MergeEntry>();
        foreach (var merge in merges.OrderByDescending(m => m.MergedAt))
        {
            var other = others.Single(p => p.Id == (merge.SurvivorId == id ? merge.MergedId : merge.SurvivorId));
            // A restricted record the user has not opened is not named here either.
            var otherName = await MergePages.CanOpenAllAsync(authorization, User, other) ? other.FullName : "Restricted record";
            entries.Add(new MergeEntry(merge, otherName, merge.SurvivorId == id, users.GetValueOrDefault(merge.MergedByUserId, "Unknown user"),
                merge.UnmergedByUserId is { } u ? users.GetValueOrDefault(u, "Unknown user") : null));
        }

        Merges = entries;
        await db.RecordAccessAsync(RestrictedRecordAccess.PersonSubjectType, id.ToString(), "View merge history", actor.Current(), cancellationToken);
        return Page();
    }
}

/// <summary>One merge as this record saw it: whether it kept this record or merged it into the other.</summary>
public sealed record MergeEntry(PersonMerge Merge, string OtherName, bool KeptThisRecord, string MergedBy, string? UnmergedBy);
