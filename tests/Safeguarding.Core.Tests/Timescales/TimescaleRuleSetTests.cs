using Safeguarding.Core.Calendar;
using Safeguarding.Core.Timescales;
using static Safeguarding.Core.Tests.Calendar.TestCalendar;

namespace Safeguarding.Core.Tests.Timescales;

public class TimescaleRuleSetTests
{
    private static readonly string[] TableIds =
    [
        "FD-1", "FD-2", "FD-3R", "FD-3A", "FD-3G", "CW-1", "CW-2", "CW-3", "CW-4", "CW-5", "CW-6", "CW-7", "CW-8", "CW-9", "CW-10",
        "CW-11", "CW-12", "LR-1", "LR-2", "LR-3", "LR-4", "LR-5", "LR-6", "LR-7", "CD-1", "LA-1", "PF-1", "PF-2", "PF-3",
    ];

    [Fact]
    public void Defaults_SeedEveryClockInTheTable()
    {
        Assert.Equal(TableIds.Order(), DefaultTimescaleRules.All.Select(r => r.Id).Order());
        Assert.All(DefaultTimescaleRules.All, r => Assert.True(r.DueSoonWarning >= 0));
        Assert.All(DefaultTimescaleRules.All.Where(r => r.NextRuleId is not null), r => Assert.Contains(r.NextRuleId, TableIds));
    }

    [Theory]
    [InlineData("FD-1", 24, TimescaleUnit.Hours)]
    [InlineData("FD-3R", 4, TimescaleUnit.Hours)]
    [InlineData("FD-3A", 1, TimescaleUnit.WorkingDays)]
    [InlineData("FD-3G", 3, TimescaleUnit.WorkingDays)]
    [InlineData("CW-1", 45, TimescaleUnit.WorkingDays)]
    [InlineData("CW-5", 15, TimescaleUnit.WorkingDays)]
    [InlineData("CW-8", 6, TimescaleUnit.Months)]
    [InlineData("CW-12", 72, TimescaleUnit.Hours)]
    [InlineData("LR-1", 5, TimescaleUnit.WorkingDays)]
    [InlineData("LR-6", -7, TimescaleUnit.WorkingDays)]
    [InlineData("LR-7", 12, TimescaleUnit.Months)]
    [InlineData("CD-1", 48, TimescaleUnit.Hours)]
    [InlineData("PF-3", 12, TimescaleUnit.Weeks)]
    public void Defaults_HaveTheTableLimits(string id, int duration, TimescaleUnit unit)
    {
        var rule = TimescaleRuleSet.Defaults.RuleFor(id, D("2025-01-01"));
        Assert.Equal((duration, unit), (rule.Duration, rule.Unit));
    }

    [Fact]
    public void Fd3Variants_ShareAFamily()
    {
        var variants = DefaultTimescaleRules.All.Where(r => r.VariantOf == "FD-3").Select(r => r.Variant);
        Assert.Equal(["Red", "Amber", "Green"], variants);
    }

    [Fact]
    public void ClockUsesTheVersionInForceWhenItStarted()
    {
        var original = TimescaleRuleSet.Defaults.RuleFor("CW-1", D("2025-01-01"));
        var shorter = original with { Duration = 40, EffectiveFrom = D("2026-04-01") };
        var rules = new TimescaleRuleSet([.. DefaultTimescaleRules.All, shorter]);
        var evaluator = new ClockEvaluator(EnglandAndWales);

        Assert.Same(original, rules.RuleFor("CW-1", D("2026-03-31")));
        Assert.Same(shorter, rules.RuleFor("CW-1", D("2026-04-01")));
        Assert.Same(shorter, rules.RuleFor("CW-1", LondonTime.At(D("2026-04-01"), new TimeOnly(0, 30))));
        Assert.Same(original, rules.RuleFor("CW-1", new DateTimeOffset(2026, 3, 31, 22, 30, 0, TimeSpan.Zero))); // 23:30 BST on 31 Mar

        Assert.Equal(2, rules.Versions("CW-1").Count);
        Assert.Equal(40, rules.InForceOn(D("2026-05-01")).Single(r => r.Id == "CW-1").Duration);
        Assert.Equal(
            evaluator.DueFor(original, LondonTime.At(D("2026-03-31"), new TimeOnly(9, 0))).DueDate,
            evaluator.DueFor(rules.RuleFor("CW-1", D("2026-03-31")), LondonTime.At(D("2026-03-31"), new TimeOnly(9, 0))).DueDate);
    }

    [Fact]
    public void NoVersionInForce_OrDuplicateVersions_AreErrors()
    {
        var rule = TimescaleRuleSet.Defaults.RuleFor("LR-1", D("2025-01-01"));
        Assert.Throws<KeyNotFoundException>(() => TimescaleRuleSet.Defaults.RuleFor("LR-1", D("1989-12-31")));
        Assert.Throws<KeyNotFoundException>(() => TimescaleRuleSet.Defaults.RuleFor("XX-9", D("2025-01-01")));
        Assert.Throws<ArgumentException>(() => new TimescaleRuleSet([rule, rule with { Duration = 6 }]));
    }
}
