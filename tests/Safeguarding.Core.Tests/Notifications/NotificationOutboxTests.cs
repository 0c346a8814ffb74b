using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Safeguarding.Core.Access;
using Safeguarding.Core.Notifications;
using Safeguarding.Tests.Shared;

namespace Safeguarding.Core.Tests.Notifications;

[Trait("Category", "Database")]
public sealed class NotificationOutboxTests : IAsyncLifetime
{
    private const string Node = "node-a";
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
    public async Task AWorkingSender_SendsTheEmail_AndMarksItSent()
    {
        var id = await QueueAsync();
        var sender = new RecordingSender();
        time.Advance(TimeSpan.FromSeconds(5));

        var report = await DispatchAsync(sender);

        Assert.Equal(new DispatchReport(1, 0, 0), report);
        var email = Assert.Single(sender.Sent);
        Assert.Equal(new OutboundEmail(NotificationTestData.WorkerEmail, "Overdue: Decision on a referral", "Decision on a referral (FD-1) was due.", "clock-overdue:" + id), email);
        var row = await RowAsync(id);
        Assert.Equal(NotificationStatus.Sent, row.Status);
        Assert.Equal(time.GetUtcNow(), row.SentAt);
        Assert.Equal(1, row.Attempts);
        Assert.Equal(Node, row.ClaimedBy);
        Assert.Null(row.ClaimedUntil);

        // Sent is final: the next run sends nothing.
        Assert.Equal(new DispatchReport(0, 0, 0), await DispatchAsync(sender));
        Assert.Single(sender.Sent);
    }

    [Fact]
    public async Task AFailingSender_LeavesTheEmailPending_AndRetriesAfterOneMinute()
    {
        var id = await QueueAsync();

        var report = await DispatchAsync(new FailingSender());

        Assert.Equal(new DispatchReport(0, 1, 0), report);
        var row = await RowAsync(id);
        Assert.Equal(NotificationStatus.Pending, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.Equal(NotificationTestData.Monday.AddMinutes(1), row.NextAttemptAt);
        Assert.Equal("HttpRequestException: Notify is down", row.LastError);
        Assert.Null(row.ClaimedUntil);
        Assert.Null(row.SentAt);

        // Not before its time...
        time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(new DispatchReport(0, 0, 0), await DispatchAsync(new RecordingSender()));

        // ...and then it goes.
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new DispatchReport(1, 0, 0), await DispatchAsync(new RecordingSender()));
        Assert.Equal(NotificationStatus.Sent, (await RowAsync(id)).Status);
    }

    [Fact]
    public async Task AfterMaxAttemptsFailures_TheEmailIsFailed_WithBackOffBetweenTries()
    {
        var id = await QueueAsync();
        var sender = new FailingSender();

        for (var attempt = 1; attempt <= NotificationOutbox.MaxAttempts; attempt++)
        {
            var before = await RowAsync(id);
            Assert.Equal(NotificationStatus.Pending, before.Status);
            time.SetUtcNow(before.NextAttemptAt);

            var report = await DispatchAsync(sender);

            var after = await RowAsync(id);
            Assert.Equal(attempt, after.Attempts);
            if (attempt < NotificationOutbox.MaxAttempts)
            {
                Assert.Equal(new DispatchReport(0, 1, 0), report);
                Assert.Equal(time.GetUtcNow() + TimeSpan.FromMinutes(Math.Pow(2, attempt - 1)), after.NextAttemptAt);
            }
            else
            {
                Assert.Equal(new DispatchReport(0, 0, 1), report);
                Assert.Equal(NotificationStatus.Failed, after.Status);
            }
        }

        // A failed email is left for an administrator; it is not tried again.
        time.Advance(TimeSpan.FromDays(30));
        Assert.Equal(new DispatchReport(0, 0, 0), await DispatchAsync(new RecordingSender()));
        Assert.Equal(NotificationOutbox.MaxAttempts, sender.Calls);
    }

    [Fact]
    public async Task AnEmailClaimedByAnotherNode_IsNotSent_UntilTheClaimLapses()
    {
        var id = await QueueAsync();
        await using (var db = database.NewContext())
        {
            await db.OutboxNotifications.Where(n => n.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ClaimedBy, "node-b").SetProperty(n => n.ClaimedUntil, NotificationTestData.Monday.AddMinutes(5)));
        }

        var sender = new RecordingSender();
        time.Advance(TimeSpan.FromMinutes(4));

        Assert.Equal(new DispatchReport(0, 0, 0), await DispatchAsync(sender));
        Assert.Empty(sender.Sent);
        var row = await RowAsync(id);
        Assert.Equal("node-b", row.ClaimedBy);
        Assert.Equal(NotificationStatus.Pending, row.Status);
        Assert.Equal(0, row.Attempts);

        // The other node died mid-send: once its claim lapses, this node picks the email up.
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(new DispatchReport(1, 0, 0), await DispatchAsync(sender));
        Assert.Single(sender.Sent);
    }

    [Fact]
    public async Task TwoNodesDispatchingAtOnce_SendEachEmailOnce()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await QueueAsync());
        }

        var sender = new RecordingSender();
        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var reports = await Task.WhenAll(
            Task.Run(() => new NotificationOutbox(first, sender, time).DispatchAsync("node-a", 50, CancellationToken.None)),
            Task.Run(() => new NotificationOutbox(second, sender, time).DispatchAsync("node-b", 50, CancellationToken.None)));

        Assert.Equal(6, reports.Sum(r => r.Sent));
        Assert.Equal(ids.Select(id => "clock-overdue:" + id).Order(StringComparer.Ordinal), sender.Sent.Select(e => e.Reference).Order(StringComparer.Ordinal));
    }

    /// <summary>Queues an overdue reminder the way <c>ClockReminders</c> does; its reference carries only ids.</summary>
    private async Task<Guid> QueueAsync()
    {
        await using var db = database.NewContext();
        var id = Guid.NewGuid();
        var reference = "clock-overdue:" + id;
        db.OutboxNotifications.Add(new OutboxNotification
        {
            Id = id,
            PartnershipId = data.PartnershipId,
            Kind = "clock-overdue",
            RecipientUserId = data.WorkerId,
            RecipientEmail = NotificationTestData.WorkerEmail,
            Subject = "Overdue: Decision on a referral",
            Body = "Decision on a referral (FD-1) was due.",
            Reference = reference,
            Status = NotificationStatus.Pending,
            CreatedAt = time.GetUtcNow(),
            NextAttemptAt = time.GetUtcNow(),
        });
        db.Record(new NotificationQueued(id, "clock-overdue", data.WorkerId, reference), ProcessContext.System(time.GetUtcNow(), "test", data.PartnershipId));
        await db.SaveChangesAsync();
        return id;
    }

    private async Task<DispatchReport> DispatchAsync(INotificationSender sender)
    {
        await using var db = database.NewContext();
        return await new NotificationOutbox(db, sender, time).DispatchAsync(Node, 50, CancellationToken.None);
    }

    private async Task<OutboxNotification> RowAsync(Guid id)
    {
        await using var db = database.NewContext();
        return await db.OutboxNotifications.AsNoTracking().SingleAsync(n => n.Id == id);
    }

    private sealed class RecordingSender : INotificationSender
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<OutboundEmail> sent = new();

        public IReadOnlyList<OutboundEmail> Sent => [.. sent];

        public Task SendAsync(OutboundEmail email, CancellationToken cancellationToken)
        {
            sent.Enqueue(email);
            return Task.CompletedTask;
        }
    }

    private sealed class FailingSender : INotificationSender
    {
        public int Calls { get; private set; }

        public Task SendAsync(OutboundEmail email, CancellationToken cancellationToken)
        {
            Calls++;
            throw new HttpRequestException("Notify is down");
        }
    }
}
