using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Children;

namespace Safeguarding.Core.Data;

internal sealed class PartnershipConfiguration : IEntityTypeConfiguration<Partnership>
{
    public void Configure(EntityTypeBuilder<Partnership> builder) => builder.HasIndex(p => p.Code).IsUnique();
}

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.HasIndex(a => new { a.PartnershipId, a.Name }).IsUnique();
        builder.HasOne<Partnership>().WithMany().HasForeignKey(a => a.PartnershipId);
        builder.HasOne<Locality>().WithMany().HasForeignKey(a => a.LocalityId);
    }
}

internal sealed class LocalityConfiguration : IEntityTypeConfiguration<Locality>
{
    public void Configure(EntityTypeBuilder<Locality> builder) =>
        builder.HasOne<Partnership>().WithMany().HasForeignKey(l => l.PartnershipId);
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.HasOne<Agency>().WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(u => u.DisplayName).HasMaxLength(200);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Ignore(p => p.FullName);
        builder.HasIndex(p => p.NhsNumber);
        builder.HasIndex(p => new { p.FamilyName, p.DateOfBirth });
        builder.Property(p => p.NhsNumber).HasMaxLength(10);
        builder.Property(p => p.Postcode).HasMaxLength(8);
        builder.Property(p => p.EthnicityCode).HasMaxLength(4);
        builder.HasOne<Locality>().WithMany().HasForeignKey(p => p.LocalityId);
        builder.HasOne<Agency>().WithMany().HasForeignKey(p => p.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PersonRelationshipConfiguration : IEntityTypeConfiguration<PersonRelationship>
{
    public void Configure(EntityTypeBuilder<PersonRelationship> builder)
    {
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.RelatedPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.Data).HasMaxLength(100_000);
        builder.Property(e => e.Reason).HasMaxLength(2000);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => new { e.SubjectType, e.SubjectId });
        builder.HasIndex(e => e.ActorUserId);
    }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> builder)
    {
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.LastHash).HasMaxLength(64);
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKeyRecord>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyRecord> builder) =>
        builder.Property(k => k.Xml).HasMaxLength(20_000);
}
