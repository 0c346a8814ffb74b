using Safeguarding.Core.Performance;

namespace Safeguarding.Core.Tests.Performance;

/// <summary>The status rule on the Children's Trust's October 2020 KPI report (shared/docs/performance-indicators.md).</summary>
public sealed class IndicatorStatusRuleTests
{
    // Each KPI's October 2020 value as the report's numerator and denominator give it (unrounded), or its printed value.
    public static TheoryData<string, decimal, IndicatorStatus> October2020 => new()
    {
        { "KPI1", 1130m / 1342m, IndicatorStatus.OnTarget },
        { "KPI2", 305m / 1462m, IndicatorStatus.OnTarget },
        { "KPI3", 1066m / 1208m, IndicatorStatus.OnTarget },
        { "KPI4", 85m / 103m, IndicatorStatus.OnTarget },
        { "KPI5", 198m / 1722m, IndicatorStatus.WithinTolerance },
        { "KPI6", 616m / 829m, IndicatorStatus.OnTarget },
        { "KPI7", 48m / 1954m, IndicatorStatus.OnTarget },
        { "KPI8", 2591m / 2760m, IndicatorStatus.WithinTolerance },
        { "KPI9", 243m / 390m, IndicatorStatus.OnTarget },
        { "KPI10", 385m / 420m, IndicatorStatus.WithinTolerance },
        { "KPI11", ((81m * 478m) + (91m * 501m) + (43m * 525m)) / (81m + 91m + 43m), IndicatorStatus.OnTarget },
        { "KPI12", 12m, IndicatorStatus.OutsideTolerance },
        { "KPI13", 0.13m, IndicatorStatus.WithinTolerance },
        { "KPI14", 18m, IndicatorStatus.WithinTolerance },
        { "KPI15", 439m / 527m, IndicatorStatus.WithinTolerance },
    };

    [Theory]
    [MemberData(nameof(October2020))]
    public void October2020_IsRatedAsTheRuleSays(string code, decimal value, IndicatorStatus expected)
    {
        var definition = DefaultIndicators.Find(code)!;
        Assert.Equal(expected, IndicatorStatusRule.Rate(value, definition.DefaultTarget, definition.Polarity));
    }

    [Fact]
    public void October2020_HasEightOnTargetSixWithinToleranceAndKpi12Outside()
    {
        var statuses = October2020.Select(row => IndicatorStatusRule.Rate((decimal)row[1], DefaultIndicators.Find((string)row[0])!.DefaultTarget, DefaultIndicators.Find((string)row[0])!.Polarity)).ToList();
        Assert.Equal(8, statuses.Count(s => s == IndicatorStatus.OnTarget));
        Assert.Equal(6, statuses.Count(s => s == IndicatorStatus.WithinTolerance));
        Assert.Single(statuses, s => s == IndicatorStatus.OutsideTolerance);
        Assert.Equal(IndicatorStatus.OutsideTolerance, statuses[11]);
    }

    [Fact]
    public void TheA1AverageIsTheChildWeightedMeanOfThreeCohorts() =>
        Assert.Equal(497, (int)Math.Round(((81m * 478m) + (91m * 501m) + (43m * 525m)) / 215m));

    [Theory]
    [InlineData(0.80, IndicatorStatus.OnTarget)] // exactly on target
    [InlineData(0.99, IndicatorStatus.OnTarget)] // past the far end of the band: still on target
    [InlineData(0.7999, IndicatorStatus.WithinTolerance)] // rated unrounded: 80% shown, but below target
    [InlineData(0.75, IndicatorStatus.WithinTolerance)] // the band's near end is inside it
    [InlineData(0.7499, IndicatorStatus.OutsideTolerance)]
    public void HigherIsBetter_UsesTheTargetThenTheBand(decimal value, IndicatorStatus expected) =>
        Assert.Equal(expected, IndicatorStatusRule.Rate(value, new IndicatorTargetBand(0.80m, 0.75m, 0.95m), Polarity.HigherIsBetter));

    [Theory]
    [InlineData(0.02, IndicatorStatus.OnTarget)] // KPI 7's 2%: "exceeding both our target and tolerance"
    [InlineData(0.12, IndicatorStatus.WithinTolerance)]
    [InlineData(0.13, IndicatorStatus.WithinTolerance)]
    [InlineData(0.1301, IndicatorStatus.OutsideTolerance)]
    public void LowerIsBetter_UsesTheTargetThenTheBand(decimal value, IndicatorStatus expected) =>
        Assert.Equal(expected, IndicatorStatusRule.Rate(value, new IndicatorTargetBand(0.10m, 0.05m, 0.13m), Polarity.LowerIsBetter));

    [Fact]
    public void NoTargetOrNoValue_IsNotRated()
    {
        Assert.Equal(IndicatorStatus.NotRated, IndicatorStatusRule.Rate(0.5m, null, Polarity.HigherIsBetter));
        Assert.Equal(IndicatorStatus.NotRated, IndicatorStatusRule.Rate(0.5m, new IndicatorTargetBand(null, 0.1m, 0.9m), Polarity.HigherIsBetter));
        Assert.Equal(IndicatorStatus.NotRated, IndicatorStatusRule.Rate(null, new IndicatorTargetBand(0.5m, null, null), Polarity.HigherIsBetter));
    }

    [Fact]
    public void AnOpenEndedBand_CountsAsToleranceOnItsOpenSide() =>
        Assert.Equal(IndicatorStatus.WithinTolerance, IndicatorStatusRule.Rate(0.40m, new IndicatorTargetBand(0.80m, null, 0.90m), Polarity.HigherIsBetter));
}
