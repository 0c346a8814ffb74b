using Safeguarding.Core.Notifications;

namespace Safeguarding.Web.Notifications;

public sealed record MailboxMessage(string To, string Subject, string Body, string Reference, DateTimeOffset ReceivedAt);

/// <summary>
/// Keeps sent emails in memory instead of sending them, so a developer can read them at /dev/mailbox.
/// Used in Development, and anywhere GOV.UK Notify is not configured (nothing then leaves the machine).
/// Only the latest messages are kept, so a long-running node cannot grow without bound.
/// </summary>
public sealed class DevelopmentMailbox(TimeProvider clock) : INotificationSender
{
    public const int Capacity = 200;

    private readonly Lock gate = new();
    private readonly LinkedList<MailboxMessage> messages = new();

    public Task SendAsync(OutboundEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var message = new MailboxMessage(email.To, email.Subject, email.Body, email.Reference, clock.GetUtcNow());
        lock (gate)
        {
            messages.AddFirst(message);
            while (messages.Count > Capacity)
            {
                messages.RemoveLast();
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>A snapshot, newest first.</summary>
    public IReadOnlyList<MailboxMessage> NewestFirst()
    {
        lock (gate)
        {
            return [.. messages];
        }
    }
}
