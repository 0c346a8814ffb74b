using Safeguarding.Core.Calendar;
using static Safeguarding.Core.Tests.Calendar.TestCalendar;

namespace Safeguarding.Core.Tests.Calendar;

public class BankHolidayChangeTests
{
    private static readonly DateOnly Today = D("2026-11-24");
    private static readonly IReadOnlySet<DateOnly> Current = EnglandAndWalesBankHolidays.Base().Select(h => h.Date).ToHashSet();

    private static BankHolidayChange Change(BankHolidayChangeKind kind, string date, string? movedTo = null, int minutes = 0) => new()
    {
        Id = Guid.NewGuid(),
        PartnershipId = Guid.NewGuid(),
        Kind = kind,
        Date = D(date),
        MovedTo = movedTo is null ? null : D(movedTo),
        Title = "Test bank holiday",
        Reason = "Royal proclamation",
        CreatedAt = new DateTimeOffset(2026, 11, 24, 9, minutes, 0, TimeSpan.Zero),
        CreatedBy = Guid.NewGuid(),
    };

    [Fact]
    public void RemovingAPastDay_IsRefused()
    {
        var errors = Change(BankHolidayChangeKind.Remove, "2025-12-25").Validate(Today, Current);
        Assert.Contains(errors, e => e.Contains("Only a future bank holiday can be removed", StringComparison.Ordinal));
    }

    [Fact]
    public void MovingAPastDay_IsRefused()
    {
        var errors = Change(BankHolidayChangeKind.Move, "2026-08-31", "2026-09-01").Validate(Today, Current);
        Assert.Contains(errors, e => e.Contains("Only a future bank holiday can be moved", StringComparison.Ordinal));
    }

    [Fact]
    public void RemovingTodaysHoliday_IsRefused()
    {
        var errors = Change(BankHolidayChangeKind.Remove, "2026-12-25").Validate(D("2026-12-25"), Current);
        Assert.NotEmpty(errors);
    }

    [Fact]
    public void RemovingAFutureDayThatIsNotAHoliday_IsRefused()
    {
        var errors = Change(BankHolidayChangeKind.Remove, "2027-02-03").Validate(Today, Current);
        Assert.Equal(["Wed 3 Feb 2027 is not a bank holiday"], errors);
    }

    [Fact]
    public void MovingAFutureDay_IsValid_AndMovesIt()
    {
        var move = Change(BankHolidayChangeKind.Move, "2027-05-31", "2027-06-03");
        Assert.Empty(move.Validate(Today, Current));

        var calendar = WorkingDayCalendar.EnglandAndWales([move]);
        Assert.True(calendar.IsWorkingDay(D("2027-05-31")));
        Assert.False(calendar.IsWorkingDay(D("2027-06-03")));
        Assert.Equal("Test bank holiday", calendar.HolidayTitle(D("2027-06-03")));
    }

    [Fact]
    public void MovingOntoAWeekendOrAnExistingHoliday_IsRefused()
    {
        Assert.NotEmpty(Change(BankHolidayChangeKind.Move, "2027-05-31", "2027-06-05").Validate(Today, Current));
        Assert.NotEmpty(Change(BankHolidayChangeKind.Move, "2027-05-31", "2027-08-30").Validate(Today, Current));
        Assert.NotEmpty(Change(BankHolidayChangeKind.Move, "2027-05-31").Validate(Today, Current));
    }

    [Fact]
    public void AddingAnExtraDay_MakesItANonWorkingDay()
    {
        var add = Change(BankHolidayChangeKind.Add, "2027-06-04");
        Assert.Empty(add.Validate(Today, Current));

        var holidays = BankHolidayChange.Apply(EnglandAndWalesBankHolidays.Base(), [add]);
        Assert.Contains(holidays, h => h.Date == D("2027-06-04") && h.Source == BankHolidaySource.Administrator);
    }

    [Fact]
    public void AddingAnExistingHoliday_OrWithoutAReason_IsRefused()
    {
        Assert.NotEmpty(Change(BankHolidayChangeKind.Add, "2027-12-27").Validate(Today, Current));
        var noReason = Change(BankHolidayChangeKind.Add, "2027-06-04");
        noReason.Reason = " ";
        Assert.Equal(["Enter the reason for the change"], noReason.Validate(Today, Current));
    }

    [Fact]
    public void RemovingAFutureDay_IsValid_AndApplyIsPure()
    {
        var remove = Change(BankHolidayChangeKind.Remove, "2027-08-30");
        Assert.Empty(remove.Validate(Today, Current));

        var baseSet = EnglandAndWalesBankHolidays.Base();
        var before = baseSet.Count;
        var after = BankHolidayChange.Apply(baseSet, [remove]);

        Assert.Equal(before, baseSet.Count);
        Assert.Equal(before - 1, after.Count);
        Assert.DoesNotContain(after, h => h.Date == D("2027-08-30"));
    }

    [Fact]
    public void Changes_ApplyInTheOrderTheyWereMade()
    {
        // Added, then removed again: the later change wins whatever order the list is in.
        var add = Change(BankHolidayChangeKind.Add, "2027-06-04", minutes: 1);
        var remove = Change(BankHolidayChangeKind.Remove, "2027-06-04", minutes: 2);
        var holidays = BankHolidayChange.Apply(EnglandAndWalesBankHolidays.Base(), [remove, add]);
        Assert.DoesNotContain(holidays, h => h.Date == D("2027-06-04"));
    }
}
