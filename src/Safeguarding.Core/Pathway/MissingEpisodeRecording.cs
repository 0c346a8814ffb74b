using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Chronology;
using Safeguarding.Core.Data;
using Safeguarding.Core.Timescales;

namespace Safeguarding.Core.Pathway;

/// <summary>A child going missing or away: what kind, and when (a London date and time, as an instant).</summary>
public sealed record MissingStartForm(MissingKind? Kind, DateTimeOffset? StartedAt);

/// <summary>The return home interview: offered (stops CW-12), whether the child accepted it, when it was done.</summary>
public sealed record ReturnInterviewForm(DateTimeOffset? OfferedAt, bool? Accepted, DateTimeOffset? CompletedAt, string? ReasonLate);

/// <summary>
/// Missing and away episodes. The return starts CW-12 (a return home interview offered within 72
/// hours); the offer stops it, and a late offer needs a reason for the KPI commentary. A looked-after
/// child's episode belongs to the care period open on the day they went missing.
/// </summary>
public sealed class MissingEpisodeRecording(SafeguardingDbContext db, ClockService clocks, ChildChronology chronology)
{
    public const string SubjectType = nameof(MissingEpisode);

    /// <summary>Return home interview offered or completed within 72 hours of the return.</summary>
    public const string ReturnHomeInterviewRuleId = "CW-12";

    public async Task<ChangeResult<MissingEpisode>> StartAsync(Guid personId, MissingStartForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(context);
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
        {
            return ChangeResult<MissingEpisode>.Refused("", "This child's record no longer exists");
        }

        var errors = new Dictionary<string, string>();
        if (form.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors[nameof(form.Kind)] = "Select whether the child was missing or away";
            kind = default;
        }

        var startedAt = PastInstant(errors, nameof(form.StartedAt), form.StartedAt, "the child went missing", context);
        var records = await ChildProtection.RecordsOfChildAsync(db, personId, cancellationToken);
        var ongoing = await db.MissingEpisodes.AsNoTracking().Where(m => records.Contains(m.PersonId) && m.ReturnedAt == null)
            .OrderBy(m => m.StartedAt).FirstOrDefaultAsync(cancellationToken);
        if (ongoing is not null)
        {
            errors[""] = $"This child is already recorded as missing since {When(ongoing.StartedAt)}: record their return first";
        }
        else if (startedAt is { } at)
        {
            // Episodes do not overlap: a child cannot go missing while already missing.
            var overlapping = await db.MissingEpisodes.AsNoTracking()
                .Where(m => records.Contains(m.PersonId) && m.StartedAt <= at && m.ReturnedAt > at)
                .FirstOrDefaultAsync(cancellationToken);
            if (overlapping is not null)
            {
                errors[nameof(form.StartedAt)] = $"The child was already missing then, from {When(overlapping.StartedAt)} until {When(overlapping.ReturnedAt!.Value)}";
            }
        }

        if (errors.Count > 0)
        {
            return new ChangeResult<MissingEpisode>(null, errors);
        }

        var day = LondonTime.DateOf(startedAt!.Value);
        var carePeriodId = await db.CarePeriods.AsNoTracking()
            .Where(p => records.Contains(p.PersonId) && p.StartDate <= day && (p.EndDate == null || p.EndDate >= day))
            .OrderByDescending(p => p.StartDate).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        var episode = new MissingEpisode
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = person.PartnershipId,
            PersonId = person.MergedIntoId ?? person.Id,
            CarePeriodId = carePeriodId,
            Kind = kind,
            StartedAt = startedAt.Value,
        };
        db.MissingEpisodes.Add(episode);
        db.Record(new MissingEpisodeStarted(episode.Id, episode.PersonId, kind, episode.StartedAt, carePeriodId), context);
        var summary = kind == MissingKind.Missing ? "Went missing (whereabouts unknown)" : "Away from placement without authorisation (whereabouts known)";
        return await SaveAsync(episode, episode.StartedAt, summary, context, cancellationToken);
    }

    public async Task<ChangeResult<MissingEpisode>> ReturnAsync(Guid episodeId, long version, DateTimeOffset? returnedAt, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var episode = await db.MissingEpisodes.SingleOrDefaultAsync(m => m.Id == episodeId, cancellationToken);
        if (episode is null)
        {
            return ChangeResult<MissingEpisode>.Refused("", "This missing episode no longer exists");
        }

        if (episode.Version != version)
        {
            return ChildProtection.Stale<MissingEpisode>();
        }

        var errors = new Dictionary<string, string>();
        if (episode.ReturnedAt is { } returned)
        {
            errors[""] = $"The child's return is already recorded, {When(returned)}";
        }

        var at = PastInstant(errors, "ReturnedAt", returnedAt, "the child returned", context);
        if (at < episode.StartedAt)
        {
            errors["ReturnedAt"] = $"The return must be on or after the child went missing, {When(episode.StartedAt)}";
        }

        if (errors.Count > 0)
        {
            return new ChangeResult<MissingEpisode>(null, errors);
        }

        episode.ReturnedAt = at!.Value;
        ChildProtection.Touch(db, episode, version);
        await clocks.StartClockAsync(new StartClock(ReturnHomeInterviewRuleId, SubjectType, episode.Id, episode.ReturnedAt.Value), context, cancellationToken);
        db.Record(new MissingEpisodeReturned(episode.Id, episode.PersonId, episode.ReturnedAt.Value), context);
        return await SaveAsync(episode, episode.ReturnedAt, "Returned from a missing episode", context, cancellationToken);
    }

    public async Task<ChangeResult<MissingEpisode>> InterviewAsync(Guid episodeId, long version, ReturnInterviewForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(context);
        var episode = await db.MissingEpisodes.SingleOrDefaultAsync(m => m.Id == episodeId, cancellationToken);
        if (episode is null)
        {
            return ChangeResult<MissingEpisode>.Refused("", "This missing episode no longer exists");
        }

        if (episode.Version != version)
        {
            return ChildProtection.Stale<MissingEpisode>();
        }

        var errors = new Dictionary<string, string>();
        if (episode.ReturnedAt is not { } returned)
        {
            return ChangeResult<MissingEpisode>.Refused("", "Record the child's return before the return home interview");
        }

        var offeredAt = PastInstant(errors, nameof(form.OfferedAt), form.OfferedAt, "the interview was offered", context);
        if (offeredAt < returned)
        {
            errors[nameof(form.OfferedAt)] = $"The interview must be offered on or after the child returned, {When(returned)}";
            offeredAt = null;
        }
        else if (episode.InterviewOfferedAt is { } recorded && offeredAt is { } changed && changed != recorded)
        {
            // The offer stopped CW-12: it stays as recorded, and the page is used again only to add the child's answer and the interview.
            errors[nameof(form.OfferedAt)] = $"The offer is already recorded, {When(recorded)}: keep that date and time";
            offeredAt = null;
        }

        DateTimeOffset? completedAt = null;
        if (form.CompletedAt is not null)
        {
            completedAt = PastInstant(errors, nameof(form.CompletedAt), form.CompletedAt, "the interview was completed", context);
            if (form.Accepted != true)
            {
                errors[nameof(form.Accepted)] = "Select yes if the child accepted the interview: an interview the child did not accept cannot be completed";
            }
            else if (offeredAt is { } offer && completedAt < offer)
            {
                errors[nameof(form.CompletedAt)] = $"The interview must be completed on or after it was offered, {When(offer)}";
            }
        }

        var clock = await ChildProtection.RunningClockAsync(db, SubjectType, episode.Id, [ReturnHomeInterviewRuleId], cancellationToken);
        var late = offeredAt is { } offered && clock is not null && offered > clock.DueAt;
        var reason = late
            ? ChildProtection.RequiredText(errors, nameof(form.ReasonLate), form.ReasonLate,
                $"Enter why the interview was offered after it was due, {When(clock!.DueAt)}", "The reason", ChildProtection.LongestReason)
            : null;
        if (errors.Count > 0)
        {
            return new ChangeResult<MissingEpisode>(null, errors);
        }

        var firstOffer = episode.InterviewOfferedAt is null;
        var firstCompletion = episode.InterviewCompletedAt is null && completedAt is not null;
        episode.InterviewOfferedAt = offeredAt!.Value;
        episode.InterviewAccepted = form.Accepted;
        episode.InterviewCompletedAt = completedAt;
        ChildProtection.Touch(db, episode, version);
        if (clock is not null)
        {
            var stopped = await clocks.StopClockAsync(clock.Id, offeredAt.Value, reason, context, cancellationToken);
            if (!stopped.Succeeded)
            {
                return ChildProtection.RefusedBy<MissingEpisode>(stopped.Errors);
            }
        }

        db.Record(new ReturnHomeInterviewRecorded(episode.Id, episode.PersonId, offeredAt.Value, form.Accepted, completedAt, late), context);
        if (firstOffer)
        {
            var staged = await StageEntryAsync(episode, offeredAt.Value, "Return home interview offered", context, cancellationToken);
            if (!staged.Succeeded)
            {
                return ChildProtection.RefusedBy<MissingEpisode>(staged.Errors);
            }
        }

        return firstCompletion
            ? await SaveAsync(episode, completedAt, "Return home interview completed", context, cancellationToken)
            : await SaveAsync(episode, null, null, context, cancellationToken);
    }

    /// <summary>An instant as people read it here: 3 March 2026 at 14:30, London time.</summary>
    public static string When(DateTimeOffset at) =>
        LondonTime.ToLondon(at).ToString("d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Whole hours between going missing and the return (or now, while the child is still missing).</summary>
    public static int HoursMissing(MissingEpisode episode, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(episode);
        return (int)Math.Floor(((episode.ReturnedAt ?? now) - episode.StartedAt).TotalHours);
    }

    /// <summary>A date and time a person entered for something that has happened: given, and not in the future.</summary>
    private static DateTimeOffset? PastInstant(Dictionary<string, string> errors, string field, DateTimeOffset? at, string what, ProcessContext context)
    {
        if (at is null)
        {
            errors[field] = $"Enter the date and time {what}";
            return null;
        }

        if (at > context.Now)
        {
            errors[field] = $"The date and time {what} must be now or in the past";
            return null;
        }

        return at;
    }

    private Task<ChangeResult<ChronologyEntry>> StageEntryAsync(MissingEpisode episode, DateTimeOffset at, string summary, ProcessContext context, CancellationToken cancellationToken) =>
        chronology.StageAsync(new ChronologyEntryForm(
            episode.PersonId, LondonTime.DateOf(at), ChronologyEntryType.MissingEpisode, null, summary,
            IsSignificant: true, Source: ChildProtection.ChronologySource, SourceReference: episode.Id.ToString(), OccurredAt: at), context, cancellationToken);

    private async Task<ChangeResult<MissingEpisode>> SaveAsync(
        MissingEpisode episode, DateTimeOffset? at, string? summary, ProcessContext context, CancellationToken cancellationToken)
    {
        if (at is { } occurred && summary is not null)
        {
            var staged = await StageEntryAsync(episode, occurred, summary, context, cancellationToken);
            if (!staged.Succeeded)
            {
                return ChildProtection.RefusedBy<MissingEpisode>(staged.Errors);
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ChildProtection.Stale<MissingEpisode>();
        }

        return ChangeResult<MissingEpisode>.Done(episode);
    }
}
