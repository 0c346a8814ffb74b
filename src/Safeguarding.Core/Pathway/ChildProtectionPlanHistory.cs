using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Pathway;

/// <summary>
/// A child's earlier child protection plans, across every record merged into theirs: the census's
/// NumberOfPreviousCPP and KPI 5's repeat plans.
/// </summary>
public static class ChildProtectionPlanHistory
{
    /// <summary>How far back a previous plan's end makes a new plan a repeat (KPI 5).</summary>
    public const int RepeatWithinYears = 2;

    /// <summary>
    /// A plan starting on <paramref name="start"/> is a repeat when an earlier plan ended on or before
    /// that day and no more than two years before it (ending exactly two years before counts).
    /// </summary>
    public static bool IsRepeatWithinTwoYears(DateOnly start, IEnumerable<DateOnly?> previousEnds)
    {
        ArgumentNullException.ThrowIfNull(previousEnds);
        var earliest = start.AddYears(-RepeatWithinYears);
        return previousEnds.Any(end => end is { } ended && ended <= start && ended >= earliest);
    }

    /// <summary>Every plan of the child (any of their merged records), oldest first.</summary>
    public static async Task<List<ChildProtectionPlan>> PlansOfChildAsync(SafeguardingDbContext db, Guid personId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var records = await ChildProtection.RecordsOfChildAsync(db, personId, cancellationToken);
        return await db.ChildProtectionPlans.AsNoTracking().Where(p => records.Contains(p.PersonId))
            .OrderBy(p => p.StartDate).ToListAsync(cancellationToken);
    }
}
