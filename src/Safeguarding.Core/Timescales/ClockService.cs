using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Timescales;

public sealed record StartClock(string RuleId, string SubjectType, Guid SubjectId, DateTimeOffset StartedAt, Guid? AssignedUserId = null, Guid? AgencyId = null);

/// <summary>
/// Starts, stops and corrects statutory clocks; every change is recorded. The caller saves, so a clock
/// changes in the same transaction as the business event that moved it.
/// </summary>
public sealed class ClockService(SafeguardingDbContext db, PartnershipTimescales timescales)
{
    public async Task<Clock> StartClockAsync(StartClock start, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var partnershipId = context.PartnershipId ?? throw new InvalidOperationException("A clock belongs to a partnership.");
        var setup = await timescales.ForAsync(db, partnershipId, cancellationToken);
        var clock = Clock.Start(setup.Rules, setup.Evaluator, start.RuleId, partnershipId, start.SubjectType, start.SubjectId, start.StartedAt);
        clock.AssignedUserId = start.AssignedUserId;
        clock.AgencyId = start.AgencyId;
        db.Clocks.Add(clock);
        db.Record(new ClockStarted(clock.Id, clock.RuleId, clock.SubjectType, clock.SubjectId, clock.StartedAt, clock.DueAt), context);
        return clock;
    }

    /// <summary>Stops a clock; a late stop needs a reason, which the KPI commentary uses.</summary>
    public async Task<ChangeResult<Clock>> StopClockAsync(Guid clockId, DateTimeOffset stoppedAt, string? reasonForLateness, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var clock = await db.Clocks.SingleOrDefaultAsync(c => c.Id == clockId, cancellationToken);
        if (clock is null)
        {
            return ChangeResult<Clock>.Refused("", "This timescale no longer exists");
        }

        if (stoppedAt < clock.StartedAt)
        {
            return ChangeResult<Clock>.Refused("StoppedAt", "The date it was done must be on or after the date the timescale started");
        }

        if (stoppedAt > clock.DueAt && string.IsNullOrWhiteSpace(reasonForLateness))
        {
            return ChangeResult<Clock>.Refused("ReasonForLateness", "Enter the reason it was late");
        }

        clock.Stop(stoppedAt, reasonForLateness);
        db.Record(new ClockStopped(clock.Id, clock.StoppedAt!.Value, clock.IsMetLate, clock.ReasonForLateness), context);
        return ChangeResult<Clock>.Done(clock);
    }

    public async Task<ChangeResult<Clock>> MarkNotRequiredAsync(Guid clockId, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var clock = await db.Clocks.SingleOrDefaultAsync(c => c.Id == clockId, cancellationToken);
        if (clock is null)
        {
            return ChangeResult<Clock>.Refused("", "This timescale no longer exists");
        }

        clock.NotRequired = true;
        db.Record(new ClockMarkedNotRequired(clock.Id), context.WithReason(context.Reason ?? "Not required"));
        return ChangeResult<Clock>.Done(clock);
    }

    /// <summary>The start event was recorded wrongly: the due date is worked out again, and both are audited.</summary>
    public async Task<ChangeResult<Clock>> CorrectStartAsync(Guid clockId, DateTimeOffset correctedStart, ProcessContext context, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(context.Reason))
        {
            return ChangeResult<Clock>.Refused("Reason", "Enter why the start is being corrected");
        }

        var clock = await db.Clocks.SingleOrDefaultAsync(c => c.Id == clockId, cancellationToken);
        if (clock is null)
        {
            return ChangeResult<Clock>.Refused("", "This timescale no longer exists");
        }

        var setup = await timescales.ForAsync(db, clock.PartnershipId, cancellationToken);
        var (oldStart, oldDue) = (clock.StartedAt, clock.DueAt);
        clock.CorrectStart(correctedStart, setup.Rules, setup.Evaluator);
        db.Record(new ClockStartCorrected(clock.Id, oldStart, clock.StartedAt, oldDue, clock.DueAt), context);
        return ChangeResult<Clock>.Done(clock);
    }
}
