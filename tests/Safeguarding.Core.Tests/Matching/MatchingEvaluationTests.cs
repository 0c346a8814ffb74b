using Safeguarding.Core.Children.Matching;
using Safeguarding.SyntheticData;
using Safeguarding.SyntheticData.MatchingEvaluation;

namespace Safeguarding.Core.Tests.Matching;

public sealed class MatchingEvaluationTests
{
    [Fact]
    public void EvaluationSet_IsDeterministic_AndCoversTheErrorKinds()
    {
        var city = CityGenerator.Generate(new CitySpec { Children = 1_000, Seed = 7 });
        var a = MatchingEvaluationSet.Generate(city, 500, 11);
        var b = MatchingEvaluationSet.Generate(city, 500, 11);

        Assert.Equal(a.Select(q => q.Query), b.Select(q => q.Query));
        Assert.Equal(a.Select(q => q.TruthId), b.Select(q => q.TruthId));
        var kinds = a.SelectMany(q => q.Errors).ToHashSet();
        Assert.Contains(ReferralError.DayMonthSwapped, kinds);
        Assert.Contains(ReferralError.MovedAddress, kinds);
        Assert.Contains(ReferralError.NotInIndexTwin, kinds);
    }

    /// <summary>
    /// Smoke thresholds only (recall@10 ≥ 0.95, automatic-match precision ≥ 0.99 on a 3,000-child city);
    /// the matching benchmark measures the real targets at 1,000,000 people.
    /// </summary>
    [Fact]
    public void SmallCity_RecallAndAutomaticPrecision_SmokeThresholds()
    {
        var city = CityGenerator.Generate(new CitySpec { Children = 3_000, Seed = 3 });
        var index = PersonIndex.Build(city.People);
        var queries = MatchingEvaluationSet.Generate(city, 1_500, 5);

        var result = MatchingEvaluator.Evaluate(queries, MatchingEvaluator.Using(new PersonMatcher(index)));
        var baseline = MatchingEvaluator.Evaluate(queries, new ExactMatchBaseline(city.People.Select(MatchRecord.From)).Find);

        Assert.True(result.RecallAt10 >= 0.95, $"recall@10 {result.RecallAt10:P2}");
        Assert.True(result.AutoMatchPrecision >= 0.99, $"automatic-match precision {result.AutoMatchPrecision:P2} ({result.WrongAutomatic.Count} wrong)");
        Assert.True(result.RecallAt10 > baseline.RecallAt10);
    }
}
