using Safeguarding.Core.Calendar;
using static Safeguarding.Core.Tests.Calendar.TestCalendar;

namespace Safeguarding.Core.Tests.Calendar;

public class LondonTimeTests
{
    [Theory]
    [InlineData("2025-06-30T23:30:00Z", "2025-07-01")] // 00:30 BST next day
    [InlineData("2025-06-30T22:59:59Z", "2025-06-30")]
    [InlineData("2025-12-31T23:30:00Z", "2025-12-31")] // GMT
    [InlineData("2025-03-30T00:59:59Z", "2025-03-30")]
    [InlineData("2025-10-25T23:00:00Z", "2025-10-26")] // 00:00 BST on the day the clocks go back
    [InlineData("2065-07-01T23:30:00Z", "2065-07-02")] // outside the table: falls back to TimeZoneInfo
    public void DateOf_IsTheLondonCalendarDate(string instant, string expected) =>
        Assert.Equal(D(expected), LondonTime.DateOf(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void DateOf_AgreesWithTimeZoneInfo_EveryHourAcrossTwoYears()
    {
        var instant = new DateTimeOffset(2024, 1, 1, 0, 30, 0, TimeSpan.Zero);
        for (var i = 0; i < 2 * 366 * 24; i++, instant = instant.AddHours(1))
        {
            var expected = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, LondonTime.Zone).DateTime);
            Assert.Equal(expected, LondonTime.DateOf(instant));
        }
    }

    [Fact]
    public void EndOfDay_IsOneTickBeforeLondonMidnight()
    {
        Assert.Equal(new DateTimeOffset(2025, 7, 1, 22, 59, 59, TimeSpan.Zero).AddTicks(9_999_999), LondonTime.EndOfDay(D("2025-07-01")));
        Assert.Equal(new DateTimeOffset(2025, 12, 1, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_999), LondonTime.EndOfDay(D("2025-12-01")));
        Assert.Equal(D("2025-07-01"), LondonTime.DateOf(LondonTime.EndOfDay(D("2025-07-01"))));
        Assert.Equal(D("2025-07-02"), LondonTime.DateOf(LondonTime.EndOfDay(D("2025-07-01")).AddTicks(1)));
    }

    [Fact]
    public void At_ReadsALondonWallClockTime()
    {
        Assert.Equal(new DateTimeOffset(2025, 3, 29, 12, 0, 0, TimeSpan.Zero), LondonTime.At(D("2025-03-29"), new TimeOnly(12, 0)));
        Assert.Equal(new DateTimeOffset(2025, 7, 1, 11, 0, 0, TimeSpan.Zero), LondonTime.At(D("2025-07-01"), new TimeOnly(12, 0)));
    }
}
