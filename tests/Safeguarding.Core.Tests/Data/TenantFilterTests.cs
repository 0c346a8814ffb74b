using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Data;
using Safeguarding.Tests.Shared;

namespace Safeguarding.Core.Tests.Data;

[Trait("Category", "Database")]
public sealed class TenantFilterTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private readonly Guid north = Guid.NewGuid();
    private readonly Guid south = Guid.NewGuid();
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await database.MigrateAsync();
        await using var db = database.NewContext();
        foreach (var (id, code) in new[] { (north, "NORTH"), (south, "SOUTH") })
        {
            db.Partnerships.Add(new Partnership { Id = id, Code = code, Name = code, LocalAuthorityName = code });
            db.Agencies.Add(new Agency { Id = Guid.NewGuid(), PartnershipId = id, Name = $"{code} police", Type = AgencyType.Police });
            db.Record(new Seeded(id), ProcessContext.System(Now));
        }

        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Queries_SeeOnlyTheirOwnPartnership()
    {
        await using var db = database.NewContext(new FixedTenantScope(north));

        var names = await db.Agencies.Select(a => a.Name).ToListAsync();

        Assert.Equal(["NORTH police"], names);
    }

    [Fact]
    public async Task AnEmptyPartnership_SeesNothing()
    {
        await using var db = database.NewContext(new FixedTenantScope(Guid.Empty));

        Assert.Equal(0, await db.Agencies.CountAsync());
    }

    [Fact]
    public async Task CrossPartnershipReads_MustSayTheyIgnoreTheFilter()
    {
        await using var db = database.NewContext(new FixedTenantScope(north));

        var all = await db.Agencies.IgnoreQueryFilters([SafeguardingDbContext.TenantFilter]).CountAsync();

        Assert.Equal(2, all);
    }

    private sealed record Seeded(Guid PartnershipId) : IDomainEvent
    {
        public string SubjectType => "Partnership";
        public string SubjectId => PartnershipId.ToString();
    }
}
