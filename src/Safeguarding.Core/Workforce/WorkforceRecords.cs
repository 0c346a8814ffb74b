using Safeguarding.Core.Access;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Workforce;

public enum WorkforceRole
{
    /// <summary>A qualified social worker holding cases (KPIs 13, 14 and 15).</summary>
    SocialWorker,

    /// <summary>A team manager (KPI 13 only: its establishment includes team managers).</summary>
    TeamManager,
}

public enum Employment
{
    Permanent,

    /// <summary>Filled by an agency worker: KPI 13's numerator.</summary>
    Agency,
}

/// <summary>
/// An established social work post in a team: the establishment KPI 13 measures, filled or vacant.
/// A post is established from a date and may be deleted from the establishment later.
/// </summary>
public sealed class WorkforcePost : IPartnershipOwned, IConcurrencyVersioned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }

    /// <summary>The establishment's own post number (e.g. "SW-0142"), unique in the partnership.</summary>
    public required string Reference { get; set; }
    public required string Team { get; set; }
    public WorkforceRole Role { get; set; }
    public DateOnly EstablishedOn { get; set; }
    public DateOnly? DeletedOn { get; set; }
    public long Version { get; set; }
}

/// <summary>Who held a post and on what terms, from a date to a date; a post with no holding on a day is vacant.</summary>
public sealed class PostHolding : IPartnershipOwned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid PostId { get; set; }

    /// <summary>The worker, a user of the system (they record their work here).</summary>
    public Guid UserId { get; set; }
    public Employment Employment { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
}

/// <summary>A supervision session a social worker had with their manager: KPI 15 counts workers supervised in the month.</summary>
public sealed class Supervision : IPartnershipOwned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid WorkerUserId { get; set; }
    public Guid? SupervisorUserId { get; set; }
    public DateOnly HeldOn { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A child allocated to a social worker from a date until reallocated or closed: KPI 14's caseloads.</summary>
public sealed class CaseAllocation : IPartnershipOwned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid PersonId { get; set; }
    public Guid WorkerUserId { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid? RecordedByUserId { get; set; }
}
