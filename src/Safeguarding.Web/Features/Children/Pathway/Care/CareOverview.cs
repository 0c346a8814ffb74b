using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;

namespace Safeguarding.Web.Features.Children.Pathway.Care;

/// <summary>One period of care as the care page shows it: episodes in order, reviews, the review clock and the route to adoption.</summary>
public sealed record CarePeriodView(
    CarePeriod Period,
    IReadOnlyList<CareEpisode> Episodes,
    IReadOnlyList<LookedAfterReview> Reviews,
    ClockState? ReviewClock,
    string? ReviewRule,
    AdoptionRecord? Adoption)
{
    public CareEpisode? Current => Episodes.LastOrDefault(e => e.EndDate is null);
}

/// <summary>Every period of care of a child (their record and any merged into it), newest first, read straight from the tables.</summary>
public static class CareOverview
{
    public static async Task<IReadOnlyList<CarePeriodView>> ForAsync(SafeguardingDbContext db, IReadOnlyList<Guid> childIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var periods = await db.CarePeriods.AsNoTracking().Where(p => childIds.Contains(p.PersonId))
            .OrderByDescending(p => p.StartDate).ThenByDescending(p => p.RecordedAt).ToListAsync(cancellationToken);
        if (periods.Count == 0)
        {
            return [];
        }

        var ids = periods.Select(p => p.Id).ToList();
        var episodes = await db.CareEpisodes.AsNoTracking().Where(e => ids.Contains(e.CarePeriodId)).ToListAsync(cancellationToken);
        var reviews = await db.LookedAfterReviews.AsNoTracking().Where(r => ids.Contains(r.CarePeriodId)).ToListAsync(cancellationToken);
        var adoptions = await db.AdoptionRecords.AsNoTracking().Where(a => ids.Contains(a.CarePeriodId)).ToListAsync(cancellationToken);
        var clocks = await db.Clocks.AsNoTracking()
            .Where(c => c.SubjectType == CareRecording.SubjectType && ids.Contains(c.SubjectId) && CareRecording.ReviewRuleIds.Contains(c.RuleId))
            .ToListAsync(cancellationToken);

        return periods.Select(p =>
        {
            // The latest review clock says where the period stands: running, met, or not required once care ended.
            var clock = clocks.Where(c => c.SubjectId == p.Id).OrderByDescending(c => c.StartedAt).ThenBy(c => c.StoppedAt != null || c.NotRequired).FirstOrDefault();
            return new CarePeriodView(
                p,
                episodes.Where(e => e.CarePeriodId == p.Id).OrderBy(e => e.StartDate).ThenBy(e => e.EndDate ?? DateOnly.MaxValue).ThenBy(e => e.Id).ToList(),
                reviews.Where(r => r.CarePeriodId == p.Id).OrderByDescending(r => r.HeldOn).ToList(),
                clock is null ? null : PathwayOverview.StateOf(clock, now),
                clock?.RuleId,
                adoptions.FirstOrDefault(a => a.CarePeriodId == p.Id));
        }).ToList();
    }
}
