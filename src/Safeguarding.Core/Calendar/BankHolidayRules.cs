namespace Safeguarding.Core.Calendar;

/// <summary>
/// The standing pattern of England and Wales bank holidays (Banking and Financial Dealings Act 1971
/// plus the royal proclamations that have repeated every year since 1978). Used for years the GOV.UK
/// list does not cover; one-off proclamations live in <see cref="BankHolidayProclamations"/>.
/// </summary>
public static class BankHolidayRules
{
    public const int FirstYear = 1990;
    public const int LastYear = 2060;

    /// <summary>Rule-generated holidays for one year, in date order, without one-off proclamations.</summary>
    public static IReadOnlyList<BankHoliday> ForYear(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, LastYear);

        var easter = EasterSunday(year);
        var list = new List<BankHoliday>(8)
        {
            Make(NewYearsDay(year), "New Year’s Day"),
            Make(easter.AddDays(-2), "Good Friday"),
            Make(easter.AddDays(1), "Easter Monday"),
            Make(FirstMonday(year, 5), "Early May bank holiday"),
            Make(LastMonday(year, 5), "Spring bank holiday"),
            Make(LastMonday(year, 8), "Summer bank holiday"),
        };

        var christmas = new DateOnly(year, 12, 25);
        switch (christmas.DayOfWeek)
        {
            case DayOfWeek.Saturday:
                list.Add(Make(new DateOnly(year, 12, 27), "Christmas Day"));
                list.Add(Make(new DateOnly(year, 12, 28), "Boxing Day"));
                break;
            case DayOfWeek.Sunday:
                // Boxing Day keeps Monday 26th; Christmas Day's substitute follows it.
                list.Add(Make(new DateOnly(year, 12, 26), "Boxing Day"));
                list.Add(Make(new DateOnly(year, 12, 27), "Christmas Day"));
                break;
            case DayOfWeek.Friday:
                list.Add(Make(christmas, "Christmas Day"));
                list.Add(Make(new DateOnly(year, 12, 28), "Boxing Day"));
                break;
            default:
                list.Add(Make(christmas, "Christmas Day"));
                list.Add(Make(new DateOnly(year, 12, 26), "Boxing Day"));
                break;
        }

        return list;
    }

    /// <summary>Easter Sunday by the Gregorian computus (anonymous algorithm, Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly NewYearsDay(int year)
    {
        var day = new DateOnly(year, 1, 1);
        return day.DayOfWeek switch
        {
            DayOfWeek.Saturday => day.AddDays(2),
            DayOfWeek.Sunday => day.AddDays(1),
            _ => day,
        };
    }

    private static DateOnly FirstMonday(int year, int month)
    {
        var day = new DateOnly(year, month, 1);
        return day.AddDays(((int)DayOfWeek.Monday - (int)day.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var day = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return day.AddDays(-(((int)day.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }

    private static BankHoliday Make(DateOnly date, string title) => new(date, title, BankHolidaySource.Rule);
}
