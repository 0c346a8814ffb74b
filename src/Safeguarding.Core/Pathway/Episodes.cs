using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Data;
using Safeguarding.Core.Timescales;

namespace Safeguarding.Core.Pathway;

/// <summary>What the child in need pathway's use cases share: subjects, clock rules, loading for a change, dates.</summary>
public static class Episodes
{
    public const string SubjectType = nameof(CinEpisode);
    public const string AssessmentSubjectType = nameof(Assessment);
    public const string CinPlanSubjectType = nameof(CinPlan);
    public const string ChronologySource = "Pathway";

    /// <summary>Assessment completed: 45 working days from the referral; the episode is the subject.</summary>
    public const string AssessmentRuleId = "CW-1";

    /// <summary>Assessment allocated: 7 working days from the assessment starting without a social worker.</summary>
    public const string AllocationRuleId = "CW-2";

    /// <summary>Child visited: 3 working days from allocation.</summary>
    public const string VisitRuleId = "CW-3";

    /// <summary>A date a person recorded, as the instant a clock starts or stops: the start of that London day.</summary>
    public static DateTimeOffset InstantOf(DateOnly date) => LondonTime.StartOfDay(date);

    public static string Format(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    internal static bool IsInFuture(DateOnly date, ProcessContext context) => date > LondonTime.DateOf(context.Now);

    internal static Task<Clock?> RunningClockAsync(SafeguardingDbContext db, string subjectType, Guid subjectId, string ruleId, CancellationToken cancellationToken) =>
        db.Clocks.Where(c => c.SubjectType == subjectType && c.SubjectId == subjectId && c.RuleId == ruleId && c.StoppedAt == null && !c.NotRequired)
            .OrderBy(c => c.StartedAt).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Marks the loaded row as expected at the version the person saw: a stale page fails before any
    /// rule is checked (the person must see what changed), and a concurrent save fails at SaveChanges.
    /// </summary>
    internal static void ExpectVersion<T>(SafeguardingDbContext db, T entity, Guid id, long version)
        where T : class, IConcurrencyVersioned
    {
        if (entity.Version != version)
        {
            throw new DbUpdateConcurrencyException($"{typeof(T).Name} {id} is at version {entity.Version}, not {version}.");
        }

        db.Entry(entity).Property(e => e.Version).OriginalValue = version;
    }

    /// <summary>Adding to an episode changes it: its version moves, so two people adding at once cannot both succeed.</summary>
    internal static void Touch(SafeguardingDbContext db, CinEpisode episode) => db.Entry(episode).State = EntityState.Modified;

    internal static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
