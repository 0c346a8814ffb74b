using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;
using Safeguarding.Core.Notifications;
using Safeguarding.Core.Timescales;
using Safeguarding.Tests.Shared;

namespace Safeguarding.Core.Tests.Notifications;

[Trait("Category", "Database")]
public sealed class ClockReminderTests : IAsyncLifetime
{
    private const string ServiceUrl = "https://safeguarding.example.org/";
    private readonly FakeTimeProvider time = new(NotificationTestData.Monday);
    private TestDatabase database = null!;
    private NotificationTestData data = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await database.MigrateAsync();
        data = await NotificationTestData.SeedAsync(database);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task AClockComingDue_QueuesOneDueSoonReminder_ThenOneOverdueReminder()
    {
        var clockId = await data.StartClockAsync(database, NotificationTestData.Monday, time);

        // Monday afternoon: running, nothing to say yet.
        time.SetUtcNow(NotificationTestData.Monday.AddHours(5));
        Assert.Equal(new ReminderScanReport(1, 0, 0), await ScanAsync());

        // Tuesday 06:00: due today (at 09:00).
        time.SetUtcNow(NotificationTestData.Monday.AddHours(21));
        Assert.Equal(new ReminderScanReport(1, 1, 0), await ScanAsync());
        Assert.Equal(new ReminderScanReport(1, 0, 0), await ScanAsync());

        // Tuesday 10:00: overdue.
        time.SetUtcNow(NotificationTestData.Monday.AddHours(25));
        Assert.Equal(new ReminderScanReport(1, 0, 1), await ScanAsync());

        // Once the overdue reminder has gone, the clock is no longer looked at.
        time.SetUtcNow(NotificationTestData.Monday.AddDays(3));
        Assert.Equal(new ReminderScanReport(0, 0, 0), await ScanAsync());

        var queued = await NotificationsAsync();
        Assert.Equal(["clock-due-soon:" + clockId, "clock-overdue:" + clockId], queued.Select(n => n.Reference).Order(StringComparer.Ordinal));
        Assert.All(queued, n =>
        {
            Assert.Equal(data.WorkerId, n.RecipientUserId);
            Assert.Equal(NotificationTestData.WorkerEmail, n.RecipientEmail);
            Assert.Equal(NotificationStatus.Pending, n.Status);
            Assert.Equal(data.PartnershipId, n.PartnershipId);
        });
    }

    [Fact]
    public async Task AReminder_CarriesNoPersonalData()
    {
        var clockId = await data.StartClockAsync(database, NotificationTestData.Monday, time);
        time.SetUtcNow(NotificationTestData.Monday.AddHours(25));

        await ScanAsync();

        var reminder = Assert.Single(await NotificationsAsync());
        Assert.Equal("clock-overdue:" + clockId, reminder.Reference);
        Assert.Equal("Overdue: Decision on a referral", reminder.Subject);
        Assert.Contains("https://safeguarding.example.org/timescales", reminder.Body, StringComparison.Ordinal);
        foreach (var text in new[] { reminder.Subject, reminder.Body, reminder.Reference })
        {
            Assert.DoesNotContain("Priya", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Okonkwo", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(NotificationTestData.WorkerEmail, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("@", text, StringComparison.Ordinal);
        }

        // The audit event says who it is for by id only.
        await using var db = database.NewContext();
        var queuedEvent = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.EventType == nameof(NotificationQueued));
        Assert.DoesNotContain("@", queuedEvent.Data, StringComparison.Ordinal);
        Assert.DoesNotContain("Priya", queuedEvent.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClockThatIsStopped_QueuesNothing()
    {
        var clockId = await data.StartClockAsync(database, NotificationTestData.Monday, time);
        await using (var db = database.NewContext())
        {
            var clocks = new ClockService(db, new PartnershipTimescales(time));
            await clocks.StopClockAsync(clockId, NotificationTestData.Monday.AddHours(2), null, ProcessContext.System(time.GetUtcNow(), "test", data.PartnershipId));
            await db.SaveChangesAsync();
        }

        time.SetUtcNow(NotificationTestData.Monday.AddHours(25));

        Assert.Equal(new ReminderScanReport(0, 0, 0), await ScanAsync());
        Assert.Empty(await NotificationsAsync());
    }

    [Fact]
    public async Task TwoNodesScanningAtOnce_QueueEachReminderOnce()
    {
        var clockIds = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            clockIds.Add(await data.StartClockAsync(database, NotificationTestData.Monday.AddMinutes(i), time));
        }

        time.SetUtcNow(NotificationTestData.Monday.AddHours(21));
        var dueSoon = await ScanConcurrentlyAsync();
        time.SetUtcNow(NotificationTestData.Monday.AddHours(26));
        var overdue = await ScanConcurrentlyAsync();

        // Each node may find every clock, but the conditional update lets only one queue each reminder.
        Assert.Equal(5, dueSoon.Sum(r => r.DueSoonQueued));
        Assert.Equal(0, dueSoon.Sum(r => r.OverdueQueued));
        Assert.Equal(5, overdue.Sum(r => r.OverdueQueued));
        Assert.Equal(0, overdue.Sum(r => r.DueSoonQueued));
        var references = (await NotificationsAsync()).Select(n => n.Reference).ToList();
        Assert.Equal(10, references.Count);
        Assert.Equal(10, references.Distinct(StringComparer.Ordinal).Count());
        Assert.All(clockIds, id =>
        {
            Assert.Contains("clock-due-soon:" + id, references);
            Assert.Contains("clock-overdue:" + id, references);
        });
    }

    private async Task<ReminderScanReport> ScanAsync()
    {
        await using var db = database.NewContext();
        return await new ClockReminders(db, new PartnershipTimescales(time), time).ScanAsync(ServiceUrl, CancellationToken.None);
    }

    /// <summary>
    /// Two nodes, each with its own context and connection, released together. Each may read the same
    /// open clocks before the other claims them, so the claim (not the read) keeps reminders single. SQLite
    /// serialises the writers (its busy timeout waits for the lock); PostgreSQL runs them truly at once.
    /// </summary>
    private async Task<ReminderScanReport[]> ScanConcurrentlyAsync()
    {
        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var timescales = new PartnershipTimescales(time);
        using var start = new SemaphoreSlim(0, 2);
        async Task<ReminderScanReport> Node(SafeguardingDbContext db)
        {
            await start.WaitAsync();
            return await new ClockReminders(db, timescales, time).ScanAsync(ServiceUrl, CancellationToken.None);
        }

        var nodes = new[] { Task.Run(() => Node(first)), Task.Run(() => Node(second)) };
        start.Release(2);
        return await Task.WhenAll(nodes);
    }

    private async Task<List<OutboxNotification>> NotificationsAsync()
    {
        await using var db = database.NewContext();
        return await db.OutboxNotifications.AsNoTracking().ToListAsync();
    }
}
