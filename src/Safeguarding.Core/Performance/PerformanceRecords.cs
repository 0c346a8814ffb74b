using Safeguarding.Core.Access;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Performance;

/// <summary>
/// A partnership's target and tolerance for an indicator from a financial year on (2024 = 2024/25);
/// it applies to later years until a newer one is set, and past years keep theirs.
/// </summary>
public sealed class IndicatorTarget : IPartnershipOwned, IConcurrencyVersioned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public required string IndicatorCode { get; set; }
    public int Year { get; set; }
    public decimal? Target { get; set; }
    public decimal? ToleranceLow { get; set; }
    public decimal? ToleranceHigh { get; set; }

    /// <summary>Who writes the commentary (a post, e.g. "Head of Service, Assessment").</summary>
    public string? Owner { get; set; }
    public DateTimeOffset SetAt { get; set; }
    public Guid? SetByUserId { get; set; }
    public long Version { get; set; }

    public IndicatorTargetBand Band => new(Target, ToleranceLow, ToleranceHigh);
}

public enum ComparatorKind
{
    StatisticalNeighbours,
    England,
    Region,
}

/// <summary>A published figure to compare with (statistical neighbours, England, the region), with its year and source.</summary>
public sealed class IndicatorComparator : IPartnershipOwned, IConcurrencyVersioned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public required string IndicatorCode { get; set; }
    public ComparatorKind Kind { get; set; }

    /// <summary>The financial year the figure describes (2019 = 2019/20); the pack shows the latest not after its month.</summary>
    public int Year { get; set; }

    /// <summary>In the indicator's unit: a fraction for percentages, per 10,000 for rates.</summary>
    public decimal Value { get; set; }
    public required string Source { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid? RecordedByUserId { get; set; }
    public long Version { get; set; }
}

/// <summary>Children aged 0 to 17 living in the area in a financial year: the denominator of every rate per 10,000.</summary>
public sealed class ChildPopulation : IPartnershipOwned, IConcurrencyVersioned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public int Year { get; set; }
    public int Children { get; set; }
    public required string Source { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid? RecordedByUserId { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// A month's figure for an indicator the system cannot yet calculate from its own records (workforce,
/// looked-after, adoption), entered or imported by the performance team with its source.
/// </summary>
public sealed class IndicatorFigure : IPartnershipOwned, IConcurrencyVersioned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public required string IndicatorCode { get; set; }

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }
    public decimal? Numerator { get; set; }
    public decimal? Denominator { get; set; }
    public decimal Value { get; set; }
    public required string Source { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid? RecordedByUserId { get; set; }
    public long Version { get; set; }
}

/// <summary>The owner's narrative for an indicator in a month; locked once the month's pack is signed off.</summary>
public sealed class IndicatorCommentary : IPartnershipOwned, IConcurrencyVersioned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public required string IndicatorCode { get; set; }
    public DateOnly Month { get; set; }
    public required string Text { get; set; }
    public Guid AuthorUserId { get; set; }
    public required string AuthorName { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }
}

/// <summary>A manager's sign-off of a month's pack: the figures are as published and the commentary is locked.</summary>
public sealed class PerformancePackSignOff : IPartnershipOwned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public DateOnly Month { get; set; }
    public Guid SignedOffByUserId { get; set; }
    public required string SignedOffByName { get; set; }
    public DateTimeOffset SignedOffAt { get; set; }
}

public enum MeasureKind
{
    HowMuch,
    HowWell,
    BetterOff,
}

/// <summary>A Business Improvement Plan priority on the partnership dashboard.</summary>
public sealed class DashboardPriority : IPartnershipOwned, IConcurrencyVersioned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public int Position { get; set; }
    public List<DashboardMeasure> Measures { get; set; } = [];
    public long Version { get; set; }
}

/// <summary>An indicator shown under a priority as "how much did we do", "how well" or "is anyone better off".</summary>
public sealed class DashboardMeasure : IPartnershipOwned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid PriorityId { get; set; }
    public required string IndicatorCode { get; set; }
    public MeasureKind Kind { get; set; }
    public int Position { get; set; }
}
