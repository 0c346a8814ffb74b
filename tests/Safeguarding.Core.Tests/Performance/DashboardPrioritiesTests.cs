using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Performance;
using Safeguarding.Tests.Shared;

namespace Safeguarding.Core.Tests.Performance;

[Trait("Category", "Database")]
public sealed class DashboardPrioritiesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private readonly Guid partnershipId = Guid.NewGuid();
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await database.MigrateAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private ProcessContext Context(Guid? partnership = null) => ProcessContext.System(Now, "analyst", partnership ?? partnershipId);

    private async Task<T> WithServiceAsync<T>(Func<DashboardPriorities, Task<T>> action)
    {
        await using var db = database.NewContext();
        return await action(new DashboardPriorities(db));
    }

    private async Task<Guid> AddAsync(string name) =>
        (await WithServiceAsync(s => s.AddAsync(new PriorityForm(name, null), Context()))).Value!.Id;

    private async Task<List<(string Name, int Position)>> OrderAsync()
    {
        await using var db = database.NewContext();
        return [.. (await db.DashboardPriorities.Where(p => p.PartnershipId == partnershipId).OrderBy(p => p.Position).ToListAsync()).Select(p => (p.Name, p.Position))];
    }

    [Fact]
    public async Task Add_PutsEachPriorityAtTheEnd_AndRefusesABlankOrDuplicateName()
    {
        await AddAsync("Neglect");
        await AddAsync("Exploitation");

        var blank = await WithServiceAsync(s => s.AddAsync(new PriorityForm("   ", null), Context()));
        var duplicate = await WithServiceAsync(s => s.AddAsync(new PriorityForm(" NEGLECT ", null), Context()));
        var tooLong = await WithServiceAsync(s => s.AddAsync(new PriorityForm(new string('x', 201), null), Context()));
        var elsewhere = await WithServiceAsync(s => s.AddAsync(new PriorityForm("Neglect", null), Context(Guid.NewGuid())));

        Assert.Equal([("Neglect", 1), ("Exploitation", 2)], await OrderAsync());
        Assert.Equal("Enter the priority's name", blank.Errors["Name"]);
        Assert.Equal("There is already a priority called NEGLECT", duplicate.Errors["Name"]);
        Assert.Equal("The name must be 200 characters or fewer", tooLong.Errors["Name"]);
        Assert.True(elsewhere.Succeeded); // names are unique within a partnership only
    }

    [Fact]
    public async Task Move_SwapsWithTheNeighbour_ClosesGaps_AndStaysPutAtTheEnds()
    {
        var a = await AddAsync("A");
        var b = await AddAsync("B");
        var c = await AddAsync("C");
        await WithServiceAsync(s => s.RemoveAsync(b, Context()));

        var up = await WithServiceAsync(s => s.MoveAsync(c, -1, Context()));
        Assert.True(up.Succeeded);
        Assert.Equal([("C", 1), ("A", 2)], await OrderAsync());

        var top = await WithServiceAsync(s => s.MoveAsync(c, -1, Context()));
        Assert.True(top.Succeeded);
        Assert.Equal([("C", 1), ("A", 2)], await OrderAsync());

        await WithServiceAsync(s => s.MoveAsync(c, 1, Context()));
        Assert.Equal([("A", 1), ("C", 2)], await OrderAsync());
        Assert.False((await WithServiceAsync(s => s.MoveAsync(a, 1, Context(Guid.NewGuid())))).Succeeded);
    }

    [Fact]
    public async Task Measures_AreAddedOnceEach_CheckedAgainstTheIndicators_AndRemoved()
    {
        var id = await AddAsync("Front door");

        var added = await WithServiceAsync(s => s.AddMeasureAsync(id, new MeasureForm("kpi1", MeasureKind.HowWell), Context()));
        var sameIndicatorOtherKind = await WithServiceAsync(s => s.AddMeasureAsync(id, new MeasureForm("KPI1", MeasureKind.BetterOff), Context()));
        var twice = await WithServiceAsync(s => s.AddMeasureAsync(id, new MeasureForm("KPI1", MeasureKind.HowWell), Context()));
        var unknown = await WithServiceAsync(s => s.AddMeasureAsync(id, new MeasureForm("KPI99", null), Context()));
        var otherPartnership = await WithServiceAsync(s => s.AddMeasureAsync(id, new MeasureForm("KPI2", MeasureKind.HowMuch), Context(Guid.NewGuid())));

        Assert.True(added.Succeeded);
        Assert.Equal("KPI1", added.Value!.IndicatorCode);
        Assert.True(sameIndicatorOtherKind.Succeeded);
        Assert.Equal("KPI1 is already a \"How well did we do it?\" measure for this priority", twice.Errors["IndicatorCode"]);
        Assert.Equal("Select an indicator", unknown.Errors["IndicatorCode"]);
        Assert.Equal("Select what the indicator measures: how much, how well or is anyone better off", unknown.Errors["Kind"]);
        Assert.False(otherPartnership.Succeeded);

        var priority = await WithServiceAsync(s => s.FindAsync(partnershipId, id));
        Assert.Equal([(MeasureKind.HowWell, "KPI1"), (MeasureKind.BetterOff, "KPI1")], priority!.Measures.Select(m => (m.Kind, m.IndicatorCode)));

        var removed = await WithServiceAsync(s => s.RemoveMeasureAsync(id, added.Value.Id, Context()));
        var again = await WithServiceAsync(s => s.RemoveMeasureAsync(id, added.Value.Id, Context()));
        Assert.True(removed.Succeeded);
        Assert.False(again.Succeeded);
        Assert.Equal([MeasureKind.BetterOff], (await WithServiceAsync(s => s.FindAsync(partnershipId, id)))!.Measures.Select(m => m.Kind));
    }

    [Fact]
    public async Task Remove_TakesTheMeasuresToo_AndEveryChangeIsAudited()
    {
        var id = await AddAsync("Domestic abuse");
        await WithServiceAsync(s => s.AddMeasureAsync(id, new MeasureForm("CONTACTS", MeasureKind.HowMuch), Context()));
        await WithServiceAsync(s => s.RenameAsync(id, new PriorityForm("Domestic abuse and violence", "Children living with it"), Context()));

        var removed = await WithServiceAsync(s => s.RemoveAsync(id, Context()));

        Assert.True(removed.Succeeded);
        await using var db = database.NewContext();
        Assert.False(await db.DashboardPriorities.AnyAsync(p => p.Id == id));
        Assert.False(await db.DashboardMeasures.AnyAsync(m => m.PriorityId == id));
        var audit = await db.AuditEvents.Where(e => e.EventType == nameof(DashboardPrioritySet) && e.SubjectId == id.ToString()).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(["Priority added", "Measure added: CONTACTS (How much did we do?)", "Priority renamed", "Priority removed"], audit.Select(e => e.Reason));
        Assert.Contains("HowMuch:CONTACTS", audit[1].Data, StringComparison.Ordinal);
        Assert.Contains("Domestic abuse and violence", audit[2].Data, StringComparison.Ordinal);
        Assert.All(audit, e => Assert.Equal(partnershipId, e.PartnershipId));
    }
}
