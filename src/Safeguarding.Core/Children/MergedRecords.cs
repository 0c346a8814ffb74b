using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Children;

/// <summary>
/// A child's record is the surviving person plus every record merged into it (and into those).
/// Facts stay on the record they were recorded against, so every reader asks for this set.
/// </summary>
public static class MergedRecords
{
    /// <summary>The person and every record merged into them, directly or through another merge.</summary>
    public static async Task<IReadOnlyList<Guid>> IdsOfAsync(SafeguardingDbContext db, Guid personId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = new List<Guid> { personId };
        var frontier = new List<Guid> { personId };
        // Merges are rare and shallow; a few round trips beat a recursive query both providers must share.
        while (frontier.Count > 0)
        {
            var current = frontier;
            frontier = await db.People.AsNoTracking()
                .Where(p => p.MergedIntoId != null && current.Contains(p.MergedIntoId.Value))
                .Select(p => p.Id)
                .ToListAsync(cancellationToken);
            frontier.RemoveAll(ids.Contains);
            ids.AddRange(frontier);
        }

        return ids;
    }

    /// <summary>The record a merged person now lives in (itself when not merged), or null when unknown.</summary>
    public static async Task<Guid?> SurvivorOfAsync(SafeguardingDbContext db, Guid personId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var seen = new HashSet<Guid>();
        Guid? current = personId;
        while (current is { } id && seen.Add(id))
        {
            var next = await db.People.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.MergedIntoId }).SingleOrDefaultAsync(cancellationToken);
            if (next is null)
            {
                return null;
            }

            if (next.MergedIntoId is null)
            {
                return id;
            }

            current = next.MergedIntoId;
        }

        return null;
    }
}
