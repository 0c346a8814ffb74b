using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Notifications;
using Safeguarding.Core.Timescales;

namespace Safeguarding.Core.Data;

internal sealed class ClockConfiguration : IEntityTypeConfiguration<Clock>
{
    public void Configure(EntityTypeBuilder<Clock> builder)
    {
        builder.Property(c => c.RuleId).HasMaxLength(16);
        builder.Property(c => c.SubjectType).HasMaxLength(60);
        builder.Property(c => c.ReasonForLateness).HasMaxLength(2000);
        builder.HasIndex(c => new { c.PartnershipId, c.DueAt });
        builder.HasIndex(c => new { c.SubjectType, c.SubjectId });
        builder.HasIndex(c => new { c.AssignedUserId, c.DueAt });
    }
}

internal sealed class TimescaleRuleOverrideConfiguration : IEntityTypeConfiguration<TimescaleRuleOverride>
{
    public void Configure(EntityTypeBuilder<TimescaleRuleOverride> builder)
    {
        builder.Property(o => o.RuleId).HasMaxLength(16);
        builder.Property(o => o.Reason).HasMaxLength(2000);
        builder.HasIndex(o => new { o.PartnershipId, o.RuleId, o.EffectiveFrom }).IsUnique();
    }
}

internal sealed class BankHolidayChangeConfiguration : IEntityTypeConfiguration<BankHolidayChange>
{
    public void Configure(EntityTypeBuilder<BankHolidayChange> builder)
    {
        builder.Property(c => c.Reason).HasMaxLength(2000);
        builder.HasIndex(c => new { c.PartnershipId, c.Date });
    }
}

internal sealed class OutboxNotificationConfiguration : IEntityTypeConfiguration<OutboxNotification>
{
    public void Configure(EntityTypeBuilder<OutboxNotification> builder)
    {
        builder.Property(n => n.Body).HasMaxLength(4000);
        builder.Property(n => n.LastError).HasMaxLength(400);
        builder.HasIndex(n => new { n.Status, n.NextAttemptAt });
    }
}
