using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Chronology;
using Safeguarding.Core.Data;
using Safeguarding.Core.Timescales;

namespace Safeguarding.Core.Pathway;

/// <summary>What a core group meeting's record holds; the reason is asked only when the first meeting is late.</summary>
public sealed record CoreGroupForm(DateOnly? HeldOn, string? Notes, string? ReasonLate);

/// <summary>
/// A core group meeting of an active plan. The first stops CW-6 (10 working days from the initial
/// conference); a late first meeting needs a reason, kept on the clock for the KPI commentary.
/// </summary>
public sealed class CoreGroupRecording(SafeguardingDbContext db, ClockService clocks, ChildChronology chronology)
{
    public async Task<ChangeResult<CoreGroupMeeting>> RecordAsync(
        Guid planId, long planVersion, CoreGroupForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(context);
        var plan = await db.ChildProtectionPlans.SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return ChangeResult<CoreGroupMeeting>.Refused("", "This child protection plan no longer exists");
        }

        if (plan.Version != planVersion)
        {
            return ChildProtection.Stale<CoreGroupMeeting>();
        }

        var errors = new Dictionary<string, string>();
        if (!plan.IsActive)
        {
            errors[""] = $"This plan ended on {ChildProtection.Date(plan.EndDate!.Value)}: core group meetings are for an active plan";
        }

        var heldOn = ChildProtection.PastDate(errors, nameof(form.HeldOn), form.HeldOn, "of the meeting", context);
        if (heldOn < plan.StartDate)
        {
            errors[nameof(form.HeldOn)] = $"The meeting must be on or after the plan started, {ChildProtection.Date(plan.StartDate)}";
            heldOn = null;
        }

        var notes = ChildProtection.OptionalText(errors, nameof(form.Notes), form.Notes, "The notes", ChildProtection.LongText);
        var first = !await db.CoreGroupMeetings.AnyAsync(m => m.PlanId == plan.Id, cancellationToken);
        var coreGroupClock = first
            ? await ChildProtection.RunningClockAsync(db, ChildProtection.PlanSubjectType, plan.Id, [ChildProtection.CoreGroupRuleId], cancellationToken)
            : null;
        var late = heldOn is { } date && coreGroupClock is not null && ChildProtection.On(date) > coreGroupClock.DueAt;
        var reason = late
            ? ChildProtection.RequiredText(errors, nameof(form.ReasonLate), form.ReasonLate,
                $"Enter why the first core group was held after it was due, {ChildProtection.Date(Calendar.LondonTime.DateOf(coreGroupClock!.DueAt))}", "The reason", ChildProtection.LongestReason)
            : null;

        if (errors.Count > 0)
        {
            return new ChangeResult<CoreGroupMeeting>(null, errors);
        }

        var meeting = new CoreGroupMeeting
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = plan.PartnershipId,
            PlanId = plan.Id,
            PersonId = plan.PersonId,
            HeldOn = heldOn!.Value,
            Notes = notes,
        };
        db.CoreGroupMeetings.Add(meeting);

        // The plan's version moves, so two people recording the first meeting cannot both stop CW-6.
        ChildProtection.Touch(db, plan, planVersion);
        if (coreGroupClock is not null)
        {
            var stopped = await clocks.StopClockAsync(coreGroupClock.Id, ChildProtection.On(meeting.HeldOn), reason, context, cancellationToken);
            if (!stopped.Succeeded)
            {
                return ChildProtection.RefusedBy<CoreGroupMeeting>(stopped.Errors);
            }
        }

        db.Record(new CoreGroupMeetingRecorded(meeting.Id, plan.Id, plan.PersonId, meeting.HeldOn, first), context);
        var staged = await chronology.StageAsync(new ChronologyEntryForm(
            plan.PersonId, meeting.HeldOn, ChronologyEntryType.Plan, null,
            first ? "First core group meeting of the child protection plan" : "Core group meeting of the child protection plan",
            IsSignificant: false, Source: ChildProtection.ChronologySource, SourceReference: meeting.Id.ToString()), context, cancellationToken);
        if (!staged.Succeeded)
        {
            return ChildProtection.RefusedBy<CoreGroupMeeting>(staged.Errors);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ChildProtection.Stale<CoreGroupMeeting>();
        }

        return ChangeResult<CoreGroupMeeting>.Done(meeting);
    }
}
