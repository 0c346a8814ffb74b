using Safeguarding.Core.Access;

namespace Safeguarding.Core.Chronology;

public enum ChronologyEntryType
{
    Contact,
    Decision,
    AgencyInformation,
    EarlyHelp,
    Assessment,
    StrategyDiscussion,
    Section47Enquiry,
    Conference,
    Plan,
    Placement,
    MissingEpisode,
    Review,
    SeriousIncident,
    Other,
}

/// <summary>
/// One event in a child's multi-agency chronology. Modules write entries as things happen; agencies
/// add what they know. Entries are never edited: a correction is a new entry that says so.
/// </summary>
public sealed class ChronologyEntry : IPartnershipOwned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid PersonId { get; set; }

    /// <summary>The day it happened (the chronology's order).</summary>
    public DateOnly OccurredOn { get; set; }

    /// <summary>The moment it happened, when known.</summary>
    public DateTimeOffset? OccurredAt { get; set; }
    public Guid? AgencyId { get; set; }
    public ChronologyEntryType Type { get; set; }
    public required string Summary { get; set; }
    public bool IsSignificant { get; set; }

    /// <summary>Which module wrote it, e.g. "FrontDoor", or "Agency" for information an agency added.</summary>
    public required string Source { get; set; }

    /// <summary>The source record's reference (a contact number, a notification id), for following it back.</summary>
    public string? SourceReference { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid? RecordedByUserId { get; set; }
}
