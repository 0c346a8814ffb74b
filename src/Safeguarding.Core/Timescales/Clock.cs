using Safeguarding.Core.Access;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Timescales;

/// <summary>
/// A running or finished timescale for one subject (a referral, an assessment, a rapid review...).
/// <see cref="DueAt"/> is stored so queues can sort and filter in SQL; it is recomputed only when the
/// start is corrected or the rule version changes, never silently.
/// </summary>
public sealed class Clock : IPartnershipOwned, IConcurrencyVersioned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public required string RuleId { get; set; }

    /// <summary>Which version of the rule the due date was computed with.</summary>
    public DateOnly RuleVersionEffectiveFrom { get; set; }

    /// <summary>What the clock is about, e.g. "Referral", "RapidReview".</summary>
    public required string SubjectType { get; set; }
    public Guid SubjectId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? StoppedAt { get; set; }
    public bool NotRequired { get; set; }
    public DateTimeOffset DueAt { get; set; }

    /// <summary>Asked for when a clock is met late (KPI commentary and the ICPC KPI use it).</summary>
    public string? ReasonForLateness { get; set; }
    public Guid? AssignedUserId { get; set; }
    public Guid? AgencyId { get; set; }

    /// <summary>When the due-soon reminder was queued; set once so each reminder goes once.</summary>
    public DateTimeOffset? DueSoonRemindedAt { get; set; }

    /// <summary>When the overdue reminder was queued.</summary>
    public DateTimeOffset? OverdueRemindedAt { get; set; }
    public long Version { get; set; }

    /// <summary>A new clock using the rule version in force on the London date of <paramref name="startedAt"/>.</summary>
    public static Clock Start(
        TimescaleRuleSet rules, ClockEvaluator evaluator, string ruleId, Guid partnershipId, string subjectType, Guid subjectId, DateTimeOffset startedAt)
    {
        var rule = rules.RuleFor(ruleId, startedAt);
        return new Clock
        {
            Id = Guid.CreateVersion7(startedAt),
            PartnershipId = partnershipId,
            RuleId = rule.Id,
            RuleVersionEffectiveFrom = rule.EffectiveFrom,
            SubjectType = subjectType,
            SubjectId = subjectId,
            StartedAt = startedAt.ToUniversalTime(),
            DueAt = evaluator.DueFor(rule, startedAt).DueAt,
        };
    }

    /// <summary>
    /// The start event was recorded wrongly: move the start and recompute the due date. The rule
    /// version is picked again, because the corrected start may fall before or after a rule change.
    /// </summary>
    public ClockDue CorrectStart(DateTimeOffset correctedStart, TimescaleRuleSet rules, ClockEvaluator evaluator)
    {
        var rule = rules.RuleFor(RuleId, correctedStart);
        StartedAt = correctedStart.ToUniversalTime();
        RuleVersionEffectiveFrom = rule.EffectiveFrom;
        var due = evaluator.DueFor(rule, StartedAt);
        DueAt = due.DueAt;
        return due;
    }

    public void Stop(DateTimeOffset stoppedAt, string? reasonForLateness = null)
    {
        StoppedAt = stoppedAt.ToUniversalTime();
        ReasonForLateness = string.IsNullOrWhiteSpace(reasonForLateness) ? null : reasonForLateness.Trim();
    }

    /// <summary>True once stopped after the due instant; the page asks for a reason until one is given.</summary>
    public bool IsMetLate => StoppedAt is { } stopped && stopped > DueAt;

    public ClockStatus Evaluate(TimescaleRuleSet rules, ClockEvaluator evaluator, DateTimeOffset now)
    {
        var rule = rules.Version(RuleId, RuleVersionEffectiveFrom);

        // Judge against the stored deadline: a later calendar edit must not move it behind anyone's back.
        var due = evaluator.DueFor(rule, StartedAt) with { DueAt = DueAt, DueDate = Calendar.LondonTime.DateOf(DueAt) };
        return evaluator.Evaluate(rule, due, StoppedAt, NotRequired, now);
    }
}
