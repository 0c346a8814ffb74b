using Safeguarding.Core.Calendar;
using static Safeguarding.Core.Tests.Calendar.TestCalendar;

namespace Safeguarding.Core.Tests.Calendar;

public class BankHolidayListTests
{
    private static readonly IReadOnlyList<BankHoliday> GovUk = GovUkBankHolidayList.EnglandAndWales;

    [Fact]
    public void EmbeddedList_LoadsEnglandAndWales2012To2028()
    {
        Assert.Equal(140, GovUk.Count);
        Assert.Equal(D("2012-01-02"), GovUk[0].Date);
        Assert.Equal(D("2028-12-26"), GovUk[^1].Date);
        Assert.Equal(2012, GovUkBankHolidayList.FirstYear);
        Assert.Equal(2028, GovUkBankHolidayList.LastYear);
    }

    [Fact]
    public void GovUkList_DiffersFromRulesExactlyByTheProclamations()
    {
        var years = Enumerable.Range(GovUkBankHolidayList.FirstYear, GovUkBankHolidayList.LastYear - GovUkBankHolidayList.FirstYear + 1).ToList();
        var listed = GovUk.Select(h => h.Date).ToHashSet();
        var ruled = years.SelectMany(BankHolidayRules.ForYear).Select(h => h.Date).ToHashSet();
        var proclamations = BankHolidayProclamations.EnglandAndWales.Where(p => years.Contains(p.Date.Year)).ToList();

        var onlyInList = listed.Except(ruled).Order().ToList();
        var onlyInRules = ruled.Except(listed).Order().ToList();

        Assert.Equal(proclamations.Select(p => p.Date).Except(ruled).Order(), onlyInList);
        Assert.Equal(proclamations.Where(p => p.Replaces is not null).Select(p => p.Replaces!.Value).Order(), onlyInRules);
    }

    [Fact]
    public void GovUkList_EqualsRulesWithProclamations_ForEveryYearItCovers()
    {
        for (var year = GovUkBankHolidayList.FirstYear; year <= GovUkBankHolidayList.LastYear; year++)
        {
            var listed = GovUk.Where(h => h.Date.Year == year).Select(h => h.Date);
            var generated = EnglandAndWalesBankHolidays.RuleYearWithProclamations(year).Select(h => h.Date);
            Assert.Equal(generated, listed);
        }
    }

    [Fact]
    public void GovUkList_From2026_AgreesWithTheRules()
    {
        for (var year = 2026; year <= GovUkBankHolidayList.LastYear; year++)
        {
            Assert.Equal(
                BankHolidayRules.ForYear(year).Select(h => (h.Date, h.Title)),
                GovUk.Where(h => h.Date.Year == year).Select(h => (h.Date, h.Title)));
        }
    }

    [Theory]
    [InlineData(1990, "1990-04-15")]
    [InlineData(2000, "2000-04-23")]
    [InlineData(2008, "2008-03-23")]
    [InlineData(2011, "2011-04-24")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2049, "2049-04-18")]
    [InlineData(2057, "2057-04-22")]
    public void EasterSunday_MatchesPublishedDates(int year, string easter) =>
        Assert.Equal(D(easter), BankHolidayRules.EasterSunday(year));

    [Theory]
    // Christmas on Saturday: Christmas substitute Mon 27, Boxing substitute Tue 28.
    [InlineData(2021, "2021-12-27", "2021-12-28")]
    [InlineData(2032, "2032-12-27", "2032-12-28")]
    // Christmas on Sunday: Boxing Day Mon 26, Christmas substitute Tue 27.
    [InlineData(2016, "2016-12-26", "2016-12-27")]
    [InlineData(2033, "2033-12-26", "2033-12-27")]
    // Boxing Day on Saturday: Christmas Fri 25, Boxing substitute Mon 28.
    [InlineData(2020, "2020-12-25", "2020-12-28")]
    [InlineData(2026, "2026-12-25", "2026-12-28")]
    // Ordinary weekday Christmas.
    [InlineData(2025, "2025-12-25", "2025-12-26")]
    public void ChristmasAndBoxingDay_UseSubstituteDays(int year, string first, string second)
    {
        var december = BankHolidayRules.ForYear(year).Where(h => h.Date.Month == 12).Select(h => h.Date).Order();
        Assert.Equal([D(first), D(second)], december);
    }

    [Theory]
    [InlineData(2022, "2022-01-03")] // Saturday
    [InlineData(2017, "2017-01-02")] // Sunday
    [InlineData(2000, "2000-01-03")] // Saturday
    [InlineData(2025, "2025-01-01")]
    public void NewYearsDay_MovesToMondayFromAWeekend(int year, string expected) =>
        Assert.Equal(D(expected), BankHolidayRules.ForYear(year)[0].Date);

    [Fact]
    public void Base_CoversEveryYearFrom1990To2060_WithTheProclamations()
    {
        var all = EnglandAndWalesBankHolidays.Base();
        var dates = all.Select(h => h.Date).ToHashSet();
        for (var year = 1990; year <= 2060; year++)
        {
            Assert.InRange(all.Count(h => h.Date.Year == year), 8, 10);
        }

        Assert.Contains(D("1995-05-08"), dates);
        Assert.DoesNotContain(D("1995-05-01"), dates);
        Assert.Contains(D("1999-12-31"), dates);
        Assert.Contains(D("2002-06-03"), dates);
        Assert.Contains(D("2002-06-04"), dates);
        Assert.DoesNotContain(D("2002-05-27"), dates);
        Assert.Contains(D("2011-04-29"), dates);
        Assert.Contains(D("2023-05-08"), dates);
        Assert.Contains(D("2060-12-27"), dates); // Christmas 2060 is a Saturday
        Assert.Equal(all.Count, dates.Count);
    }

    [Fact]
    public void Proclamations_AreDataWithTheMovedDaysNamed()
    {
        var moved = BankHolidayProclamations.EnglandAndWales.Where(p => p.Replaces is not null).Select(p => (p.Replaces!.Value, p.Date));
        Assert.Equal(
            [(D("1995-05-01"), D("1995-05-08")), (D("2002-05-27"), D("2002-06-04")), (D("2012-05-28"), D("2012-06-04")),
             (D("2020-05-04"), D("2020-05-08")), (D("2022-05-30"), D("2022-06-02"))],
            moved);
    }
}
