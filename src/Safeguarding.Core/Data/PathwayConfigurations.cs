using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguarding.Core.Access;
using Safeguarding.Core.Children;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Pathway;

namespace Safeguarding.Core.Data;

internal sealed class CinEpisodeConfiguration : IEntityTypeConfiguration<CinEpisode>
{
    public void Configure(EntityTypeBuilder<CinEpisode> builder)
    {
        builder.Property(e => e.Source).HasMaxLength(200);
        builder.Ignore(e => e.IsOpen);
        builder.Property(e => e.ReferralSource).HasMaxLength(4);
        builder.Property(e => e.PrimaryNeed).HasMaxLength(4);
        builder.Property(e => e.ClosureReason).HasMaxLength(4);
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contact>().WithMany().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.PersonId, e.ReferralDate });

        // The KPIs and returns count referrals in a period across the partnership.
        builder.HasIndex(e => new { e.PartnershipId, e.ReferralDate });
        builder.HasIndex(e => new { e.PartnershipId, e.ClosureDate });
    }
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.Property(a => a.Source).HasMaxLength(200);
        builder.Ignore(a => a.IsCompleted);
        builder.Property(a => a.Factors).HasMaxLength(200);
        builder.HasOne<CinEpisode>().WithMany().HasForeignKey(a => a.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.SocialWorkerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.PartnershipId, a.AuthorisationDate });
        builder.HasIndex(a => new { a.PartnershipId, a.StartDate });
    }
}

internal sealed class CinPlanConfiguration : IEntityTypeConfiguration<CinPlan>
{
    public void Configure(EntityTypeBuilder<CinPlan> builder)
    {
        builder.Property(p => p.Source).HasMaxLength(200);
        builder.HasOne<CinEpisode>().WithMany().HasForeignKey(p => p.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.PartnershipId, p.StartDate });
    }
}

internal sealed class StrategyDiscussionConfiguration : IEntityTypeConfiguration<StrategyDiscussion>
{
    public void Configure(EntityTypeBuilder<StrategyDiscussion> builder)
    {
        builder.Property(s => s.Source).HasMaxLength(200);
        builder.Property(s => s.Rationale).HasMaxLength(RequestForSupportRules.LongText);
        builder.Property(s => s.Actions).HasMaxLength(RequestForSupportRules.LongText);
        builder.HasOne<CinEpisode>().WithMany().HasForeignKey(s => s.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Attendees).WithOne().HasForeignKey(a => a.StrategyDiscussionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.PartnershipId, s.HeldOn });
    }
}

internal sealed class StrategyDiscussionAttendeeConfiguration : IEntityTypeConfiguration<StrategyDiscussionAttendee>
{
    public void Configure(EntityTypeBuilder<StrategyDiscussionAttendee> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Role).HasMaxLength(200);
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class Section47EnquiryConfiguration : IEntityTypeConfiguration<Section47Enquiry>
{
    public void Configure(EntityTypeBuilder<Section47Enquiry> builder)
    {
        builder.Property(s => s.Source).HasMaxLength(200);
        builder.HasOne<CinEpisode>().WithMany().HasForeignKey(s => s.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StrategyDiscussion>().WithMany().HasForeignKey(s => s.StrategyDiscussionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.PartnershipId, s.StartDate });
    }
}

internal sealed class ChildProtectionConferenceConfiguration : IEntityTypeConfiguration<ChildProtectionConference>
{
    public void Configure(EntityTypeBuilder<ChildProtectionConference> builder)
    {
        builder.Property(c => c.Source).HasMaxLength(200);
        builder.Property(c => c.Chair).HasMaxLength(200);
        builder.Property(c => c.CategoryOfAbuse).HasMaxLength(4);
        builder.Property(c => c.ReasonLate).HasMaxLength(2000);
        builder.HasOne<CinEpisode>().WithMany().HasForeignKey(c => c.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Section47Enquiry>().WithMany().HasForeignKey(c => c.Section47EnquiryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Attendance).WithOne().HasForeignKey(a => a.ConferenceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.PartnershipId, c.Kind, c.HeldOn });
        builder.HasIndex(c => c.PlanId);
    }
}

internal sealed class ConferenceAttendanceConfiguration : IEntityTypeConfiguration<ConferenceAttendance>
{
    public void Configure(EntityTypeBuilder<ConferenceAttendance> builder)
    {
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.ConferenceId, a.AgencyId }).IsUnique();
    }
}

internal sealed class ChildProtectionPlanConfiguration : IEntityTypeConfiguration<ChildProtectionPlan>
{
    public void Configure(EntityTypeBuilder<ChildProtectionPlan> builder)
    {
        builder.Property(p => p.Source).HasMaxLength(200);
        builder.Ignore(p => p.IsActive);
        builder.Property(p => p.InitialCategory).HasMaxLength(4);
        builder.Property(p => p.LatestCategory).HasMaxLength(4);
        builder.HasOne<CinEpisode>().WithMany().HasForeignKey(p => p.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ChildProtectionConference>().WithMany().HasForeignKey(p => p.InitialConferenceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.PartnershipId, p.StartDate });
        builder.HasIndex(p => new { p.PartnershipId, p.EndDate });
    }
}

internal sealed class CoreGroupMeetingConfiguration : IEntityTypeConfiguration<CoreGroupMeeting>
{
    public void Configure(EntityTypeBuilder<CoreGroupMeeting> builder)
    {
        builder.Property(m => m.Notes).HasMaxLength(RequestForSupportRules.LongText);
        builder.HasOne<ChildProtectionPlan>().WithMany().HasForeignKey(m => m.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.PlanId, m.HeldOn });
    }
}

internal sealed class CarePeriodConfiguration : IEntityTypeConfiguration<CarePeriod>
{
    public void Configure(EntityTypeBuilder<CarePeriod> builder)
    {
        builder.Property(p => p.Source).HasMaxLength(200);
        builder.Ignore(p => p.IsOpen);
        builder.Property(p => p.EndReason).HasMaxLength(4);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CinEpisode>().WithMany().HasForeignKey(p => p.CinEpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.PersonId, p.StartDate });

        // Children in care at a date, and those who entered or left in a period, across the partnership.
        builder.HasIndex(p => new { p.PartnershipId, p.StartDate });
        builder.HasIndex(p => new { p.PartnershipId, p.EndDate });
    }
}

internal sealed class CareEpisodeConfiguration : IEntityTypeConfiguration<CareEpisode>
{
    public void Configure(EntityTypeBuilder<CareEpisode> builder)
    {
        builder.Property(e => e.Source).HasMaxLength(200);
        builder.Property(e => e.ReasonNewEpisode).HasMaxLength(2);
        builder.Property(e => e.LegalStatus).HasMaxLength(3);
        builder.Property(e => e.CategoryOfNeed).HasMaxLength(3);
        builder.Property(e => e.PlacementType).HasMaxLength(4);
        builder.Property(e => e.PlacementProvider).HasMaxLength(4);
        builder.Property(e => e.PlacementPostcode).HasMaxLength(10);
        builder.Property(e => e.HomePostcode).HasMaxLength(10);
        builder.Property(e => e.Urn).HasMaxLength(10);
        builder.Property(e => e.ReasonPlaceChange).HasMaxLength(6);
        builder.Property(e => e.EndReason).HasMaxLength(4);
        builder.HasOne<CarePeriod>().WithMany().HasForeignKey(e => e.CarePeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.CarePeriodId, e.StartDate });
    }
}

internal sealed class LookedAfterReviewConfiguration : IEntityTypeConfiguration<LookedAfterReview>
{
    public void Configure(EntityTypeBuilder<LookedAfterReview> builder)
    {
        builder.Property(r => r.Source).HasMaxLength(200);
        builder.Property(r => r.Participation).HasMaxLength(4);
        builder.Property(r => r.ReasonLate).HasMaxLength(2000);
        builder.HasOne<CarePeriod>().WithMany().HasForeignKey(r => r.CarePeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.CarePeriodId, r.HeldOn });
        builder.HasIndex(r => new { r.PartnershipId, r.HeldOn });
    }
}

internal sealed class MissingEpisodeConfiguration : IEntityTypeConfiguration<MissingEpisode>
{
    public void Configure(EntityTypeBuilder<MissingEpisode> builder)
    {
        builder.Property(m => m.Source).HasMaxLength(200);
        builder.Ignore(m => m.IsOngoing);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(10);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CarePeriod>().WithMany().HasForeignKey(m => m.CarePeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.PersonId, m.StartedAt });
        builder.HasIndex(m => new { m.PartnershipId, m.StartedAt });
    }
}

internal sealed class CareLeaverContactConfiguration : IEntityTypeConfiguration<CareLeaverContact>
{
    public void Configure(EntityTypeBuilder<CareLeaverContact> builder)
    {
        builder.Property(c => c.Source).HasMaxLength(200);
        builder.Property(c => c.InTouch).HasMaxLength(4);
        builder.Property(c => c.Activity).HasMaxLength(2);
        builder.Property(c => c.Accommodation).HasMaxLength(2);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);

        // One answer per birthday: recording it again corrects it.
        builder.HasIndex(c => new { c.PersonId, c.Age }).IsUnique();
        builder.HasIndex(c => new { c.PartnershipId, c.Birthday });
    }
}

internal sealed class AdoptionRecordConfiguration : IEntityTypeConfiguration<AdoptionRecord>
{
    public void Configure(EntityTypeBuilder<AdoptionRecord> builder)
    {
        builder.Property(a => a.Source).HasMaxLength(200);
        builder.Property(a => a.AdopterSex).HasMaxLength(2);
        builder.Property(a => a.AdopterLegalStatus).HasMaxLength(3);
        builder.Property(a => a.CeasedReason).HasMaxLength(3);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CarePeriod>().WithMany().HasForeignKey(a => a.CarePeriodId).OnDelete(DeleteBehavior.Restrict);

        // One route to adoption per period of care.
        builder.HasIndex(a => a.CarePeriodId).IsUnique();
    }
}
