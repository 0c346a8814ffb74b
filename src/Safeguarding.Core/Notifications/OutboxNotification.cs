using Safeguarding.Core.Access;

namespace Safeguarding.Core.Notifications;

public enum NotificationStatus
{
    Pending,
    Sent,

    /// <summary>Gave up after <see cref="NotificationOutbox.MaxAttempts"/> tries; shown to administrators.</summary>
    Failed,
}

/// <summary>
/// An email waiting to go, written in the same transaction as the event that caused it, so nothing is
/// lost if the sender is down. The reference sent to the provider carries no personal data.
/// </summary>
public sealed class OutboxNotification : IPartnershipOwned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public required string Kind { get; set; }
    public Guid RecipientUserId { get; set; }
    public required string RecipientEmail { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }

    /// <summary>What the provider sees as the reference: ids only, e.g. "clock-overdue:0193...".</summary>
    public required string Reference { get; set; }
    public NotificationStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
}

public sealed record OutboundEmail(string To, string Subject, string Body, string Reference);

/// <summary>Sends one email. GOV.UK Notify in production; a local mailbox page in development.</summary>
public interface INotificationSender
{
    Task SendAsync(OutboundEmail email, CancellationToken cancellationToken);
}
