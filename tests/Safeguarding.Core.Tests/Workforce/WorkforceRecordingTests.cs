using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Children;
using Safeguarding.Core.Chronology;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Core.Performance;
using Safeguarding.Core.Tests.Children;
using Safeguarding.Core.Timescales;
using Safeguarding.Core.Workforce;
using Safeguarding.Tests.Shared;

namespace Safeguarding.Core.Tests.Workforce;

/// <summary>
/// The establishment, supervisions and case allocations against a real database: each rule, the
/// post's version, the assessment's allocation reaching the caseload, and KPIs 13 to 15 from the records.
/// </summary>
[Trait("Category", "Database")]
public sealed class WorkforceRecordingTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = ChildrenTestData.Monday; // Monday 23 November 2026
    private static readonly DateOnly Established = new(2026, 1, 1);
    private static readonly DateOnly October = new(2026, 10, 1);
    private TestDatabase database = null!;
    private ChildrenTestData data = null!;
    private Person child = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await database.MigrateAsync();
        data = await ChildrenTestData.SeedAsync(database);
        await using var db = database.NewContext();
        // Wren is a social worker, Olu a team manager: both can hold posts; Ada (administrator) cannot.
        Grant(db, data.WorkerId, Roles.SocialWorker);
        Grant(db, data.OwnerId, Roles.TeamManager);
        db.Record(new RoleGranted(data.WorkerId), ProcessContext.System(Now, "test", data.PartnershipId));
        await db.SaveChangesAsync();
        child = await data.AddChildAsync(db, "Sam", "Jones", new DateOnly(2017, 5, 1));
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private ProcessContext Manager => data.As(data.OwnerId, Now);

    [Fact]
    public async Task APost_NeedsAUniqueReference_TeamRoleAndDate()
    {
        await AddPostAsync("SW-1");
        await using var db = database.NewContext();
        var result = await new Establishment(db).AddPostAsync(new PostForm(" SW-1 ", "", null, null), Manager);

        Assert.Equal(
            ["A post with the reference SW-1 already exists", "Enter the team the post is in",
                "Select whether the post is a social worker's or a team manager's", "Enter the date the post was established"],
            [result.Errors["Reference"], result.Errors["Team"], result.Errors["Role"], result.Errors["EstablishedOn"]]);
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.EventType == nameof(WorkforcePostAdded)));
    }

    [Fact]
    public async Task FillingAPost_NeedsAPostHolderFromTheStartOfThePost_AndOneHolderAtATime()
    {
        var post = await AddPostAsync("SW-1");
        await using (var db = database.NewContext())
        {
            var establishment = new Establishment(db);
            var early = await establishment.FillPostAsync(post.Id, post.Version, new FillPostForm(data.AdministratorId, null, Established.AddDays(-1)), Manager);
            Assert.Equal(
                ["Select who holds the post", "Select whether the holder is permanent or from an agency",
                    "The date they started must be on or after the date the post was established, 1 January 2026"],
                [early.Errors["UserId"], early.Errors["Employment"], early.Errors["StartDate"]]);
        }

        var holding = await FillAsync(post.Id, data.WorkerId, Employment.Permanent, new(2026, 3, 1));
        await using (var db = database.NewContext())
        {
            var version = await VersionAsync(db, post.Id);
            Assert.Equal(post.Version + 1, version);
            var overlap = await new Establishment(db).FillPostAsync(post.Id, version, new FillPostForm(data.OwnerId, Employment.Agency, new(2026, 6, 1)), Manager);
            Assert.Equal("Someone holds this post on or after that date: end their holding first", overlap.Errors["StartDate"]);
        }

        await using (var db = database.NewContext())
        {
            var establishment = new Establishment(db);
            var before = await establishment.EndHoldingAsync(holding.Id, await VersionAsync(db, post.Id), new(2026, 2, 1), Manager);
            Assert.Equal("The date the holding ends must be on or after the date it started, 1 March 2026", before.Errors["EndDate"]);
            Assert.True((await establishment.EndHoldingAsync(holding.Id, await VersionAsync(db, post.Id), new(2026, 6, 1), Manager)).Succeeded);
        }

        // The holder left on 1 June (in post until 31 May), so the post can be filled from that day.
        await FillAsync(post.Id, data.OwnerId, Employment.Agency, new(2026, 6, 1));
        await using var read = database.NewContext();
        var posts = await new Establishment(read).PostsAsync(data.PartnershipId, new(2026, 6, 1));
        Assert.Equal(("Olu Owner", Employment.Agency), (posts.Single().HolderName, posts.Single().Holding!.Employment));
    }

    [Fact]
    public async Task DeletingAPost_IsFromOnOrAfterItWasEstablished_AndNotUnderAHolder()
    {
        var post = await AddPostAsync("SW-1");
        var holding = await FillAsync(post.Id, data.WorkerId, Employment.Permanent, new(2026, 3, 1));
        await using (var db = database.NewContext())
        {
            var establishment = new Establishment(db);
            var version = await VersionAsync(db, post.Id);
            Assert.Equal("The date the post is deleted from must be on or after the date it was established, 1 January 2026",
                (await establishment.DeletePostAsync(post.Id, version, new(2025, 12, 31), Manager)).Errors["DeletedOn"]);
            Assert.Equal("Someone holds this post on or after that date: end their holding first",
                (await establishment.DeletePostAsync(post.Id, version, new(2026, 9, 1), Manager)).Errors["DeletedOn"]);
            Assert.True((await establishment.EndHoldingAsync(holding.Id, version, new(2026, 9, 1), Manager)).Succeeded);
        }

        await using var db2 = database.NewContext();
        var deleted = await new Establishment(db2).DeletePostAsync(post.Id, await VersionAsync(db2, post.Id), new(2026, 9, 1), Manager);
        Assert.True(deleted.Succeeded);
        Assert.Empty(await new Establishment(db2).PostsAsync(data.PartnershipId, new(2026, 9, 1)));
        Assert.Single(await new Establishment(db2).PostsAsync(data.PartnershipId, new(2026, 8, 31)));
    }

    [Fact]
    public async Task AChangeMadeFromAnOldVersionOfThePost_IsRefused()
    {
        var post = await AddPostAsync("SW-1");
        await FillAsync(post.Id, data.WorkerId, Employment.Permanent, new(2026, 3, 1));

        await using var db = database.NewContext();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => new Establishment(db).DeletePostAsync(post.Id, post.Version, new(2026, 9, 1), Manager));
    }

    [Fact]
    public async Task ASupervision_IsOfASocialWorkerInPostThatDay_NeverInTheFuture()
    {
        var post = await AddPostAsync("SW-1");
        await FillAsync(post.Id, data.WorkerId, Employment.Permanent, new(2026, 3, 1));
        await using var db = database.NewContext();
        var supervisions = new SupervisionRecording(db);

        Assert.Equal("Select a social worker who was in a social worker post on 28 February 2026",
            (await supervisions.RecordAsync(new SupervisionForm(data.WorkerId, new(2026, 2, 28)), Manager)).Errors["WorkerUserId"]);
        Assert.Equal("The date of the supervision must be today or in the past",
            (await supervisions.RecordAsync(new SupervisionForm(data.WorkerId, new(2026, 11, 24)), Manager)).Errors["HeldOn"]);
        Assert.Equal("Select the social worker you supervised", (await supervisions.RecordAsync(new SupervisionForm(null, new(2026, 11, 2)), Manager)).Errors["WorkerUserId"]);
        var recorded = await supervisions.RecordAsync(new SupervisionForm(data.WorkerId, new(2026, 11, 2)), Manager);

        Assert.True(recorded.Succeeded);
        Assert.Equal(data.OwnerId, recorded.Value!.SupervisorUserId);
        var worker = Assert.Single(await supervisions.WorkersAsync(data.PartnershipId, Now));
        Assert.Equal(("Wren Worker", (DateOnly?)new DateOnly(2026, 11, 2), true), (worker.Name, worker.LastSupervisedOn, worker.SupervisedThisMonth));
    }

    [Fact]
    public async Task AllocatingAChild_EndsTheCurrentAllocation_AndNeedsASocialWorkerInPost()
    {
        var first = await AddPostAsync("SW-1");
        var second = await AddPostAsync("SW-2");
        await FillAsync(first.Id, data.WorkerId, Employment.Permanent, new(2026, 3, 1));
        await using var db = database.NewContext();
        var allocations = new CaseAllocations(db);

        var notInPost = await allocations.AllocateAsync(child.Id, null, new AllocationForm(data.OwnerId, new(2026, 4, 1)), Manager);
        Assert.Equal("Select a social worker who was in a social worker post on 1 April 2026", notInPost.Errors["WorkerUserId"]);
        var allocated = await allocations.AllocateAsync(child.Id, null, new AllocationForm(data.WorkerId, new(2026, 4, 1)), Manager);
        Assert.True(allocated.Succeeded);
        Assert.Equal("Someone else has changed this child's allocation: check it and try again",
            (await allocations.AllocateAsync(child.Id, null, new AllocationForm(data.WorkerId, new(2026, 4, 1)), Manager)).Errors[""]);
        Assert.Equal("The child is already allocated to this social worker",
            (await allocations.AllocateAsync(child.Id, allocated.Value!.Id, new AllocationForm(data.WorkerId, new(2026, 5, 1)), Manager)).Errors["WorkerUserId"]);

        await FillAsync(second.Id, data.OwnerId, Employment.Agency, new(2026, 3, 1));
        await using var db2 = database.NewContext();
        var reallocations = new CaseAllocations(db2);
        Assert.Equal("The date the child was allocated must be on or after the current allocation started, 1 April 2026",
            (await reallocations.AllocateAsync(child.Id, allocated.Value.Id, new AllocationForm(data.OwnerId, new(2026, 3, 31)), Manager)).Errors["StartDate"]);
        var reallocated = await reallocations.AllocateAsync(child.Id, allocated.Value.Id, new AllocationForm(data.OwnerId, new(2026, 5, 1)), Manager);
        Assert.True(reallocated.Succeeded);

        var history = await reallocations.HistoryAsync(child.Id, data.PartnershipId);
        Assert.Equal([("Olu Owner", (DateOnly?)null), ("Wren Worker", new DateOnly(2026, 5, 1))], history.Select(h => (h.WorkerName, h.Allocation.EndDate)));
        Assert.Equal("The date the allocation ends must be on or after the date it started, 1 May 2026",
            (await reallocations.EndAsync(reallocated.Value!.Id, new(2026, 4, 30), Manager)).Errors["EndDate"]);
        Assert.True((await reallocations.EndAsync(reallocated.Value.Id, new(2026, 6, 1), Manager)).Succeeded);
        Assert.Null(await reallocations.CurrentAsync(child.Id));
        Assert.Equal(2, await db2.AuditEvents.CountAsync(e => e.EventType == nameof(CaseAllocated)));
    }

    [Fact]
    public async Task AllocatingAnAssessment_PutsTheChildOnTheSocialWorkersCaseload_Once()
    {
        await using var db = database.NewContext();
        var clocks = new ClockService(db, new PartnershipTimescales(new FakeTimeProvider(Now)));
        var episode = await new ReferralRecording(db, clocks, new ChildChronology(db)).OpenAsync(new ReferralForm(child.Id, new(2026, 11, 2), "1A", "N1"), Manager);
        Assert.True(episode.Succeeded, string.Join("; ", episode.Errors.Values));
        var assessments = new AssessmentRecording(db, clocks, new ChildChronology(db));
        var started = await assessments.StartAsync(episode.Value!.Id, episode.Value.Version, new(2026, 11, 3), data.WorkerId, Manager);
        Assert.True(started.Succeeded, string.Join("; ", started.Errors.Values));
        var reallocatedToSame = await assessments.AllocateAsync(started.Value!.Id, started.Value.Version, data.WorkerId, new(2026, 11, 4), null, Manager);
        Assert.True(reallocatedToSame.Succeeded, string.Join("; ", reallocatedToSame.Errors.Values));

        var allocation = await db.CaseAllocations.AsNoTracking().SingleAsync(a => a.PersonId == child.Id);
        Assert.Equal((data.WorkerId, new DateOnly(2026, 11, 3), (DateOnly?)null), (allocation.WorkerUserId, allocation.StartDate, allocation.EndDate));
    }

    [Fact]
    public async Task RecordsKeptHere_MoveKpis13To15()
    {
        var socialWorkerPost = await AddPostAsync("SW-1");
        var managerPost = await AddPostAsync("TM-1", WorkforceRole.TeamManager);
        await AddPostAsync("SW-2");
        await FillAsync(socialWorkerPost.Id, data.WorkerId, Employment.Permanent, new(2026, 9, 1));
        await FillAsync(managerPost.Id, data.OwnerId, Employment.Agency, new(2026, 9, 1));
        await using var db = database.NewContext();
        Assert.True((await new CaseAllocations(db).AllocateAsync(child.Id, null, new AllocationForm(data.WorkerId, new(2026, 10, 5)), Manager)).Succeeded);
        Assert.True((await new SupervisionRecording(db).RecordAsync(new SupervisionForm(data.WorkerId, new(2026, 10, 12)), Manager)).Succeeded);

        var pack = await new PerformancePack(db, new PartnershipTimescales(TimeProvider.System)).BuildAsync(data.PartnershipId, October);

        var agency = pack.Find(DefaultIndicators.AgencyStaff)!.Current.Figure;
        var caseloads = pack.Find(DefaultIndicators.Caseloads)!.Current.Figure;
        var supervised = pack.Find(DefaultIndicators.Supervised)!.Current.Figure;
        Assert.Equal((1m, 3m), (agency.Numerator, agency.Denominator));
        Assert.Equal(1m, caseloads.Value);
        Assert.Equal((1m, 1m), (supervised.Numerator, supervised.Denominator));
    }

    private async Task<WorkforcePost> AddPostAsync(string reference, WorkforceRole role = WorkforceRole.SocialWorker)
    {
        await using var db = database.NewContext();
        var result = await new Establishment(db).AddPostAsync(new PostForm(reference, "Assessment team 1", role, Established), Manager);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        return result.Value!;
    }

    private async Task<PostHolding> FillAsync(Guid postId, Guid userId, Employment employment, DateOnly start)
    {
        await using var db = database.NewContext();
        var result = await new Establishment(db).FillPostAsync(postId, await VersionAsync(db, postId), new FillPostForm(userId, employment, start), Manager);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        return result.Value!;
    }

    private static Task<long> VersionAsync(SafeguardingDbContext db, Guid postId) =>
        db.WorkforcePosts.AsNoTracking().Where(p => p.Id == postId).Select(p => p.Version).SingleAsync();

    private static void Grant(SafeguardingDbContext db, Guid userId, string name)
    {
        var role = new Role { Id = Guid.NewGuid(), Name = name, NormalizedName = name.ToUpperInvariant() };
        db.Roles.Add(role);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = userId, RoleId = role.Id });
    }

    private sealed record RoleGranted(Guid UserId) : IDomainEvent
    {
        public string SubjectType => "User";

        public string SubjectId => UserId.ToString();
    }
}
