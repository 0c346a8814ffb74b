using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguarding.Core.Access;
using Safeguarding.Core.Children;
using Safeguarding.Core.Workforce;

namespace Safeguarding.Core.Data;

internal sealed class WorkforcePostConfiguration : IEntityTypeConfiguration<WorkforcePost>
{
    public void Configure(EntityTypeBuilder<WorkforcePost> builder)
    {
        builder.Property(p => p.Reference).HasMaxLength(30);
        builder.Property(p => p.Team).HasMaxLength(200);
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(p => new { p.PartnershipId, p.Reference }).IsUnique();
    }
}

internal sealed class PostHoldingConfiguration : IEntityTypeConfiguration<PostHolding>
{
    public void Configure(EntityTypeBuilder<PostHolding> builder)
    {
        builder.Property(h => h.Employment).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<WorkforcePost>().WithMany().HasForeignKey(h => h.PostId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(h => h.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(h => new { h.PostId, h.StartDate });
        builder.HasIndex(h => new { h.UserId, h.StartDate });
    }
}

internal sealed class SupervisionConfiguration : IEntityTypeConfiguration<Supervision>
{
    public void Configure(EntityTypeBuilder<Supervision> builder)
    {
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.WorkerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.SupervisorUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.PartnershipId, s.HeldOn });
        builder.HasIndex(s => new { s.WorkerUserId, s.HeldOn });
    }
}

internal sealed class CaseAllocationConfiguration : IEntityTypeConfiguration<CaseAllocation>
{
    public void Configure(EntityTypeBuilder<CaseAllocation> builder)
    {
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.WorkerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.PersonId, a.StartDate });
        builder.HasIndex(a => new { a.WorkerUserId, a.StartDate });

        // Caseloads at a month end: allocations still open, and those ended since the pack's first month.
        builder.HasIndex(a => new { a.PartnershipId, a.EndDate, a.StartDate });
    }
}
