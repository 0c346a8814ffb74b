using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Safeguarding.Core.Calendar;

namespace Safeguarding.Core.Tests.Calendar;

public class WorkingDayPropertyTests
{
    private static readonly WorkingDayCalendar Calendar = TestCalendar.EnglandAndWales;

    // Starts from 1992 to 2058 so +-400 working days (about 19 months) stays inside the table.
    private static readonly Arbitrary<DateOnly> Dates =
        Gen.Choose(new DateOnly(1992, 1, 1).DayNumber, new DateOnly(2058, 12, 31).DayNumber).Select(DateOnly.FromDayNumber).ToArbitrary();

    private static readonly Arbitrary<int> Counts = Gen.Choose(-400, 400).ToArbitrary();

    [Property(MaxTest = 2000)]
    public Property AddingThenCounting_RoundTrips() =>
        Prop.ForAll(Dates, Counts, (start, n) =>
        {
            var day0 = Calendar.WorkingDayOnOrAfter(start);
            var result = Calendar.AddWorkingDays(start, n);
            return n >= 0
                ? Calendar.WorkingDaysBetween(day0, result) == n
                : Calendar.WorkingDaysBetween(result, start) == -n - (Calendar.IsWorkingDay(start) ? 0 : 1); // a non-working start is not itself counted
        });

    [Property(MaxTest = 2000)]
    public Property Result_IsNeverANonWorkingDay() =>
        Prop.ForAll(Dates, Counts, (start, n) => Calendar.IsWorkingDay(Calendar.AddWorkingDays(start, n)));

    [Property(MaxTest = 2000)]
    public Property Adding_IsMonotonicInN() =>
        Prop.ForAll(Dates, Counts, (start, n) => Calendar.AddWorkingDays(start, n) < Calendar.AddWorkingDays(start, n + 1));

    [Property(MaxTest = 2000)]
    public Property Adding_IsMonotonicInTheStart() =>
        Prop.ForAll(Dates, Counts, (start, n) => Calendar.AddWorkingDays(start, n) <= Calendar.AddWorkingDays(start.AddDays(1), n));

    [Property(MaxTest = 2000)]
    public Property PositiveCounts_LandAfterTheStart_NegativeBefore() =>
        Prop.ForAll(Dates, Counts, (start, n) =>
            n > 0 ? Calendar.AddWorkingDays(start, n) > start
            : n < 0 ? Calendar.AddWorkingDays(start, n) < start
            : Calendar.AddWorkingDays(start, n) >= start);

    [Property(MaxTest = 2000)]
    public Property AgreesWithDayByDayCounting() =>
        Prop.ForAll(Dates, Gen.Choose(0, 60).ToArbitrary(), (start, n) =>
        {
            var day = start;
            while (!Calendar.IsWorkingDay(day))
            {
                day = day.AddDays(1);
            }

            for (var counted = 0; counted < n;)
            {
                day = day.AddDays(1);
                if (Calendar.IsWorkingDay(day))
                {
                    counted++;
                }
            }

            return Calendar.AddWorkingDays(start, n) == day;
        });
}
