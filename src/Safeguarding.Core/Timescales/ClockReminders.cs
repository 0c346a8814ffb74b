using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Data;
using Safeguarding.Core.Notifications;

namespace Safeguarding.Core.Timescales;

public sealed record ReminderScanReport(int ClocksChecked, int DueSoonQueued, int OverdueQueued);

/// <summary>
/// Finds open clocks that have entered "due soon" (or "due today") or "overdue" and queues one email
/// to the person they are assigned to. The reminder flag on the clock is set with a conditional
/// update, so when several nodes scan at once each reminder is queued exactly once.
/// </summary>
public sealed class ClockReminders(SafeguardingDbContext db, PartnershipTimescales timescales, TimeProvider clock)
{
    /// <summary>No rule warns earlier than this, so clocks due later need not be looked at.</summary>
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(120);

    public async Task<ReminderScanReport> ScanAsync(string serviceUrl, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var horizon = now + Horizon;
        var open = await db.Clocks.IgnoreQueryFilters([SafeguardingDbContext.TenantFilter]).AsNoTracking()
            .Where(c => c.StoppedAt == null && !c.NotRequired && c.AssignedUserId != null && c.OverdueRemindedAt == null && c.DueAt < horizon)
            .ToListAsync(cancellationToken);
        int dueSoon = 0, overdue = 0;
        foreach (var item in open)
        {
            var setup = await timescales.ForAsync(db, item.PartnershipId, cancellationToken);
            var status = setup.Evaluate(item, now);
            var kind = status.State switch
            {
                ClockState.Overdue => "clock-overdue",
                ClockState.DueSoon or ClockState.DueToday when item.DueSoonRemindedAt is null => "clock-due-soon",
                _ => null,
            };
            if (kind is null)
            {
                continue;
            }

            var rule = setup.Rules.Version(item.RuleId, item.RuleVersionEffectiveFrom);
            if (await QueueOnceAsync(item, kind, rule, status, serviceUrl, now, cancellationToken))
            {
                if (kind == "clock-overdue")
                {
                    overdue++;
                }
                else
                {
                    dueSoon++;
                }
            }
        }

        return new ReminderScanReport(open.Count, dueSoon, overdue);
    }

    private async Task<bool> QueueOnceAsync(Clock item, string kind, TimescaleRule rule, ClockStatus status, string serviceUrl, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var recipient = await db.Users.AsNoTracking().Where(u => u.Id == item.AssignedUserId && u.IsActive)
            .Select(u => new { u.Id, u.Email }).SingleOrDefaultAsync(cancellationToken);
        if (recipient?.Email is null)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var clocks = db.Clocks.IgnoreQueryFilters([SafeguardingDbContext.TenantFilter]).Where(c => c.Id == item.Id);
        var claimed = kind == "clock-overdue"
            ? await clocks.Where(c => c.OverdueRemindedAt == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.OverdueRemindedAt, now), cancellationToken)
            : await clocks.Where(c => c.DueSoonRemindedAt == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.DueSoonRemindedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var due = LondonTime.ToLondon(item.DueAt).ToString("dddd d MMMM yyyy 'at' HH:mm", CultureInfo.GetCultureInfo("en-GB"));
        var subject = kind == "clock-overdue" ? $"Overdue: {rule.Name}" : $"Due soon: {rule.Name}";

        // Only the rule, the date and a link: no names or case details leave the system by email.
        var body = $"{rule.Name} ({rule.Id}) {(kind == "clock-overdue" ? "was due" : "is due")} on {due}.\n\nSee your deadlines: {serviceUrl.TrimEnd('/')}/timescales";
        var notification = new OutboxNotification
        {
            Id = Guid.CreateVersion7(now),
            PartnershipId = item.PartnershipId,
            Kind = kind,
            RecipientUserId = recipient.Id,
            RecipientEmail = recipient.Email,
            Subject = subject,
            Body = body,
            Reference = $"{kind}:{item.Id}",
            Status = NotificationStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.OutboxNotifications.Add(notification);
        db.Record(new NotificationQueued(notification.Id, kind, recipient.Id, notification.Reference), ProcessContext.System(now, "reminders", item.PartnershipId));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
