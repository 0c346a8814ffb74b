using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Timescales;
using Safeguarding.Tests.Shared;

namespace Safeguarding.Core.Tests.FrontDoor;

/// <summary>MASH checks: the RAG priority picks the FD-3 clock, the agency's answer stops it, lateness shows.</summary>
[Trait("Category", "Database")]
public sealed class AgencyChecksTests : IAsyncLifetime
{
    // Friday 6 March 2026, 16:30 in London (GMT).
    private static readonly DateTimeOffset Now = new(2026, 3, 6, 16, 30, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Now);
    private TestDatabase database = null!;
    private Guid partnershipId;
    private Guid policeId;
    private Guid healthId;
    private Guid closedId;
    private Guid workerId;
    private Guid policeResearcherId;
    private Guid healthResearcherId;
    private Guid contactId;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await database.MigrateAsync();
        await using var db = database.NewContext();
        var partnership = new Partnership { Id = Guid.NewGuid(), Code = "MASH", Name = "Checks partnership", LocalAuthorityName = "Checks council" };
        partnershipId = partnership.Id;
        db.Partnerships.Add(partnership);
        Agency Agency(string name, AgencyType type, bool active = true) =>
            new() { Id = Guid.NewGuid(), PartnershipId = partnershipId, Name = name, Type = type, IsActive = active };
        var police = Agency("West Midshire Police", AgencyType.Police);
        var health = Agency("Midshire Community Health", AgencyType.Health);
        var closed = Agency("Closed Housing Trust", AgencyType.Housing, active: false);
        var trust = Agency("Children's Trust", AgencyType.ChildrensTrust);
        db.Agencies.AddRange(police, health, closed, trust);
        (policeId, healthId, closedId) = (police.Id, health.Id, closed.Id);
        db.Record(new Registered(partnershipId), ProcessContext.System(Now));
        await db.SaveChangesAsync();
        User User(string name, Guid agencyId) => new() { Id = Guid.NewGuid(), DisplayName = name, UserName = name, Email = name + "@example.test", PartnershipId = partnershipId, AgencyId = agencyId };
        var worker = User("worker", trust.Id);
        var policeResearcher = User("police", police.Id);
        var healthResearcher = User("health", health.Id);
        db.Users.AddRange(worker, policeResearcher, healthResearcher);
        await db.SaveChangesAsync();
        (workerId, policeResearcherId, healthResearcherId) = (worker.Id, policeResearcher.Id, healthResearcher.Id);

        var submission = new RequestForSupportSubmission(db, new ClockService(db, new PartnershipTimescales(time)));
        var submitted = await submission.SubmitAsync(new RequestForSupportSubmit(RequestForSupportSubmissionTests.Complete(), "key", ContactChannel.Phone), Context(workerId));
        contactId = submitted.Value!.Contact.Id;
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private ProcessContext Context(Guid userId, DateTimeOffset? at = null) => new(userId, "someone", partnershipId, at ?? Now);

    private async Task<ChangeResult<AgencyInformationRequest>> RequestAsync(Guid? agencyId, RagPriority? priority, string? question = "Any incidents at the address?")
    {
        await using var db = database.NewContext();
        return await Checks(db).RequestAsync(contactId, agencyId, priority, question, Context(workerId));
    }

    private async Task<ChangeResult<AgencyInformationRequest>> AnswerAsync(Guid requestId, Guid userId, DateTimeOffset at, long version = 0)
    {
        await using var db = database.NewContext();
        return await Checks(db).AnswerAsync(requestId, "Two incidents at the address in January.", RagPriority.Amber, version, Context(userId, at));
    }

    private AgencyChecks Checks(Core.Data.SafeguardingDbContext db) => new(db, new ClockService(db, new PartnershipTimescales(time)));

    [Theory]
    [InlineData(RagPriority.Red, "FD-3R")]
    [InlineData(RagPriority.Amber, "FD-3A")]
    [InlineData(RagPriority.Green, "FD-3G")]
    public async Task TheRagPriority_StartsItsFd3Clock_ForTheAgency_WithTheDueTimeOnTheRequest(RagPriority priority, string ruleId)
    {
        var result = await RequestAsync(policeId, priority);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        await using var db = database.NewContext();
        var request = await db.AgencyInformationRequests.SingleAsync();
        var clock = await db.Clocks.SingleAsync(c => c.Id == request.ClockId);
        Assert.Equal(ruleId, clock.RuleId);
        Assert.Equal(policeId, clock.AgencyId);
        Assert.Equal(request.Id, clock.SubjectId);
        Assert.Equal(clock.DueAt, request.DueAt);
        var expected = new ClockEvaluator(WorkingDayCalendar.EnglandAndWales()).DueFor(TimescaleRuleSet.Defaults.RuleFor(ruleId, Now), Now).DueAt;
        Assert.Equal(expected, request.DueAt, TimeSpan.FromMilliseconds(1)); // stored to the millisecond
        Assert.Equal(ContactState.AwaitingInformation, (await db.Contacts.SingleAsync()).State);
    }

    [Fact]
    public async Task RedIsFourHours_AmberTheNextWorkingDay_GreenThreeWorkingDays()
    {
        var red = (await RequestAsync(policeId, RagPriority.Red)).Value!;
        var amber = (await RequestAsync(healthId, RagPriority.Amber)).Value!;

        Assert.Equal(Now.AddHours(4), red.DueAt);

        // Friday afternoon: amber runs over the weekend to the end of Monday.
        Assert.Equal(new DateOnly(2026, 3, 9), LondonTime.DateOf(amber.DueAt));
    }

    [Fact]
    public async Task TheAgencysAnswer_StopsTheClock_AndRecordsWhoAndWhen()
    {
        var request = (await RequestAsync(policeId, RagPriority.Amber)).Value!;

        var result = await AnswerAsync(request.Id, policeResearcherId, Now.AddHours(2));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        await using var db = database.NewContext();
        var saved = await db.AgencyInformationRequests.SingleAsync();
        Assert.Equal(policeResearcherId, saved.RespondedByUserId);
        Assert.Equal(Now.AddHours(2), saved.RespondedAt);
        Assert.Equal(RagPriority.Amber, saved.ResponseRag);
        Assert.False(AgencyChecks.IsLate(saved, Now.AddDays(10)));
        var clock = await db.Clocks.SingleAsync(c => c.Id == saved.ClockId);
        Assert.Equal(Now.AddHours(2), clock.StoppedAt);
        Assert.Equal(ContactState.AwaitingDecision, (await db.Contacts.SingleAsync()).State);
        Assert.Contains(await db.AuditEvents.Select(e => e.EventType).ToListAsync(), t => t.Contains(nameof(AgencyInformationAnswered), StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAnswerAfterTheDeadline_IsLate_AndSoIsAnUnansweredRequestOnceItHasPassed()
    {
        var request = (await RequestAsync(policeId, RagPriority.Red)).Value!;
        Assert.False(AgencyChecks.IsLate(request, Now.AddHours(3)));
        Assert.True(AgencyChecks.IsLate(request, Now.AddHours(5)));

        var result = await AnswerAsync(request.Id, policeResearcherId, Now.AddHours(5));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        Assert.True(AgencyChecks.IsLate(result.Value!, Now.AddHours(5)));
        await using var db = database.NewContext();
        var clock = await db.Clocks.SingleAsync(c => c.Id == request.ClockId);
        Assert.True(clock.IsMetLate);
    }

    [Fact]
    public async Task AnotherAgencysUser_CannotAnswer()
    {
        var request = (await RequestAsync(policeId, RagPriority.Green)).Value!;

        var result = await AnswerAsync(request.Id, healthResearcherId, Now.AddHours(1));

        Assert.False(result.Succeeded);
        await using var db = database.NewContext();
        Assert.Null((await db.AgencyInformationRequests.SingleAsync()).RespondedAt);
    }

    [Fact]
    public async Task AStaleVersion_IsRefused_SoTheFirstAnswerStands()
    {
        var request = (await RequestAsync(policeId, RagPriority.Green)).Value!;
        Assert.True((await AnswerAsync(request.Id, policeResearcherId, Now.AddHours(1), request.Version)).Succeeded);

        var second = await AnswerAsync(request.Id, policeResearcherId, Now.AddHours(2), request.Version);

        Assert.Equal(AgencyChecks.ChangedElsewhereMessage, second.Errors[AgencyChecks.ChangedElsewhere]);
    }

    [Fact]
    public async Task ASecondOpenRequest_ToTheSameAgency_IsRefused_ButOnceAnsweredItCanBeAskedAgain()
    {
        var first = (await RequestAsync(policeId, RagPriority.Amber)).Value!;

        var duplicate = await RequestAsync(policeId, RagPriority.Red);
        Assert.Contains("already been asked", duplicate.Errors["AgencyId"], StringComparison.Ordinal);

        await AnswerAsync(first.Id, policeResearcherId, Now.AddHours(1), first.Version);
        Assert.True((await RequestAsync(policeId, RagPriority.Red)).Succeeded);
    }

    [Fact]
    public async Task TheAgency_MustBeActive_AndTheQuestionGivenAndShort()
    {
        var result = await RequestAsync(closedId, null, new string('x', AgencyChecks.LongestQuestion + 1));

        Assert.Equal(["AgencyId", "Priority", "Question"], result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Enter", (await RequestAsync(policeId, RagPriority.Red, " ")).Errors["Question"], StringComparison.Ordinal);
        await using var db = database.NewContext();
        Assert.Empty(await db.AgencyInformationRequests.ToListAsync());
    }

    private sealed record Registered(Guid PartnershipId) : IDomainEvent
    {
        public string SubjectType => "Partnership";
        public string SubjectId => PartnershipId.ToString();
    }
}
