using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguarding.Core.Children;
using Safeguarding.Core.Learning;

namespace Safeguarding.Core.Data;

internal sealed class SeriousIncidentNotificationConfiguration : IEntityTypeConfiguration<SeriousIncidentNotification>
{
    public void Configure(EntityTypeBuilder<SeriousIncidentNotification> builder)
    {
        builder.Ignore(n => n.MeetsCriteria);
        builder.Property(n => n.Reference).HasMaxLength(20);
        builder.HasIndex(n => new { n.PartnershipId, n.Reference }).IsUnique();
        builder.HasOne<Person>().WithMany().HasForeignKey(n => n.ChildId).OnDelete(DeleteBehavior.Restrict);
    }
}
