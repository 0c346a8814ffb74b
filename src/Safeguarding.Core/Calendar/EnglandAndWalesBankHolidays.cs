namespace Safeguarding.Core.Calendar;

/// <summary>
/// Composes the full England and Wales holiday set for 1990-2060: the GOV.UK list for the years it
/// covers, rules plus proclamations for the rest, then the partnership administrator's changes.
/// </summary>
public static class EnglandAndWalesBankHolidays
{
    /// <summary>The base set (no administrator changes) from the shipped GOV.UK list.</summary>
    public static IReadOnlyList<BankHoliday> Base() => Base(GovUkBankHolidayList.EnglandAndWales);

    /// <summary>The base set from a given GOV.UK list (a newer feed stored in the database, say).</summary>
    public static IReadOnlyList<BankHoliday> Base(IReadOnlyList<BankHoliday> govUkList)
    {
        var coveredYears = new HashSet<int>();
        foreach (var holiday in govUkList)
        {
            coveredYears.Add(holiday.Date.Year);
        }

        var result = new List<BankHoliday>(600);
        foreach (var holiday in govUkList)
        {
            if (holiday.Date.Year is >= BankHolidayRules.FirstYear and <= BankHolidayRules.LastYear)
            {
                result.Add(holiday);
            }
        }

        for (var year = BankHolidayRules.FirstYear; year <= BankHolidayRules.LastYear; year++)
        {
            if (!coveredYears.Contains(year))
            {
                result.AddRange(RuleYearWithProclamations(year));
            }
        }

        result.Sort((a, b) => a.Date.CompareTo(b.Date));
        return result;
    }

    /// <summary>The base set with the administrator's changes applied in the order they were made.</summary>
    public static IReadOnlyList<BankHoliday> WithChanges(IEnumerable<BankHolidayChange> changes) =>
        BankHolidayChange.Apply(Base(), changes);

    /// <summary>Rule-generated holidays for a year with that year's proclamations applied.</summary>
    public static IReadOnlyList<BankHoliday> RuleYearWithProclamations(int year)
    {
        var days = BankHolidayRules.ForYear(year).ToList();
        foreach (var proclamation in BankHolidayProclamations.EnglandAndWales)
        {
            if (proclamation.Date.Year != year)
            {
                continue;
            }

            if (proclamation.Replaces is { } replaced)
            {
                days.RemoveAll(d => d.Date == replaced);
            }

            days.Add(new BankHoliday(proclamation.Date, proclamation.Title, BankHolidaySource.Proclamation));
        }

        days.Sort((a, b) => a.Date.CompareTo(b.Date));
        return days;
    }
}
