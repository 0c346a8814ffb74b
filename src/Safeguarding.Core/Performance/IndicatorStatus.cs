namespace Safeguarding.Core.Performance;

public enum IndicatorStatus
{
    NotRated,
    OnTarget,
    WithinTolerance,
    OutsideTolerance,
}

/// <summary>
/// The KPI report's status rule, applied to the unrounded value: at or beyond the target in the good
/// direction is on target (however far beyond, even past the far end of the band); worse than target
/// but inside the band is within tolerance; worse and outside the band, or worse with no band, is
/// outside tolerance; no target is not rated.
/// </summary>
public static class IndicatorStatusRule
{
    public static IndicatorStatus Rate(decimal? value, IndicatorTargetBand? band, Polarity polarity)
    {
        if (value is not { } v || band?.Target is not { } target)
        {
            return IndicatorStatus.NotRated;
        }

        var better = polarity == Polarity.HigherIsBetter ? v >= target : v <= target;
        if (better)
        {
            return IndicatorStatus.OnTarget;
        }

        if (band.ToleranceLow is null && band.ToleranceHigh is null)
        {
            return IndicatorStatus.OutsideTolerance;
        }

        var low = band.ToleranceLow ?? decimal.MinValue;
        var high = band.ToleranceHigh ?? decimal.MaxValue;
        return v >= low && v <= high ? IndicatorStatus.WithinTolerance : IndicatorStatus.OutsideTolerance;
    }

    /// <summary>The words the pack uses (colour is never the only signal).</summary>
    public static string Describe(IndicatorStatus status) => status switch
    {
        IndicatorStatus.OnTarget => "On or better than target",
        IndicatorStatus.WithinTolerance => "Within tolerance",
        IndicatorStatus.OutsideTolerance => "Outside tolerance",
        _ => "Not rated",
    };
}
