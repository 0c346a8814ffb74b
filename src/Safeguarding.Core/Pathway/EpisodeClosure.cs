using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Chronology;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;

namespace Safeguarding.Core.Pathway;

/// <summary>
/// A team manager closes a child in need episode. The closure date is on or after the referral and
/// every event recorded in the episode; nothing may still be running (an assessment in progress, a
/// child in need plan or a child protection plan); RC8 and RC9 ("closed after assessment") need an
/// authorised assessment. NoFurtherAction (CIN census ReferralNFA) is set when the referral led to
/// nothing: no assessment, strategy discussion, section 47 enquiry, conference or plan of any kind.
/// </summary>
public sealed class EpisodeClosure(SafeguardingDbContext db, ChildChronology chronology)
{
    public static readonly string[] AfterAssessmentReasons = ["RC8", "RC9"];

    /// <summary>The rules without saving: the check-your-answers page asks before the manager confirms.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CheckAsync(Guid episodeId, DateOnly? closureDate, string? reason, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var episode = await db.CinEpisodes.AsNoTracking().SingleOrDefaultAsync(e => e.Id == episodeId, cancellationToken);
        return episode is null
            ? new Dictionary<string, string> { [""] = "This child in need episode no longer exists" }
            : await ErrorsAsync(episode, closureDate, reason, context, cancellationToken);
    }

    public async Task<ChangeResult<CinEpisode>> CloseAsync(Guid episodeId, long version, DateOnly? closureDate, string? reason, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var episode = await db.CinEpisodes.SingleOrDefaultAsync(e => e.Id == episodeId, cancellationToken);
        if (episode is null)
        {
            return ChangeResult<CinEpisode>.Refused("", "This child in need episode no longer exists");
        }

        Episodes.ExpectVersion(db, episode, episodeId, version);
        var errors = await ErrorsAsync(episode, closureDate, reason, context, cancellationToken);
        if (errors.Count > 0)
        {
            return new ChangeResult<CinEpisode>(null, errors);
        }

        var on = closureDate!.Value;
        episode.ClosureDate = on;
        episode.ClosureReason = reason;
        episode.NoFurtherAction = !await AnythingHappenedAsync(episode.Id, cancellationToken);
        db.Record(new CinEpisodeClosed(episode.Id, on, reason!, episode.NoFurtherAction), context);
        var entry = await chronology.StageAsync(new ChronologyEntryForm(
            episode.PersonId, on, ChronologyEntryType.Other, null,
            $"Child in need episode closed: {CinCensusCodes.Describe(CinCensusCodes.ClosureReasons, reason)}" + (episode.NoFurtherAction ? " (referral, no further action)" : ""),
            IsSignificant: true, Source: Episodes.ChronologySource), context, cancellationToken);
        if (!entry.Succeeded)
        {
            return new ChangeResult<CinEpisode>(null, entry.Errors);
        }

        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<CinEpisode>.Done(episode);
    }

    private async Task<Dictionary<string, string>> ErrorsAsync(CinEpisode episode, DateOnly? closureDate, string? reason, ProcessContext context, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var id = episode.Id;
        if (!episode.IsOpen)
        {
            errors[""] = $"This episode was already closed on {Episodes.Format(episode.ClosureDate!.Value)}";
            return errors;
        }

        if (await db.Assessments.AnyAsync(a => a.EpisodeId == id && a.AuthorisationDate == null, cancellationToken))
        {
            errors[""] = "An assessment is still in progress: authorise it before closing the episode";
        }
        else if (await db.CinPlans.AnyAsync(p => p.EpisodeId == id && p.EndDate == null, cancellationToken))
        {
            errors[""] = "The child in need plan is still in place: end it before closing the episode";
        }
        else if (await db.ChildProtectionPlans.AnyAsync(p => p.EpisodeId == id && p.EndDate == null, cancellationToken))
        {
            errors[""] = "The child protection plan is still in place: it ends at a review conference before the episode can close";
        }

        var latest = await LatestEventAsync(episode, cancellationToken);
        AssessmentRecording.CheckDate(errors, "ClosureDate", closureDate, latest.Date, "the episode closed", latest.What, context);
        if (!CinCensusCodes.IsClosureReason(reason))
        {
            errors["ClosureReason"] = "Select the reason for closure";
        }
        else if (AfterAssessmentReasons.Contains(reason) && !await db.Assessments.AnyAsync(a => a.EpisodeId == id && a.AuthorisationDate != null, cancellationToken))
        {
            errors["ClosureReason"] = "'Case closed after assessment' needs an authorised assessment in this episode: choose another reason";
        }

        return errors;
    }

    /// <summary>The last dated event in the episode: the closure cannot come before it.</summary>
    private async Task<(DateOnly Date, string What)> LatestEventAsync(CinEpisode episode, CancellationToken cancellationToken)
    {
        var id = episode.Id;
        var candidates = new List<(DateOnly? Date, string What)> { (episode.ReferralDate, "the referral date") };
        foreach (var a in await db.Assessments.AsNoTracking().Where(a => a.EpisodeId == id).ToListAsync(cancellationToken))
        {
            candidates.AddRange([(a.StartDate, "the assessment start"), (a.AllocatedOn, "the assessment's allocation"), (a.FirstVisitOn, "the assessment visit"), (a.AuthorisationDate, "the assessment's authorisation")]);
        }

        foreach (var p in await db.CinPlans.AsNoTracking().Where(p => p.EpisodeId == id).ToListAsync(cancellationToken))
        {
            candidates.AddRange([(p.StartDate, "the child in need plan's start"), (p.EndDate, "the child in need plan's end")]);
        }

        candidates.AddRange((await db.StrategyDiscussions.AsNoTracking().Where(s => s.EpisodeId == id).Select(s => s.HeldOn).ToListAsync(cancellationToken))
            .Select(d => ((DateOnly?)d, "the strategy discussion")));
        foreach (var s in await db.Section47Enquiries.AsNoTracking().Where(s => s.EpisodeId == id).ToListAsync(cancellationToken))
        {
            candidates.AddRange([(s.StartDate, "the section 47 enquiry's start"), (s.OutcomeDate, "the section 47 enquiry's outcome")]);
        }

        candidates.AddRange((await db.ChildProtectionConferences.AsNoTracking().Where(c => c.EpisodeId == id).Select(c => c.HeldOn).ToListAsync(cancellationToken))
            .Select(d => ((DateOnly?)d, "the conference")));
        var planIds = new List<Guid>();
        foreach (var p in await db.ChildProtectionPlans.AsNoTracking().Where(p => p.EpisodeId == id).ToListAsync(cancellationToken))
        {
            planIds.Add(p.Id);
            candidates.AddRange([(p.StartDate, "the child protection plan's start"), (p.EndDate, "the child protection plan's end")]);
        }

        candidates.AddRange((await db.CoreGroupMeetings.AsNoTracking().Where(m => planIds.Contains(m.PlanId)).Select(m => m.HeldOn).ToListAsync(cancellationToken))
            .Select(d => ((DateOnly?)d, "the core group meeting")));
        return candidates.Where(c => c.Date is not null).OrderByDescending(c => c.Date).Select(c => (c.Date!.Value, c.What)).First();
    }

    private async Task<bool> AnythingHappenedAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Assessments.AnyAsync(a => a.EpisodeId == id, cancellationToken)
        || await db.CinPlans.AnyAsync(p => p.EpisodeId == id, cancellationToken)
        || await db.StrategyDiscussions.AnyAsync(s => s.EpisodeId == id, cancellationToken)
        || await db.Section47Enquiries.AnyAsync(s => s.EpisodeId == id, cancellationToken)
        || await db.ChildProtectionConferences.AnyAsync(c => c.EpisodeId == id, cancellationToken)
        || await db.ChildProtectionPlans.AnyAsync(p => p.EpisodeId == id, cancellationToken);
}
