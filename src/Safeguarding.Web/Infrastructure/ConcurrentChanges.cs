using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Data;

namespace Safeguarding.Web.Infrastructure;

/// <summary>Says who got there first when two people edit the same record.</summary>
public static class ConcurrentChanges
{
    public static Task<string> LastChangedByAsync(SafeguardingDbContext db, string subjectType, string subjectId, CancellationToken cancellationToken) =>
        LastChangedByAsync(db, subjectType, [subjectId], cancellationToken);

    /// <summary>Who last changed any of the records, for a change that touches several at once.</summary>
    public static async Task<string> LastChangedByAsync(SafeguardingDbContext db, string subjectType, IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken)
    {
        var name = await db.AuditEvents.AsNoTracking()
            .Where(e => e.Kind == AuditKind.Write && e.SubjectType == subjectType && e.SubjectId != null && subjectIds.Contains(e.SubjectId))
            .OrderByDescending(e => e.Sequence)
            .Select(e => e.ActorName)
            .FirstOrDefaultAsync(cancellationToken);
        return name ?? "Someone else";
    }
}
