using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Returns;

/// <summary>A child as the statutory returns report them: the surviving record's identifiers and characteristics.</summary>
/// <param name="LaChildId">The latest local authority child id recorded, or one derived from the record (<see cref="CinCensusExport.SystemChildId"/>).</param>
public sealed record ReturnChild(Guid Id, string LaChildId, string? Upn, DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth, PersonSex Sex, string? Ethnicity);

/// <summary>
/// Who a return reports records under and how it names them, shared by the CIN census and the Ofsted
/// Annex A lists so a child has the same id in both: records merged into another child are reported
/// under the surviving record.
/// </summary>
public static class ReturnChildren
{
    /// <summary>For each record, the record it ends up merged into (itself when it was never merged).</summary>
    public static async Task<Dictionary<Guid, Guid>> SurvivorsAsync(SafeguardingDbContext db, IEnumerable<Guid> personIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var mergedInto = await db.People.AsNoTracking().Where(p => p.MergedIntoId != null).Select(p => new { p.Id, p.MergedIntoId }).ToDictionaryAsync(p => p.Id, p => p.MergedIntoId!.Value, cancellationToken);
        return personIds.Distinct().ToDictionary(id => id, id =>
        {
            var current = id;
            for (var hops = 0; mergedInto.TryGetValue(current, out var next) && hops < 100; hops++)
            {
                current = next;
            }

            return current;
        });
    }

    /// <summary>The children's identifiers and characteristics, read in batches (a city's worth of ids is too many for one IN list).</summary>
    public static async Task<Dictionary<Guid, ReturnChild>> ChildrenAsync(SafeguardingDbContext db, IEnumerable<Guid> childIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var children = new Dictionary<Guid, ReturnChild>();
        foreach (var batch in childIds.Distinct().Chunk(5_000))
        {
            var people = await db.People.AsNoTracking().Where(p => batch.Contains(p.Id))
                .Select(p => new { p.Id, p.DateOfBirth, p.ExpectedDateOfBirth, p.Sex, p.EthnicityCode })
                .ToListAsync(cancellationToken);
            var identifiers = (await db.PersonIdentifiers.AsNoTracking()
                .Where(i => batch.Contains(i.PersonId) && (i.Type == PersonIdentifierType.LocalAuthorityChildId || i.Type == PersonIdentifierType.UniquePupilNumber))
                .Select(i => new { i.PersonId, i.Type, i.Value, i.RecordedAt })
                .ToListAsync(cancellationToken)).ToLookup(i => (i.PersonId, i.Type));
            foreach (var p in people)
            {
                var laChildId = identifiers[(p.Id, PersonIdentifierType.LocalAuthorityChildId)].OrderByDescending(i => i.RecordedAt).FirstOrDefault()?.Value
                    ?? CinCensusExport.SystemChildId(p.Id);
                var upn = identifiers[(p.Id, PersonIdentifierType.UniquePupilNumber)].OrderByDescending(i => i.RecordedAt).FirstOrDefault()?.Value;
                children[p.Id] = new ReturnChild(p.Id, laChildId, upn, p.DateOfBirth, p.ExpectedDateOfBirth, p.Sex, p.EthnicityCode);
            }
        }

        return children;
    }
}
