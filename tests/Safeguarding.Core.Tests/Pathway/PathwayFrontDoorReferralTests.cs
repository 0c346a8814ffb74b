using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Safeguarding.Core.Access;
using Safeguarding.Core.Children;
using Safeguarding.Core.Children.Matching;
using Safeguarding.Core.Chronology;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Pathway;
using Safeguarding.Core.Tests.Children;
using Safeguarding.Core.Tests.FrontDoor;
using Safeguarding.Core.Timescales;
using Safeguarding.Tests.Shared;

namespace Safeguarding.Core.Tests.Pathway;

/// <summary>A front door decision to refer opens the child in need episode, in the decision's own transaction.</summary>
[Trait("Category", "Database")]
public sealed class PathwayFrontDoorReferralTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = ChildrenTestData.Monday;
    private readonly FakeTimeProvider time = new(Now);
    private TestDatabase database = null!;
    private ChildrenTestData data = null!;
    private Person child = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await database.MigrateAsync();
        data = await ChildrenTestData.SeedAsync(database);
        await using var db = database.NewContext();
        child = await data.AddChildAsync(db, "Sam", "Jones", new DateOnly(2017, 5, 1));
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private ProcessContext Manager(DateTimeOffset? at = null) => data.As(data.OwnerId, at ?? Now);

    private FrontDoorWorkspace Workspace(SafeguardingDbContext db)
    {
        var timescales = new PartnershipTimescales(time);
        return new FrontDoorWorkspace(db, new ClockService(db, timescales), new ChildChronology(db), new ChildMatching(db, new PersonIndexCache(), new MatchBands()), timescales);
    }

    private Task<long> VersionAsync(SafeguardingDbContext db, Guid id) => db.Contacts.AsNoTracking().Where(c => c.Id == id).Select(c => c.Version).SingleAsync();

    /// <summary>A contact about the child, consent checked and the child matched: ready for a decision.</summary>
    private async Task<Contact> ReadyContactAsync(DateTimeOffset receivedAt)
    {
        await using var db = database.NewContext();
        var submitted = await new RequestForSupportSubmission(db, new ClockService(db, new PartnershipTimescales(time)))
            .SubmitAsync(new RequestForSupportSubmit(RequestForSupportSubmissionTests.Complete(), Guid.NewGuid().ToString(), ContactChannel.Web), Manager(receivedAt));
        Assert.True(submitted.Succeeded, string.Join("; ", submitted.Errors.Values));
        var contact = submitted.Value!.Contact;
        var workspace = Workspace(db);
        Assert.True((await workspace.CheckConsentAsync(contact.Id, await VersionAsync(db, contact.Id), ConsentStatus.NotObtained, null, "It would place the child at risk", Manager())).Succeeded);
        Assert.True((await workspace.ConfirmMatchAsync(contact.Id, contact.Children[0].Id, child.Id, Manager())).Succeeded);
        return contact;
    }

    private async Task<ChangeResult<ContactDecision>> DecideAsync(Guid contactId, ContactOutcome outcome, string? changeReason = null)
    {
        await using var db = database.NewContext();
        var referral = outcome is ContactOutcome.SocialWorkAssessment or ContactOutcome.StrategyDiscussion;
        return await Workspace(db).DecideAsync(contactId, await VersionAsync(db, contactId),
            new ContactDecisionForm(LevelOfNeed.Complex, outcome, "The rationale.", null, referral ? "1A" : null, referral ? "N1" : null, "Late for the test", changeReason), Manager());
    }

    private async Task<List<CinEpisode>> EpisodesAsync()
    {
        await using var db = database.NewContext();
        return await db.CinEpisodes.AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task AReferralDecision_OpensAnEpisodeForTheMatchedChild_FromTheContactsLondonDate_WithTheDecisionsCodes_AndStartsCw1()
    {
        var received = new DateTimeOffset(2026, 10, 12, 23, 30, 0, TimeSpan.Zero); // 00:30 on 13 October in London
        var contact = await ReadyContactAsync(received);

        Assert.True((await DecideAsync(contact.Id, ContactOutcome.SocialWorkAssessment)).Succeeded);

        var episode = Assert.Single(await EpisodesAsync());
        Assert.Equal((child.Id, (Guid?)contact.Id, new DateOnly(2026, 10, 13), "1A", "N1"), (episode.PersonId, episode.ContactId, episode.ReferralDate, episode.ReferralSource, episode.PrimaryNeed));
        await using var db = database.NewContext();
        var cw1 = await db.Clocks.AsNoTracking().SingleAsync(c => c.SubjectId == episode.Id);
        Assert.Equal(("CW-1", received), (cw1.RuleId, cw1.StartedAt));
    }

    [Fact]
    public async Task ADecisionThatIsNotAReferral_OpensNothing_AChangeToAReferralOpensTheEpisode_AndAChangeAwayLeavesItOpen()
    {
        var contact = await ReadyContactAsync(Now.AddDays(-3));
        Assert.True((await DecideAsync(contact.Id, ContactOutcome.AdviceAndNoFurtherAction)).Succeeded);
        Assert.Empty(await EpisodesAsync());

        Assert.True((await DecideAsync(contact.Id, ContactOutcome.StrategyDiscussion, "Police shared new information")).Succeeded);
        Assert.Single(await EpisodesAsync());

        Assert.True((await DecideAsync(contact.Id, ContactOutcome.SocialWorkAssessment, "Strategy discussion not needed")).Succeeded);
        Assert.True(Assert.Single(await EpisodesAsync()).IsOpen);
    }

    [Fact]
    public async Task AChildWithAnOpenEpisode_KeepsIt_WhenAnotherContactIsReferred()
    {
        var first = await ReadyContactAsync(Now.AddDays(-10));
        Assert.True((await DecideAsync(first.Id, ContactOutcome.SocialWorkAssessment)).Succeeded);
        var second = await ReadyContactAsync(Now.AddDays(-2));
        Assert.True((await DecideAsync(second.Id, ContactOutcome.SocialWorkAssessment)).Succeeded);

        Assert.Equal((Guid?)first.Id, Assert.Single(await EpisodesAsync()).ContactId);
    }
}
