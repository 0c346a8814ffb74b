using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Children;
using Safeguarding.Tests.Shared;

namespace Safeguarding.Core.Tests.Children;

/// <summary>Merging two records of the same child and undoing it: nothing moves, nothing is lost, all of it audited.</summary>
[Trait("Category", "Database")]
public sealed class PersonMergingTests : IAsyncLifetime
{
    private const string Reason = "Same child: school and GP records match";
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private readonly Guid partnershipId = Guid.NewGuid();
    private readonly Guid schoolId = Guid.NewGuid();
    private readonly Guid managerId = Guid.NewGuid();
    private TestDatabase database = null!;

    // Ayesha twice (one record from the school, one from health), an adult, and another child.
    private Guid kept;
    private Guid duplicate;
    private Guid adult;
    private Guid otherChild;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await database.MigrateAsync();
        await using var db = database.NewContext();
        db.Partnerships.Add(new Partnership { Id = partnershipId, Code = "MRG", Name = "Merge partnership", LocalAuthorityName = "Merge council" });
        db.Agencies.Add(new Agency { Id = schoolId, PartnershipId = partnershipId, Name = "Hill Primary", Type = AgencyType.School });
        kept = AddPerson(db, "Ayesha", "Khan", isChild: true, nhs: "9434765919");
        duplicate = AddPerson(db, "Aisha", "Khan", isChild: true, nhs: null);
        adult = AddPerson(db, "Sara", "Khan", isChild: false, nhs: null);
        otherChild = AddPerson(db, "Ayesha", "Kahn", isChild: true, nhs: "4857773456");
        db.PersonNames.Add(new PersonName { Id = Guid.NewGuid(), PartnershipId = partnershipId, PersonId = duplicate, GivenName = "Aisha", FamilyName = "Khan", Kind = PersonNameKind.Current, SourceAgencyId = schoolId, RecordedAt = Now.AddDays(-30) });
        db.PersonAddresses.Add(new PersonAddress { Id = Guid.NewGuid(), PartnershipId = partnershipId, PersonId = duplicate, AddressLine = "1 Hill Road", Postcode = "ZX1 1AA", SourceAgencyId = schoolId, RecordedAt = Now.AddDays(-30) });
        db.Record(new Seeded(partnershipId), ProcessContext.System(Now));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Guid AddPerson(Core.Data.SafeguardingDbContext db, string given, string family, bool isChild, string? nhs)
    {
        var person = new Person
        {
            Id = Guid.NewGuid(),
            PartnershipId = partnershipId,
            GivenName = given,
            FamilyName = family,
            DateOfBirth = isChild ? new DateOnly(2016, 3, 27) : new DateOnly(1990, 1, 1),
            NhsNumber = nhs,
            IsChild = isChild,
        };
        db.People.Add(person);
        return person.Id;
    }

    private ProcessContext Context() => new(managerId, "Test manager", partnershipId, Now);

    private async Task<long> VersionOfAsync(Guid id)
    {
        await using var db = database.NewContext();
        return await db.People.Where(p => p.Id == id).Select(p => p.Version).SingleAsync();
    }

    private async Task<ChangeResult<PersonMerge>> MergeAsync(Guid survivor, Guid merged, string? reason = Reason)
    {
        var survivorVersion = await VersionOfAsync(survivor);
        var mergedVersion = await VersionOfAsync(merged);
        await using var db = database.NewContext();
        return await new PersonMerging(db).MergeAsync(survivor, merged, reason, survivorVersion, mergedVersion, Context());
    }

    private async Task<ChangeResult<PersonMerge>> UnmergeAsync(PersonMerge merge, string? reason = "Different children: checked with the school")
    {
        await using var db = database.NewContext();
        return await new PersonMerging(db).UnmergeAsync(merge.Id, reason, merge.Version, Context());
    }

    private async Task<string> SnapshotAsync()
    {
        await using var db = database.NewContext();
        var people = await db.People.AsNoTracking().OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.NhsNumber, p.IsChild, p.IsRestricted, p.MergedIntoId })
            .ToListAsync();
        var names = await db.PersonNames.AsNoTracking().OrderBy(n => n.Id).Select(n => new { n.Id, n.PersonId, n.SourceAgencyId }).ToListAsync();
        var addresses = await db.PersonAddresses.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.PersonId, a.SourceAgencyId }).ToListAsync();
        return string.Join("\n", people.Select(p => p.ToString()).Concat(names.Select(n => n.ToString())).Concat(addresses.Select(a => a.ToString())));
    }

    [Fact]
    public async Task Merge_KeepsEveryFactWhereItWas_AndTheSurvivorGathersThem()
    {
        var result = await MergeAsync(kept, duplicate);

        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Values));
        await using var db = database.NewContext();
        var ids = await MergedRecords.IdsOfAsync(db, kept);
        Assert.Equal([kept, duplicate], ids);
        Assert.Equal(kept, await MergedRecords.SurvivorOfAsync(db, duplicate));
        var name = await db.PersonNames.SingleAsync(n => ids.Contains(n.PersonId));
        Assert.Equal((duplicate, schoolId), (name.PersonId, name.SourceAgencyId));
        var address = await db.PersonAddresses.SingleAsync(a => ids.Contains(a.PersonId));
        Assert.Equal((duplicate, schoolId), (address.PersonId, address.SourceAgencyId));
        var merge = await db.PersonMerges.SingleAsync();
        Assert.Equal((kept, duplicate, Reason, managerId, Now), (merge.SurvivorId, merge.MergedId, merge.Reason, merge.MergedByUserId, merge.MergedAt));
    }

    [Fact]
    public async Task MergeThenUnmerge_LeavesEveryRowAsItWas_AndKeepsTheHistory()
    {
        var before = await SnapshotAsync();

        var merged = await MergeAsync(kept, duplicate);
        var unmerged = await UnmergeAsync(merged.Value!);

        Assert.True(unmerged.Succeeded, string.Join(", ", unmerged.Errors.Values));
        Assert.Equal(before, await SnapshotAsync());
        await using var db = database.NewContext();
        Assert.Equal([kept], await MergedRecords.IdsOfAsync(db, kept));
        var merge = await db.PersonMerges.SingleAsync();
        Assert.True(merge.IsUndone);
        Assert.Equal((managerId, "Different children: checked with the school"), (merge.UnmergedByUserId!.Value, merge.UnmergeReason!));
    }

    [Fact]
    public async Task MergeAndUnmerge_AreAudited_WithTheReason_AndNoPersonalDetails()
    {
        var merged = await MergeAsync(kept, duplicate);
        await UnmergeAsync(merged.Value!);

        await using var db = database.NewContext();
        var events = await db.AuditEvents.Where(e => e.SubjectType == "Person" && e.SubjectId == kept.ToString()).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal([nameof(PeopleMerged), nameof(PeopleUnmerged)], events.Select(e => e.EventType));
        Assert.Equal([Reason, "Different children: checked with the school"], events.Select(e => e.Reason));
        Assert.All(events, e =>
        {
            Assert.Equal(AuditKind.Write, e.Kind);
            Assert.Equal(managerId, e.ActorUserId);
            Assert.Contains(duplicate.ToString(), e.Data, StringComparison.Ordinal);
            Assert.DoesNotContain("Khan", e.Data, StringComparison.Ordinal);
            Assert.DoesNotContain("Aisha", e.Data, StringComparison.Ordinal);
        });
        Assert.True((await AuditChain.VerifyAsync(db)).IsIntact);
    }

    [Fact]
    public async Task MergingARestrictedRecord_RestrictsTheSurvivor()
    {
        await using (var db = database.NewContext())
        {
            var person = await db.People.SingleAsync(p => p.Id == duplicate);
            person.IsRestricted = true;
            db.Record(new Seeded(partnershipId), ProcessContext.System(Now));
            await db.SaveChangesAsync();
        }

        var result = await MergeAsync(kept, duplicate);

        Assert.True(result.Succeeded);
        await using var after = database.NewContext();
        Assert.True(await after.People.Where(p => p.Id == kept).Select(p => p.IsRestricted).SingleAsync());
        var merged = await after.AuditEvents.SingleAsync(e => e.EventType == nameof(PeopleMerged));
        Assert.Contains("\"survivorRestrictedByMerge\":true", merged.Data, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Enter why these records are the same child")]
    [InlineData("   ", "Enter why these records are the same child")]
    [InlineData("same kid", "Why these records are the same child must be 10 characters or more")]
    public async Task Merge_WithoutAGoodReason_IsRefused(string? reason, string message)
    {
        var result = await MergeAsync(kept, duplicate, reason);

        Assert.Equal(message, result.Errors["Reason"]);
        await AssertNothingMergedAsync();
    }

    [Fact]
    public async Task Merge_OfARecordWithItself_IsRefused()
    {
        var result = await MergeAsync(kept, kept);

        Assert.Equal("Choose a different record: a record cannot be merged with itself", result.Errors["MergedId"]);
        await AssertNothingMergedAsync();
    }

    [Fact]
    public async Task Merge_OfARecordThatDoesNotExist_IsRefused()
    {
        await using var db = database.NewContext();
        var result = await new PersonMerging(db).MergeAsync(kept, Guid.NewGuid(), Reason, 0, 0, Context());

        Assert.Equal("One of these records could not be found. It may have been removed", result.Errors["MergedId"]);
    }

    [Fact]
    public async Task Merge_OfAChildWithAnAdult_IsRefused()
    {
        var result = await MergeAsync(kept, adult);

        Assert.Equal("A child's record can only be merged with another child's record, and an adult's with an adult's", result.Errors["MergedId"]);
        await AssertNothingMergedAsync();
    }

    [Fact]
    public async Task Merge_OfRecordsWithDifferentNhsNumbers_IsRefused()
    {
        var result = await MergeAsync(kept, otherChild);

        Assert.Equal("These records have different NHS numbers, so they cannot be the same person", result.Errors["MergedId"]);
        await AssertNothingMergedAsync();
    }

    [Fact]
    public async Task Merge_OfARecordAlreadyMerged_IsRefused()
    {
        await MergeAsync(kept, duplicate);

        var again = await MergeAsync(otherChild, duplicate);

        Assert.Equal("One of these records has already been merged into another record. Use the record it was merged into", again.Errors["MergedId"]);
    }

    [Fact]
    public async Task Merge_BackTheOtherWay_IsRefused_AsItWouldMakeALoop()
    {
        await MergeAsync(kept, duplicate);

        var loop = await MergeAsync(duplicate, kept);

        Assert.Equal("The record you chose to keep is already merged into the other record. Keep the other record instead", loop.Errors["SurvivorId"]);
        await using var db = database.NewContext();
        Assert.Equal(1, await db.PersonMerges.CountAsync());
    }

    [Fact]
    public async Task Merge_AfterSomeoneElseChangedARecord_IsRefused()
    {
        var seenVersion = await VersionOfAsync(duplicate);
        await using (var other = database.NewContext())
        {
            var person = await other.People.SingleAsync(p => p.Id == duplicate);
            person.Postcode = "ZX2 2BB";
            other.Record(new Seeded(partnershipId), ProcessContext.System(Now));
            await other.SaveChangesAsync();
        }

        await using var db = database.NewContext();
        var result = await new PersonMerging(db).MergeAsync(kept, duplicate, Reason, await VersionOfAsync(kept), seenVersion, Context());

        Assert.Equal(PersonMerging.ChangedElsewhereMessage, result.Errors[PersonMerging.ChangedElsewhere]);
        await AssertNothingMergedAsync();
    }

    [Fact]
    public async Task Merge_ThatLosesARaceAfterReading_IsRefused_AndLeavesNothingToSave()
    {
        var survivorVersion = await VersionOfAsync(kept);
        var mergedVersion = await VersionOfAsync(duplicate);
        await using var db = database.NewContext();
        var merging = new PersonMerging(db);
        // This context already holds the records as read, so someone else's change lands between its read and its save.
        await db.People.Where(p => p.Id == kept || p.Id == duplicate).LoadAsync();
        await using (var other = database.NewContext())
        {
            await other.People.Where(p => p.Id == duplicate).ExecuteUpdateAsync(s => s.SetProperty(p => p.Version, p => p.Version + 1));
        }

        var result = await merging.MergeAsync(kept, duplicate, Reason, survivorVersion, mergedVersion, Context());

        Assert.Equal(PersonMerging.ChangedElsewhereMessage, result.Errors[PersonMerging.ChangedElsewhere]);
        Assert.Empty(db.ChangeTracker.Entries());
        await AssertNothingMergedAsync();
    }

    [Fact]
    public async Task Unmerge_OfAMergeAlreadyUndone_IsRefused()
    {
        var merged = await MergeAsync(kept, duplicate);
        var first = await UnmergeAsync(merged.Value!);

        var second = await UnmergeAsync(first.Value!);

        Assert.Equal("This merge has already been undone", second.Errors[""]);
    }

    [Fact]
    public async Task Unmerge_WithoutAGoodReason_OrFromAStalePage_IsRefused()
    {
        var merged = await MergeAsync(kept, duplicate);

        var noReason = await UnmergeAsync(merged.Value!, "");
        var stale = await UnmergeAsync(new PersonMerge { Id = merged.Value!.Id, Reason = Reason, Version = merged.Value!.Version - 1 });

        Assert.Equal("Enter why these records are not the same child", noReason.Errors["Reason"]);
        Assert.Equal(PersonMerging.ChangedElsewhereMessage, stale.Errors[PersonMerging.ChangedElsewhere]);
        await using var db = database.NewContext();
        Assert.Equal(kept, await db.People.Where(p => p.Id == duplicate).Select(p => p.MergedIntoId).SingleAsync());
    }

    [Fact]
    public async Task TheOlderRecord_IsTheOneWithTheEarliestFact_OrTheFirstWhenNeitherHasAny()
    {
        await using var db = database.NewContext();
        var merging = new PersonMerging(db);

        Assert.Equal(duplicate, await merging.OlderOfAsync(kept, duplicate));
        Assert.Equal(kept, await merging.OlderOfAsync(kept, otherChild));
    }

    private async Task AssertNothingMergedAsync()
    {
        await using var db = database.NewContext();
        Assert.Equal(0, await db.PersonMerges.CountAsync());
        Assert.False(await db.People.AnyAsync(p => p.MergedIntoId != null));
        Assert.False(await db.AuditEvents.AnyAsync(e => e.EventType == nameof(PeopleMerged)));
    }

    private sealed record Seeded(Guid PartnershipId) : IDomainEvent
    {
        public string SubjectType => "Partnership";
        public string SubjectId => PartnershipId.ToString();
    }
}
