using Safeguarding.Core.Audit;

namespace Safeguarding.Core.Performance;

// Performance framework events: indicator codes, years, months and figures; never a child's details.

public sealed record IndicatorTargetSet(string IndicatorCode, int Year, decimal? Target, decimal? ToleranceLow, decimal? ToleranceHigh, string? Owner,
    decimal? PreviousTarget, decimal? PreviousToleranceLow, decimal? PreviousToleranceHigh) : IDomainEvent
{
    public string SubjectType => PerformanceAdministration.SubjectType;
    public string SubjectId => $"{IndicatorCode}/{Year}";
}

public sealed record IndicatorComparatorSet(string IndicatorCode, ComparatorKind Kind, int Year, decimal Value, string Source, decimal? PreviousValue) : IDomainEvent
{
    public string SubjectType => PerformanceAdministration.SubjectType;
    public string SubjectId => $"{IndicatorCode}/{Kind}/{Year}";
}

public sealed record ChildPopulationSet(int Year, int Children, string Source, int? PreviousChildren) : IDomainEvent
{
    public string SubjectType => PerformanceAdministration.SubjectType;
    public string SubjectId => $"population/{Year}";
}

public sealed record IndicatorFigureEntered(string IndicatorCode, DateOnly Month, decimal? Numerator, decimal? Denominator, decimal Value, string Source, decimal? PreviousValue) : IDomainEvent
{
    public string SubjectType => PerformanceAdministration.SubjectType;
    public string SubjectId => $"{IndicatorCode}/{PerformanceMonths.Key(Month)}";
}

public sealed record IndicatorCommentaryWritten(string IndicatorCode, DateOnly Month, Guid CommentaryId, bool Changed) : IDomainEvent
{
    public string SubjectType => PackCommentary.SubjectType;
    public string SubjectId => $"{IndicatorCode}/{PerformanceMonths.Key(Month)}";
}

public sealed record PerformancePackSignedOff(DateOnly Month, Guid SignOffId) : IDomainEvent
{
    public string SubjectType => PackCommentary.SubjectType;
    public string SubjectId => PerformanceMonths.Key(Month);
}

public sealed record DashboardPrioritySet(Guid PriorityId, string Name, int Position, IReadOnlyList<string> Measures) : IDomainEvent
{
    public string SubjectType => PerformanceAdministration.SubjectType;
    public string SubjectId => PriorityId.ToString();
}
