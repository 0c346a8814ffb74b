using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Children;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Timescales;
using Safeguarding.Tests.Shared;

namespace Safeguarding.Core.Tests.FrontDoor;

/// <summary>A Request for Support becoming a contact: the rules, the clock, idempotency and reference numbers.</summary>
[Trait("Category", "Database")]
public sealed class RequestForSupportSubmissionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 6, 16, 30, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Now);
    private TestDatabase database = null!;
    private Guid partnershipId;
    private Guid teacherId;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await database.MigrateAsync();
        await using var db = database.NewContext();
        var partnership = new Partnership { Id = Guid.NewGuid(), Code = "RFS", Name = "Front door partnership", LocalAuthorityName = "Front door council" };
        db.Partnerships.Add(partnership);
        var school = new Agency { Id = Guid.NewGuid(), PartnershipId = partnership.Id, Name = "Hillside Primary School", Type = AgencyType.School };
        db.Agencies.Add(school);
        db.Record(new Registered(partnership.Id), ProcessContext.System(Now));
        await db.SaveChangesAsync();
        partnershipId = partnership.Id;
        var teacher = new User { Id = Guid.NewGuid(), DisplayName = "Ada Teacher", UserName = "ada@school.example", Email = "ada@school.example", PartnershipId = partnershipId, AgencyId = school.Id };
        db.Users.Add(teacher);
        await db.SaveChangesAsync();
        teacherId = teacher.Id;
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private ProcessContext Teacher => new(teacherId, "Ada Teacher", partnershipId, Now);

    public static RequestForSupportAnswers Complete() => new()
    {
        ReferrerName = "Ada Teacher",
        ReferrerRole = "Designated safeguarding lead",
        ReferrerPhone = "0121 496 0000",
        ReferrerAgencyName = "Hillside Primary School",
        Urgency = Urgency.Urgent,
        Children = [new ChildAnswer { Id = Guid.NewGuid(), FirstName = "Sam", LastName = "Jones", DateOfBirth = new DateOnly(2017, 5, 1), Sex = PersonSex.Male, NhsNumber = "943 476 5919", Postcode = "b1 1bb" }],
        Household = [new HouseholdMemberAnswer { Id = Guid.NewGuid(), Name = "Kim Jones", Relationship = "Mother" }],
        Concerns = [ConcernCategory.Neglect, ConcernCategory.DomesticAbuse],
        ConcernNarrative = "Sam has come to school hungry every day this week and has bruising on his arm.",
        ChildsVoice = "Sam said he does not want to go home because mum's boyfriend shouts.",
        HowChildWasSeen = "Seen alone in school by me on Friday morning.",
        EarlyHelpTried = false,
        WhatHasBeenTried = "Breakfast club offered.",
        Consent = ConsentStatus.NotObtained,
        ConsentNotObtainedReason = "Asking mum could place Sam at risk of harm from her partner.",
        LevelOfNeed = LevelOfNeed.Significant,
    };

    private async Task<Core.Access.ChangeResult<SubmittedRequest>> SubmitAsync(RequestForSupportAnswers answers, string key, ProcessContext? context = null)
    {
        await using var db = database.NewContext();
        var service = new RequestForSupportSubmission(db, new ClockService(db, new PartnershipTimescales(time)));
        return await service.SubmitAsync(new RequestForSupportSubmit(answers, key, ContactChannel.Web), context ?? Teacher);
    }

    [Fact]
    public async Task ACompleteRequest_BecomesAContact_WithAReference_AndThe24HourDecisionClock()
    {
        var result = await SubmitAsync(Complete(), "key-1");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        await using var db = database.NewContext();
        var contact = await db.Contacts.Include(c => c.Children).Include(c => c.Concerns).Include(c => c.Household).SingleAsync();
        Assert.Equal("RFS-2026-000001", contact.Reference);
        Assert.Equal(ContactState.Received, contact.State);
        Assert.Equal("9434765919", contact.Children.Single().NhsNumber);
        Assert.Equal("B1 1BB", contact.Children.Single().Postcode);
        Assert.Equal(2, contact.Concerns.Count);
        Assert.Equal("Kim Jones", contact.Household.Single().Name);
        var clock = await db.Clocks.SingleAsync(c => c.SubjectId == contact.Id);
        Assert.Equal("FD-1", clock.RuleId);
        Assert.Equal(Now.AddHours(24), clock.DueAt);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EventType == nameof(ContactReceived) && e.SubjectId == contact.Id.ToString()));
    }

    [Fact]
    public async Task TheSameKeyTwice_ReturnsTheFirstContact_AndCreatesNoSecond()
    {
        var first = await SubmitAsync(Complete(), "double-click");
        var second = await SubmitAsync(Complete(), "double-click");

        Assert.False(first.Value!.AlreadySubmitted);
        Assert.True(second.Value!.AlreadySubmitted);
        Assert.Equal(first.Value.Contact.Id, second.Value.Contact.Id);
        await using var db = database.NewContext();
        Assert.Equal(1, await db.Contacts.CountAsync());
        Assert.Equal(1, await db.Clocks.CountAsync(c => c.RuleId == "FD-1"));
    }

    [Fact]
    public async Task AnEmptyRequest_IsRefused_WithAnErrorForEveryRequiredAnswer()
    {
        var result = await SubmitAsync(new RequestForSupportAnswers(), "empty");

        Assert.False(result.Succeeded);
        string[] expected = ["Urgency", "ReferrerName", "ReferrerRole", "ReferrerAgencyName", "ReferrerPhone", "Children", "Concerns", "ConcernNarrative",
            "ChildsVoice", "HowChildWasSeen", "EarlyHelpTried", "WhatHasBeenTried", "Consent", "LevelOfNeed"];
        Assert.Equal(expected.Order(), result.Errors.Keys.Order());
        await using var db = database.NewContext();
        Assert.Equal(0, await db.Contacts.CountAsync());
    }

    [Fact]
    public async Task FieldRules_AreKeyedToTheFieldInError()
    {
        var answers = Complete();
        answers.Children[0].NhsNumber = "943 476 5918";
        answers.Children[0].DateOfBirth = DateOnly.FromDateTime(Now.UtcDateTime).AddDays(1);
        answers.Children.Add(new ChildAnswer { Id = Guid.NewGuid(), Unborn = true, Sex = PersonSex.NotKnown });
        answers.ConsentNotObtainedReason = " ";
        answers.Concerns.Add(ConcernCategory.Other);
        answers.ReferrerPhone = "call me";

        var errors = RequestForSupportRules.Validate(answers, DateOnly.FromDateTime(Now.UtcDateTime));

        Assert.Equal("Enter a real NHS number: 10 digits, like 943 476 5919", errors["Children[0].NhsNumber"]);
        Assert.Equal("The date of birth must be today or in the past", errors["Children[0].DateOfBirth"]);
        Assert.Equal("Enter the expected date of birth", errors["Children[1].ExpectedDateOfBirth"]);
        Assert.False(errors.ContainsKey("Children[1].FirstName"));
        Assert.Equal("Enter why consent was not obtained", errors["ConsentNotObtainedReason"]);
        Assert.Equal("Describe the other concern", errors["OtherConcern"]);
        Assert.StartsWith("Enter a telephone number, like", errors["ReferrerPhone"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentSubmissions_GetUniqueConsecutiveReferences()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => SubmitAsync(Complete(), $"parallel-{i}"))));

        Assert.All(results, r => Assert.True(r.Succeeded));
        var references = results.Select(r => r.Value!.Contact.Reference).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 12).Select(n => $"RFS-2026-{n:000000}"), references);
    }

    [Fact]
    public async Task ConcurrentSubmissions_WithOneKey_MakeOneContact()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => SubmitAsync(Complete(), "same-key"))));

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Single(results.Select(r => r.Value!.Contact.Id).Distinct());
        await using var db = database.NewContext();
        Assert.Equal(1, await db.Contacts.CountAsync());
    }

    [Fact]
    public async Task SubmittingADraft_MovesItsAttachments_AndDeletesIt()
    {
        Guid draftId;
        await using (var db = database.NewContext())
        {
            var drafts = new RequestForSupportDrafts(db);
            var draft = await drafts.StartAsync(Complete(), ContactChannel.Web, Teacher);
            var added = await drafts.AddAttachmentAsync(draft, "screening.pdf", "%PDF-1.7 test"u8.ToArray(), Teacher);
            Assert.True(added.Succeeded);
            draftId = draft.Id;
        }

        await using (var db = database.NewContext())
        {
            var service = new RequestForSupportSubmission(db, new ClockService(db, new PartnershipTimescales(time)));
            var result = await service.SubmitAsync(new RequestForSupportSubmit(Complete(), draftId.ToString(), ContactChannel.Web, draftId), Teacher);
            Assert.True(result.Succeeded);
        }

        await using var check = database.NewContext();
        Assert.False(await check.RequestForSupportDrafts.AnyAsync(d => d.Id == draftId));
        var attachment = await check.ContactAttachments.SingleAsync();
        Assert.Null(attachment.DraftId);
        Assert.Equal((await check.Contacts.SingleAsync()).Id, attachment.ContactId);
    }

    private sealed record Registered(Guid PartnershipId) : IDomainEvent
    {
        public string SubjectType => "Partnership";
        public string SubjectId => PartnershipId.ToString();
    }
}
