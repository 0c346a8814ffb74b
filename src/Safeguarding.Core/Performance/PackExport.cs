using Safeguarding.Core.Reporting;

namespace Safeguarding.Core.Performance;

/// <summary>
/// The pack's figures as files: one row per indicator for the month (CSV, and the first sheet of the
/// workbook) and one row per indicator and month of the trend (the workbook's second sheet). Values are
/// in the indicator's unit (a fraction for a percentage) beside the figure as the pack shows it.
/// </summary>
public static class PackExport
{
    private static readonly XlsxColumn[] FigureColumns =
    [
        new("Code", Width: 16), new("Indicator", Width: 60), new("Month", XlsxColumnType.Date, 12), new("Numerator", XlsxColumnType.Decimal),
        new("Denominator", XlsxColumnType.Decimal), new("Value", XlsxColumnType.Decimal), new("As shown", Width: 12), new("Target", XlsxColumnType.Decimal),
        new("Tolerance low", XlsxColumnType.Decimal), new("Tolerance high", XlsxColumnType.Decimal), new("Status", Width: 26),
        new("Same month last year", XlsxColumnType.Decimal), new("Comparison period", Width: 30), new("Comparison value", XlsxColumnType.Decimal),
        new("Months on target or within tolerance (last 12)", XlsxColumnType.Integer), new("Months rated (last 12)", XlsxColumnType.Integer),
        new("Statistical neighbours", XlsxColumnType.Decimal), new("England", XlsxColumnType.Decimal), new("Region", XlsxColumnType.Decimal),
        new("Comparator sources", Width: 50), new("Owner", Width: 40), new("Source", Width: 40), new("Commentary", Width: 80),
    ];

    private static readonly XlsxColumn[] TrendColumns =
    [
        new("Code", Width: 16), new("Month", XlsxColumnType.Date, 12), new("Numerator", XlsxColumnType.Decimal), new("Denominator", XlsxColumnType.Decimal),
        new("Value", XlsxColumnType.Decimal), new("As shown", Width: 12), new("Target", XlsxColumnType.Decimal), new("Status", Width: 26),
    ];

    public static void WriteCsv(MonthlyPack pack, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(pack);
        using var csv = new CsvWriter(stream, leaveOpen: true);
        csv.WriteRow(FigureColumns.Select(c => (object?)c.Header).ToArray());
        foreach (var indicator in pack.Indicators)
        {
            csv.WriteRow(FigureRow(pack, indicator));
        }
    }

    public static void WriteWorkbook(MonthlyPack pack, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var book = new XlsxWorkbook();
        var figures = book.AddSheet($"Pack {PerformanceMonths.ShortName(pack.Month)}", FigureColumns);
        foreach (var indicator in pack.Indicators)
        {
            figures.AddRow(FigureRow(pack, indicator));
        }

        var trends = book.AddSheet("Trends, 24 months", TrendColumns);
        foreach (var indicator in pack.Indicators)
        {
            foreach (var point in indicator.Trend)
            {
                trends.AddRow(indicator.Definition.Code, point.Month, point.Figure.Numerator, point.Figure.Denominator, point.Figure.Value,
                    IndicatorDisplay.Format(indicator.Definition, point.Figure.Value), point.Band?.Target, IndicatorStatusRule.Describe(point.Status));
            }
        }

        book.Save(stream);
    }

    private static object?[] FigureRow(MonthlyPack pack, PackIndicator indicator)
    {
        var definition = indicator.Definition;
        decimal? Comparator(ComparatorKind kind) => indicator.Comparators.FirstOrDefault(c => c.Kind == kind)?.Value;
        return
        [
            definition.Code, definition.Name, pack.Month, indicator.Current.Figure.Numerator, indicator.Current.Figure.Denominator, indicator.Current.Figure.Value,
            IndicatorDisplay.Format(definition, indicator.Current.Figure.Value), indicator.Band?.Target, indicator.Band?.ToleranceLow, indicator.Band?.ToleranceHigh,
            IndicatorStatusRule.Describe(indicator.Status), indicator.SameMonthLastYear.Figure.Value,
            indicator.Comparison is null ? null : IndicatorDisplay.Describe(definition.Comparison), indicator.Comparison?.Value,
            indicator.MonthsOnTargetOrWithinTolerance, indicator.MonthsRated,
            Comparator(ComparatorKind.StatisticalNeighbours), Comparator(ComparatorKind.England), Comparator(ComparatorKind.Region),
            string.Join("; ", indicator.Comparators.Select(c => $"{IndicatorDisplay.Describe(c.Kind)} {PerformanceMonths.FinancialYearName(c.Year)}: {c.Source}")),
            indicator.Owner, indicator.FigureSource ?? (definition.IsCalculated ? "Calculated from records" : null), indicator.Commentary?.Text,
        ];
    }
}
