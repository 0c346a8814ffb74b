using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Chronology;
using Safeguarding.Core.Data;
using Safeguarding.Core.Timescales;

namespace Safeguarding.Core.Pathway;

/// <summary>Someone who took part in a strategy discussion, as the form gives them.</summary>
public sealed record StrategyAttendeeForm(Guid? AgencyId, string? Name, string? Role)
{
    public bool IsEmpty => AgencyId is null && string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Role);
}

/// <summary>A strategy discussion as recorded; nullable where a person types or chooses it.</summary>
public sealed record StrategyDiscussionForm(
    DateOnly? HeldOn,
    IReadOnlyList<StrategyAttendeeForm> Attendees,
    bool? Section47Agreed,
    string? Rationale,
    string? Actions,
    DateOnly? Section47StartDate);

public sealed record StrategyDiscussionOutcome(StrategyDiscussion Discussion, Section47Enquiry? Enquiry);

/// <summary>
/// Records a multi-agency strategy discussion on an open episode. When it agrees a section 47
/// enquiry, the enquiry is opened in the same save with its two clocks: CW-4 (the child seen the
/// same day) and CW-5 (the initial conference within 15 working days), whose due date is the
/// enquiry's ICPC target.
/// </summary>
public sealed class StrategyDiscussionRecording(SafeguardingDbContext db, ClockService clocks, ChildChronology chronology)
{
    public async Task<ChangeResult<StrategyDiscussionOutcome>> RecordAsync(
        Guid episodeId, long episodeVersion, StrategyDiscussionForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(context);
        var episode = await db.CinEpisodes.SingleOrDefaultAsync(e => e.Id == episodeId, cancellationToken);
        if (episode is null)
        {
            return ChangeResult<StrategyDiscussionOutcome>.Refused("", "This episode no longer exists");
        }

        if (episode.Version != episodeVersion)
        {
            return ChildProtection.Stale<StrategyDiscussionOutcome>();
        }

        var errors = new Dictionary<string, string>();
        if (!episode.IsOpen)
        {
            errors[""] = "This episode has closed: a strategy discussion can only be recorded on an open episode";
        }

        var heldOn = ChildProtection.PastDate(errors, nameof(form.HeldOn), form.HeldOn, "of the strategy discussion", context);
        if (heldOn < episode.ReferralDate)
        {
            errors[nameof(form.HeldOn)] = $"The date of the strategy discussion must be on or after the referral date, {ChildProtection.Date(episode.ReferralDate)}";
            heldOn = null;
        }

        var attendees = await AttendeesAsync(errors, form.Attendees, cancellationToken);
        if (form.Section47Agreed is null)
        {
            errors[nameof(form.Section47Agreed)] = "Select whether a section 47 enquiry was agreed";
        }

        var rationale = ChildProtection.RequiredText(errors, nameof(form.Rationale), form.Rationale, "Enter the rationale for the decision", "The rationale", ChildProtection.LongText);
        var actions = ChildProtection.OptionalText(errors, nameof(form.Actions), form.Actions, "The actions", ChildProtection.LongText);

        DateOnly? enquiryStart = null;
        if (form.Section47Agreed == true && heldOn is { } held)
        {
            enquiryStart = form.Section47StartDate ?? held;
            if (enquiryStart < held)
            {
                errors[nameof(form.Section47StartDate)] = "The section 47 enquiry must start on or after the date of the strategy discussion";
            }
            else if (enquiryStart > Calendar.LondonTime.DateOf(context.Now))
            {
                errors[nameof(form.Section47StartDate)] = "The date the section 47 enquiry started must be today or in the past";
            }
        }

        if (errors.Count > 0)
        {
            return new ChangeResult<StrategyDiscussionOutcome>(null, errors);
        }

        var discussion = new StrategyDiscussion
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = episode.PartnershipId,
            EpisodeId = episode.Id,
            PersonId = episode.PersonId,
            HeldOn = heldOn!.Value,
            Section47Agreed = form.Section47Agreed!.Value,
            Rationale = rationale!,
            Actions = actions,
        };
        discussion.Attendees = attendees.Select(a => new StrategyDiscussionAttendee
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = episode.PartnershipId,
            StrategyDiscussionId = discussion.Id,
            AgencyId = a.AgencyId!.Value,
            Name = a.Name!.Trim(),
            Role = ChildProtection.Blank(a.Role),
        }).ToList();
        db.StrategyDiscussions.Add(discussion);

        // The episode's version moves, so two people recording the same discussion cannot both save it.
        ChildProtection.Touch(db, episode, episodeVersion);

        Section47Enquiry? enquiry = null;
        if (discussion.Section47Agreed)
        {
            enquiry = new Section47Enquiry
            {
                Id = Guid.CreateVersion7(context.Now),
                PartnershipId = episode.PartnershipId,
                EpisodeId = episode.Id,
                PersonId = episode.PersonId,
                StrategyDiscussionId = discussion.Id,
                StartDate = enquiryStart!.Value,
            };
            var started = ChildProtection.On(discussion.HeldOn);
            var conferenceClock = await clocks.StartClockAsync(
                new StartClock(ChildProtection.InitialConferenceRuleId, ChildProtection.EnquirySubjectType, enquiry.Id, started, context.UserId), context, cancellationToken);
            await clocks.StartClockAsync(
                new StartClock(ChildProtection.VisitRuleId, ChildProtection.EnquirySubjectType, enquiry.Id, started, context.UserId), context, cancellationToken);
            enquiry.InitialConferenceTarget = Calendar.LondonTime.DateOf(conferenceClock.DueAt);
            db.Section47Enquiries.Add(enquiry);
        }

        db.Record(new StrategyDiscussionRecorded(discussion.Id, episode.Id, episode.PersonId, discussion.HeldOn, attendees.Count, discussion.Section47Agreed, enquiry?.Id), context);
        var staged = await chronology.StageAsync(new ChronologyEntryForm(
            episode.PersonId, discussion.HeldOn, ChronologyEntryType.StrategyDiscussion, null,
            discussion.Section47Agreed
                ? $"Strategy discussion with {attendees.Count} agencies: section 47 enquiry agreed"
                : $"Strategy discussion with {attendees.Count} agencies: no section 47 enquiry",
            IsSignificant: discussion.Section47Agreed, Source: ChildProtection.ChronologySource, SourceReference: discussion.Id.ToString()), context, cancellationToken);
        if (!staged.Succeeded)
        {
            return ChildProtection.RefusedBy<StrategyDiscussionOutcome>(staged.Errors);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ChildProtection.Stale<StrategyDiscussionOutcome>();
        }

        return ChangeResult<StrategyDiscussionOutcome>.Done(new StrategyDiscussionOutcome(discussion, enquiry));
    }

    /// <summary>
    /// Rows left blank are ignored; each kept row needs an agency and a name. Working Together expects
    /// at least the police and children's social care, so at least two different agencies, those among them.
    /// </summary>
    private async Task<List<StrategyAttendeeForm>> AttendeesAsync(Dictionary<string, string> errors, IReadOnlyList<StrategyAttendeeForm>? rows, CancellationToken cancellationToken)
    {
        rows ??= [];
        var ids = rows.Where(r => r.AgencyId is not null).Select(r => r.AgencyId!.Value).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id) && a.IsActive)
            .ToDictionaryAsync(a => a.Id, a => a.Type, cancellationToken);
        var kept = new List<StrategyAttendeeForm>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.IsEmpty)
            {
                continue;
            }

            var ok = true;
            if (row.AgencyId is not { } agencyId || !agencies.ContainsKey(agencyId))
            {
                errors[$"Attendees[{i}].AgencyId"] = $"Select the agency of attendee {i + 1}";
                ok = false;
            }

            if (string.IsNullOrWhiteSpace(row.Name))
            {
                errors[$"Attendees[{i}].Name"] = $"Enter the name of attendee {i + 1}";
                ok = false;
            }
            else if (row.Name.Trim().Length > ChildProtection.LongestName)
            {
                errors[$"Attendees[{i}].Name"] = $"The name of attendee {i + 1} must be {ChildProtection.LongestName} characters or fewer";
                ok = false;
            }

            if (row.Role?.Trim().Length > ChildProtection.LongestName)
            {
                errors[$"Attendees[{i}].Role"] = $"The role of attendee {i + 1} must be {ChildProtection.LongestName} characters or fewer";
                ok = false;
            }

            if (ok)
            {
                kept.Add(row);
            }
        }

        if (errors.Keys.Any(k => k.StartsWith("Attendees[", StringComparison.Ordinal)))
        {
            return kept;
        }

        var types = kept.Select(r => agencies[r.AgencyId!.Value]).ToList();
        if (kept.Select(r => r.AgencyId).Distinct().Count() < 2)
        {
            errors["Attendees"] = "Add attendees from at least two agencies: a strategy discussion is multi-agency";
        }
        else if (!types.Contains(AgencyType.Police))
        {
            errors["Attendees"] = "Add who attended for the police: they must take part in a strategy discussion";
        }
        else if (!types.Any(t => t is AgencyType.LocalAuthority or AgencyType.ChildrensTrust))
        {
            errors["Attendees"] = "Add who attended for children's social care: they must take part in a strategy discussion";
        }

        return kept;
    }
}
