using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Children;
using Safeguarding.Tests.Shared;

namespace Safeguarding.Core.Tests.Children;

/// <summary>Adding names, identifiers, addresses and schools to a person: validated, sourced, audited, never overwritten.</summary>
[Trait("Category", "Database")]
public sealed class PersonFactsRecordingTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private const string ValidNhs = "9434765919";
    private TestDatabase database = null!;
    private readonly Guid partnershipId = Guid.NewGuid();
    private readonly Guid healthId = Guid.NewGuid();
    private readonly Guid schoolId = Guid.NewGuid();
    private readonly Guid childId = Guid.NewGuid();
    private readonly Guid otherChildId = Guid.NewGuid();

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await database.MigrateAsync();
        await using var db = database.NewContext();
        db.Partnerships.Add(new Partnership { Id = partnershipId, Code = "FACTS", Name = "Facts partnership", LocalAuthorityName = "Facts council" });
        db.Agencies.Add(new Agency { Id = healthId, PartnershipId = partnershipId, Name = "Community health trust", Type = AgencyType.Health });
        db.Agencies.Add(new Agency { Id = schoolId, PartnershipId = partnershipId, Name = "Hillside Primary", Type = AgencyType.School });
        db.People.Add(Child(childId, "Amara", "Lewis"));
        db.People.Add(Child(otherChildId, "Kai", "Lewis"));
        db.Record(new Seeded(partnershipId), ProcessContext.System(Now, "test", partnershipId));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Person Child(Guid id, string given, string family) => new()
    {
        Id = id,
        PartnershipId = partnershipId,
        GivenName = given,
        FamilyName = family,
        DateOfBirth = new DateOnly(2016, 5, 4),
        AddressLine = "4 Mill Lane",
        Postcode = "ZX1 4AB",
        IsChild = true,
    };

    private ProcessContext Context() => new(Guid.NewGuid(), "Test worker", partnershipId, Now);

    [Fact]
    public async Task AChangeOfName_KeepsTheOldNameAsAPreviousName()
    {
        await using var db = database.NewContext();
        var result = await new PersonFactsRecording(db).AddNameAsync(childId,
            new NameDetails("Amara", "Okafor", PersonNameKind.Current, new DateOnly(2026, 9, 1), null), healthId, Context());

        Assert.True(result.Succeeded);
        await using var check = database.NewContext();
        var person = await check.People.SingleAsync(p => p.Id == childId);
        Assert.Equal("Okafor", person.FamilyName);
        var previous = await check.PersonNames.SingleAsync(n => n.PersonId == childId);
        Assert.Equal(("Lewis", PersonNameKind.Previous, new DateOnly(2026, 8, 31), healthId), (previous.FamilyName, previous.Kind, previous.To!.Value, previous.SourceAgencyId!.Value));
        Assert.True(await check.AuditEvents.AnyAsync(e => e.EventType == nameof(PersonFactRecorded) && e.SubjectId == childId.ToString()));
    }

    [Fact]
    public async Task AnAlias_IsAddedWithoutChangingTheCurrentName()
    {
        await using var db = database.NewContext();
        var result = await new PersonFactsRecording(db).AddNameAsync(childId, new NameDetails("Mara", "Lewis", PersonNameKind.KnownAs, null, null), null, Context());

        Assert.True(result.Succeeded);
        await using var check = database.NewContext();
        Assert.Equal("Amara", (await check.People.SingleAsync(p => p.Id == childId)).GivenName);
        Assert.Equal(PersonNameKind.KnownAs, (await check.PersonNames.SingleAsync()).Kind);
    }

    [Fact]
    public async Task ANameWithoutItsParts_IsRefusedFieldByField()
    {
        await using var db = database.NewContext();
        var result = await new PersonFactsRecording(db).AddNameAsync(childId,
            new NameDetails(" ", null, null, new DateOnly(2026, 12, 1), null), null, Context());

        Assert.Equal([nameof(NameDetails.FamilyName), "From", nameof(NameDetails.GivenName), nameof(NameDetails.Kind)], result.Errors.Keys.Order(StringComparer.Ordinal));
        await using var check = database.NewContext();
        Assert.False(await check.PersonNames.AnyAsync());
    }

    [Fact]
    public async Task AnNhsNumber_IsCheckedAndSetOnThePerson_WithItsIssuingAgency()
    {
        await using var db = database.NewContext();
        var facts = new PersonFactsRecording(db);

        var wrong = await facts.AddIdentifierAsync(childId, new IdentifierDetails(PersonIdentifierType.NhsNumber, "943 476 5918", healthId), Context());
        var right = await facts.AddIdentifierAsync(childId, new IdentifierDetails(PersonIdentifierType.NhsNumber, "943 476 5919", healthId), Context());

        Assert.Contains("valid NHS number", wrong.Errors[nameof(IdentifierDetails.Value)], StringComparison.Ordinal);
        Assert.True(right.Succeeded);
        await using var check = database.NewContext();
        Assert.Equal(ValidNhs, (await check.People.SingleAsync(p => p.Id == childId)).NhsNumber);
        Assert.Equal(healthId, (await check.PersonIdentifiers.SingleAsync()).IssuingAgencyId);
    }

    [Fact]
    public async Task AnIdentifierHeldByAnotherRecord_PointsToMerging()
    {
        await using (var db = database.NewContext())
        {
            Assert.True((await new PersonFactsRecording(db).AddIdentifierAsync(otherChildId, new IdentifierDetails(PersonIdentifierType.UniquePupilNumber, "B801200005001", schoolId), Context())).Succeeded);
        }

        await using var second = database.NewContext();
        var result = await new PersonFactsRecording(second).AddIdentifierAsync(childId, new IdentifierDetails(PersonIdentifierType.UniquePupilNumber, "b801200005001", schoolId), Context());

        Assert.Contains("merge", result.Errors[nameof(IdentifierDetails.Value)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondDifferentNhsNumber_IsRefused()
    {
        await using var db = database.NewContext();
        var facts = new PersonFactsRecording(db);
        Assert.True((await facts.AddIdentifierAsync(childId, new IdentifierDetails(PersonIdentifierType.NhsNumber, ValidNhs, healthId), Context())).Succeeded);

        var result = await facts.AddIdentifierAsync(childId, new IdentifierDetails(PersonIdentifierType.NhsNumber, "9999999999", healthId), Context());

        Assert.False(result.Succeeded);
        Assert.Contains("different NHS number", result.Errors[nameof(IdentifierDetails.Value)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task MovingHouse_EndsTheCurrentAddress_AndMovesTheRecord()
    {
        await using (var db = database.NewContext())
        {
            var facts = new PersonFactsRecording(db);
            Assert.True((await facts.AddAddressAsync(childId, new AddressDetails("4 Mill Lane", null, "ZX1 4AB", new DateOnly(2020, 1, 1), null), null, Context())).Succeeded);
            Assert.True((await facts.AddAddressAsync(childId, new AddressDetails("12 Orchard Row", "Ashbridge", "zx27ef", new DateOnly(2026, 10, 5), null), healthId, Context())).Succeeded);
        }

        await using var check = database.NewContext();
        var person = await check.People.SingleAsync(p => p.Id == childId);
        Assert.Equal(("12 Orchard Row", "ZX2 7EF"), (person.AddressLine, person.Postcode));
        var old = await check.PersonAddresses.SingleAsync(a => a.AddressLine == "4 Mill Lane");
        Assert.Equal(new DateOnly(2026, 10, 4), old.To);
    }

    [Fact]
    public async Task AnEarlierAddress_IsHistoryAndLeavesTheCurrentOneAlone()
    {
        await using var db = database.NewContext();
        var result = await new PersonFactsRecording(db).AddAddressAsync(childId,
            new AddressDetails("Flat 2, Canal Court", null, "ZX3 1AA", new DateOnly(2018, 1, 1), new DateOnly(2019, 12, 31)), null, Context());

        Assert.True(result.Succeeded);
        await using var check = database.NewContext();
        Assert.Equal("4 Mill Lane", (await check.People.SingleAsync(p => p.Id == childId)).AddressLine);
    }

    [Fact]
    public async Task ABadPostcode_IsRefused()
    {
        await using var db = database.NewContext();
        var result = await new PersonFactsRecording(db).AddAddressAsync(childId, new AddressDetails("1 High Street", null, "ZX", null, null), null, Context());

        Assert.Equal([nameof(AddressDetails.Postcode)], result.Errors.Keys);
    }

    [Fact]
    public async Task ANewSchool_EndsTheLastOne()
    {
        await using (var db = database.NewContext())
        {
            var facts = new PersonFactsRecording(db);
            Assert.True((await facts.AddSchoolAsync(childId, new SchoolDetails(schoolId, new DateOnly(2021, 9, 1)), schoolId, Context())).Succeeded);
            Assert.True((await facts.AddSchoolAsync(childId, new SchoolDetails(schoolId, new DateOnly(2026, 9, 1)), schoolId, Context())).Succeeded);
            var notASchool = await facts.AddSchoolAsync(childId, new SchoolDetails(healthId, null), null, Context());
            Assert.Equal([nameof(SchoolDetails.SchoolId)], notASchool.Errors.Keys);
        }

        await using var check = database.NewContext();
        var schools = await check.PersonSchools.OrderBy(s => s.From).ToListAsync();
        Assert.Equal(new DateOnly(2026, 8, 31), schools[0].To);
        Assert.Null(schools[1].To);
    }

    [Fact]
    public async Task AMergedRecord_TakesNoNewFacts()
    {
        await using (var db = database.NewContext())
        {
            var merged = await db.People.SingleAsync(p => p.Id == otherChildId);
            merged.MergedIntoId = childId;
            db.Record(new Seeded(partnershipId), Context());
            await db.SaveChangesAsync();
        }

        await using var second = database.NewContext();
        var result = await new PersonFactsRecording(second).AddNameAsync(otherChildId, new NameDetails("Kai", "Lewis", PersonNameKind.Alias, null, null), null, Context());

        Assert.Contains("merged", result.Errors[""], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingAPerson_BumpsTheMatchingIndexRevision()
    {
        long Revision(Safeguarding.Core.Data.SafeguardingDbContext db) =>
            db.PersonIndexRevisions.AsNoTracking().Where(r => r.PartnershipId == partnershipId).Select(r => r.Revision).SingleOrDefault();

        await using var db = database.NewContext();
        var before = Revision(db);
        Assert.True((await new PersonFactsRecording(db).AddNameAsync(childId, new NameDetails("Mara", "Lewis", PersonNameKind.Alias, null, null), null, Context())).Succeeded);

        await using var check = database.NewContext();
        Assert.True(Revision(check) > before);
    }

    private sealed record Seeded(Guid PartnershipId) : IDomainEvent
    {
        public string SubjectType => "Partnership";

        public string SubjectId => PartnershipId.ToString();
    }
}
