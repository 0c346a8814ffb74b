using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Chronology;
using Safeguarding.Core.Data;
using Safeguarding.Core.Timescales;

namespace Safeguarding.Core.Pathway;

public sealed record Section47OutcomeForm(Section47Outcome? Outcome, DateOnly? OutcomeDate);

/// <summary>
/// The outcome of a section 47 enquiry. Only "conference required" keeps CW-5 running; the other two
/// outcomes set the census's ICPCnotRequired and mark CW-5 not required (it is then neither met nor missed).
/// </summary>
public sealed class Section47OutcomeRecording(SafeguardingDbContext db, ClockService clocks, ChildChronology chronology)
{
    public async Task<ChangeResult<Section47Enquiry>> RecordAsync(
        Guid enquiryId, long enquiryVersion, Section47OutcomeForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(context);
        var enquiry = await db.Section47Enquiries.SingleOrDefaultAsync(e => e.Id == enquiryId, cancellationToken);
        if (enquiry is null)
        {
            return ChangeResult<Section47Enquiry>.Refused("", "This section 47 enquiry no longer exists");
        }

        if (enquiry.Version != enquiryVersion)
        {
            return ChildProtection.Stale<Section47Enquiry>();
        }

        var errors = new Dictionary<string, string>();
        if (enquiry.Outcome is not null)
        {
            errors[""] = "The outcome of this enquiry has already been recorded";
        }

        if (form.Outcome is not { } outcome || !Enum.IsDefined(outcome))
        {
            errors[nameof(form.Outcome)] = "Select the outcome of the enquiry";
        }

        var date = ChildProtection.PastDate(errors, nameof(form.OutcomeDate), form.OutcomeDate, "of the outcome", context);
        if (date < enquiry.StartDate)
        {
            errors[nameof(form.OutcomeDate)] = $"The date of the outcome must be on or after the enquiry started, {ChildProtection.Date(enquiry.StartDate)}";
        }

        if (errors.Count > 0)
        {
            return new ChangeResult<Section47Enquiry>(null, errors);
        }

        ChildProtection.Touch(db, enquiry, enquiryVersion);
        enquiry.Outcome = form.Outcome!.Value;
        enquiry.OutcomeDate = date!.Value;
        enquiry.ConferenceNotRequired = enquiry.Outcome != Section47Outcome.ConferenceRequired;
        if (enquiry.ConferenceNotRequired
            && await ChildProtection.RunningClockAsync(db, ChildProtection.EnquirySubjectType, enquiry.Id, [ChildProtection.InitialConferenceRuleId], cancellationToken) is { } conferenceClock)
        {
            await clocks.MarkNotRequiredAsync(conferenceClock.Id, context.WithReason("Section 47 enquiry: no initial conference needed"), cancellationToken);
        }

        db.Record(new Section47OutcomeRecorded(enquiry.Id, enquiry.PersonId, enquiry.Outcome.Value, date.Value, enquiry.ConferenceNotRequired), context);
        var staged = await chronology.StageAsync(new ChronologyEntryForm(
            enquiry.PersonId, date.Value, ChronologyEntryType.Section47Enquiry, null,
            $"Section 47 enquiry outcome: {ChildProtection.Describe(enquiry.Outcome.Value)}",
            IsSignificant: true, Source: ChildProtection.ChronologySource, SourceReference: enquiry.Id.ToString()), context, cancellationToken);
        if (!staged.Succeeded)
        {
            return ChildProtection.RefusedBy<Section47Enquiry>(staged.Errors);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ChildProtection.Stale<Section47Enquiry>();
        }

        return ChangeResult<Section47Enquiry>.Done(enquiry);
    }
}
