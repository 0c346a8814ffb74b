using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Chronology;
using Safeguarding.Core.Data;
using Safeguarding.Core.Timescales;

namespace Safeguarding.Core.Pathway;

public sealed record LookedAfterReviewForm(DateOnly? HeldOn, string? Participation, string? ReasonLate);

/// <summary>
/// A looked-after review of a child in care. It stops the review clock that was running (CW-9 for the
/// first, CW-10 for the second, CW-11 after), late with a reason, and starts the next one in the rule's
/// chain from this review. Reviews are recorded while the period is open: a review on the day care ends
/// is recorded before the end.
/// </summary>
public sealed class LookedAfterReviewRecording(SafeguardingDbContext db, ClockService clocks, ChildChronology chronology, PartnershipTimescales timescales)
{
    public async Task<ChangeResult<LookedAfterReview>> RecordAsync(
        Guid periodId, long periodVersion, LookedAfterReviewForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(context);
        var period = await db.CarePeriods.SingleOrDefaultAsync(p => p.Id == periodId, cancellationToken);
        if (period is null)
        {
            return ChangeResult<LookedAfterReview>.Refused("", "This period of care no longer exists");
        }

        if (period.Version != periodVersion)
        {
            return ChildProtection.Stale<LookedAfterReview>();
        }

        if (!period.IsOpen)
        {
            return ChangeResult<LookedAfterReview>.Refused("", $"This period of care ended on {ChildProtection.Date(period.EndDate!.Value)}: a looked-after review is for a child who is looked after");
        }

        var errors = new Dictionary<string, string>();
        var heldOn = ChildProtection.PastDate(errors, nameof(form.HeldOn), form.HeldOn, "of the review", context);
        var previous = await db.LookedAfterReviews.AsNoTracking().Where(r => r.CarePeriodId == period.Id)
            .OrderByDescending(r => r.HeldOn).Select(r => (DateOnly?)r.HeldOn).FirstOrDefaultAsync(cancellationToken);
        if (heldOn < period.StartDate)
        {
            errors[nameof(form.HeldOn)] = $"The review must be on or after the child started to be looked after, {ChildProtection.Date(period.StartDate)}";
            heldOn = null;
        }
        else if (previous is { } last && heldOn < last)
        {
            errors[nameof(form.HeldOn)] = $"The review must be on or after the previous review, {ChildProtection.Date(last)}";
            heldOn = null;
        }

        var participation = CareRecording.Code(errors, nameof(form.Participation), LookedAfterCodes.ReviewParticipation, form.Participation, "Select how the child took part in the review");
        var reviewClock = await ChildProtection.RunningClockAsync(db, CareRecording.SubjectType, period.Id, CareRecording.ReviewRuleIds, cancellationToken);
        var late = heldOn is { } date && reviewClock is not null && ChildProtection.On(date) > reviewClock.DueAt;
        var reason = late
            ? ChildProtection.RequiredText(errors, nameof(form.ReasonLate), form.ReasonLate,
                $"Enter why the review was held after it was due, {ChildProtection.Date(Calendar.LondonTime.DateOf(reviewClock!.DueAt))}", "The reason", ChildProtection.LongestReason)
            : null;
        if (errors.Count > 0)
        {
            return new ChangeResult<LookedAfterReview>(null, errors);
        }

        var review = new LookedAfterReview
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = period.PartnershipId,
            CarePeriodId = period.Id,
            PersonId = period.PersonId,
            HeldOn = heldOn!.Value,
            Participation = participation!,
            ReasonLate = reason,
        };
        db.LookedAfterReviews.Add(review);
        ChildProtection.Touch(db, period, periodVersion);

        var heldAt = ChildProtection.On(review.HeldOn);
        string? nextRule = null;
        if (reviewClock is not null)
        {
            var stopped = await clocks.StopClockAsync(reviewClock.Id, heldAt, reason, context, cancellationToken);
            if (!stopped.Succeeded)
            {
                db.ChangeTracker.Clear();
                return ChildProtection.RefusedBy<LookedAfterReview>(stopped.Errors);
            }

            var setup = await timescales.ForAsync(db, period.PartnershipId, cancellationToken);
            nextRule = setup.Rules.Version(reviewClock.RuleId, reviewClock.RuleVersionEffectiveFrom).NextRuleId;
        }

        // With no clock running (a period recorded elsewhere), the chain is picked up from the reviews held: the second is 3 months on, later ones 6.
        nextRule ??= previous is null ? CareRecording.SecondReviewRuleId : CareRecording.LaterReviewRuleId;
        await clocks.StartClockAsync(new StartClock(nextRule, CareRecording.SubjectType, period.Id, heldAt, context.UserId), context, cancellationToken);

        db.Record(new LookedAfterReviewRecorded(review.Id, period.Id, period.PersonId, review.HeldOn, review.Participation, late), context);
        var staged = await chronology.StageAsync(new ChronologyEntryForm(
            period.PersonId, review.HeldOn, ChronologyEntryType.Review, null, "Looked-after review: " + CareRecording.Lower(LookedAfterCodes.ReviewParticipation, review.Participation),
            IsSignificant: false, Source: CareRecording.ChronologySource, SourceReference: review.Id.ToString()), context, cancellationToken);
        if (!staged.Succeeded)
        {
            db.ChangeTracker.Clear();
            return ChildProtection.RefusedBy<LookedAfterReview>(staged.Errors);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ChildProtection.Stale<LookedAfterReview>();
        }

        return ChangeResult<LookedAfterReview>.Done(review);
    }
}
