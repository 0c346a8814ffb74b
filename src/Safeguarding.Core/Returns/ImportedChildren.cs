using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Returns;

/// <summary>
/// The children a return's import finds or makes, shared by the CIN census and SSDA903 imports so that both
/// returns for one authority land on one record per child. A child is found by LA child id: a recorded one, or
/// the id the exports derive for a record with none (<see cref="ReturnChildren.SystemChildId"/>). A record merged
/// into another is followed to the survivor. A child not found gets a new record named "Not known", since the
/// returns carry no names.
/// </summary>
internal sealed class ImportedChildren
{
    private readonly SafeguardingDbContext db;
    private readonly Dictionary<Guid, Guid> mergedInto;
    private readonly Dictionary<string, Person> byLaChildId = new(StringComparer.Ordinal);
    private readonly HashSet<(Guid, PersonIdentifierType, string)> identifiers = [];

    private ImportedChildren(SafeguardingDbContext db, Dictionary<Guid, Guid> mergedInto)
    {
        this.db = db;
        this.mergedInto = mergedInto;
    }

    /// <summary>Every child an import might match, loaded once: per-row queries would take minutes at city size.</summary>
    public static async Task<ImportedChildren> LoadAsync(SafeguardingDbContext db, CancellationToken cancellationToken)
    {
        var mergedInto = await db.People.Where(p => p.MergedIntoId != null).Select(p => new { p.Id, p.MergedIntoId }).ToDictionaryAsync(p => p.Id, p => p.MergedIntoId!.Value, cancellationToken);
        var children = new ImportedChildren(db, mergedInto);
        var identifiers = await db.PersonIdentifiers.AsNoTracking()
            .Where(i => i.Type == PersonIdentifierType.LocalAuthorityChildId || i.Type == PersonIdentifierType.UniquePupilNumber)
            .Select(i => new { i.PersonId, i.Type, i.Value }).ToListAsync(cancellationToken);
        var people = await PeopleAsync(db, identifiers.Where(i => i.Type == PersonIdentifierType.LocalAuthorityChildId).Select(i => children.Survivor(i.PersonId)), cancellationToken);

        // Children exported without a recorded LA child id carry one derived from their record's id; only
        // records the returns report (a child in need episode, a period of care, a care leaver's answers) can.
        var reported = await db.CinEpisodes.Select(e => e.PersonId)
            .Concat(db.CarePeriods.Select(p => p.PersonId))
            .Concat(db.CareLeaverContacts.Select(c => c.PersonId))
            .Distinct().ToListAsync(cancellationToken);
        var recorded = identifiers.Where(i => i.Type == PersonIdentifierType.LocalAuthorityChildId).Select(i => i.PersonId).ToHashSet();
        foreach (var person in (await PeopleAsync(db, reported.Select(children.Survivor).Where(id => !recorded.Contains(id)), cancellationToken)).Values)
        {
            children.byLaChildId.TryAdd(ReturnChildren.SystemChildId(person.Id), person);
        }

        foreach (var i in identifiers)
        {
            var survivor = children.Survivor(i.PersonId);
            children.identifiers.Add((survivor, i.Type, i.Value));
            if (i.Type == PersonIdentifierType.LocalAuthorityChildId && people.TryGetValue(survivor, out var person))
            {
                children.byLaChildId.TryAdd(i.Value, person);
            }
        }

        return children;
    }

    /// <summary>The record a record ends up merged into (itself when it was never merged).</summary>
    public Guid Survivor(Guid id)
    {
        for (var hops = 0; mergedInto.TryGetValue(id, out var next) && hops < 100; hops++)
        {
            id = next;
        }

        return id;
    }

    public Person? Find(string laChildId) => byLaChildId.GetValueOrDefault(laChildId);

    /// <summary>A new record for a child the return names and the partnership does not know, with the LA child id as its identifier.</summary>
    public Person Add(string laChildId, Guid partnershipId, ProcessContext context)
    {
        var person = new Person
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = partnershipId,
            GivenName = "Not known",
            FamilyName = $"(LA child id {laChildId})",
            IsChild = true,
        };
        db.People.Add(person);
        AddIdentifier(person, PersonIdentifierType.LocalAuthorityChildId, laChildId, context);
        byLaChildId.TryAdd(laChildId, person);
        return person;
    }

    /// <summary>Adds the identifier unless the child already has it; true when it was added.</summary>
    public bool AddIdentifier(Person person, PersonIdentifierType type, string value, ProcessContext context)
    {
        if (!identifiers.Add((person.Id, type, value)))
        {
            return false;
        }

        db.PersonIdentifiers.Add(new PersonIdentifier { Id = Guid.CreateVersion7(context.Now), PartnershipId = person.PartnershipId, PersonId = person.Id, Type = type, Value = value, RecordedAt = context.Now });
        return true;
    }

    private static async Task<Dictionary<Guid, Person>> PeopleAsync(SafeguardingDbContext db, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var people = new Dictionary<Guid, Person>();
        foreach (var batch in ids.Distinct().Chunk(5_000))
        {
            foreach (var person in await db.People.Where(p => batch.Contains(p.Id)).ToListAsync(cancellationToken))
            {
                people[person.Id] = person;
            }
        }

        return people;
    }
}
