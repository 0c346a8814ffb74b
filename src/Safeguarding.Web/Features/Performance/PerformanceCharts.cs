using Safeguarding.Core.Performance;
using Safeguarding.Web.Reporting.Charts;

namespace Safeguarding.Web.Features.Performance;

/// <summary>An indicator's 24 months as chart options: the trend chart in the pack and the sparkline in the summary.</summary>
public static class PerformanceCharts
{
    public static TrendChartOptions Trend(PackIndicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var band = indicator.Band;
        return new TrendChartOptions
        {
            IdPrefix = PerformanceText.Anchor(indicator.Definition) + "-chart",
            Title = $"{indicator.Definition.Name}: the 24 months to {PerformanceMonths.Name(indicator.Current.Month)}",
            Description = "The table beside the chart gives every month's figures.",
            Points = Points(indicator),
            Format = FormatOf(indicator.Definition.Format),
            Polarity = indicator.Definition.Polarity == Polarity.HigherIsBetter ? ChartPolarity.HigherIsBetter : ChartPolarity.LowerIsBetter,
            Target = band?.Target,
            Band = band is { ToleranceLow: { } low, ToleranceHigh: { } high } ? new ToleranceBand(low, high) : null,
        };
    }

    public static SparklineOptions Sparkline(PackIndicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return new SparklineOptions { Points = Points(indicator), Format = FormatOf(indicator.Definition.Format), Target = indicator.Band?.Target };
    }

    private static List<ChartPoint> Points(PackIndicator indicator) =>
        indicator.Trend.Select(p => new ChartPoint(PerformanceMonths.ShortName(p.Month), p.Month, p.Figure.Value)).ToList();

    private static ChartFormat FormatOf(IndicatorFormat format) => format switch
    {
        IndicatorFormat.Percent => ChartFormat.Percent,
        IndicatorFormat.Days => ChartFormat.Days,
        _ => ChartFormat.Number,
    };
}
