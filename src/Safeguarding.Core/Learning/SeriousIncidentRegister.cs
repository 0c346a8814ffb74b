using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Chronology;
using Safeguarding.Core.Data;
using Safeguarding.Core.Timescales;

namespace Safeguarding.Core.Learning;

public sealed record SeriousIncidentForm(
    DateOnly IncidentDate,
    DateTimeOffset LocalAuthorityAwareAt,
    SeriousIncidentOutcome Outcome,
    bool AbuseOrNeglectKnownOrSuspected,
    bool ChildWasLookedAfter,
    bool ChildWasCareLeaver,
    Guid? ChildId = null);

/// <summary>Records serious incident notifications and runs their statutory clocks.</summary>
public sealed class SeriousIncidentRegister(SafeguardingDbContext db, ClockService clocks, ChildChronology chronology)
{
    public const string SubjectType = "SeriousIncidentNotification";

    public async Task<ChangeResult<SeriousIncidentNotification>> RecordAsync(SeriousIncidentForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var partnershipId = context.PartnershipId ?? throw new InvalidOperationException("A notification belongs to a partnership.");
        if (form.LocalAuthorityAwareAt > context.Now)
        {
            return ChangeResult<SeriousIncidentNotification>.Refused(nameof(SeriousIncidentForm.LocalAuthorityAwareAt), "The date the local authority became aware must be today or in the past");
        }

        if (Calendar.LondonTime.DateOf(form.LocalAuthorityAwareAt) < form.IncidentDate)
        {
            return ChangeResult<SeriousIncidentNotification>.Refused(nameof(SeriousIncidentForm.LocalAuthorityAwareAt), "The date the local authority became aware must be on or after the date of the incident");
        }

        var notification = new SeriousIncidentNotification
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = partnershipId,
            Reference = await NextReferenceAsync(partnershipId, form.LocalAuthorityAwareAt.Year, cancellationToken),
            IncidentDate = form.IncidentDate,
            LocalAuthorityAwareAt = form.LocalAuthorityAwareAt,
            Outcome = form.Outcome,
            AbuseOrNeglectKnownOrSuspected = form.AbuseOrNeglectKnownOrSuspected,
            ChildWasLookedAfter = form.ChildWasLookedAfter,
            ChildWasCareLeaver = form.ChildWasCareLeaver,
            ChildId = form.ChildId,
            RecordedBy = context.UserId ?? Guid.Empty,
        };
        if (!notification.MeetsCriteria)
        {
            return ChangeResult<SeriousIncidentNotification>.Refused(nameof(SeriousIncidentForm.AbuseOrNeglectKnownOrSuspected),
                "This does not meet the criteria for a serious incident notification: abuse or neglect must be known or suspected, unless a looked-after child or care leaver has died");
        }

        if (form.ChildId is { } childId)
        {
            // The child's chronology shows the incident at once, in the same save as the notification.
            var entry = await chronology.StageAsync(ChronologyEntryFor(notification, childId, await LocalAuthorityAsync(partnershipId, cancellationToken)), context, cancellationToken);
            if (!entry.Succeeded)
            {
                return ChangeResult<SeriousIncidentNotification>.Refused(nameof(SeriousIncidentForm.ChildId), "The child's record could not be found");
            }
        }

        db.SeriousIncidentNotifications.Add(notification);
        db.Record(new SeriousIncidentRecorded(notification.Id, notification.Reference, notification.IncidentDate, notification.LocalAuthorityAwareAt, notification.Outcome), context);
        foreach (var rule in new[] { "LR-1", "LR-2" })
        {
            await clocks.StartClockAsync(new StartClock(rule, SubjectType, notification.Id, form.LocalAuthorityAwareAt, context.UserId), context, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<SeriousIncidentNotification>.Done(notification);
    }

    /// <summary>Records the notification to the Panel, which stops the 5-working-day clock.</summary>
    public async Task<ChangeResult<SeriousIncidentNotification>> RecordPanelNotifiedAsync(Guid id, DateTimeOffset notifiedAt, string? reasonForLateness, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var notification = await db.SeriousIncidentNotifications.SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        var clock = await db.Clocks.SingleOrDefaultAsync(c => c.SubjectType == SubjectType && c.SubjectId == id && c.RuleId == "LR-1", cancellationToken);
        if (notification is null || clock is null)
        {
            return ChangeResult<SeriousIncidentNotification>.Refused("", "This notification no longer exists");
        }

        if (notifiedAt > context.Now)
        {
            return ChangeResult<SeriousIncidentNotification>.Refused("NotifiedAt", "The date the Panel was notified must be today or in the past");
        }

        var stopped = await clocks.StopClockAsync(clock.Id, notifiedAt, reasonForLateness, context, cancellationToken);
        if (!stopped.Succeeded)
        {
            var (field, message) = stopped.Errors.First();
            return ChangeResult<SeriousIncidentNotification>.Refused(field == "StoppedAt" ? "NotifiedAt" : field, message);
        }

        notification.NotifiedToPanelAt = notifiedAt;
        db.Record(new SeriousIncidentNotifiedToPanel(id, notifiedAt, clock.IsMetLate, clock.ReasonForLateness), context);
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<SeriousIncidentNotification>.Done(notification);
    }

    private static ChronologyEntryForm ChronologyEntryFor(SeriousIncidentNotification notification, Guid childId, Guid? localAuthorityId)
    {
        var what = notification.Outcome == SeriousIncidentOutcome.Died ? "died" : "was seriously harmed";
        var aware = Calendar.LondonTime.DateOf(notification.LocalAuthorityAwareAt).ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        return new ChronologyEntryForm(childId, notification.IncidentDate, ChronologyEntryType.SeriousIncident, localAuthorityId,
            $"Serious incident notification {notification.Reference}: the child {what}. The local authority became aware on {aware}.",
            IsSignificant: true, Source: "Learning", SourceReference: notification.Reference);
    }

    /// <summary>The local authority notifies the Panel, so the entry is in its name.</summary>
    private Task<Guid?> LocalAuthorityAsync(Guid partnershipId, CancellationToken cancellationToken) =>
        db.Agencies.Where(a => a.PartnershipId == partnershipId && a.Type == AgencyType.LocalAuthority)
            .OrderBy(a => a.Name).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);

    private async Task<string> NextReferenceAsync(Guid partnershipId, int year, CancellationToken cancellationToken)
    {
        var prefix = $"SIN-{year}-";
        var count = await db.SeriousIncidentNotifications.CountAsync(n => n.PartnershipId == partnershipId && n.Reference.StartsWith(prefix), cancellationToken);
        return $"{prefix}{count + 1:000}";
    }
}
