using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Children;
using Safeguarding.Core.Children.Matching;
using Safeguarding.Core.Data;
using Safeguarding.Tests.Shared;

namespace Safeguarding.Core.Tests.Children;

[Trait("Category", "Database")]
public sealed class PersonIndexCacheTests : IAsyncLifetime
{
    private readonly PersonIndexCache cache = new();
    private TestDatabase database = null!;
    private ChildrenTestData data = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await database.MigrateAsync();
        data = await ChildrenTestData.SeedAsync(database);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task TheIndex_IsReused_UntilAChangeBumpsTheRevision_ThenRebuilt()
    {
        await using var db = database.NewContext();
        var oliver = await data.AddChildAsync(db, "Oliver", "Smith", new DateOnly(2015, 1, 1));

        var first = await cache.GetAsync(db, data.PartnershipId);
        var again = await cache.GetAsync(db, data.PartnershipId);
        var builtAt = cache.BuiltRevision(data.PartnershipId);

        Assert.Same(first, again);
        Assert.Equal(1, first.Count);

        await data.AddChildAsync(db, "Amira", "Haddad", new DateOnly(2017, 6, 2));
        var rebuilt = await cache.GetAsync(db, data.PartnershipId);

        Assert.NotSame(first, rebuilt);
        Assert.Equal(2, rebuilt.Count);
        Assert.True(cache.BuiltRevision(data.PartnershipId) > builtAt);

        // A change to the person themself bumps it too: the new name is found.
        oliver.FamilyName = "Smyth-Jones";
        db.Record(new Changed(oliver.Id), ProcessContext.System(ChildrenTestData.Monday, "test", data.PartnershipId));
        await db.SaveChangesAsync();
        var found = await MatchingFor(db).FindAsync(new MatchQuery { GivenName = "Oliver", FamilyName = "Smyth-Jones", DateOfBirth = new DateOnly(2015, 1, 1) }, data.PartnershipId);
        Assert.Equal(oliver.Id, found[0].PersonId);
        Assert.Equal(ComparisonOutcome.Agree, found[0].Reasons.Single(r => r.Field == MatchField.FamilyName).Outcome);
    }

    [Fact]
    public async Task MergedRecords_AreLeftOut_ButTheirNamesFindTheSurvivor()
    {
        await using var db = database.NewContext();
        var survivor = await data.AddChildAsync(db, "Jayden", "Clarke", new DateOnly(2014, 3, 9));
        var merged = await data.AddChildAsync(db, "Jaden", "Okafor", new DateOnly(2014, 3, 9), p => p.MergedIntoId = survivor.Id);

        var records = await PersonIndexCache.RecordsAsync(db, data.PartnershipId, default);
        var found = await MatchingFor(db).FindAsync(new MatchQuery { GivenName = "Jaden", FamilyName = "Okafor", DateOfBirth = new DateOnly(2014, 3, 9) }, data.PartnershipId);

        Assert.All(records, r => Assert.NotEqual(merged.Id, r.Id));
        Assert.Equal(survivor.Id, Assert.Single(found).PersonId);
    }

    [Fact]
    public async Task AliasesAndPreviousNames_FindTheChild()
    {
        await using var db = database.NewContext();
        var child = await data.AddChildAsync(db, "Precious", "Mensah", new DateOnly(2013, 10, 21));
        db.PersonNames.Add(Name(child, "Precious", "Boateng", PersonNameKind.Previous));
        db.PersonNames.Add(Name(child, "Akosua", "Mensah", PersonNameKind.Alias));
        db.Record(new Changed(child.Id), ProcessContext.System(ChildrenTestData.Monday, "test", data.PartnershipId));
        await db.SaveChangesAsync();
        var matching = MatchingFor(db);

        var byPrevious = await matching.FindAsync(new MatchQuery { GivenName = "Precious", FamilyName = "Boateng", DateOfBirth = new DateOnly(2013, 10, 21) }, data.PartnershipId);
        var byAlias = await matching.FindAsync(new MatchQuery { GivenName = "Akosua", FamilyName = "Mensah", DateOfBirth = new DateOnly(2013, 10, 21) }, data.PartnershipId);

        var previous = Assert.Single(byPrevious);
        Assert.Equal(child.Id, previous.PersonId);
        Assert.Equal(ComparisonOutcome.Agree, previous.Reasons.Single(r => r.Field == MatchField.FamilyName).Outcome);
        var alias = Assert.Single(byAlias);
        Assert.Equal(child.Id, alias.PersonId);
        Assert.Equal(ComparisonOutcome.PartlyAgree, alias.Reasons.Single(r => r.Field == MatchField.GivenName).Outcome);
    }

    [Fact]
    public async Task AContextScopedToAnotherPartnership_IsRefused()
    {
        await using var db = database.NewContext(new FixedTenantScope(Guid.NewGuid()));

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync(db, data.PartnershipId));
    }

    private ChildMatching MatchingFor(SafeguardingDbContext db) => new(db, cache, new MatchBands());

    private PersonName Name(Person child, string given, string family, PersonNameKind kind) => new()
    {
        Id = Guid.NewGuid(),
        PartnershipId = data.PartnershipId,
        PersonId = child.Id,
        GivenName = given,
        FamilyName = family,
        Kind = kind,
        RecordedAt = ChildrenTestData.Monday,
    };

    private sealed record Changed(Guid PersonId) : IDomainEvent
    {
        public string SubjectType => "Person";

        public string SubjectId => PersonId.ToString();
    }
}
