using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguarding.Core.Access;
using Safeguarding.Core.Children;
using Safeguarding.Core.Chronology;

namespace Safeguarding.Core.Data;

internal sealed class BreakGlassAccessConfiguration : IEntityTypeConfiguration<BreakGlassAccess>
{
    public void Configure(EntityTypeBuilder<BreakGlassAccess> builder)
    {
        builder.Property(a => a.Reason).HasMaxLength(2000);
        builder.HasIndex(a => new { a.PersonId, a.UserId, a.ExpiresAt });
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PersonNameConfiguration : IEntityTypeConfiguration<PersonName>
{
    public void Configure(EntityTypeBuilder<PersonName> builder)
    {
        builder.Ignore(n => n.FullName);
        builder.HasIndex(n => n.PersonId);
        builder.HasOne<Person>().WithMany().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(n => n.SourceAgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PersonIdentifierConfiguration : IEntityTypeConfiguration<PersonIdentifier>
{
    public void Configure(EntityTypeBuilder<PersonIdentifier> builder)
    {
        builder.Property(i => i.Value).HasMaxLength(40);
        builder.HasIndex(i => i.PersonId);
        builder.HasIndex(i => new { i.Type, i.Value });
        builder.HasOne<Person>().WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(i => i.IssuingAgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PersonAddressConfiguration : IEntityTypeConfiguration<PersonAddress>
{
    public void Configure(EntityTypeBuilder<PersonAddress> builder)
    {
        builder.Property(a => a.Postcode).HasMaxLength(8);
        builder.HasIndex(a => a.PersonId);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.SourceAgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PersonSchoolConfiguration : IEntityTypeConfiguration<PersonSchool>
{
    public void Configure(EntityTypeBuilder<PersonSchool> builder)
    {
        builder.HasIndex(s => s.PersonId);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(s => s.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(s => s.SourceAgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PersonMergeConfiguration : IEntityTypeConfiguration<PersonMerge>
{
    public void Configure(EntityTypeBuilder<PersonMerge> builder)
    {
        builder.Ignore(m => m.IsUndone);
        builder.Property(m => m.Reason).HasMaxLength(2000);
        builder.Property(m => m.UnmergeReason).HasMaxLength(2000);
        builder.HasIndex(m => m.SurvivorId);
        builder.HasIndex(m => m.MergedId);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.SurvivorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.MergedId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NamedRecordAccessConfiguration : IEntityTypeConfiguration<NamedRecordAccess>
{
    public void Configure(EntityTypeBuilder<NamedRecordAccess> builder)
    {
        builder.HasIndex(a => new { a.PersonId, a.UserId });
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PersonIndexRevisionConfiguration : IEntityTypeConfiguration<PersonIndexRevision>
{
    public void Configure(EntityTypeBuilder<PersonIndexRevision> builder)
    {
        builder.HasKey(r => r.PartnershipId);
        builder.Property(r => r.PartnershipId).ValueGeneratedNever();
    }
}

internal sealed class ChronologyEntryConfiguration : IEntityTypeConfiguration<ChronologyEntry>
{
    public void Configure(EntityTypeBuilder<ChronologyEntry> builder)
    {
        builder.Property(e => e.Summary).HasMaxLength(4000);
        builder.Property(e => e.Source).HasMaxLength(40);
        builder.Property(e => e.SourceReference).HasMaxLength(100);
        builder.HasIndex(e => new { e.PersonId, e.OccurredOn });
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(e => e.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
