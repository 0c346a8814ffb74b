using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Core.Timescales;

namespace Safeguarding.Web.Features.Children.Pathway;

/// <summary>How a statutory clock stands, for a tag.</summary>
public sealed record ClockState(DateOnly Due, string Text, string TagClass);

public sealed record AssessmentRow(Assessment Assessment, string? SocialWorker);

public sealed record EpisodeView(
    CinEpisode Episode,
    ClockState? Cw1,
    IReadOnlyList<AssessmentRow> Assessments,
    IReadOnlyList<CinPlan> CinPlans,
    IReadOnlyList<Core.Pathway.StrategyDiscussion> StrategyDiscussions,
    IReadOnlyList<Section47Enquiry> Enquiries,
    IReadOnlyList<ChildProtectionConference> Conferences,
    IReadOnlyList<ChildProtectionPlan> ProtectionPlans,
    IReadOnlyList<CoreGroupMeeting> CoreGroups)
{
    public bool HasOpenAssessment => Assessments.Any(a => !a.Assessment.IsCompleted);

    public bool HasActiveCinPlan => CinPlans.Any(p => p.EndDate is null);
}

/// <summary>
/// Everything on a child's pathway, every episode newest first, read straight from the tables
/// (strategy discussions, enquiries, conferences, plans and core groups are written elsewhere).
/// </summary>
public static class PathwayOverview
{
    public static async Task<IReadOnlyList<EpisodeView>> ForAsync(SafeguardingDbContext db, IReadOnlyList<Guid> childIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var episodes = await db.CinEpisodes.AsNoTracking().Where(e => childIds.Contains(e.PersonId))
            .OrderByDescending(e => e.ReferralDate).ThenByDescending(e => e.RecordedAt).ToListAsync(cancellationToken);
        if (episodes.Count == 0)
        {
            return [];
        }

        var ids = episodes.Select(e => e.Id).ToList();
        var assessments = await db.Assessments.AsNoTracking().Where(a => ids.Contains(a.EpisodeId)).OrderByDescending(a => a.StartDate).ToListAsync(cancellationToken);
        var workerIds = assessments.Where(a => a.SocialWorkerUserId is not null).Select(a => a.SocialWorkerUserId!.Value).Distinct().ToList();
        var workers = await db.Users.AsNoTracking().Where(u => workerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var cinPlans = await db.CinPlans.AsNoTracking().Where(p => ids.Contains(p.EpisodeId)).OrderByDescending(p => p.StartDate).ToListAsync(cancellationToken);
        var discussions = await db.StrategyDiscussions.AsNoTracking().Where(s => ids.Contains(s.EpisodeId)).OrderByDescending(s => s.HeldOn).ToListAsync(cancellationToken);
        var enquiries = await db.Section47Enquiries.AsNoTracking().Where(s => ids.Contains(s.EpisodeId)).OrderByDescending(s => s.StartDate).ToListAsync(cancellationToken);
        var conferences = await db.ChildProtectionConferences.AsNoTracking().Where(c => ids.Contains(c.EpisodeId)).OrderByDescending(c => c.HeldOn).ToListAsync(cancellationToken);
        var plans = await db.ChildProtectionPlans.AsNoTracking().Where(p => ids.Contains(p.EpisodeId)).OrderByDescending(p => p.StartDate).ToListAsync(cancellationToken);
        var planIds = plans.Select(p => p.Id).ToList();
        var coreGroups = await db.CoreGroupMeetings.AsNoTracking().Where(m => planIds.Contains(m.PlanId)).OrderByDescending(m => m.HeldOn).ToListAsync(cancellationToken);
        var clocks = await db.Clocks.AsNoTracking()
            .Where(c => c.SubjectType == Core.Pathway.Episodes.SubjectType && ids.Contains(c.SubjectId) && c.RuleId == Core.Pathway.Episodes.AssessmentRuleId)
            .ToListAsync(cancellationToken);

        return episodes.Select(e =>
        {
            var episodePlans = plans.Where(p => p.EpisodeId == e.Id).ToList();
            return new EpisodeView(
                e,
                clocks.Where(c => c.SubjectId == e.Id).OrderByDescending(c => c.StartedAt).Select(c => StateOf(c, now)).FirstOrDefault(),
                assessments.Where(a => a.EpisodeId == e.Id).Select(a => new AssessmentRow(a, a.SocialWorkerUserId is { } w && workers.TryGetValue(w, out var name) ? name : null)).ToList(),
                cinPlans.Where(p => p.EpisodeId == e.Id).ToList(),
                discussions.Where(s => s.EpisodeId == e.Id).ToList(),
                enquiries.Where(s => s.EpisodeId == e.Id).ToList(),
                conferences.Where(c => c.EpisodeId == e.Id).ToList(),
                episodePlans,
                coreGroups.Where(m => episodePlans.Any(p => p.Id == m.PlanId)).ToList());
        }).ToList();
    }

    /// <summary>Met, met late, not required, overdue, or due (soon within 5 working-ish days).</summary>
    public static ClockState StateOf(Clock clock, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var due = LondonTime.DateOf(clock.DueAt);
        if (clock.NotRequired)
        {
            return new(due, "Not required", "govuk-tag--grey");
        }

        if (clock.StoppedAt is not null)
        {
            return clock.IsMetLate ? new(due, "Completed late", "govuk-tag--orange") : new(due, "Completed in time", "govuk-tag--green");
        }

        if (now > clock.DueAt)
        {
            return new(due, "Overdue", "govuk-tag--red");
        }

        return clock.DueAt - now <= TimeSpan.FromDays(7) ? new(due, "Due soon", "govuk-tag--yellow") : new(due, "In time", "govuk-tag--blue");
    }
}
