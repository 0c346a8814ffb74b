using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Chronology;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Timescales;

namespace Safeguarding.Core.Pathway;

public sealed record InitialConferenceOutcome(ChildProtectionConference Conference, ChildProtectionPlan? Plan);

/// <summary>
/// The initial child protection conference an enquiry called. Holding it stops CW-5 (met, or late
/// with a reason). When the child becomes subject of a plan, the plan starts on the conference date
/// with its category, its count of earlier plans and whether it is a repeat within two years (KPI 5),
/// and CW-6 (first core group) and CW-7 (first review) start.
/// </summary>
public sealed class InitialConferenceRecording(SafeguardingDbContext db, ClockService clocks, ChildChronology chronology)
{
    private sealed record Checked(
        Section47Enquiry Enquiry,
        CinEpisode Episode,
        DateOnly HeldOn,
        string Chair,
        List<ConferenceAttendanceForm> Attendance,
        ConferenceDecision Decision,
        string? Category,
        string? ReasonLate,
        bool Late);

    /// <summary>Checks the answers without saving (the check-your-answers page asks this first).</summary>
    public async Task<IReadOnlyDictionary<string, string>> CheckAsync(Guid enquiryId, long enquiryVersion, ConferenceForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var (_, errors) = await ValidateAsync(enquiryId, enquiryVersion, form, context, cancellationToken);
        db.ChangeTracker.Clear();
        return errors;
    }

    public async Task<ChangeResult<InitialConferenceOutcome>> RecordAsync(
        Guid enquiryId, long enquiryVersion, ConferenceForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var (valid, errors) = await ValidateAsync(enquiryId, enquiryVersion, form, context, cancellationToken);
        if (valid is null)
        {
            return new ChangeResult<InitialConferenceOutcome>(null, errors);
        }

        var enquiry = valid.Enquiry;
        var conference = new ChildProtectionConference
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = enquiry.PartnershipId,
            EpisodeId = enquiry.EpisodeId,
            PersonId = enquiry.PersonId,
            Kind = ConferenceKind.Initial,
            Section47EnquiryId = enquiry.Id,
            HeldOn = valid.HeldOn,
            Chair = valid.Chair,
            Decision = valid.Decision,
            CategoryOfAbuse = valid.Category,
            ReasonLate = valid.ReasonLate,
        };
        conference.Attendance = ChildProtection.ToAttendance(valid.Attendance, enquiry.PartnershipId, conference.Id, context.Now);
        db.ChildProtectionConferences.Add(conference);
        ChildProtection.Touch(db, enquiry, enquiryVersion);
        enquiry.InitialConferenceId = conference.Id;

        var heldAt = ChildProtection.On(valid.HeldOn);
        if (await ChildProtection.RunningClockAsync(db, ChildProtection.EnquirySubjectType, enquiry.Id, [ChildProtection.InitialConferenceRuleId], cancellationToken) is { } conferenceClock)
        {
            var stopped = await clocks.StopClockAsync(conferenceClock.Id, heldAt, valid.ReasonLate, context, cancellationToken);
            if (!stopped.Succeeded)
            {
                return ChildProtection.RefusedBy<InitialConferenceOutcome>(stopped.Errors);
            }
        }

        ChildProtectionPlan? plan = null;
        if (valid.Decision == ConferenceDecision.PlanStarted)
        {
            var earlier = await ChildProtectionPlanHistory.PlansOfChildAsync(db, enquiry.PersonId, cancellationToken);
            plan = new ChildProtectionPlan
            {
                Id = Guid.CreateVersion7(context.Now),
                PartnershipId = enquiry.PartnershipId,
                EpisodeId = enquiry.EpisodeId,
                PersonId = enquiry.PersonId,
                InitialConferenceId = conference.Id,
                StartDate = valid.HeldOn,
                InitialCategory = valid.Category!,
                LatestCategory = valid.Category!,
                PreviousPlans = earlier.Count(p => p.StartDate <= valid.HeldOn),
                IsRepeatWithinTwoYears = ChildProtectionPlanHistory.IsRepeatWithinTwoYears(valid.HeldOn, earlier.Select(p => p.EndDate)),
            };
            db.ChildProtectionPlans.Add(plan);
            await clocks.StartClockAsync(new StartClock(ChildProtection.CoreGroupRuleId, ChildProtection.PlanSubjectType, plan.Id, heldAt, context.UserId), context, cancellationToken);
            await clocks.StartClockAsync(new StartClock(ChildProtection.FirstReviewRuleId, ChildProtection.PlanSubjectType, plan.Id, heldAt, context.UserId), context, cancellationToken);
            db.Record(new ChildProtectionPlanStarted(plan.Id, plan.PersonId, plan.StartDate, plan.InitialCategory, plan.PreviousPlans, plan.IsRepeatWithinTwoYears), context);
        }

        db.Record(new InitialConferenceRecorded(conference.Id, enquiry.Id, enquiry.PersonId, conference.HeldOn, conference.Decision, conference.CategoryOfAbuse, valid.Late, plan?.Id), context);
        var summary = plan is null
            ? "Initial child protection conference: no child protection plan"
            : $"Initial child protection conference: child protection plan started, category {CinCensusCodes.Describe(CinCensusCodes.CategoriesOfAbuse, plan.InitialCategory).ToLowerInvariant()}"
                + (plan.IsRepeatWithinTwoYears ? " (a repeat plan within two years)" : "");
        var staged = await chronology.StageAsync(new ChronologyEntryForm(
            enquiry.PersonId, conference.HeldOn, ChronologyEntryType.Conference, null, summary,
            IsSignificant: true, Source: ChildProtection.ChronologySource, SourceReference: conference.Id.ToString()), context, cancellationToken);
        if (!staged.Succeeded)
        {
            return ChildProtection.RefusedBy<InitialConferenceOutcome>(staged.Errors);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ChildProtection.Stale<InitialConferenceOutcome>();
        }

        return ChangeResult<InitialConferenceOutcome>.Done(new InitialConferenceOutcome(conference, plan));
    }

    private async Task<(Checked? Valid, IReadOnlyDictionary<string, string> Errors)> ValidateAsync(
        Guid enquiryId, long enquiryVersion, ConferenceForm form, ProcessContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(context);
        var enquiry = await db.Section47Enquiries.SingleOrDefaultAsync(e => e.Id == enquiryId, cancellationToken);
        var episode = enquiry is null ? null : await db.CinEpisodes.AsNoTracking().SingleOrDefaultAsync(e => e.Id == enquiry.EpisodeId, cancellationToken);
        var discussion = enquiry is null ? null : await db.StrategyDiscussions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == enquiry.StrategyDiscussionId, cancellationToken);
        if (enquiry is null || episode is null || discussion is null)
        {
            return (null, new Dictionary<string, string> { [""] = "This section 47 enquiry no longer exists" });
        }

        if (enquiry.Version != enquiryVersion)
        {
            return (null, ChildProtection.Stale<InitialConferenceOutcome>().Errors);
        }

        var errors = new Dictionary<string, string>();
        if (enquiry.InitialConferenceId is not null)
        {
            errors[""] = "The initial conference for this enquiry has already been recorded";
        }
        else if (enquiry.Outcome != Section47Outcome.ConferenceRequired)
        {
            errors[""] = "An initial conference is recorded once the enquiry's outcome is that a conference is required";
        }
        else if (!episode.IsOpen)
        {
            errors[""] = "This episode has closed: record a new referral before a conference";
        }

        var heldOn = ChildProtection.PastDate(errors, nameof(form.HeldOn), form.HeldOn, "of the conference", context);
        if (heldOn < discussion.HeldOn)
        {
            errors[nameof(form.HeldOn)] = $"The conference cannot be before the strategy discussion that started the enquiry, on {ChildProtection.Date(discussion.HeldOn)}";
            heldOn = null;
        }

        var chair = ChildProtection.RequiredText(errors, nameof(form.Chair), form.Chair, "Enter the name of the conference chair", "The chair's name", ChildProtection.LongestName);
        var attendance = await ChildProtection.AttendanceAsync(db, errors, form.Attendance, cancellationToken);
        string? category = null;
        if (form.Decision is not (ConferenceDecision.PlanStarted or ConferenceDecision.NoPlan))
        {
            errors[nameof(form.Decision)] = "Select whether the child becomes subject of a child protection plan";
        }
        else if (form.Decision == ConferenceDecision.PlanStarted)
        {
            category = ChildProtection.Category(errors, form.CategoryOfAbuse);
            var records = await ChildProtection.RecordsOfChildAsync(db, enquiry.PersonId, cancellationToken);
            if (await db.ChildProtectionPlans.AnyAsync(p => records.Contains(p.PersonId) && p.EndDate == null, cancellationToken))
            {
                errors[nameof(form.Decision)] = "This child is already subject of a child protection plan: end it at a review conference first";
            }
        }

        var late = heldOn > enquiry.InitialConferenceTarget;
        var reason = late
            ? ChildProtection.RequiredText(errors, nameof(form.ReasonLate), form.ReasonLate,
                $"Enter why the conference was held after its target date, {ChildProtection.Date(enquiry.InitialConferenceTarget)}", "The reason", ChildProtection.LongestReason)
            : null;

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new Checked(enquiry, episode, heldOn!.Value, chair!, attendance, form.Decision!.Value, category, reason, late), errors);
    }
}
