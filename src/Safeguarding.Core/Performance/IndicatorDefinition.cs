namespace Safeguarding.Core.Performance;

/// <summary>Which direction is good: the KPI report's "Good = High/Increasing" or "Good = Low/Decreasing".</summary>
public enum Polarity
{
    HigherIsBetter,
    LowerIsBetter,
}

public enum IndicatorFormat
{
    /// <summary>A share, held as a fraction (0.84) and shown as a whole percentage (84%).</summary>
    Percent,

    /// <summary>A number of days, shown whole.</summary>
    Days,

    /// <summary>A count of things (contacts, adoptions), shown whole with thousands separators.</summary>
    Count,

    /// <summary>A number with one decimal place (an average caseload).</summary>
    Number,

    /// <summary>Per 10,000 children in the population, shown whole.</summary>
    RatePer10000,
}

/// <summary>What a month's figure covers.</summary>
public enum PeriodRule
{
    /// <summary>Events in the calendar month.</summary>
    Month,

    /// <summary>Events in the 12 months ending with the month.</summary>
    Rolling12Months,

    /// <summary>Events from 1 April to the end of the month (the financial year to date).</summary>
    YearToDate,

    /// <summary>A stock: what was the case on the last day of the month.</summary>
    MonthEnd,

    /// <summary>The three years to the month, weighted by the number in each year (adoption's A1).</summary>
    ThreeYearAverage,
}

/// <summary>The KPI report's "comparison period" column beside the month.</summary>
public enum ComparisonRule
{
    Previous12MonthsCumulative,
    Previous12MonthsAverage,
    PreviousMonth,
    None,
}

public enum IndicatorGroup
{
    /// <summary>The 15 contract KPIs of the Children's Trust report.</summary>
    ContractKpi,

    /// <summary>Headline rates per 10,000 children, compared with published statistics.</summary>
    HeadlineRate,

    /// <summary>Volumes such as contacts received.</summary>
    Activity,
}

/// <summary>
/// One indicator's definition: the metadata the pack shows and the calculation that produces its figures.
/// Every default indicator is calculated from the records; a month with no records behind it (history from
/// before the system) takes a figure the performance team entered, shown with its source.
/// </summary>
public sealed record IndicatorDefinition(
    string Code,
    IndicatorGroup Group,
    string Name,
    string Definition,
    string NumeratorLabel,
    string? DenominatorLabel,
    Polarity Polarity,
    IndicatorFormat Format,
    PeriodRule Period,
    ComparisonRule Comparison,
    IndicatorTargetBand? DefaultTarget,
    string DefaultOwner,
    bool IsCalculated)
{
    public bool IsRatio => DenominatorLabel is not null && Format == IndicatorFormat.Percent;

    public string Url => Code.ToLowerInvariant();
}

/// <summary>A target with its tolerance band (either end may be open); null values mean "not set".</summary>
public sealed record IndicatorTargetBand(decimal? Target, decimal? ToleranceLow, decimal? ToleranceHigh);
