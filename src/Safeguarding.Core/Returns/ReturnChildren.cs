using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Returns;

/// <summary>A child as the DfE returns identify and describe them: the LA child id, UPN and the header facts.</summary>
/// <param name="PersonId">The surviving record the child is reported under.</param>
public sealed record ReturnChild(Guid PersonId, string LaChildId, string? Upn, DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth, PersonSex Sex, string? Ethnicity);

/// <summary>
/// The children lookups the statutory returns share (the CIN census and the SSDA903): a record merged
/// into another is reported under the surviving record, and a child is identified by the most recently
/// recorded local authority child id, or one derived from the record's id when none is recorded.
/// </summary>
public static class ReturnChildren
{
    /// <summary>For each record, the record it ends up merged into (itself when it was never merged).</summary>
    public static async Task<Dictionary<Guid, Guid>> SurvivorsAsync(SafeguardingDbContext db, IEnumerable<Guid> personIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var mergedInto = await db.People.AsNoTracking().Where(p => p.MergedIntoId != null).Select(p => new { p.Id, p.MergedIntoId })
            .ToDictionaryAsync(p => p.Id, p => p.MergedIntoId!.Value, cancellationToken);
        var survivors = new Dictionary<Guid, Guid>();
        foreach (var id in personIds)
        {
            if (survivors.ContainsKey(id))
            {
                continue;
            }

            var current = id;
            for (var hops = 0; mergedInto.TryGetValue(current, out var next) && hops < 100; hops++)
            {
                current = next;
            }

            survivors[id] = current;
        }

        return survivors;
    }

    /// <summary>The children's identifiers and header facts, by record id.</summary>
    public static async Task<Dictionary<Guid, ReturnChild>> ChildrenAsync(SafeguardingDbContext db, IEnumerable<Guid> childIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var children = new Dictionary<Guid, ReturnChild>();
        foreach (var batch in childIds.Distinct().Chunk(5_000))
        {
            var people = await db.People.AsNoTracking().Where(p => batch.Contains(p.Id))
                .Select(p => new { p.Id, p.DateOfBirth, p.ExpectedDateOfBirth, p.Sex, p.EthnicityCode })
                .ToListAsync(cancellationToken);
            // By person only, the type sorted out here: with the type in the query SQLite walks the type index
            // (a third of all identifiers) rather than looking each person up, thirty times slower at city size.
            var identifiers = (await db.PersonIdentifiers.AsNoTracking()
                .Where(i => batch.Contains(i.PersonId))
                .Select(i => new { i.PersonId, i.Type, i.Value, i.RecordedAt })
                .ToListAsync(cancellationToken)).ToLookup(i => (i.PersonId, i.Type));
            foreach (var p in people)
            {
                var laChildId = identifiers[(p.Id, PersonIdentifierType.LocalAuthorityChildId)].OrderByDescending(i => i.RecordedAt).FirstOrDefault()?.Value
                    ?? SystemChildId(p.Id);
                var upn = identifiers[(p.Id, PersonIdentifierType.UniquePupilNumber)].OrderByDescending(i => i.RecordedAt).FirstOrDefault()?.Value;
                children[p.Id] = new ReturnChild(p.Id, laChildId, upn, p.DateOfBirth, p.ExpectedDateOfBirth, p.Sex, p.EthnicityCode);
            }
        }

        return children;
    }

    /// <summary>
    /// The child id of a child with no local authority child id recorded: ten characters derived from
    /// the record's id, the same every time, so a file exported and imported again finds the same child.
    /// </summary>
    public static string SystemChildId(Guid personId)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(personId.ToByteArray());
        var value = BitConverter.ToUInt64(hash, 0) % 3_656_158_440_062_976UL; // 36^10
        Span<char> id = stackalloc char[10];
        for (var i = 9; i >= 0; i--)
        {
            id[i] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[(int)(value % 36)];
            value /= 36;
        }

        return new string(id);
    }
}
