using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Timescales;
using Safeguarding.Tests.Shared;

namespace Safeguarding.Core.Tests.Timescales;

/// <summary>Clocks as they are stored: started, corrected and stopped through the service, with their audit events.</summary>
[Trait("Category", "Database")]
public sealed class ClockServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2025, 7, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Now);
    private TestDatabase database = null!;
    private Guid partnershipId;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await database.MigrateAsync();
        await using var db = database.NewContext();
        var partnership = new Partnership { Id = Guid.NewGuid(), Code = "CLK", Name = "Clock partnership", LocalAuthorityName = "Clock council" };
        db.Partnerships.Add(partnership);
        db.Record(new Registered(partnership.Id), ProcessContext.System(Now));
        await db.SaveChangesAsync();
        partnershipId = partnership.Id;
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private ProcessContext Context(string? reason = null) => new(Guid.NewGuid(), "Test officer", partnershipId, Now, reason);

    private async Task<Guid> StartAsync(string rule, DateTimeOffset start)
    {
        await using var db = database.NewContext();
        var clock = await new ClockService(db, new PartnershipTimescales(time)).StartClockAsync(new StartClock(rule, "Test", Guid.NewGuid(), start), Context());
        await db.SaveChangesAsync();
        return clock.Id;
    }

    [Fact]
    public async Task StartingAClock_StoresItsDueDate_AndRecordsTheEvent()
    {
        var id = await StartAsync("LR-1", LondonTime.At(new DateOnly(2025, 4, 17), new TimeOnly(10, 0)));

        await using var db = database.NewContext();
        var clock = await db.Clocks.SingleAsync(c => c.Id == id);
        Assert.Equal(new DateOnly(2025, 4, 28), LondonTime.DateOf(clock.DueAt));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EventType == nameof(ClockStarted) && e.SubjectId == id.ToString()));
    }

    [Fact]
    public async Task CorrectingTheStart_RecomputesTheDueDate_AndRecordsOldAndNew()
    {
        var id = await StartAsync("LR-1", LondonTime.At(new DateOnly(2025, 4, 17), new TimeOnly(10, 0)));
        await using var db = database.NewContext();
        var service = new ClockService(db, new PartnershipTimescales(time));

        var result = await service.CorrectStartAsync(id, LondonTime.At(new DateOnly(2025, 4, 14), new TimeOnly(10, 0)), Context("Aware date was typed wrongly"));
        await db.SaveChangesAsync();

        Assert.True(result.Succeeded);
        await using var check = database.NewContext();
        var clock = await check.Clocks.SingleAsync(c => c.Id == id);
        Assert.Equal(new DateOnly(2025, 4, 23), LondonTime.DateOf(clock.DueAt)); // Mon 14 Apr + 5 working days, Good Friday and Easter Monday skipped
        var audit = await check.AuditEvents.SingleAsync(e => e.EventType == nameof(ClockStartCorrected) && e.SubjectId == id.ToString());
        Assert.Equal("Aware date was typed wrongly", audit.Reason);
        Assert.Contains("2025-04-28", audit.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CorrectingTheStart_WithoutAReason_IsRefused()
    {
        var id = await StartAsync("LR-1", Now);
        await using var db = database.NewContext();

        var result = await new ClockService(db, new PartnershipTimescales(time)).CorrectStartAsync(id, Now.AddDays(-1), Context());

        Assert.False(result.Succeeded);
        Assert.Equal("Enter why the start is being corrected", result.Errors["Reason"]);
    }

    [Fact]
    public async Task StoppingLate_NeedsAReason_AndIsThenMetLate()
    {
        var id = await StartAsync("LR-1", LondonTime.At(new DateOnly(2025, 6, 2), new TimeOnly(9, 0)));
        await using var db = database.NewContext();
        var service = new ClockService(db, new PartnershipTimescales(time));
        var late = LondonTime.At(new DateOnly(2025, 6, 16), new TimeOnly(9, 0));

        var refused = await service.StopClockAsync(id, late, null, Context());
        var accepted = await service.StopClockAsync(id, late, "Waiting for the police", Context());
        await db.SaveChangesAsync();

        Assert.Equal("Enter the reason it was late", refused.Errors["ReasonForLateness"]);
        Assert.True(accepted.Succeeded);
        var setup = await new PartnershipTimescales(time).ForAsync(db, partnershipId);
        var status = setup.Evaluate(await db.Clocks.AsNoTracking().SingleAsync(c => c.Id == id), Now);
        Assert.Equal(ClockState.MetLate, status.State);
    }

    [Fact]
    public async Task ALocalRuleVersion_AppliesToClocksStartedFromItsDate_Only()
    {
        await using (var db = database.NewContext())
        {
            db.TimescaleRuleOverrides.Add(new TimescaleRuleOverride
            {
                Id = Guid.NewGuid(),
                PartnershipId = partnershipId,
                RuleId = "LR-1",
                EffectiveFrom = new DateOnly(2025, 5, 1),
                Duration = 3,
                Unit = TimescaleUnit.WorkingDays,
                DueSoonWarning = 1,
                Reason = "Local agreement",
                CreatedAt = Now,
                CreatedBy = "test",
            });
            db.Record(new Registered(partnershipId), Context());
            await db.SaveChangesAsync();
        }

        var before = await StartAsync("LR-1", LondonTime.At(new DateOnly(2025, 4, 28), new TimeOnly(9, 0)));
        var after = await StartAsync("LR-1", LondonTime.At(new DateOnly(2025, 5, 6), new TimeOnly(9, 0)));

        await using var check = database.NewContext();
        Assert.Equal(new DateOnly(2025, 5, 6), LondonTime.DateOf((await check.Clocks.SingleAsync(c => c.Id == before)).DueAt)); // 5 working days, early May bank holiday skipped
        Assert.Equal(new DateOnly(2025, 5, 9), LondonTime.DateOf((await check.Clocks.SingleAsync(c => c.Id == after)).DueAt)); // 3 working days
    }

    private sealed record Registered(Guid PartnershipId) : IDomainEvent
    {
        public string SubjectType => "Partnership";
        public string SubjectId => PartnershipId.ToString();
    }
}
