using System.Globalization;

namespace Safeguarding.Core.Performance;

/// <summary>Months are held as their first day; the financial year (1 April to 31 March) is named by the year it starts.</summary>
public static class PerformanceMonths
{
    public static DateOnly StartOf(DateOnly date) => new(date.Year, date.Month, 1);

    public static DateOnly EndOf(DateOnly month) => StartOf(month).AddMonths(1).AddDays(-1);

    public static int FinancialYearOf(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;

    public static DateOnly FinancialYearStart(DateOnly date) => new(FinancialYearOf(date), 4, 1);

    /// <summary>"2020/21".</summary>
    public static string FinancialYearName(int year) => $"{year}/{(year + 1) % 100:00}";

    /// <summary>"October 2020".</summary>
    public static string Name(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>"Oct 2020", for chart axes and tables.</summary>
    public static string ShortName(DateOnly month) => month.ToString("MMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>"2020-10", the month's form in URLs and files.</summary>
    public static string Key(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static bool TryParseKey(string? key, out DateOnly month) =>
        DateOnly.TryParseExact(key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month);

    /// <summary>The months from <paramref name="first"/> to <paramref name="last"/>, inclusive.</summary>
    public static IEnumerable<DateOnly> Range(DateOnly first, DateOnly last)
    {
        for (var month = StartOf(first); month <= last; month = month.AddMonths(1))
        {
            yield return month;
        }
    }
}
