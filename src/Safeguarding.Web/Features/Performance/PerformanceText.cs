using Safeguarding.Core.Calendar;
using Safeguarding.Core.Performance;

namespace Safeguarding.Web.Features.Performance;

/// <summary>What the performance pages share: which month is asked for, and how a status reads.</summary>
public static class PerformanceText
{
    /// <summary>Months offered in the month picker.</summary>
    public const int MonthsOffered = 36;

    /// <summary>The month asked for (yyyy-MM), else the last complete month; never a month after this one.</summary>
    public static DateOnly MonthFrom(string? key, DateTimeOffset now)
    {
        var thisMonth = PerformanceMonths.StartOf(LondonTime.DateOf(now));
        return PerformanceMonths.TryParseKey(key, out var month) && month <= thisMonth && month >= thisMonth.AddMonths(-10 * 12)
            ? month
            : thisMonth.AddMonths(-1);
    }

    /// <summary>This month and the <paramref name="count"/> - 1 before it, newest first.</summary>
    public static IReadOnlyList<DateOnly> MonthChoices(DateTimeOffset now, int count = MonthsOffered)
    {
        var thisMonth = PerformanceMonths.StartOf(LondonTime.DateOf(now));
        return Enumerable.Range(0, count).Select(i => thisMonth.AddMonths(-i)).ToList();
    }

    public static string TagClass(IndicatorStatus status) => status switch
    {
        IndicatorStatus.OnTarget => "govuk-tag--green",
        IndicatorStatus.WithinTolerance => "govuk-tag--yellow",
        IndicatorStatus.OutsideTolerance => "govuk-tag--red",
        _ => "govuk-tag--grey",
    };

    /// <summary>"8 of 12": months on target or within tolerance among the rated months of the last 12.</summary>
    public static string MonthsOnTarget(PackIndicator indicator) =>
        indicator.MonthsRated == 0 ? "Not rated" : $"{indicator.MonthsOnTargetOrWithinTolerance} of {indicator.MonthsRated}";

    public static string Anchor(IndicatorDefinition definition) => definition.Code.ToLowerInvariant();

    public static string YearOf(int year) => PerformanceMonths.FinancialYearName(year);
}
