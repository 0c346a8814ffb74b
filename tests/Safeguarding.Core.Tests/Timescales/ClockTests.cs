using Safeguarding.Core.Calendar;
using Safeguarding.Core.Timescales;
using static Safeguarding.Core.Tests.Calendar.TestCalendar;

namespace Safeguarding.Core.Tests.Timescales;

public class ClockTests
{
    private readonly ClockEvaluator _evaluator = new(EnglandAndWales);

    private static DateTimeOffset London(string date, int hour) => LondonTime.At(D(date), new TimeOnly(hour, 0));

    [Fact]
    public void Start_StoresTheRuleVersionAndDueAt()
    {
        var clock = Clock.Start(TimescaleRuleSet.Defaults, _evaluator, "LR-1", Guid.NewGuid(), "SeriousIncident", Guid.NewGuid(), London("2025-04-17", 15));

        Assert.Equal(DefaultTimescaleRules.EffectiveFrom, clock.RuleVersionEffectiveFrom);
        Assert.Equal(LondonTime.EndOfDay(D("2025-04-28")), clock.DueAt);
        Assert.Equal(ClockState.Running, clock.Evaluate(TimescaleRuleSet.Defaults, _evaluator, London("2025-04-18", 9)).State);
    }

    [Fact]
    public void CorrectStart_RecomputesDueAt_AndRepicksTheVersion()
    {
        var original = TimescaleRuleSet.Defaults.RuleFor("CW-5", D("2025-01-01"));
        var newer = original with { Duration = 10, EffectiveFrom = D("2025-06-01") };
        var rules = new TimescaleRuleSet([.. DefaultTimescaleRules.All, newer]);
        var clock = Clock.Start(rules, _evaluator, "CW-5", Guid.NewGuid(), "Section47", Guid.NewGuid(), London("2025-06-02", 10));
        Assert.Equal(newer.EffectiveFrom, clock.RuleVersionEffectiveFrom);
        Assert.Equal(LondonTime.EndOfDay(D("2025-06-16")), clock.DueAt);

        // The strategy discussion was really on Fri 30 May, before the new version took effect.
        var due = clock.CorrectStart(London("2025-05-30", 10), rules, _evaluator);

        Assert.Equal(original.EffectiveFrom, clock.RuleVersionEffectiveFrom);
        Assert.Equal(D("2025-06-20"), due.DueDate);
        Assert.Equal(LondonTime.EndOfDay(D("2025-06-20")), clock.DueAt);
    }

    [Fact]
    public void Stop_Late_KeepsTheReason()
    {
        var clock = Clock.Start(TimescaleRuleSet.Defaults, _evaluator, "LA-1", Guid.NewGuid(), "Allegation", Guid.NewGuid(), London("2025-07-01", 9));
        clock.Stop(London("2025-07-03", 9), "  LADO on leave  ");

        Assert.True(clock.IsMetLate);
        Assert.Equal("LADO on leave", clock.ReasonForLateness);
        var status = clock.Evaluate(TimescaleRuleSet.Defaults, _evaluator, London("2025-07-04", 9));
        Assert.Equal((ClockState.MetLate, 1.0), (status.State, status.Overrun));
    }
}
