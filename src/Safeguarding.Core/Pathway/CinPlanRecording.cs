using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Chronology;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Pathway;

/// <summary>Child in need plans on an open episode: one open plan per episode; a plan ends on or after its start.</summary>
public sealed class CinPlanRecording(SafeguardingDbContext db, ChildChronology chronology)
{
    public async Task<ChangeResult<CinPlan>> StartAsync(Guid episodeId, long episodeVersion, DateOnly? startDate, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var episode = await db.CinEpisodes.SingleOrDefaultAsync(e => e.Id == episodeId, cancellationToken);
        if (episode is null)
        {
            return ChangeResult<CinPlan>.Refused("", "This child in need episode no longer exists");
        }

        Episodes.ExpectVersion(db, episode, episodeId, episodeVersion);
        var errors = new Dictionary<string, string>();
        if (!episode.IsOpen)
        {
            errors[""] = "This child in need episode is closed: open a new referral to start a plan";
        }
        else if (await db.CinPlans.AnyAsync(p => p.EpisodeId == episodeId && p.EndDate == null, cancellationToken))
        {
            errors[""] = "This episode already has a child in need plan in place: end it before starting another";
        }

        AssessmentRecording.CheckDate(errors, "StartDate", startDate, episode.ReferralDate, "the plan started", "the referral date", context);
        if (errors.Count > 0)
        {
            return new ChangeResult<CinPlan>(null, errors);
        }

        var plan = new CinPlan
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = episode.PartnershipId,
            EpisodeId = episode.Id,
            PersonId = episode.PersonId,
            StartDate = startDate!.Value,
        };
        db.CinPlans.Add(plan);
        Episodes.Touch(db, episode);
        db.Record(new CinPlanStarted(plan.Id, episode.Id, plan.StartDate), context);
        return await SaveWithEntryAsync(plan, plan.StartDate, "Child in need plan started", context, cancellationToken);
    }

    public async Task<ChangeResult<CinPlan>> EndAsync(Guid planId, long version, DateOnly? endDate, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var plan = await db.CinPlans.SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return ChangeResult<CinPlan>.Refused("", "This child in need plan no longer exists");
        }

        Episodes.ExpectVersion(db, plan, planId, version);
        var errors = new Dictionary<string, string>();
        if (plan.EndDate is { } ended)
        {
            errors[""] = $"This plan has already ended, on {Episodes.Format(ended)}";
        }

        AssessmentRecording.CheckDate(errors, "EndDate", endDate, plan.StartDate, "the plan ended", "the date it started", context);
        if (errors.Count > 0)
        {
            return new ChangeResult<CinPlan>(null, errors);
        }

        plan.EndDate = endDate!.Value;
        db.Record(new CinPlanEnded(plan.Id, plan.EpisodeId, plan.EndDate.Value), context);
        return await SaveWithEntryAsync(plan, plan.EndDate.Value, "Child in need plan ended", context, cancellationToken);
    }

    private async Task<ChangeResult<CinPlan>> SaveWithEntryAsync(CinPlan plan, DateOnly on, string summary, ProcessContext context, CancellationToken cancellationToken)
    {
        var entry = await chronology.StageAsync(new ChronologyEntryForm(
            plan.PersonId, on, ChronologyEntryType.Plan, null, summary, IsSignificant: true, Source: Episodes.ChronologySource), context, cancellationToken);
        if (!entry.Succeeded)
        {
            return new ChangeResult<CinPlan>(null, entry.Errors);
        }

        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<CinPlan>.Done(plan);
    }
}
