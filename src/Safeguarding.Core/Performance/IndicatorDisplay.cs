using System.Globalization;

namespace Safeguarding.Core.Performance;

/// <summary>How figures read on the page, in files and on forms: whole percentages, whole days, counts with separators.</summary>
public static class IndicatorDisplay
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"84%", "497 days", "1,342", "18.0", "536"; an em dash when there is no figure.</summary>
    public static string Format(IndicatorFormat format, decimal? value) => value is not { } v ? "—" : format switch
    {
        IndicatorFormat.Percent => (v * 100).ToString("N0", English) + "%",
        IndicatorFormat.Days => v.ToString("N0", English) + (Math.Round(v) == 1 ? " day" : " days"),
        IndicatorFormat.Number => v.ToString("N1", English),
        _ => v.ToString("N0", English),
    };

    public static string Format(IndicatorDefinition definition, decimal? value)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return Format(definition.Format, value);
    }

    /// <summary>A count (numerator or denominator): whole when whole, else to one decimal place (an average of counts).</summary>
    public static string Count(decimal? value) => value is not { } v ? "—" : v == Math.Round(v) ? v.ToString("N0", English) : v.ToString("N1", English);

    /// <summary>A target band: "80% (75% to 95%)", "70 (no tolerance)".</summary>
    public static string Band(IndicatorDefinition definition, IndicatorTargetBand? band)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (band?.Target is null)
        {
            return "No target";
        }

        var tolerance = band.ToleranceLow is null && band.ToleranceHigh is null
            ? "no tolerance"
            : $"tolerance {Format(definition, band.ToleranceLow)} to {Format(definition, band.ToleranceHigh)}";
        return $"{Format(definition, band.Target)} ({tolerance})";
    }

    /// <summary>The value as a person types it on a form: percentages as 0 to 100.</summary>
    public static decimal? ToInput(IndicatorDefinition definition, decimal? value)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return value is { } v && definition.Format == IndicatorFormat.Percent ? v * 100 : value;
    }

    /// <summary>A typed value in the indicator's unit: "80" or "80%" for a percentage becomes 0.8.</summary>
    public static decimal? FromInput(IndicatorDefinition definition, decimal? typed)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return typed is { } v && definition.Format == IndicatorFormat.Percent ? v / 100 : typed;
    }

    public static string Describe(ComparatorKind kind) => kind switch
    {
        ComparatorKind.StatisticalNeighbours => "Statistical neighbours",
        ComparatorKind.England => "England",
        _ => "Region",
    };

    public static string Describe(Polarity polarity) => polarity == Polarity.HigherIsBetter ? "Good is high" : "Good is low";

    public static string Describe(PeriodRule period) => period switch
    {
        PeriodRule.Month => "The month",
        PeriodRule.Rolling12Months => "Rolling 12 months",
        PeriodRule.YearToDate => "Year to date (from 1 April)",
        PeriodRule.MonthEnd => "At the end of the month",
        _ => "Three-year average",
    };

    public static string Describe(ComparisonRule comparison) => comparison switch
    {
        ComparisonRule.Previous12MonthsCumulative => "Previous 12 months, cumulative",
        ComparisonRule.Previous12MonthsAverage => "Previous 12 months, average",
        ComparisonRule.PreviousMonth => "Previous month",
        _ => "None",
    };
}
