using Safeguarding.Core.Calendar;
using Safeguarding.Core.Timescales;
using static Safeguarding.Core.Tests.Calendar.TestCalendar;

namespace Safeguarding.Core.Tests.Timescales;

public class ClockEvaluatorTests
{
    private readonly ClockEvaluator _evaluator = new(EnglandAndWales);
    private static readonly TimescaleRuleSet Rules = TimescaleRuleSet.Defaults;

    private static TimescaleRule Rule(string id) => Rules.RuleFor(id, new DateOnly(2025, 1, 1));

    private static DateTimeOffset London(string date, int hour, int minute = 0) => LondonTime.At(D(date), new TimeOnly(hour, minute));

    [Fact]
    public void SeriousIncidentNotification_AwareThursdayBeforeEaster_IsDueMonday28April()
    {
        var status = _evaluator.Evaluate(Rule("LR-1"), London("2025-04-17", 15), null, false, London("2025-04-17", 16));

        Assert.Equal(D("2025-04-28"), status.DueDate);
        Assert.Equal(LondonTime.EndOfDay(D("2025-04-28")), status.DueAt);
        Assert.Equal(new DateTimeOffset(2025, 4, 28, 22, 59, 59, TimeSpan.Zero).AddTicks(9_999_999), status.DueAt);
        Assert.Equal(ClockState.Running, status.State);
        Assert.Equal(5, status.Remaining);
        Assert.Equal(ClockMarginUnit.WorkingDays, status.Unit);
        Assert.False(status.StartMoved);
    }

    [Fact]
    public void NotStarted_WhenThereIsNoStart()
    {
        var status = _evaluator.Evaluate(Rule("LR-1"), null, null, false, London("2025-04-17", 16));
        Assert.Equal(ClockState.NotStarted, status.State);
        Assert.Null(status.DueAt);
    }

    [Fact]
    public void NotRequired_WinsOverEveryOtherState()
    {
        Assert.Equal(ClockState.NotRequired, _evaluator.Evaluate(Rule("CW-5"), London("2025-04-01", 9), null, true, London("2025-06-01", 9)).State);
        Assert.Equal(ClockState.NotRequired, _evaluator.Evaluate(Rule("CW-5"), null, null, true, London("2025-06-01", 9)).State);
    }

    [Fact]
    public void WorkingDayClock_GoesRunningDueSoonDueTodayOverdue()
    {
        // LR-1 from Thu 17 Apr 2025, due Mon 28 Apr, due-soon warning 2 working days.
        var rule = Rule("LR-1");
        var start = London("2025-04-17", 15);
        ClockStatus At(string date, int hour) => _evaluator.Evaluate(rule, start, null, false, London(date, hour));

        Assert.Equal((ClockState.Running, 3.0), (At("2025-04-23", 9).State, At("2025-04-23", 9).Margin));
        Assert.Equal((ClockState.DueSoon, 2.0), (At("2025-04-24", 9).State, At("2025-04-24", 9).Margin));
        Assert.Equal((ClockState.DueSoon, 1.0), (At("2025-04-26", 9).State, At("2025-04-26", 9).Margin)); // Saturday: Monday still to come
        Assert.Equal((ClockState.DueToday, 0.0), (At("2025-04-28", 23).State, At("2025-04-28", 23).Margin));
        Assert.Equal((ClockState.Overdue, -1.0), (At("2025-04-29", 0).State, At("2025-04-29", 0).Margin));
        Assert.Equal(1, At("2025-04-29", 0).Overrun);
        Assert.Equal(5, At("2025-05-03", 9).Overrun); // Saturday counts with Tuesday 6 May (5 May is a bank holiday)
    }

    [Fact]
    public void Met_AndMetLate_ByHowMuch()
    {
        var rule = Rule("LR-1");
        var start = London("2025-04-17", 15);
        var now = London("2025-06-01", 12);

        var met = _evaluator.Evaluate(rule, start, London("2025-04-28", 23, 59), false, now);
        Assert.Equal(ClockState.Met, met.State);
        Assert.Equal(0, met.Overrun);

        var early = _evaluator.Evaluate(rule, start, London("2025-04-24", 10), false, now);
        Assert.Equal((ClockState.Met, 2.0), (early.State, early.Margin));

        var late = _evaluator.Evaluate(rule, start, London("2025-04-30", 10), false, now);
        Assert.Equal(ClockState.MetLate, late.State);
        Assert.Equal(2, late.Overrun);
    }

    [Fact]
    public void TriggerOnANonWorkingDay_CountsFromTheNextWorkingDay_AndSaysSo()
    {
        // Aware on Easter Saturday 2025: day 0 is Tue 22 Apr, due Tue 29 Apr.
        var status = _evaluator.Evaluate(Rule("LR-1"), London("2025-04-19", 11), null, false, London("2025-04-19", 12));
        Assert.True(status.StartMoved);
        Assert.Equal(D("2025-04-22"), status.Due!.Value.CountedFrom);
        Assert.Equal(D("2025-04-29"), status.DueDate);
    }

    [Fact]
    public void LateEveningUtc_CountsOnTheLondonDate()
    {
        // 23:30 UTC on Wed 16 Apr 2025 is 00:30 BST on Thu 17 Apr.
        var status = _evaluator.Evaluate(Rule("LR-1"), new DateTimeOffset(2025, 4, 16, 23, 30, 0, TimeSpan.Zero), null, false, London("2025-04-17", 9));
        Assert.Equal(D("2025-04-28"), status.DueDate);
    }

    [Fact]
    public void HourClock_AcrossTheSpringClockChange_IsElapsedHours()
    {
        var start = London("2025-03-29", 12);
        var status = _evaluator.Evaluate(Rule("FD-1"), start, null, false, start);

        Assert.Equal(start.AddHours(24), status.DueAt);
        Assert.Equal(new DateTimeOffset(2025, 3, 30, 13, 0, 0, TimeSpan.FromHours(1)), status.DueAt);
        Assert.Equal(new DateTime(2025, 3, 30, 13, 0, 0), LondonTime.ToLondon(status.DueAt!.Value).DateTime);
        Assert.Equal(24, status.Remaining);
        Assert.Equal(ClockMarginUnit.Hours, status.Unit);
    }

    [Fact]
    public void HourClock_AcrossTheAutumnClockChange_IsElapsedHours()
    {
        var start = London("2025-10-25", 12);
        var status = _evaluator.Evaluate(Rule("FD-1"), start, null, false, start);

        Assert.Equal(new DateTimeOffset(2025, 10, 26, 11, 0, 0, TimeSpan.Zero), status.DueAt);
        Assert.Equal(new DateTime(2025, 10, 26, 11, 0, 0), LondonTime.ToLondon(status.DueAt!.Value).DateTime);
        Assert.Equal(TimeSpan.Zero, LondonTime.ToLondon(status.DueAt!.Value).Offset);
    }

    [Fact]
    public void HourClock_States()
    {
        // FD-1: 24 hours, due soon at 4 hours left. Started Fri 10:00 → due Sat 10:00 (weekends count).
        var rule = Rule("FD-1");
        var start = London("2025-06-06", 10);
        ClockStatus At(string date, int hour, int minute = 0) => _evaluator.Evaluate(rule, start, null, false, London(date, hour, minute));

        Assert.Equal(ClockState.Running, At("2025-06-06", 12).State);
        Assert.Equal(22, At("2025-06-06", 12).Remaining);
        Assert.Equal(ClockState.DueToday, At("2025-06-07", 1).State);
        Assert.Equal(ClockState.Overdue, At("2025-06-07", 10, 30).State);
        Assert.Equal(0.5, At("2025-06-07", 10, 30).Overrun);

        var late = _evaluator.Evaluate(rule, start, London("2025-06-07", 13), false, London("2025-06-09", 9));
        Assert.Equal((ClockState.MetLate, 3.0), (late.State, late.Overrun));
    }

    [Fact]
    public void HourClock_DueSoon_WhenWithinTheWarningOnAnEarlierDay()
    {
        // CD-1: 48 hours, warning 12. Started Mon 20:00 → due Wed 20:00.
        var rule = Rule("CD-1");
        var start = London("2025-06-02", 20);
        Assert.Equal(ClockState.Running, _evaluator.Evaluate(rule, start, null, false, London("2025-06-03", 8)).State);
        Assert.Equal(ClockState.DueToday, _evaluator.Evaluate(rule, start, null, false, London("2025-06-04", 0, 30)).State);

        var shortRule = Rule("FD-3R"); // 4 hours, warning 1: started 20:30 → due 00:30 next day
        var lateStart = London("2025-06-02", 20, 30);
        Assert.Equal(ClockState.Running, _evaluator.Evaluate(shortRule, lateStart, null, false, London("2025-06-02", 22, 30)).State);
        Assert.Equal(ClockState.DueSoon, _evaluator.Evaluate(shortRule, lateStart, null, false, London("2025-06-02", 23, 45)).State);
        Assert.Equal(ClockState.DueToday, _evaluator.Evaluate(shortRule, lateStart, null, false, London("2025-06-03", 0, 15)).State);
    }

    [Fact]
    public void MonthClock_UsesCalendarMonthsFromTheLondonDate()
    {
        var rule = Rule("CW-7");
        var status = _evaluator.Evaluate(rule, London("2025-11-30", 10), null, false, London("2025-12-01", 9));
        Assert.Equal(D("2026-02-28"), status.DueDate);
        Assert.Equal(ClockMarginUnit.CalendarDays, status.Unit);

        var oneMonth = rule with { Duration = 1 };
        Assert.Equal(D("2024-02-29"), _evaluator.DueFor(oneMonth, London("2024-01-31", 10)).DueDate);
        Assert.Equal(D("2025-02-28"), _evaluator.DueFor(oneMonth, London("2025-01-31", 10)).DueDate);
    }

    [Fact]
    public void CalendarDayClocks_SameDayAndWeeks()
    {
        var sameDay = _evaluator.Evaluate(Rule("CW-4"), London("2025-06-07", 16), null, false, London("2025-06-07", 17));
        Assert.Equal(ClockState.DueToday, sameDay.State);
        Assert.Equal(D("2025-06-07"), sameDay.DueDate);

        var visits = _evaluator.Evaluate(Rule("PF-2"), London("2025-06-02", 10), null, false, London("2025-06-03", 10));
        Assert.Equal(D("2025-07-14"), visits.DueDate);
        Assert.Equal((ClockState.Running, 41.0), (visits.State, visits.Margin));
        Assert.Equal(ClockState.DueSoon, _evaluator.Evaluate(Rule("PF-2"), London("2025-06-02", 10), null, false, London("2025-07-08", 10)).State);
    }

    [Fact]
    public void BeforeClock_IsDueWorkingDaysBeforeTheStartEvent()
    {
        // LR-6: final report at least 7 working days before a planned publication on Mon 2 Jun 2025.
        var status = _evaluator.Evaluate(Rule("LR-6"), London("2025-06-02", 9), null, false, London("2025-05-01", 9));
        Assert.Equal(D("2025-05-21"), status.DueDate);
        Assert.Equal(ClockState.Running, status.State);
        Assert.False(status.StartMoved);
    }

    [Fact]
    public void EndOfDay_MeansTheLastTickOfTheLondonDay()
    {
        var rule = Rule("LA-1");
        var start = London("2025-07-01", 9);
        var due = _evaluator.DueFor(rule, start).DueAt;

        Assert.Equal(ClockState.Met, _evaluator.Evaluate(rule, start, due, false, due.AddDays(3)).State);
        Assert.Equal(ClockState.MetLate, _evaluator.Evaluate(rule, start, due.AddTicks(1), false, due.AddDays(3)).State);
        Assert.Equal(ClockState.DueToday, _evaluator.Evaluate(rule, start, null, false, due).State);
        Assert.Equal(ClockState.Overdue, _evaluator.Evaluate(rule, start, null, false, due.AddTicks(1)).State);
    }
}
