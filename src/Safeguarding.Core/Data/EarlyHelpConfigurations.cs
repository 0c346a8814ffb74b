using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguarding.Core.Access;
using Safeguarding.Core.Children;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Pathway;

namespace Safeguarding.Core.Data;

internal sealed class EarlyHelpEpisodeConfiguration : IEntityTypeConfiguration<EarlyHelpEpisode>
{
    public void Configure(EntityTypeBuilder<EarlyHelpEpisode> builder)
    {
        builder.Property(e => e.Source).HasMaxLength(200);
        builder.Ignore(e => e.IsOpen);
        builder.Ignore(e => e.HasPlan);
        builder.Ignore(e => e.PlanIsActive);
        builder.Property(e => e.LeadPractitionerName).HasMaxLength(ChildProtection.LongestName);
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contact>().WithMany().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CinEpisode>().WithMany().HasForeignKey(e => e.FromCinEpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CinEpisode>().WithMany().HasForeignKey(e => e.SteppedUpToCinEpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Locality>().WithMany().HasForeignKey(e => e.LocalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(e => e.AssessingAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(e => e.LeadPractitionerAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.PersonId, e.StartDate });

        // Annex A list 2 and the partnership's early help figures count assessments started in a period.
        builder.HasIndex(e => new { e.PartnershipId, e.AssessmentStartDate });
        builder.HasIndex(e => new { e.PartnershipId, e.StartDate });
    }
}

internal sealed class FamilyPlanReviewConfiguration : IEntityTypeConfiguration<FamilyPlanReview>
{
    public void Configure(EntityTypeBuilder<FamilyPlanReview> builder)
    {
        builder.Property(r => r.Source).HasMaxLength(200);
        builder.HasOne<EarlyHelpEpisode>().WithMany().HasForeignKey(r => r.EarlyHelpEpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.EarlyHelpEpisodeId, r.HeldOn });
    }
}
