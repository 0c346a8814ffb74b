using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Timescales;

/// <summary>A partnership's calendar, rules and evaluator, built once and shared by every request.</summary>
public sealed record PartnershipClockSetup(WorkingDayCalendar Calendar, ClockEvaluator Evaluator, TimescaleRuleSet Rules)
{
    public ClockStatus Evaluate(Clock clock, DateTimeOffset now) => clock.Evaluate(Rules, Evaluator, now);
}

/// <summary>
/// Caches each partnership's clock set-up (building the calendar tables takes tens of milliseconds).
/// A change to the partnership's bank holidays or rules invalidates its entry. On several web nodes
/// an entry also expires after a few minutes, so another node's change is picked up.
/// </summary>
public sealed class PartnershipTimescales(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<Guid, (PartnershipClockSetup Setup, DateTimeOffset BuiltAt)> cache = new();

    public async Task<PartnershipClockSetup> ForAsync(SafeguardingDbContext db, Guid partnershipId, CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(partnershipId, out var entry) && clock.GetUtcNow() - entry.BuiltAt < Lifetime)
        {
            return entry.Setup;
        }

        var changes = await db.BankHolidayChanges.IgnoreQueryFilters([SafeguardingDbContext.TenantFilter]).AsNoTracking()
            .Where(c => c.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        var overrides = await db.TimescaleRuleOverrides.IgnoreQueryFilters([SafeguardingDbContext.TenantFilter]).AsNoTracking()
            .Where(o => o.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        var calendar = WorkingDayCalendar.EnglandAndWales(changes);
        var setup = new PartnershipClockSetup(calendar, new ClockEvaluator(calendar), RulesWith(overrides));
        cache[partnershipId] = (setup, clock.GetUtcNow());
        return setup;
    }

    public void Invalidate(Guid partnershipId) => cache.TryRemove(partnershipId, out _);

    public static TimescaleRuleSet RulesWith(IEnumerable<TimescaleRuleOverride> overrides)
    {
        var defaults = DefaultTimescaleRules.All.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var local = overrides.Where(o => defaults.ContainsKey(o.RuleId)).Select(o => o.Apply(defaults[o.RuleId]));
        return new TimescaleRuleSet(DefaultTimescaleRules.All.Concat(local));
    }
}
