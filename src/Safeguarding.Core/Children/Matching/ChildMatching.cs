using Safeguarding.Core.Data;

namespace Safeguarding.Core.Children.Matching;

/// <summary>
/// A child who may be the subject of a referral. <see cref="Score"/> is the probability (0-1) that
/// they are; <see cref="Reasons"/> say, field by field, what agreed and what did not.
/// </summary>
public sealed record ChildMatch(Guid PersonId, double Score, MatchBand Band, IReadOnlyList<FieldComparison> Reasons, string? BandNote);

/// <summary>
/// Finds the children of a partnership who may be the subject of a referral's details: the one call
/// the front door and the match page make.
/// </summary>
public sealed class ChildMatching(SafeguardingDbContext db, PersonIndexCache cache, MatchBands bands)
{
    public const int DefaultMost = 10;

    /// <summary>The best candidates first, at most <paramref name="max"/>, each child once.</summary>
    public async Task<IReadOnlyList<ChildMatch>> FindAsync(MatchQuery query, Guid partnershipId, int max = DefaultMost, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var index = await cache.GetAsync(db, partnershipId, cancellationToken);

        // A matcher is cheap and not thread-safe: one per search over the shared index. A child with a
        // previous family name is in the index twice, so ask for more and keep each child's best.
        var candidates = new PersonMatcher(index, bands).Find(query, max * 2);
        return candidates
            .DistinctBy(c => c.PersonId)
            .Take(max)
            .Select(c => new ChildMatch(c.PersonId, c.Score, c.Band, c.Comparisons, c.BandNote))
            .ToList();
    }
}
