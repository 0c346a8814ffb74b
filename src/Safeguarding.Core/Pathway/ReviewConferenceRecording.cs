using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Chronology;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Timescales;

namespace Safeguarding.Core.Pathway;

/// <summary>
/// A review conference of an active plan. It stops the review clock that was running (CW-7 for the
/// first review, CW-8 after), late with a reason. If the plan continues, the next review clock starts
/// from this conference by the rule's chain (CW-8, six months); if it ends, the plan ends on the
/// conference date and none of its clocks keeps running.
/// </summary>
public sealed class ReviewConferenceRecording(SafeguardingDbContext db, ClockService clocks, ChildChronology chronology, PartnershipTimescales timescales)
{
    private static readonly string[] ReviewRules = [ChildProtection.FirstReviewRuleId, ChildProtection.LaterReviewRuleId];

    public async Task<ChangeResult<ChildProtectionConference>> RecordAsync(
        Guid planId, long planVersion, ConferenceForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(context);
        var plan = await db.ChildProtectionPlans.SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return ChangeResult<ChildProtectionConference>.Refused("", "This child protection plan no longer exists");
        }

        if (plan.Version != planVersion)
        {
            return ChildProtection.Stale<ChildProtectionConference>();
        }

        var errors = new Dictionary<string, string>();
        if (!plan.IsActive)
        {
            errors[""] = $"This plan ended on {ChildProtection.Date(plan.EndDate!.Value)}: a review conference is for an active plan";
        }

        var heldOn = ChildProtection.PastDate(errors, nameof(form.HeldOn), form.HeldOn, "of the review conference", context);
        var previous = await db.ChildProtectionConferences.AsNoTracking()
            .Where(c => c.PlanId == plan.Id && c.Kind == ConferenceKind.Review)
            .OrderByDescending(c => c.HeldOn).Select(c => (DateOnly?)c.HeldOn).FirstOrDefaultAsync(cancellationToken);
        if (heldOn < plan.StartDate)
        {
            errors[nameof(form.HeldOn)] = $"The review conference must be on or after the plan started, {ChildProtection.Date(plan.StartDate)}";
            heldOn = null;
        }
        else if (previous is { } last && heldOn < last)
        {
            errors[nameof(form.HeldOn)] = $"The review conference must be on or after the previous review, {ChildProtection.Date(last)}";
            heldOn = null;
        }

        var chair = ChildProtection.RequiredText(errors, nameof(form.Chair), form.Chair, "Enter the name of the conference chair", "The chair's name", ChildProtection.LongestName);
        var attendance = await ChildProtection.AttendanceAsync(db, errors, form.Attendance, cancellationToken);
        string? category = null;
        if (form.Decision is not (ConferenceDecision.PlanContinues or ConferenceDecision.PlanEnded))
        {
            errors[nameof(form.Decision)] = "Select whether the plan continues or ends";
        }
        else if (form.Decision == ConferenceDecision.PlanContinues)
        {
            category = ChildProtection.Category(errors, form.CategoryOfAbuse);
        }

        var reviewClock = await ChildProtection.RunningClockAsync(db, ChildProtection.PlanSubjectType, plan.Id, ReviewRules, cancellationToken);
        var late = heldOn is { } date && reviewClock is not null && ChildProtection.On(date) > reviewClock.DueAt;
        var reason = late
            ? ChildProtection.RequiredText(errors, nameof(form.ReasonLate), form.ReasonLate,
                $"Enter why the review was held after it was due, {ChildProtection.Date(Calendar.LondonTime.DateOf(reviewClock!.DueAt))}", "The reason", ChildProtection.LongestReason)
            : null;

        if (errors.Count > 0)
        {
            return new ChangeResult<ChildProtectionConference>(null, errors);
        }

        var conference = new ChildProtectionConference
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = plan.PartnershipId,
            EpisodeId = plan.EpisodeId,
            PersonId = plan.PersonId,
            Kind = ConferenceKind.Review,
            PlanId = plan.Id,
            HeldOn = heldOn!.Value,
            Chair = chair!,
            Decision = form.Decision!.Value,
            CategoryOfAbuse = category,
            ReasonLate = reason,
        };
        conference.Attendance = ChildProtection.ToAttendance(attendance, plan.PartnershipId, conference.Id, context.Now);
        db.ChildProtectionConferences.Add(conference);
        ChildProtection.Touch(db, plan, planVersion);

        var heldAt = ChildProtection.On(conference.HeldOn);
        string? nextRule = null;
        if (reviewClock is not null)
        {
            var stopped = await clocks.StopClockAsync(reviewClock.Id, heldAt, reason, context, cancellationToken);
            if (!stopped.Succeeded)
            {
                return ChildProtection.RefusedBy<ChildProtectionConference>(stopped.Errors);
            }

            var setup = await timescales.ForAsync(db, plan.PartnershipId, cancellationToken);
            nextRule = setup.Rules.Version(reviewClock.RuleId, reviewClock.RuleVersionEffectiveFrom).NextRuleId;
        }

        if (conference.Decision == ConferenceDecision.PlanContinues)
        {
            plan.LatestCategory = category!;
            await clocks.StartClockAsync(new StartClock(nextRule ?? ChildProtection.LaterReviewRuleId, ChildProtection.PlanSubjectType, plan.Id, heldAt, context.UserId), context, cancellationToken);
        }
        else
        {
            plan.EndDate = conference.HeldOn;
            var stillRunning = await db.Clocks.Where(c => c.SubjectType == ChildProtection.PlanSubjectType && c.SubjectId == plan.Id && c.StoppedAt == null && !c.NotRequired && c.Id != (reviewClock == null ? Guid.Empty : reviewClock.Id))
                .Select(c => c.Id).ToListAsync(cancellationToken);
            foreach (var clockId in stillRunning)
            {
                await clocks.MarkNotRequiredAsync(clockId, context.WithReason("The child protection plan ended"), cancellationToken);
            }

            db.Record(new ChildProtectionPlanEnded(plan.Id, plan.PersonId, conference.HeldOn, conference.Id), context);
        }

        db.Record(new ReviewConferenceRecorded(conference.Id, plan.Id, plan.PersonId, conference.HeldOn, conference.Decision, category, late), context);
        var summary = conference.Decision == ConferenceDecision.PlanContinues
            ? $"Review child protection conference: plan continues, category {CinCensusCodes.Describe(CinCensusCodes.CategoriesOfAbuse, category).ToLowerInvariant()}"
            : "Review child protection conference: child protection plan ended";
        var staged = await chronology.StageAsync(new ChronologyEntryForm(
            plan.PersonId, conference.HeldOn, ChronologyEntryType.Conference, null, summary,
            IsSignificant: conference.Decision == ConferenceDecision.PlanEnded, Source: ChildProtection.ChronologySource, SourceReference: conference.Id.ToString()), context, cancellationToken);
        if (!staged.Succeeded)
        {
            return ChildProtection.RefusedBy<ChildProtectionConference>(staged.Errors);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ChildProtection.Stale<ChildProtectionConference>();
        }

        return ChangeResult<ChildProtectionConference>.Done(conference);
    }
}
