namespace Safeguarding.Core.Children.Matching;

public enum DateOfBirthAgreement
{
    Missing,
    Same,

    /// <summary>Day and month the wrong way round (a US-style or mistyped entry).</summary>
    DayMonthSwapped,

    /// <summary>One digit different in dd/mm/yyyy: a typing slip.</summary>
    OneDigitOff,

    /// <summary>Same day and month, year one out.</summary>
    YearOffByOne,

    /// <summary>Within a few days: a late registration or a slip of the calendar.</summary>
    WithinDays,

    /// <summary>An expected date of birth and a birth date within the usual spread of births around it.</summary>
    NearExpectedDate,
    Different,
}

/// <summary>Kinds of partial agreement between two dates of birth, most likely explanation first.</summary>
public static class DateOfBirthComparison
{
    /// <summary>Babies are born up to about three weeks before or two weeks after the due date; allow six weeks either way.</summary>
    public const int ExpectedDateToleranceDays = 42;
    private const int WithinDaysTolerance = 3;

    public static DateOfBirthAgreement Compare(DateOnly? a, DateOnly? b)
    {
        if (a is not { } x || b is not { } y)
        {
            return DateOfBirthAgreement.Missing;
        }

        if (x == y)
        {
            return DateOfBirthAgreement.Same;
        }

        if (x.Year == y.Year && x.Day == y.Month && x.Month == y.Day)
        {
            return DateOfBirthAgreement.DayMonthSwapped;
        }

        // Year first: 2015 → 2016 is also one digit, but "year one out" is the better explanation.
        if (x.Month == y.Month && x.Day == y.Day && Math.Abs(x.Year - y.Year) == 1)
        {
            return DateOfBirthAgreement.YearOffByOne;
        }

        if (DigitsDiffer(x, y) == 1)
        {
            return DateOfBirthAgreement.OneDigitOff;
        }

        return Math.Abs(x.DayNumber - y.DayNumber) <= WithinDaysTolerance ? DateOfBirthAgreement.WithinDays : DateOfBirthAgreement.Different;
    }

    /// <summary>Compares where either side may only have an expected date of birth (an unborn or new-born child).</summary>
    public static DateOfBirthAgreement CompareWithExpected(DateOnly? dobA, DateOnly? expectedA, DateOnly? dobB, DateOnly? expectedB)
    {
        var direct = Compare(dobA, dobB);
        if (direct != DateOfBirthAgreement.Missing)
        {
            return direct;
        }

        var a = dobA ?? expectedA;
        var b = dobB ?? expectedB;
        if (a is not { } x || b is not { } y)
        {
            return DateOfBirthAgreement.Missing;
        }

        return Math.Abs(x.DayNumber - y.DayNumber) <= ExpectedDateToleranceDays ? DateOfBirthAgreement.NearExpectedDate : DateOfBirthAgreement.Different;
    }

    private static int DigitsDiffer(DateOnly x, DateOnly y)
    {
        Span<char> a = stackalloc char[8];
        Span<char> b = stackalloc char[8];
        Write(x, a);
        Write(y, b);
        var differ = 0;
        for (var i = 0; i < 8; i++)
        {
            differ += a[i] != b[i] ? 1 : 0;
        }

        return differ;
    }

    private static void Write(DateOnly date, Span<char> into)
    {
        var value = (date.Day * 1_000_000) + (date.Month * 10_000) + date.Year;
        for (var i = 7; i >= 0; i--)
        {
            into[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    public static string Describe(DateOfBirthAgreement agreement) => agreement switch
    {
        DateOfBirthAgreement.Same => "Date of birth: agrees",
        DateOfBirthAgreement.DayMonthSwapped => "Date of birth: day and month swapped",
        DateOfBirthAgreement.OneDigitOff => "Date of birth: one digit different",
        DateOfBirthAgreement.YearOffByOne => "Date of birth: year one out",
        DateOfBirthAgreement.WithinDays => "Date of birth: within a few days",
        DateOfBirthAgreement.NearExpectedDate => "Date of birth: near the expected date of birth",
        DateOfBirthAgreement.Different => "Date of birth: different",
        _ => "Date of birth: not given",
    };
}
