using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Data;
using Safeguarding.Core.Timescales;
using Safeguarding.Tests.Shared;

namespace Safeguarding.Core.Tests.Notifications;

/// <summary>A partnership with one agency and one social worker, on a fresh database.</summary>
internal sealed class NotificationTestData
{
    public const string WorkerName = "Priya Okonkwo-Sharma";
    public const string WorkerEmail = "priya.okonkwo-sharma@example.org";

    /// <summary>A Monday morning in November (London is on UTC), well clear of bank holidays.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public Guid PartnershipId { get; } = Guid.NewGuid();

    public Guid AgencyId { get; } = Guid.NewGuid();

    public Guid WorkerId { get; } = Guid.NewGuid();

    public static async Task<NotificationTestData> SeedAsync(TestDatabase database)
    {
        var data = new NotificationTestData();
        await using var db = database.NewContext();
        db.Partnerships.Add(new Partnership { Id = data.PartnershipId, Code = "NOTIFY", Name = "Notify test partnership", LocalAuthorityName = "Notify" });
        db.Agencies.Add(new Agency { Id = data.AgencyId, PartnershipId = data.PartnershipId, Name = "Children's services", Type = AgencyType.LocalAuthority });
        db.Users.Add(new User
        {
            Id = data.WorkerId,
            PartnershipId = data.PartnershipId,
            AgencyId = data.AgencyId,
            DisplayName = WorkerName,
            Email = WorkerEmail,
            NormalizedEmail = WorkerEmail.ToUpperInvariant(),
            UserName = WorkerEmail,
            NormalizedUserName = WorkerEmail.ToUpperInvariant(),
            SecurityStamp = Guid.NewGuid().ToString(),
        });
        db.Record(new Seeded(data.PartnershipId), ProcessContext.System(Monday, "test", data.PartnershipId));
        await db.SaveChangesAsync();
        return data;
    }

    /// <summary>
    /// Starts an FD-1 clock (decision within 24 hours) for the social worker at <paramref name="startedAt"/>:
    /// it is due the next day at the same time, "due today" from midnight, overdue after that.
    /// </summary>
    public async Task<Guid> StartClockAsync(TestDatabase database, DateTimeOffset startedAt, TimeProvider time)
    {
        await using var db = database.NewContext();
        var clocks = new ClockService(db, new PartnershipTimescales(time));
        var clock = await clocks.StartClockAsync(
            new StartClock("FD-1", "Referral", Guid.NewGuid(), startedAt, WorkerId, AgencyId),
            ProcessContext.System(startedAt, "test", PartnershipId));
        await db.SaveChangesAsync();
        return clock.Id;
    }

    private sealed record Seeded(Guid PartnershipId) : IDomainEvent
    {
        public string SubjectType => "Partnership";
        public string SubjectId => PartnershipId.ToString();
    }
}
