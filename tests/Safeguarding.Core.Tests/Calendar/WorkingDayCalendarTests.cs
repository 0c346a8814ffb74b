using Safeguarding.Core.Calendar;
using static Safeguarding.Core.Tests.Calendar.TestCalendar;

namespace Safeguarding.Core.Tests.Calendar;

public class WorkingDayCalendarTests
{
    private readonly WorkingDayCalendar _calendar = EnglandAndWales;

    [Theory]
    [InlineData("2025-04-17", 5, "2025-04-28")]  // aware on the Thursday before Easter
    [InlineData("2025-04-28", 15, "2025-05-20")] // across the early May and spring bank holidays
    [InlineData("2025-12-19", 5, "2025-12-30")]  // across Christmas
    [InlineData("2025-12-22", 15, "2026-01-15")] // across Christmas and New Year
    public void AddWorkingDays_MatchesTheWorkedExamples(string start, int n, string expected)
    {
        var result = _calendar.AddWorkingDaysExplained(D(start), n);

        Assert.Equal(D(expected), result.Result);
        Assert.False(result.StartMoved);
        Assert.Equal(n, _calendar.WorkingDaysBetween(D(start), D(expected)));
    }

    [Theory]
    [InlineData("2025-12-25", false)]
    [InlineData("2025-12-26", false)]
    [InlineData("2025-04-18", false)] // Good Friday
    [InlineData("2025-04-21", false)] // Easter Monday
    [InlineData("2025-04-19", false)] // Saturday
    [InlineData("2025-04-22", true)]
    [InlineData("2020-05-04", true)]  // moved for VE Day
    [InlineData("2020-05-08", false)]
    [InlineData("2022-09-19", false)] // state funeral
    [InlineData("2045-12-25", false)] // beyond the GOV.UK list: by rule
    public void IsWorkingDay_KnowsWeekendsAndBankHolidays(string date, bool expected) =>
        Assert.Equal(expected, _calendar.IsWorkingDay(D(date)));

    [Fact]
    public void TriggerOnANonWorkingDay_CountsFromTheNextWorkingDay()
    {
        // Saturday before Easter Monday: day 0 becomes Tue 22 Apr 2025.
        var result = _calendar.AddWorkingDaysExplained(D("2025-04-19"), 5);

        Assert.True(result.StartMoved);
        Assert.Equal(D("2025-04-22"), result.CountedFrom);
        Assert.Equal(D("2025-04-29"), result.Result);
    }

    [Fact]
    public void ZeroWorkingDays_IsTheSameDayOrTheNextWorkingDay()
    {
        Assert.Equal(D("2025-04-17"), _calendar.AddWorkingDays(D("2025-04-17"), 0));
        Assert.Equal(D("2025-04-22"), _calendar.AddWorkingDays(D("2025-04-18"), 0));
    }

    [Theory]
    [InlineData("2025-05-20", -15, "2025-04-28")]
    [InlineData("2025-04-28", -1, "2025-04-25")]
    [InlineData("2025-04-21", -1, "2025-04-17")] // Easter Monday: Thursday is 1 working day before
    [InlineData("2025-06-14", -7, "2025-06-05")] // Saturday publication: Fri 13 is 1 before
    public void NegativeN_IsTheNthWorkingDayBefore(string start, int n, string expected)
    {
        var result = _calendar.AddWorkingDaysExplained(D(start), n);
        Assert.Equal(D(expected), result.Result);
        Assert.False(result.StartMoved);
    }

    [Fact]
    public void WorkingDaysBetween_CountsDaysAfterFromUpToAndIncludingTo()
    {
        Assert.Equal(5, _calendar.WorkingDaysBetween(D("2025-04-17"), D("2025-04-28")));
        Assert.Equal(-5, _calendar.WorkingDaysBetween(D("2025-04-28"), D("2025-04-17")));
        Assert.Equal(0, _calendar.WorkingDaysBetween(D("2025-04-17"), D("2025-04-17")));
        Assert.Equal(0, _calendar.WorkingDaysBetween(D("2025-12-24"), D("2025-12-28")));
    }

    [Fact]
    public void NextWorkingDay_IsStrictlyAfter()
    {
        Assert.Equal(D("2025-04-22"), _calendar.NextWorkingDay(D("2025-04-17")));
        Assert.Equal(D("2025-04-23"), _calendar.NextWorkingDay(D("2025-04-22")));
        Assert.Equal(D("2026-01-02"), _calendar.NextWorkingDay(D("2025-12-31")));
    }

    [Fact]
    public void DatesOutsideTheTable_AreRejectedWithTheRange()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.IsWorkingDay(D("1989-12-31")));
        Assert.Contains("1990-01-01 to 2060-12-31", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.AddWorkingDays(D("2060-12-20"), 30));
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.AddWorkingDays(D("1990-01-03"), -5));
    }

    [Fact]
    public void HolidayTitle_NamesTheDay()
    {
        Assert.Equal("Christmas Day", _calendar.HolidayTitle(D("2025-12-25")));
        Assert.Null(_calendar.HolidayTitle(D("2025-12-24")));
    }

    [Fact]
    public void FromDates_BuildsACalendarFromAnySet()
    {
        var calendar = WorkingDayCalendar.FromDates([D("2025-04-16")]);
        Assert.False(calendar.IsWorkingDay(D("2025-04-16")));
        Assert.True(calendar.IsWorkingDay(D("2025-04-18"))); // not a holiday in this calendar
    }
}
