using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Data;
using Safeguarding.SyntheticData;

namespace Safeguarding.Core.Tests.SyntheticData;

public sealed class CityLoaderTests : IDisposable
{
    private static readonly ProcessContext Seeding = ProcessContext.System(new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero), "seed");
    private readonly SqliteConnection connection = new("DataSource=:memory:");
    private readonly SafeguardingDbContext db;

    public CityLoaderTests()
    {
        connection.Open();
        var options = new DbContextOptionsBuilder<SafeguardingDbContext>().UseSqlite(connection).Options;
        db = new SafeguardingDbContext(options, FixedTenantScope.AllPartnerships);
        db.Database.EnsureCreated();
    }

    public void Dispose()
    {
        db.Dispose();
        connection.Dispose();
    }

    [Fact]
    public async Task LoadAsync_SmallCity_WritesEveryRow()
    {
        var city = CityGenerator.Generate(new CitySpec { Children = 500 });

        var summary = await CityLoader.LoadAsync(db, city, Seeding, null);

        Assert.Equal(1, await db.Partnerships.CountAsync());
        Assert.Equal(city.Localities.Count, await db.Localities.CountAsync());
        Assert.Equal(city.Agencies.Count, await db.Agencies.CountAsync());
        Assert.Equal(city.Users.Count, await db.Users.CountAsync());
        Assert.Equal(city.People.Count + city.LookedAfter.FormerChildren.Count, await db.People.CountAsync());
        Assert.Equal(500, await db.People.CountAsync(p => p.IsChild));
        Assert.Equal(city.Relationships.Count, await db.PersonRelationships.CountAsync());
        var facts = PersonFactsGenerator.For(city);
        Assert.Equal(facts.Identifiers.Count, await db.PersonIdentifiers.CountAsync());
        Assert.Equal(facts.Addresses.Count, await db.PersonAddresses.CountAsync());
        Assert.Equal(facts.Schools.Count, await db.PersonSchools.CountAsync());
        Assert.Equal(facts.Names.Count, await db.PersonNames.CountAsync());
        Assert.Equal(Roles.All.Count, await db.Roles.CountAsync());
        Assert.Equal(city.UserRoles.Count, await db.UserRoles.CountAsync());
        Assert.NotEmpty(city.ChronologyEntries);
        Assert.Equal(city.ChronologyEntries.Count, await db.ChronologyEntries.CountAsync());
        Assert.NotEmpty(city.Contacts.Contacts);
        Assert.Equal(city.Contacts.Contacts.Count, await db.Contacts.CountAsync());
        Assert.Equal(city.Contacts.Decisions.Count, await db.ContactDecisions.CountAsync());
        Assert.Equal(city.Contacts.InformationRequests.Count, await db.AgencyInformationRequests.CountAsync());
        Assert.Equal(city.Contacts.Clocks.Count, await db.Clocks.CountAsync());

        var pathway = city.Pathway;
        Assert.NotEmpty(pathway.Episodes);
        Assert.Equal(pathway.Episodes.Count, await db.CinEpisodes.CountAsync());
        Assert.Equal(pathway.Assessments.Count, await db.Assessments.CountAsync());
        Assert.Equal(pathway.CinPlans.Count, await db.CinPlans.CountAsync());
        Assert.Equal(pathway.StrategyDiscussions.Count, await db.StrategyDiscussions.CountAsync());
        Assert.Equal(pathway.StrategyDiscussionAttendees.Count, await db.StrategyDiscussionAttendees.CountAsync());
        Assert.Equal(pathway.Section47Enquiries.Count, await db.Section47Enquiries.CountAsync());
        Assert.Equal(pathway.Conferences.Count, await db.ChildProtectionConferences.CountAsync());
        Assert.Equal(pathway.ConferenceAttendance.Count, await db.ConferenceAttendances.CountAsync());
        Assert.Equal(pathway.ChildProtectionPlans.Count, await db.ChildProtectionPlans.CountAsync());
        Assert.Equal(pathway.CoreGroupMeetings.Count, await db.CoreGroupMeetings.CountAsync());

        var lookedAfter = city.LookedAfter;
        Assert.NotEmpty(lookedAfter.Periods);
        Assert.Equal(lookedAfter.Periods.Count, await db.CarePeriods.CountAsync());
        Assert.Equal(lookedAfter.Episodes.Count, await db.CareEpisodes.CountAsync());
        Assert.Equal(lookedAfter.Reviews.Count, await db.LookedAfterReviews.CountAsync());
        Assert.Equal(lookedAfter.MissingEpisodes.Count, await db.MissingEpisodes.CountAsync());
        Assert.Equal(lookedAfter.CareLeaverContacts.Count, await db.CareLeaverContacts.CountAsync());
        Assert.Equal(lookedAfter.Adoptions.Count, await db.AdoptionRecords.CountAsync());

        Assert.NotEmpty(city.EarlyHelp.Episodes);
        Assert.Equal(city.EarlyHelp.Episodes.Count, await db.EarlyHelpEpisodes.CountAsync());
        Assert.Equal(city.EarlyHelp.Reviews.Count, await db.FamilyPlanReviews.CountAsync());
        Assert.True(summary.Rows >= city.People.Count + city.Relationships.Count + city.ChronologyEntries.Count + city.Contacts.Contacts.Count + lookedAfter.Rows + city.EarlyHelp.Rows);
    }

    [Fact]
    public async Task LoadAsync_RecordsBatchEventsOnAnIntactAuditChain()
    {
        var city = CityGenerator.Generate(new CitySpec { Children = 500 });

        var summary = await CityLoader.LoadAsync(db, city, Seeding, null);

        var events = await db.AuditEvents.OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(summary.Batches, events.Count);
        Assert.Contains(events, e => e.EventType == nameof(SyntheticBatchLoaded));
        Assert.Equal(nameof(DemoCityLoaded), events[^1].EventType);
        Assert.All(events, e => Assert.Equal(city.Partnership.Id, e.PartnershipId));
        Assert.All(events, e => Assert.DoesNotContain(city.People[0].FamilyName, e.Data, StringComparison.Ordinal));
        Assert.True((await AuditChain.VerifyAsync(db)).IsIntact);
    }

    [Fact]
    public async Task IsLoadedAsync_AfterLoading_PreventsASecondLoad()
    {
        var city = CityGenerator.Generate(new CitySpec { Children = 200 });
        Assert.False(await CityLoader.IsLoadedAsync(db));

        await CityLoader.LoadAsync(db, city, Seeding, null);

        Assert.True(await CityLoader.IsLoadedAsync(db));
        await Assert.ThrowsAsync<InvalidOperationException>(() => CityLoader.LoadAsync(db, city, Seeding, null));
        Assert.Equal(city.People.Count + city.LookedAfter.FormerChildren.Count, await db.People.CountAsync());
    }

    [Fact]
    public async Task LoadAsync_DemoUsers_SignInWithTheDemoPassword()
    {
        var city = CityGenerator.Generate(new CitySpec { Children = 200 });

        await CityLoader.LoadAsync(db, city, Seeding, null);

        var hasher = new PasswordHasher<User>();
        foreach (var profile in DemoCity.Users)
        {
            var user = await db.Users.SingleAsync(u => u.NormalizedEmail == profile.Email.ToUpperInvariant());
            Assert.NotEqual(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(user, user.PasswordHash!, DemoCity.DemoPassword));
            Assert.True(user.EmailConfirmed);
            var roleIds = await db.UserRoles.Where(r => r.UserId == user.Id).Select(r => r.RoleId).ToListAsync();
            var roleNames = await db.Roles.Where(r => roleIds.Contains(r.Id)).Select(r => r.Name).ToListAsync();
            Assert.Equal([profile.Role], roleNames);
        }

        Assert.Null(city.DemoUser(Roles.Referrer).PasswordHash);
        Assert.True(await db.Users.CountAsync(u => u.PasswordHash == null) > 0);
    }

    [Fact]
    public async Task LoadAsync_ExistingRoles_AreReused()
    {
        db.Roles.Add(new Role { Id = Guid.Parse("11111111-1111-4111-8111-111111111111"), Name = Roles.Referrer, NormalizedName = "REFERRER" });
        db.Record(new SyntheticBatchLoaded(Guid.Empty, 0, "Role", 1), Seeding);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        await CityLoader.LoadAsync(db, CityGenerator.Generate(new CitySpec { Children = 100 }), Seeding, null);

        Assert.Equal(Roles.All.Count, await db.Roles.CountAsync());
        Assert.True(await db.UserRoles.AnyAsync(r => r.RoleId == Guid.Parse("11111111-1111-4111-8111-111111111111")));
    }
}
