using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Notifications;

public sealed record NotificationQueued(Guid NotificationId, string Kind, Guid RecipientUserId, string Reference) : IDomainEvent
{
    public string SubjectType => "Notification";
    public string SubjectId => NotificationId.ToString();
}

public sealed record DispatchReport(int Sent, int Retrying, int GaveUp);

/// <summary>
/// Delivers queued notifications. Each node claims a batch with a conditional update (a row is
/// claimed by exactly one node, on SQLite and PostgreSQL alike), sends it, and records the outcome;
/// a failure is retried with exponential back-off, so an outage of the sender loses nothing.
/// </summary>
public sealed class NotificationOutbox(SafeguardingDbContext db, INotificationSender sender, TimeProvider clock)
{
    public const int MaxAttempts = 10;
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    public static TimeSpan BackOff(int attempts) => TimeSpan.FromMinutes(Math.Min(Math.Pow(2, attempts - 1), 24 * 60));

    public async Task<DispatchReport> DispatchAsync(string node, int batchSize, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var candidates = await db.OutboxNotifications.IgnoreQueryFilters([SafeguardingDbContext.TenantFilter]).AsNoTracking()
            .Where(n => n.Status == NotificationStatus.Pending && n.NextAttemptAt <= now && (n.ClaimedUntil == null || n.ClaimedUntil < now))
            .OrderBy(n => n.NextAttemptAt)
            .Select(n => n.Id)
            .Take(batchSize)
            .ToListAsync(cancellationToken);
        int sent = 0, retrying = 0, gaveUp = 0;
        foreach (var id in candidates)
        {
            var claimed = await db.OutboxNotifications.IgnoreQueryFilters([SafeguardingDbContext.TenantFilter])
                .Where(n => n.Id == id && n.Status == NotificationStatus.Pending && (n.ClaimedUntil == null || n.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ClaimedBy, node).SetProperty(n => n.ClaimedUntil, now + ClaimFor), cancellationToken);
            if (claimed == 0)
            {
                continue; // another node took it
            }

            var notification = await db.OutboxNotifications.IgnoreQueryFilters([SafeguardingDbContext.TenantFilter]).AsNoTracking()
                .SingleAsync(n => n.Id == id, cancellationToken);
            try
            {
                await sender.SendAsync(new OutboundEmail(notification.RecipientEmail, notification.Subject, notification.Body, notification.Reference), cancellationToken);
                await db.OutboxNotifications.IgnoreQueryFilters([SafeguardingDbContext.TenantFilter]).Where(n => n.Id == id)
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(n => n.Status, NotificationStatus.Sent)
                            .SetProperty(n => n.SentAt, clock.GetUtcNow())
                            .SetProperty(n => n.Attempts, n => n.Attempts + 1)
                            .SetProperty(n => n.ClaimedUntil, (DateTimeOffset?)null),
                        cancellationToken);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var attempts = notification.Attempts + 1;
                var giveUp = attempts >= MaxAttempts;
                var error = e.GetType().Name + ": " + e.Message[..Math.Min(e.Message.Length, 300)];
                await db.OutboxNotifications.IgnoreQueryFilters([SafeguardingDbContext.TenantFilter]).Where(n => n.Id == id)
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(n => n.Status, giveUp ? NotificationStatus.Failed : NotificationStatus.Pending)
                            .SetProperty(n => n.Attempts, attempts)
                            .SetProperty(n => n.NextAttemptAt, clock.GetUtcNow() + BackOff(attempts))
                            .SetProperty(n => n.LastError, error)
                            .SetProperty(n => n.ClaimedUntil, (DateTimeOffset?)null),
                        cancellationToken);
                if (giveUp)
                {
                    gaveUp++;
                }
                else
                {
                    retrying++;
                }
            }
        }

        return new DispatchReport(sent, retrying, gaveUp);
    }
}
