using System.Diagnostics;
using Safeguarding.Core.Children.Matching;

namespace Safeguarding.SyntheticData.MatchingEvaluation;

/// <summary>A matcher's answer for evaluation: ids best first, and whether the first is an automatic match.</summary>
public sealed record RankedAnswer(IReadOnlyList<Guid> Ids, bool TopIsAutomatic);

/// <summary>How well a matcher did on an evaluation set. Fractions are 0-1.</summary>
public sealed record EvaluationResult(
    int Queries,
    int QueriesWithTruth,
    double RecallAt1,
    double RecallAt10,
    int AutomaticMatches,
    int WrongAutomaticMatches,
    double AutoMatchPrecision,
    IReadOnlyList<double> LatenciesMs,
    IReadOnlyDictionary<ReferralError, double> RecallAt10ByError,
    IReadOnlyList<EvaluationQuery> WrongAutomatic,
    IReadOnlyList<EvaluationQuery> MissedFromTop10)
{
    public double Percentile(double p)
    {
        if (LatenciesMs.Count == 0)
        {
            return 0;
        }

        var sorted = LatenciesMs.Order().ToArray();
        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}

/// <summary>Runs a matcher over an evaluation set on the calling thread, timing each search.</summary>
public static class MatchingEvaluator
{
    public static EvaluationResult Evaluate(IReadOnlyList<EvaluationQuery> queries, Func<MatchQuery, RankedAnswer> search)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(search);
        var latencies = new List<double>(queries.Count);
        int withTruth = 0, top1 = 0, top10 = 0, automatic = 0, wrongAutomatic = 0;
        var byError = new Dictionary<ReferralError, (int Found, int Total)>();
        var wrong = new List<EvaluationQuery>();
        var missed = new List<EvaluationQuery>();
        foreach (var q in queries)
        {
            var started = Stopwatch.GetTimestamp();
            var answer = search(q.Query);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (answer.TopIsAutomatic && answer.Ids.Count > 0)
            {
                automatic++;
                if (answer.Ids[0] != q.TruthId)
                {
                    wrongAutomatic++;
                    wrong.Add(q);
                }
            }

            if (q.TruthId is not { } truth)
            {
                continue;
            }

            withTruth++;
            var found = answer.Ids.Take(10).Contains(truth);
            top1 += answer.Ids.Count > 0 && answer.Ids[0] == truth ? 1 : 0;
            top10 += found ? 1 : 0;
            if (!found)
            {
                missed.Add(q);
            }

            foreach (var error in q.Errors)
            {
                var (f, t) = byError.GetValueOrDefault(error);
                byError[error] = (f + (found ? 1 : 0), t + 1);
            }
        }

        return new EvaluationResult(
            queries.Count,
            withTruth,
            withTruth == 0 ? 0 : (double)top1 / withTruth,
            withTruth == 0 ? 0 : (double)top10 / withTruth,
            automatic,
            wrongAutomatic,
            automatic == 0 ? 1 : (double)(automatic - wrongAutomatic) / automatic,
            latencies,
            byError.ToDictionary(p => p.Key, p => (double)p.Value.Found / p.Value.Total),
            wrong,
            missed);
    }

    /// <summary>The probabilistic matcher's answer: top 10, automatic when the first is in the Match band.</summary>
    public static Func<MatchQuery, RankedAnswer> Using(PersonMatcher matcher) => query =>
    {
        var found = matcher.Find(query, 10);
        return new RankedAnswer(found.Select(c => c.PersonId).ToList(), found.Count > 0 && found[0].Band == MatchBand.Match);
    };
}

/// <summary>
/// The naive baseline: exact NHS number, or exact given name + family name + date of birth (case and
/// spaces ignored). Every hit is treated as automatic, as a simple system would.
/// </summary>
public sealed class ExactMatchBaseline
{
    private readonly Dictionary<string, List<Guid>> byNhs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Guid>> byNameAndDob = new(StringComparer.Ordinal);

    public ExactMatchBaseline(IEnumerable<MatchRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var r in records)
        {
            if (NhsNumberComparison.Digits(r.NhsNumber) is { Length: 10 } nhs)
            {
                Add(byNhs, nhs, r.Id);
            }

            Add(byNameAndDob, Key(r.GivenName, r.FamilyName, r.DateOfBirth), r.Id);
        }
    }

    private static void Add(Dictionary<string, List<Guid>> map, string key, Guid id)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(id);
    }

    private static string Key(string? given, string? family, DateOnly? dob) =>
        $"{NameText.Letters(given)}|{NameText.Letters(family)}|{dob?.DayNumber}";

    public RankedAnswer Find(MatchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var ids = new List<Guid>();
        if (NhsNumberComparison.Digits(query.NhsNumber) is { Length: 10 } nhs && byNhs.TryGetValue(nhs, out var a))
        {
            ids.AddRange(a);
        }

        if (byNameAndDob.TryGetValue(Key(query.GivenName, query.FamilyName, query.DateOfBirth), out var b))
        {
            ids.AddRange(b.Where(id => !ids.Contains(id)));
        }

        return new RankedAnswer(ids, ids.Count > 0);
    }
}
