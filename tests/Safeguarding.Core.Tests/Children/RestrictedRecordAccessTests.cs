using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Children;
using Safeguarding.Core.Notifications;
using Safeguarding.Tests.Shared;

namespace Safeguarding.Core.Tests.Children;

[Trait("Category", "Database")]
public sealed class RestrictedRecordAccessTests : IAsyncLifetime
{
    private const string Reason = "Child protection enquiry, sensitive";
    private static readonly ServiceAddress Service = new("https://safeguarding.example.org/");
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
    public async Task Restricting_AnOwnerlessRecord_MakesTheRestricterItsOwner_AndIsAudited()
    {
        await using var db = database.NewContext();
        var child = await data.AddChildAsync(db, "Ruby", "Walsh", new DateOnly(2016, 2, 3));
        var access = new RestrictedRecordAccess(db, Service);

        var result = await access.RestrictAsync(child.Id, Reason, data.As(data.OwnerId));

        Assert.True(result.Succeeded);
        await using var after = database.NewContext();
        Assert.True((await after.People.SingleAsync(p => p.Id == child.Id)).IsRestricted);
        var owner = await after.NamedRecordAccesses.SingleAsync(a => a.PersonId == child.Id);
        Assert.True(owner.IsOwner);
        Assert.Equal(data.OwnerId, owner.UserId);
        var restricted = await after.AuditEvents.SingleAsync(e => e.EventType == nameof(RecordRestricted));
        Assert.Equal(Reason, restricted.Reason);
        Assert.DoesNotContain("Ruby", restricted.Data, StringComparison.Ordinal);
        Assert.True(await after.AuditEvents.AnyAsync(e => e.EventType == nameof(NamedUserAdded) && e.Reason == Reason));
    }

    [Fact]
    public async Task OnlyTheOwnerOrAnAdministrator_NamesAndRemovesUsers_OrLiftsTheRestriction()
    {
        await using var db = database.NewContext();
        var child = await data.AddChildAsync(db, "Ruby", "Walsh", new DateOnly(2016, 2, 3));
        var access = new RestrictedRecordAccess(db, Service);
        await access.RestrictAsync(child.Id, Reason, data.As(data.OwnerId));

        var byWorker = await access.NameUserAsync(child.Id, data.WorkerId, Reason, data.As(data.WorkerId));
        var unrestrictByWorker = await access.UnrestrictAsync(child.Id, Reason, data.As(data.WorkerId));
        var restrictAgainByWorker = await access.RestrictAsync(child.Id, Reason, data.As(data.WorkerId));
        var noReason = await access.NameUserAsync(child.Id, data.WorkerId, " ", data.As(data.OwnerId));
        var byAdministrator = await access.NameUserAsync(child.Id, data.WorkerId, Reason, data.As(data.AdministratorId));
        var twice = await access.NameUserAsync(child.Id, data.WorkerId, Reason, data.As(data.OwnerId));
        var removeByWorker = await access.RemoveNamedUserAsync(byAdministrator.Value!.Id, Reason, data.As(data.WorkerId));
        var removeByOwner = await access.RemoveNamedUserAsync(byAdministrator.Value!.Id, "No longer allocated to this family", data.As(data.OwnerId));

        Assert.False(byWorker.Succeeded);
        Assert.False(unrestrictByWorker.Succeeded);
        Assert.False(restrictAgainByWorker.Succeeded);
        Assert.Equal("Enter why you are naming this user", noReason.Errors["reason"]);
        Assert.True(byAdministrator.Succeeded);
        Assert.False(twice.Succeeded);
        Assert.False(removeByWorker.Succeeded);
        Assert.True(removeByOwner.Succeeded);
        Assert.False(await access.IsNamedAsync(data.WorkerId, child.Id));
        await using var after = database.NewContext();
        var removed = await after.NamedRecordAccesses.SingleAsync(a => a.Id == byAdministrator.Value.Id);
        Assert.Equal(data.OwnerId, removed.RemovedByUserId);
        Assert.NotNull(removed.RemovedAt);
        Assert.Equal("No longer allocated to this family", (await after.AuditEvents.SingleAsync(e => e.EventType == nameof(NamedUserRemoved))).Reason);
    }

    [Fact]
    public async Task NamedUsers_AreGranted_WithoutBreakingGlass_UntilRemoved()
    {
        await using var db = database.NewContext();
        var child = await data.AddChildAsync(db, "Ruby", "Walsh", new DateOnly(2016, 2, 3));
        var access = new RestrictedRecordAccess(db, Service);
        await access.RestrictAsync(child.Id, Reason, data.As(data.OwnerId));
        var named = await access.NameUserAsync(child.Id, data.WorkerId, Reason, data.As(data.OwnerId));

        var whileNamed = await access.GrantedAmongAsync(data.WorkerId, [child.Id], ChildrenTestData.Monday);
        await access.RemoveNamedUserAsync(named.Value!.Id, Reason, data.As(data.OwnerId));
        var afterRemoval = await access.GrantedAmongAsync(data.WorkerId, [child.Id], ChildrenTestData.Monday);

        Assert.Contains(child.Id, whileNamed);
        Assert.Empty(afterRemoval);
        Assert.False(await db.BreakGlassAccesses.AnyAsync());
    }

    [Fact]
    public async Task BreakingGlass_QueuesAnEmailToTheOwner_WithNoPersonalData()
    {
        await using var db = database.NewContext();
        var child = await data.AddChildAsync(db, "Ruby", "Walsh", new DateOnly(2016, 2, 3));
        var access = new RestrictedRecordAccess(db, Service);
        await access.RestrictAsync(child.Id, Reason, data.As(data.OwnerId));
        const string why = "Strategy discussion about a sibling today";

        var opened = await access.BreakGlassAsync(child.Id, why, data.As(data.WorkerId, ChildrenTestData.Monday.AddHours(2)));

        Assert.True(opened.Succeeded);
        await using var after = database.NewContext();
        var email = await after.OutboxNotifications.SingleAsync();
        Assert.Equal(data.OwnerId, email.RecipientUserId);
        Assert.Equal("olu.owner@example.org", email.RecipientEmail);
        Assert.Equal(RestrictedRecordAccess.BreakGlassNotificationKind, email.Kind);
        Assert.Equal($"{RestrictedRecordAccess.BreakGlassNotificationKind}:{opened.Value!.Id}", email.Reference);
        Assert.Contains("Wren Worker", email.Body, StringComparison.Ordinal);
        Assert.Contains("23 November 2026 at 11:00", email.Body, StringComparison.Ordinal);
        Assert.Contains($"https://safeguarding.example.org/children/{child.Id}/access", email.Body, StringComparison.Ordinal);
        foreach (var secret in new[] { "Ruby", "Walsh", why, "2016" })
        {
            Assert.DoesNotContain(secret, email.Body + email.Subject, StringComparison.Ordinal);
        }

        Assert.True(await after.AuditEvents.AnyAsync(e => e.EventType == nameof(NotificationQueued) && e.SubjectId == email.Id.ToString()));
    }

    [Fact]
    public async Task ARestrictedRecordWithNoOwner_EmailsNoOne_UntilAnAdministratorNamesAnOwner()
    {
        await using var db = database.NewContext();
        var child = await data.AddChildAsync(db, "Ruby", "Walsh", new DateOnly(2016, 2, 3), p => p.IsRestricted = true);
        var access = new RestrictedRecordAccess(db, Service);

        var unowned = await access.BreakGlassAsync(child.Id, "Strategy discussion about a sibling today", data.As(data.WorkerId));
        var queuedBefore = await db.OutboxNotifications.CountAsync();
        var ownerNamed = await access.NameUserAsync(child.Id, data.OwnerId, Reason, data.As(data.AdministratorId), asOwner: true);
        await access.BreakGlassAsync(child.Id, "Core group meeting this afternoon", data.As(data.WorkerId));

        Assert.True(unowned.Succeeded);
        Assert.Equal(0, queuedBefore);
        Assert.True(ownerNamed.Value!.IsOwner);
        Assert.Equal(data.OwnerId, (await db.OutboxNotifications.SingleAsync()).RecipientUserId);
        Assert.True(await access.CanManageAsync(data.OwnerId, child.Id));
    }
}
