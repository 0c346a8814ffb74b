using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Children;
using Safeguarding.Core.Chronology;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Timescales;

namespace Safeguarding.Core.Pathway;

/// <summary>A referral as a person records it; nullable where a person types or chooses it.</summary>
public sealed record ReferralForm(Guid PersonId, DateOnly? ReferralDate, string? ReferralSource, string? PrimaryNeed, Guid? ContactId = null);

/// <summary>
/// Opens a child in need episode: the referral. One open episode per child (across merged records);
/// a referral within 12 months of the child's previous one is a re-referral (CIN census, KPI 2).
/// Starts CW-1 (assessment in 45 working days) with the episode as subject, and writes the chronology.
/// </summary>
public sealed class ReferralRecording(SafeguardingDbContext db, ClockService clocks, ChildChronology chronology)
{
    public async Task<ChangeResult<CinEpisode>> OpenAsync(ReferralForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var result = await CheckAsync(form, context, cancellationToken);
        if (!result.Succeeded)
        {
            return result;
        }

        var staged = await StageAsync(form, result.Value!, null, context, cancellationToken);
        if (staged.Succeeded)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return staged;
    }

    /// <summary>
    /// Checks a referral without saving. On success the value is an unsaved episode carrying the
    /// child the referral will be recorded on (the survivor, when the record was merged).
    /// </summary>
    public async Task<ChangeResult<CinEpisode>> CheckAsync(ReferralForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(context);
        var errors = new Dictionary<string, string>();
        var survivor = await MergedRecords.SurvivorOfAsync(db, form.PersonId, cancellationToken);
        var person = survivor is { } id
            ? await db.People.AsNoTracking().Where(p => p.Id == id && p.IsChild).Select(p => new { p.Id, p.GivenName, p.FamilyName, p.DateOfBirth }).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (person is null)
        {
            return ChangeResult<CinEpisode>.Refused("", "This child's record no longer exists");
        }

        if (form.ReferralDate is not { } date)
        {
            errors[nameof(form.ReferralDate)] = "Enter the referral date";
        }
        else if (Episodes.IsInFuture(date, context))
        {
            errors[nameof(form.ReferralDate)] = "The referral date must be today or in the past";
        }
        else if (person.DateOfBirth is { } born && date < born)
        {
            errors[nameof(form.ReferralDate)] = $"The referral date must be on or after the child's date of birth, {Episodes.Format(born)}";
        }

        if (!CinCensusCodes.IsReferralSource(form.ReferralSource))
        {
            errors[nameof(form.ReferralSource)] = "Select the referral source";
        }

        if (Episodes.Blank(form.PrimaryNeed) is not null && !CinCensusCodes.IsPrimaryNeed(form.PrimaryNeed))
        {
            errors[nameof(form.PrimaryNeed)] = "Select the primary need from the list, or leave it to be settled at assessment";
        }

        var ids = await MergedRecords.IdsOfAsync(db, person.Id, cancellationToken);
        var open = await db.CinEpisodes.AsNoTracking().Where(e => ids.Contains(e.PersonId) && e.ClosureDate == null)
            .OrderBy(e => e.ReferralDate).Select(e => new { e.ReferralDate }).FirstOrDefaultAsync(cancellationToken);
        if (open is not null)
        {
            errors[""] = $"{person.GivenName} {person.FamilyName} already has an open child in need episode from {Episodes.Format(open.ReferralDate)}: record this on it, or close it first";
        }

        if (errors.Count > 0)
        {
            return new ChangeResult<CinEpisode>(null, errors);
        }

        return ChangeResult<CinEpisode>.Done(new CinEpisode
        {
            PersonId = person.Id,
            ReferralDate = form.ReferralDate!.Value,
            ReferralSource = form.ReferralSource!,
            PrimaryNeed = Episodes.Blank(form.PrimaryNeed),
            ContactId = form.ContactId,
        });
    }

    /// <summary>
    /// Adds a checked referral with its event, CW-1 clock and chronology entry, without saving: the
    /// front door opens episodes in the same transaction as its decision.
    /// </summary>
    internal async Task<ChangeResult<CinEpisode>> StageAsync(ReferralForm form, CinEpisode checkedEpisode, DateTimeOffset? receivedAt, ProcessContext context, CancellationToken cancellationToken)
    {
        var partnershipId = await db.People.AsNoTracking().Where(p => p.Id == checkedEpisode.PersonId).Select(p => p.PartnershipId).SingleAsync(cancellationToken);
        var ids = await MergedRecords.IdsOfAsync(db, checkedEpisode.PersonId, cancellationToken);
        var date = checkedEpisode.ReferralDate;
        var yearBefore = date.AddMonths(-12);
        var episode = checkedEpisode;
        episode.Id = Guid.CreateVersion7(context.Now);
        episode.PartnershipId = partnershipId;
        episode.IsReReferral = await db.CinEpisodes.AnyAsync(e => ids.Contains(e.PersonId) && e.ReferralDate >= yearBefore && e.ReferralDate <= date, cancellationToken);
        episode.RecordedAt = context.Now;
        episode.RecordedByUserId = context.UserId;
        db.CinEpisodes.Add(episode);
        db.Record(new CinEpisodeOpened(episode.Id, episode.PersonId, episode.ContactId, date, episode.ReferralSource, episode.IsReReferral), context);
        await clocks.StartClockAsync(new StartClock(Episodes.AssessmentRuleId, Episodes.SubjectType, episode.Id, receivedAt ?? Episodes.InstantOf(date)), context with { PartnershipId = partnershipId }, cancellationToken);
        var entry = await chronology.StageAsync(new ChronologyEntryForm(
            episode.PersonId, date, ChronologyEntryType.Assessment, null,
            $"Referral to children's social care: {CinCensusCodes.Describe(CinCensusCodes.ReferralSources, episode.ReferralSource)}"
                + (episode.IsReReferral ? " (re-referral within 12 months)" : ""),
            IsSignificant: true, Source: Episodes.ChronologySource, SourceReference: null, OccurredAt: receivedAt), context, cancellationToken);
        return entry.Succeeded ? ChangeResult<CinEpisode>.Done(episode) : new ChangeResult<CinEpisode>(null, entry.Errors);
    }

    /// <summary>
    /// Opens an episode for each matched child of a contact the front door accepted as a referral
    /// (in the caller's transaction). A child who already has an open episode, or one opened from
    /// this contact, keeps it: the referral is recorded on the open episode rather than a second one.
    /// </summary>
    public async Task<IReadOnlyList<CinEpisode>> StageFromContactAsync(Contact contact, ContactDecision decision, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(decision);
        var opened = new List<CinEpisode>();
        if (!decision.IsReferral)
        {
            return opened;
        }

        var date = Calendar.LondonTime.DateOf(contact.ReceivedAt);
        foreach (var personId in contact.Children.Where(c => c.PersonId is not null).Select(c => c.PersonId!.Value).Distinct())
        {
            if (await db.CinEpisodes.AnyAsync(e => e.ContactId == contact.Id && e.PersonId == personId, cancellationToken))
            {
                continue;
            }

            var form = new ReferralForm(personId, date, decision.ReferralSourceCode, decision.PrimaryNeedCode, contact.Id);
            var check = await CheckAsync(form, context, cancellationToken);
            if (!check.Succeeded || opened.Any(o => o.PersonId == check.Value!.PersonId))
            {
                continue;
            }

            var staged = await StageAsync(form, check.Value!, contact.ReceivedAt, context, cancellationToken);
            if (staged.Succeeded)
            {
                opened.Add(staged.Value!);
            }
        }

        return opened;
    }
}
