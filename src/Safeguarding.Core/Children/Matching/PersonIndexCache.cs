using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Children.Matching;

/// <summary>
/// One in-memory <see cref="PersonIndex"/> of children per partnership, shared by every request
/// (a singleton). Each use reads the partnership's <see cref="PersonIndexRevision"/> (one primary-key
/// lookup) and rebuilds the index when it moved on.
/// </summary>
/// <remarks>
/// Only one rebuild runs per partnership; callers that find the index stale wait for it rather than
/// search the old one, because the point of matching is not to miss a child recorded a moment ago
/// (a missed match becomes a duplicate record). Callers pass their own scoped context: a singleton
/// must not hold one, and the caller's context already carries the signed-in user's tenant.
/// </remarks>
public sealed class PersonIndexCache
{
    private readonly ConcurrentDictionary<Guid, Slot> slots = new();

    /// <summary>The index for the partnership, rebuilt first if people changed since it was built.</summary>
    public async Task<PersonIndex> GetAsync(SafeguardingDbContext db, Guid partnershipId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);

        // A context scoped to another partnership would build an empty index and cache it for everyone.
        if (db.CurrentPartnershipId is { } tenant && tenant != partnershipId)
        {
            throw new InvalidOperationException("The context is scoped to another partnership.");
        }

        var revision = await CurrentRevisionAsync(db, partnershipId, cancellationToken);
        var slot = slots.GetOrAdd(partnershipId, _ => new Slot());
        if (slot.Built is { } fresh && fresh.Revision >= revision)
        {
            return fresh.Index;
        }

        await slot.Rebuilding.WaitAsync(cancellationToken);
        try
        {
            // Someone else may have rebuilt it while this caller waited.
            if (slot.Built is { } rebuilt && rebuilt.Revision >= revision)
            {
                return rebuilt.Index;
            }

            // The revision is read before the people: a change in between only causes one more rebuild, never a stale index.
            var records = await RecordsAsync(db, partnershipId, cancellationToken);
            var built = new BuiltIndex(revision, new PersonIndex(records));
            slot.Built = built;
            return built.Index;
        }
        finally
        {
            slot.Rebuilding.Release();
        }
    }

    /// <summary>The revision the partnership's index was last built at, or null if it has not been built.</summary>
    public long? BuiltRevision(Guid partnershipId) => slots.TryGetValue(partnershipId, out var slot) ? slot.Built?.Revision : null;

    private static Task<long> CurrentRevisionAsync(SafeguardingDbContext db, Guid partnershipId, CancellationToken cancellationToken) =>
        db.PersonIndexRevisions.AsNoTracking()
            .Where(r => r.PartnershipId == partnershipId)
            .Select(r => r.Revision)
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The children as the matcher sees them. A merged record is left out, but its names count as
    /// names of the record it was merged into. Other names (birth, previous, alias, known as) are
    /// folded in: a different given name goes into other names (the matcher treats it as a middle
    /// name); a different family name becomes a second record with the same id, because the matcher
    /// has no field for previous family names. <see cref="ChildMatching"/> keeps each child's best.
    /// </summary>
    internal static async Task<List<MatchRecord>> RecordsAsync(SafeguardingDbContext db, Guid partnershipId, CancellationToken cancellationToken)
    {
        var children = db.People.AsNoTracking().Where(p => p.PartnershipId == partnershipId && p.IsChild);
        var people = await children.Where(p => p.MergedIntoId == null)
            .Select(p => new MatchRecord(p.Id, p.GivenName, p.FamilyName, p.OtherNames, p.DateOfBirth, p.ExpectedDateOfBirth, p.Sex, p.NhsNumber, p.AddressLine, p.Postcode, p.SchoolId))
            .ToListAsync(cancellationToken);
        var merged = await children.Where(p => p.MergedIntoId != null)
            .Select(p => new { p.Id, MergedIntoId = p.MergedIntoId!.Value, p.GivenName, p.FamilyName })
            .ToListAsync(cancellationToken);
        var otherNames = await db.PersonNames.AsNoTracking()
            .Where(n => n.PartnershipId == partnershipId && n.Kind != PersonNameKind.Current)
            .Select(n => new { n.PersonId, n.GivenName, n.FamilyName })
            .ToListAsync(cancellationToken);

        var mergedInto = merged.ToDictionary(m => m.Id, m => m.MergedIntoId);
        Guid Survivor(Guid id)
        {
            // Merges can chain (A into B, B into C); the guard stops a bad cycle looping for ever.
            for (var hops = 0; hops < 32 && mergedInto.TryGetValue(id, out var next); hops++)
            {
                id = next;
            }

            return id;
        }

        var namesOf = merged.Select(m => (PersonId: Survivor(m.Id), m.GivenName, m.FamilyName))
            .Concat(otherNames.Select(n => (PersonId: Survivor(n.PersonId), n.GivenName, n.FamilyName)))
            .ToLookup(n => n.PersonId);

        var records = new List<MatchRecord>(people.Count);
        foreach (var person in people)
        {
            var familyText = NameText.Letters(person.FamilyName);
            var givenText = NameText.Letters(person.GivenName);
            var extraGiven = new List<string>();
            var extraRecords = new List<MatchRecord>();
            foreach (var (_, given, family) in namesOf[person.Id])
            {
                if (NameText.Letters(family) != familyText)
                {
                    var alias = person with { GivenName = given, FamilyName = family };
                    if (!extraRecords.Contains(alias))
                    {
                        extraRecords.Add(alias);
                    }
                }
                else if (NameText.Letters(given) is { Length: > 0 } text && text != givenText && !extraGiven.Contains(given))
                {
                    extraGiven.Add(given);
                }
            }

            records.Add(extraGiven.Count == 0 ? person : person with { OtherNames = string.Join(' ', new[] { person.OtherNames }.Concat(extraGiven).Where(n => !string.IsNullOrWhiteSpace(n))) });
            records.AddRange(extraRecords);
        }

        return records;
    }

    private sealed record BuiltIndex(long Revision, PersonIndex Index);

    private sealed class Slot
    {
        private volatile BuiltIndex? built;

        public SemaphoreSlim Rebuilding { get; } = new(1, 1);

        public BuiltIndex? Built
        {
            get => built;
            set => built = value;
        }
    }
}
