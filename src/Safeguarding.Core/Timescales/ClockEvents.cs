using Safeguarding.Core.Audit;
using Safeguarding.Core.Calendar;

namespace Safeguarding.Core.Timescales;

public sealed record ClockStarted(Guid ClockId, string RuleId, string ClockSubjectType, Guid ClockSubjectId, DateTimeOffset StartedAt, DateTimeOffset DueAt) : IDomainEvent
{
    public string SubjectType => "Clock";
    public string SubjectId => ClockId.ToString();
}

public sealed record ClockStopped(Guid ClockId, DateTimeOffset StoppedAt, bool MetLate, string? ReasonForLateness) : IDomainEvent
{
    public string SubjectType => "Clock";
    public string SubjectId => ClockId.ToString();
}

public sealed record ClockMarkedNotRequired(Guid ClockId) : IDomainEvent
{
    public string SubjectType => "Clock";
    public string SubjectId => ClockId.ToString();
}

public sealed record ClockStartCorrected(Guid ClockId, DateTimeOffset OldStart, DateTimeOffset NewStart, DateTimeOffset OldDue, DateTimeOffset NewDue) : IDomainEvent
{
    public string SubjectType => "Clock";
    public string SubjectId => ClockId.ToString();
}

public sealed record BankHolidayChanged(Guid ChangeId, BankHolidayChangeKind Kind, DateOnly Date, DateOnly? MovedTo, string Title) : IDomainEvent
{
    public string SubjectType => "BankHoliday";
    public string SubjectId => ChangeId.ToString();
}

public sealed record TimescaleRuleOverridden(Guid OverrideId, string RuleId, DateOnly EffectiveFrom, int Duration, TimescaleUnit Unit, int DueSoonWarning) : IDomainEvent
{
    public string SubjectType => "TimescaleRule";
    public string SubjectId => RuleId;
}
