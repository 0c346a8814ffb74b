using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguarding.Core.Access;
using Safeguarding.Core.Performance;

namespace Safeguarding.Core.Data;

internal sealed class IndicatorTargetConfiguration : IEntityTypeConfiguration<IndicatorTarget>
{
    public void Configure(EntityTypeBuilder<IndicatorTarget> builder)
    {
        builder.Ignore(t => t.Band);
        builder.Property(t => t.IndicatorCode).HasMaxLength(20);
        builder.Property(t => t.Owner).HasMaxLength(200);
        builder.Property(t => t.Target).HasPrecision(12, 4);
        builder.Property(t => t.ToleranceLow).HasPrecision(12, 4);
        builder.Property(t => t.ToleranceHigh).HasPrecision(12, 4);
        builder.HasIndex(t => new { t.PartnershipId, t.IndicatorCode, t.Year }).IsUnique();
        builder.HasOne<User>().WithMany().HasForeignKey(t => t.SetByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IndicatorComparatorConfiguration : IEntityTypeConfiguration<IndicatorComparator>
{
    public void Configure(EntityTypeBuilder<IndicatorComparator> builder)
    {
        builder.Property(c => c.IndicatorCode).HasMaxLength(20);
        builder.Property(c => c.Source).HasMaxLength(300);
        builder.Property(c => c.Value).HasPrecision(12, 4);
        builder.HasIndex(c => new { c.PartnershipId, c.IndicatorCode, c.Kind, c.Year }).IsUnique();
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ChildPopulationConfiguration : IEntityTypeConfiguration<ChildPopulation>
{
    public void Configure(EntityTypeBuilder<ChildPopulation> builder)
    {
        builder.Property(p => p.Source).HasMaxLength(300);
        builder.HasIndex(p => new { p.PartnershipId, p.Year }).IsUnique();
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IndicatorFigureConfiguration : IEntityTypeConfiguration<IndicatorFigure>
{
    public void Configure(EntityTypeBuilder<IndicatorFigure> builder)
    {
        builder.Property(f => f.IndicatorCode).HasMaxLength(20);
        builder.Property(f => f.Source).HasMaxLength(300);
        builder.Property(f => f.Numerator).HasPrecision(14, 4);
        builder.Property(f => f.Denominator).HasPrecision(14, 4);
        builder.Property(f => f.Value).HasPrecision(14, 6);
        builder.HasIndex(f => new { f.PartnershipId, f.IndicatorCode, f.Month }).IsUnique();
        builder.HasOne<User>().WithMany().HasForeignKey(f => f.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IndicatorCommentaryConfiguration : IEntityTypeConfiguration<IndicatorCommentary>
{
    public void Configure(EntityTypeBuilder<IndicatorCommentary> builder)
    {
        builder.Property(c => c.IndicatorCode).HasMaxLength(20);
        builder.Property(c => c.Text).HasMaxLength(4000);
        builder.Property(c => c.AuthorName).HasMaxLength(200);
        builder.HasIndex(c => new { c.PartnershipId, c.IndicatorCode, c.Month }).IsUnique();
        builder.HasIndex(c => new { c.PartnershipId, c.Month });
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.AuthorUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PerformancePackSignOffConfiguration : IEntityTypeConfiguration<PerformancePackSignOff>
{
    public void Configure(EntityTypeBuilder<PerformancePackSignOff> builder)
    {
        builder.Property(s => s.SignedOffByName).HasMaxLength(200);
        builder.HasIndex(s => new { s.PartnershipId, s.Month }).IsUnique();
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.SignedOffByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DashboardPriorityConfiguration : IEntityTypeConfiguration<DashboardPriority>
{
    public void Configure(EntityTypeBuilder<DashboardPriority> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Description).HasMaxLength(1000);
        builder.HasMany(p => p.Measures).WithOne().HasForeignKey(m => m.PriorityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DashboardMeasureConfiguration : IEntityTypeConfiguration<DashboardMeasure>
{
    public void Configure(EntityTypeBuilder<DashboardMeasure> builder)
    {
        builder.Property(m => m.IndicatorCode).HasMaxLength(20);
        builder.HasIndex(m => new { m.PriorityId, m.IndicatorCode, m.Kind }).IsUnique();
    }
}
