using Safeguarding.Core.Calendar;

namespace Safeguarding.Core.Timescales;

/// <summary>
/// All versions of a partnership's rules. A clock is computed with the version in force on the London
/// date its clock started, so a later edit never changes a past deadline.
/// </summary>
public sealed class TimescaleRuleSet
{
    private readonly Dictionary<string, TimescaleRule[]> _versions;

    public TimescaleRuleSet(IEnumerable<TimescaleRule> rules)
    {
        _versions = [];
        foreach (var group in rules.GroupBy(r => r.Id, StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(r => r.EffectiveFrom).ToArray();
            for (var i = 1; i < ordered.Length; i++)
            {
                if (ordered[i].EffectiveFrom == ordered[i - 1].EffectiveFrom)
                {
                    throw new ArgumentException($"Rule {group.Key} has two versions effective from {DateDisplay.Iso(ordered[i].EffectiveFrom)}", nameof(rules));
                }
            }

            _versions[group.Key] = ordered;
        }
    }

    public static TimescaleRuleSet Defaults { get; } = new(DefaultTimescaleRules.All);

    public IEnumerable<string> RuleIds => _versions.Keys;

    /// <summary>Every version of a rule, oldest first (empty for an unknown id).</summary>
    public IReadOnlyList<TimescaleRule> Versions(string ruleId) =>
        _versions.TryGetValue(ruleId, out var versions) ? versions : [];

    /// <summary>The version in force on a date: the latest whose EffectiveFrom is on or before it.</summary>
    public bool TryGetRuleFor(string ruleId, DateOnly clockStartDate, out TimescaleRule rule)
    {
        rule = null!;
        if (!_versions.TryGetValue(ruleId, out var versions))
        {
            return false;
        }

        for (var i = versions.Length - 1; i >= 0; i--)
        {
            if (versions[i].EffectiveFrom <= clockStartDate)
            {
                rule = versions[i];
                return true;
            }
        }

        return false;
    }

    public TimescaleRule RuleFor(string ruleId, DateOnly clockStartDate) =>
        TryGetRuleFor(ruleId, clockStartDate, out var rule)
            ? rule
            : throw new KeyNotFoundException($"No version of timescale rule '{ruleId}' is in force on {DateDisplay.Iso(clockStartDate)}");

    /// <summary>The version in force when a clock started at an instant (London date).</summary>
    public TimescaleRule RuleFor(string ruleId, DateTimeOffset clockStartedAt) => RuleFor(ruleId, LondonTime.DateOf(clockStartedAt));

    /// <summary>The exact version a stored clock recorded.</summary>
    public TimescaleRule Version(string ruleId, DateOnly effectiveFrom) =>
        Versions(ruleId).FirstOrDefault(r => r.EffectiveFrom == effectiveFrom)
            ?? throw new KeyNotFoundException($"Timescale rule '{ruleId}' has no version effective from {DateDisplay.Iso(effectiveFrom)}");

    /// <summary>The version of every rule in force on a date (for the rules page).</summary>
    public IReadOnlyList<TimescaleRule> InForceOn(DateOnly date)
    {
        var result = new List<TimescaleRule>();
        foreach (var id in _versions.Keys)
        {
            if (TryGetRuleFor(id, date, out var rule))
            {
                result.Add(rule);
            }
        }

        return result;
    }
}
