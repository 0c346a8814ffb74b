using System.Diagnostics;
using Safeguarding.Core.Children.Matching;
using Safeguarding.SyntheticData;
using Safeguarding.SyntheticData.MatchingEvaluation;

namespace Safeguarding.Benchmarks;

/// <summary>
/// Person matching at city scale: index build time, one-thread search latency, recall and the precision
/// of automatic matches on generated referrals with known truth, against a naive exact-match baseline.
/// Targets: p95 ≤ 20 ms, recall@10 ≥ 99%, automatic-match precision ≥ 99.9%, build ≤ 60 s.
/// </summary>
public sealed class MatchingSuite : IBenchmarkSuite
{
    private const int Seed = 20_260_401;
    private const int QueryCount = 5_000;
    private const int WarmUpQueries = 300;

    /// <summary>The synthetic city has about 1.93 people per child.</summary>
    private const double PeoplePerChild = 1.93;

    public string Name => "matching";

    public string Description => "person matching: index build, search latency, recall and auto-match precision (one thread)";

    public int DefaultScale => 1_000_000;

    public Task<IReadOnlyList<Figure>> RunAsync(int scale, TextWriter log)
    {
        var generate = Stopwatch.StartNew();
        var city = CityGenerator.Generate(new CitySpec { Children = Math.Max(50, (int)Math.Round(scale / PeoplePerChild)), Seed = Seed });
        var records = city.People.Take(scale).Select(MatchRecord.From).ToList();
        var inIndex = records.Select(r => r.Id).ToHashSet();
        var queries = MatchingEvaluationSet.Generate(city, QueryCount + WarmUpQueries, Seed)
            .Where(q => q.TruthId is null || inIndex.Contains(q.TruthId.Value))
            .ToList();
        log.WriteLine($"city of {city.People.Count:N0} people generated in {generate.Elapsed.TotalSeconds:F1} s; indexing {records.Count:N0}; {queries.Count - WarmUpQueries:N0} timed queries");

        GC.Collect();
        var build = Stopwatch.StartNew();
        var index = new PersonIndex(records);
        var buildSeconds = build.Elapsed.TotalSeconds;
        log.WriteLine($"index built in {buildSeconds:F1} s; largest blocks {string.Join(", ", index.LargestBlocks(5))}");

        var matcher = new PersonMatcher(index);
        var baseline = new ExactMatchBaseline(records);

        // Warm up so the timed queries run tiered-up code; the warm-up queries are not scored.
        var warmUp = queries.Take(WarmUpQueries).ToList();
        var timed = queries.Skip(WarmUpQueries).ToList();
        MatchingEvaluator.Evaluate(warmUp, MatchingEvaluator.Using(matcher));
        var result = MatchingEvaluator.Evaluate(timed, MatchingEvaluator.Using(matcher));
        var naive = MatchingEvaluator.Evaluate(timed, baseline.Find);

        log.WriteLine($"{"",-28} {"matcher",10} {"baseline",10}");
        log.WriteLine($"{"recall@1",-28} {result.RecallAt1,10:P2} {naive.RecallAt1,10:P2}");
        log.WriteLine($"{"recall@10",-28} {result.RecallAt10,10:P2} {naive.RecallAt10,10:P2}");
        log.WriteLine($"{"automatic matches",-28} {result.AutomaticMatches,10} {naive.AutomaticMatches,10}");
        log.WriteLine($"{"wrong automatic matches",-28} {result.WrongAutomaticMatches,10} {naive.WrongAutomaticMatches,10}");
        log.WriteLine($"{"auto-match precision",-28} {result.AutoMatchPrecision,10:P3} {naive.AutoMatchPrecision,10:P3}");
        log.WriteLine("recall@10 by referral error: " + string.Join(", ", result.RecallAt10ByError.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value:P1}")));

        // Show a few wrong automatic matches so a reader can see why they scored so high.
        foreach (var wrong in result.WrongAutomatic.Take(5))
        {
            var found = matcher.Find(wrong.Query, 10);
            var top = found[0];
            var truth = found.FirstOrDefault(c => c.PersonId == wrong.TruthId);
            log.WriteLine($"wrong automatic match ({string.Join("+", wrong.Errors)}): query {wrong.Query.GivenName} {wrong.Query.FamilyName} {wrong.Query.DateOfBirth} {wrong.Query.Postcode}; got {top.Record.GivenName} {top.Record.FamilyName} {top.Record.DateOfBirth}: {top.Explain()}"
                + (truth is null ? (wrong.TruthId is null ? "; truth not in index" : "; truth not in top 10") : $"; truth {truth.Record.GivenName} {truth.Record.FamilyName} {truth.Record.DateOfBirth} {truth.Record.Postcode}: {truth.Explain()}"));
        }

        foreach (var missed in result.MissedFromTop10.Take(5))
        {
            var q = missed.Query;
            var truth = records.First(r => r.Id == missed.TruthId);
            log.WriteLine($"missed ({string.Join("+", missed.Errors)}): query {q.GivenName} {q.FamilyName} {q.DateOfBirth:yyyy-MM-dd} {q.Postcode} {(q.NhsNumber is null ? "" : "nhs")}; truth {truth.GivenName} {truth.FamilyName} {truth.DateOfBirth:yyyy-MM-dd} {truth.Postcode}");
        }

        var p50 = result.Percentile(0.50);
        var p95 = result.Percentile(0.95);
        var p99 = result.Percentile(0.99);
        log.WriteLine($"search latency p50 {p50:F2} ms, p95 {p95:F2} ms, p99 {p99:F2} ms");
        Target(log, "search p95 ≤ 20 ms", p95 <= 20);
        Target(log, "recall@10 ≥ 99%", result.RecallAt10 >= 0.99);
        Target(log, "auto-match precision ≥ 99.9%", result.AutoMatchPrecision >= 0.999);
        Target(log, "index build ≤ 60 s", buildSeconds <= 60);

        IReadOnlyList<Figure> figures =
        [
            new("build_seconds", Math.Round(buildSeconds, 2), "s"),
            new("search_p50_ms", Math.Round(p50, 3), "ms"),
            new("search_p95_ms", Math.Round(p95, 3), "ms"),
            new("search_p99_ms", Math.Round(p99, 3), "ms"),
            new("recall_at_1", Math.Round(result.RecallAt1, 4), "fraction"),
            new("recall_at_10", Math.Round(result.RecallAt10, 4), "fraction"),
            new("auto_match_precision", Math.Round(result.AutoMatchPrecision, 5), "fraction"),
            new("baseline_recall_at_10", Math.Round(naive.RecallAt10, 4), "fraction"),
        ];
        return Task.FromResult(figures);
    }

    private static void Target(TextWriter log, string target, bool met) => log.WriteLine($"target {target}: {(met ? "met" : "NOT met")}");
}
