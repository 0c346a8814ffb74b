using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Data;
using Safeguarding.Tests.Shared;

namespace Safeguarding.Core.Tests.Audit;

[Trait("Category", "Database")]
public sealed class AuditChainTests : IAsyncLifetime
{
    // Sub-millisecond ticks on purpose: the chain must survive the database's rounding of instants.
    private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);
    private TestDatabase database = null!;
    private Guid partnershipId;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await database.MigrateAsync();
        await using var db = database.NewContext();
        var partnership = new Partnership { Id = Guid.NewGuid(), Code = "TEST", Name = "Test partnership", LocalAuthorityName = "Test council" };
        db.Partnerships.Add(partnership);
        db.Record(new PartnershipRegistered(partnership.Id), Context(partnership.Id));
        await db.SaveChangesAsync();
        partnershipId = partnership.Id;
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private static ProcessContext Context(Guid partnershipId) => new(Guid.NewGuid(), "Test admin", partnershipId, Now, "testing");

    private async Task AddAgenciesAsync(int count)
    {
        await using var db = database.NewContext();
        var directory = new AgencyDirectory(db);
        for (var i = 0; i < count; i++)
        {
            var result = await directory.CreateAgencyAsync(new AgencyForm($"Agency {i}", AgencyType.Health, null, null, null), Context(partnershipId));
            Assert.True(result.Succeeded);
        }
    }

    [Fact]
    public async Task Writes_AppendLinkedRows_ThatVerify()
    {
        await AddAgenciesAsync(3);

        await using var db = database.NewContext();
        var rows = await db.AuditEvents.OrderBy(e => e.Sequence).ToListAsync();
        var report = await AuditChain.VerifyAsync(db);

        Assert.Equal([1L, 2L, 3L, 4L], rows.Select(r => r.Sequence));
        Assert.All(rows.Skip(1), (row, i) => Assert.Equal(rows[i].Hash, row.PreviousHash));
        Assert.Equal("AgencyCreated", rows[1].EventType);
        Assert.True(report.IsIntact, report.Problem);
        Assert.Equal(4, report.RowsChecked);
    }

    [Fact]
    public async Task AlteredRow_IsReportedAsTheFirstBrokenLink()
    {
        await AddAgenciesAsync(4);
        await using var db = database.NewContext();
        await DisableAppendOnlyGuardAsync(db);

        await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"Reason\" = 'nothing to see' WHERE \"Sequence\" = 3");
        var report = await AuditChain.VerifyAsync(db);

        Assert.False(report.IsIntact);
        Assert.Equal(3, report.FirstBrokenSequence);
        Assert.Contains("altered", report.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletedRow_IsReported()
    {
        await AddAgenciesAsync(4);
        await using var db = database.NewContext();
        await DisableAppendOnlyGuardAsync(db);

        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = 2");
        var report = await AuditChain.VerifyAsync(db);

        Assert.Equal(2, report.FirstBrokenSequence);
    }

    [Fact]
    public async Task RowsRemovedFromTheEnd_AreReported()
    {
        await AddAgenciesAsync(3);
        await using var db = database.NewContext();
        await DisableAppendOnlyGuardAsync(db);

        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = 4");
        var report = await AuditChain.VerifyAsync(db);

        Assert.False(report.IsIntact);
        Assert.Contains("removed from the end", report.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditRows_CannotBeUpdatedOrDeleted_ByTheDatabase()
    {
        await using var db = database.NewContext();

        var update = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"Reason\" = 'x'"));
        var delete = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEvents\""));

        Assert.NotNull(update);
        Assert.NotNull(delete);
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeWithoutADomainEvent_IsRefused_AndNothingIsSaved()
    {
        await using var db = database.NewContext();
        db.Agencies.Add(new Agency { Id = Guid.NewGuid(), PartnershipId = partnershipId, Name = "Unrecorded", Type = AgencyType.Police });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        await using var check = database.NewContext();
        Assert.Contains("without a domain event", error.Message, StringComparison.Ordinal);
        Assert.False(await check.Agencies.AnyAsync(a => a.Name == "Unrecorded"));
    }

    [Fact]
    public async Task FailedSave_WritesNoAuditRow()
    {
        await AddAgenciesAsync(1);
        await using var db = database.NewContext();
        var before = await db.AuditEvents.CountAsync();

        // Same name in the same partnership breaks the unique index: the change and its event both roll back.
        db.Agencies.Add(new Agency { Id = Guid.NewGuid(), PartnershipId = partnershipId, Name = "Agency 0", Type = AgencyType.Police });
        db.Record(new AgencyCreated(Guid.NewGuid(), "Agency 0", AgencyType.Police, null, null), Context(partnershipId));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        await using var check = database.NewContext();
        Assert.Equal(before, await check.AuditEvents.CountAsync());
        Assert.True((await AuditChain.VerifyAsync(check)).IsIntact);
    }

    private static async Task DisableAppendOnlyGuardAsync(SafeguardingDbContext db)
    {
        // Tampering needs the database's own guard out of the way first, as an attacker with
        // database access could do; the chain must still catch it.
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;");
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_events_append_only ON \"AuditEvents\";");
        }
    }

    private sealed record PartnershipRegistered(Guid PartnershipId) : IDomainEvent
    {
        public string SubjectType => "Partnership";
        public string SubjectId => PartnershipId.ToString();
    }
}
