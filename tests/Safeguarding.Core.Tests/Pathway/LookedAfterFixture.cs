using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Children;
using Safeguarding.Core.Chronology;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Core.Timescales;
using Safeguarding.Tests.Shared;

namespace Safeguarding.Core.Tests.Pathway;

/// <summary>
/// A partnership with one social worker and one child (born 1 April 2006, so 20 at the fixture's "now"),
/// a fresh database per test, and the looked-after services over new contexts.
/// </summary>
public abstract class LookedAfterFixture : IAsyncLifetime
{
    // Friday 15 January 2027, midday: everything below happened before.
    protected static readonly DateTimeOffset Now = new(2027, 1, 15, 12, 0, 0, TimeSpan.Zero);
    protected static readonly DateOnly Born = new(2006, 4, 1);
    private readonly FakeTimeProvider time = new(Now);
    private TestDatabase database = null!;

    protected Guid PartnershipId { get; private set; }

    protected Guid UserId { get; private set; }

    protected Guid ChildId { get; private set; }

    protected TestDatabase Database => database;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await database.MigrateAsync();
        await using var db = database.NewContext();
        var partnership = new Partnership { Id = Guid.NewGuid(), Code = "LA", Name = "Looked-after partnership", LocalAuthorityName = "Midshire council" };
        PartnershipId = partnership.Id;
        db.Partnerships.Add(partnership);
        var child = new Person { Id = Guid.NewGuid(), PartnershipId = PartnershipId, GivenName = "Jo", FamilyName = "Cared", DateOfBirth = Born, IsChild = true };
        ChildId = child.Id;
        db.People.Add(child);
        var trust = new Agency { Id = Guid.NewGuid(), PartnershipId = PartnershipId, Name = "Midshire Children's Trust", Type = AgencyType.ChildrensTrust, IsActive = true };
        db.Agencies.Add(trust);
        db.Record(new SetUp(PartnershipId), ProcessContext.System(Now));
        await db.SaveChangesAsync();
        var user = new User { Id = Guid.NewGuid(), DisplayName = "Sam Social", UserName = "sam", Email = "sam@example.test", PartnershipId = PartnershipId, AgencyId = trust.Id };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        UserId = user.Id;
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    protected ProcessContext Context() => new(UserId, "Sam Social", PartnershipId, Now);

    protected ClockService Clocks(SafeguardingDbContext db) => new(db, new PartnershipTimescales(time));

    protected async Task<Guid> PersonAsync(DateOnly? born)
    {
        await using var db = database.NewContext();
        var person = new Person { Id = Guid.NewGuid(), PartnershipId = PartnershipId, GivenName = "Alex", FamilyName = "Other", DateOfBirth = born, IsChild = true };
        db.People.Add(person);
        db.Record(new SetUp(person.Id), ProcessContext.System(Now));
        await db.SaveChangesAsync();
        return person.Id;
    }

    protected async Task<CarePeriod> CarePeriodAsync(Guid personId, DateOnly start, DateOnly? end = null)
    {
        await using var db = database.NewContext();
        var period = new CarePeriod { Id = Guid.NewGuid(), PartnershipId = PartnershipId, PersonId = personId, StartDate = start, EndDate = end, EndReason = end is null ? null : "E4A", RecordedAt = Now };
        db.CarePeriods.Add(period);
        db.Record(new SetUp(period.Id), ProcessContext.System(Now));
        await db.SaveChangesAsync();
        return period;
    }

    protected async Task<List<string>> EventTypesAsync()
    {
        await using var db = database.NewContext();
        return await db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).Select(e => e.EventType).ToListAsync();
    }

    protected async Task<List<ChronologyEntry>> EntriesAsync()
    {
        await using var db = database.NewContext();
        return await db.ChronologyEntries.AsNoTracking().Where(e => e.PersonId == ChildId).OrderBy(e => e.OccurredOn).ThenBy(e => e.OccurredAt).ToListAsync();
    }

    protected static void Succeeded<T>(ChangeResult<T> result) => Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {e.Value}")));

    protected sealed record SetUp(Guid Id) : IDomainEvent
    {
        public string SubjectType => "Test";
        public string SubjectId => Id.ToString();
    }
}
