using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguarding.Core.Access;
using Safeguarding.Core.Children;
using Safeguarding.Core.FrontDoor;

namespace Safeguarding.Core.Data;

internal sealed class RequestForSupportDraftConfiguration : IEntityTypeConfiguration<RequestForSupportDraft>
{
    public void Configure(EntityTypeBuilder<RequestForSupportDraft> builder)
    {
        // Room for every long answer (several 10,000-character narratives) as JSON.
        builder.Property(d => d.AnswersJson).HasMaxLength(200_000);
        builder.HasIndex(d => d.OwnerUserId);
        builder.HasOne<User>().WithMany().HasForeignKey(d => d.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.Property(c => c.Reference).HasMaxLength(20);
        builder.HasIndex(c => new { c.PartnershipId, c.Reference }).IsUnique();
        builder.Property(c => c.IdempotencyKey).HasMaxLength(100);
        builder.HasIndex(c => new { c.PartnershipId, c.SubmittedByUserId, c.IdempotencyKey }).IsUnique();
        builder.HasIndex(c => new { c.PartnershipId, c.State, c.ReceivedAt });
        builder.Property(c => c.ReferrerPhone).HasMaxLength(30);
        foreach (var text in new[] { nameof(Contact.ConcernNarrative), nameof(Contact.ChildsVoice), nameof(Contact.WhatHasBeenTried), nameof(Contact.PlansInPlace), nameof(Contact.OutcomeFeedback) })
        {
            builder.Property(text).HasMaxLength(RequestForSupportRules.LongText);
        }

        builder.Property(c => c.HowChildWasSeen).HasMaxLength(2000);
        builder.Property(c => c.ConsentNotObtainedReason).HasMaxLength(2000);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.SubmittedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(c => c.ReferrerAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Children).WithOne().HasForeignKey(c => c.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Household).WithOne().HasForeignKey(p => p.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Concerns).WithOne().HasForeignKey(c => c.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Attachments).WithOne().HasForeignKey(a => a.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Decisions).WithOne().HasForeignKey(d => d.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.InformationRequests).WithOne().HasForeignKey(r => r.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.AssignedWorkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Locality>().WithMany().HasForeignKey(c => c.LocalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.PartnershipId, c.FirstDecidedAt });

        // Contacts received per month (performance pack).
        builder.HasIndex(c => new { c.PartnershipId, c.ReceivedAt });
    }
}

internal sealed class ContactDecisionConfiguration : IEntityTypeConfiguration<ContactDecision>
{
    public void Configure(EntityTypeBuilder<ContactDecision> builder)
    {
        builder.Ignore(d => d.IsReferral);
        builder.Property(d => d.Rationale).HasMaxLength(RequestForSupportRules.LongText);
        builder.Property(d => d.ChangeReason).HasMaxLength(2000);
        builder.Property(d => d.ReferralSourceCode).HasMaxLength(4);
        builder.Property(d => d.PrimaryNeedCode).HasMaxLength(4);
        builder.HasIndex(d => new { d.ContactId, d.DecidedAt });
        builder.HasOne<User>().WithMany().HasForeignKey(d => d.DecidedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Locality>().WithMany().HasForeignKey(d => d.EarlyHelpLocalityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgencyInformationRequestConfiguration : IEntityTypeConfiguration<AgencyInformationRequest>
{
    public void Configure(EntityTypeBuilder<AgencyInformationRequest> builder)
    {
        builder.Ignore(r => r.IsAnswered);
        builder.Property(r => r.Question).HasMaxLength(2000);
        builder.Property(r => r.Response).HasMaxLength(RequestForSupportRules.LongText);
        builder.HasIndex(r => new { r.AgencyId, r.RespondedAt, r.DueAt });
        builder.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.RequestedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.RespondedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgencyApiKeyConfiguration : IEntityTypeConfiguration<AgencyApiKey>
{
    public void Configure(EntityTypeBuilder<AgencyApiKey> builder)
    {
        builder.Ignore(k => k.IsRevoked);
        builder.Property(k => k.Name).HasMaxLength(200);
        builder.Property(k => k.Prefix).HasMaxLength(16);
        builder.Property(k => k.Hash).HasMaxLength(64);
        builder.HasIndex(k => k.Prefix).IsUnique();
        builder.HasOne<Agency>().WithMany().HasForeignKey(k => k.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(k => k.ServiceUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ContactChildConfiguration : IEntityTypeConfiguration<ContactChild>
{
    public void Configure(EntityTypeBuilder<ContactChild> builder)
    {
        builder.Property(c => c.NhsNumber).HasMaxLength(10);
        builder.Property(c => c.Postcode).HasMaxLength(8);
        builder.Property(c => c.Address).HasMaxLength(500);
        builder.HasIndex(c => c.NhsNumber);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(c => c.SchoolAgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ContactPersonConfiguration : IEntityTypeConfiguration<ContactPerson>
{
    public void Configure(EntityTypeBuilder<ContactPerson> builder)
    {
        builder.Property(p => p.Address).HasMaxLength(500);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ContactConcernConfiguration : IEntityTypeConfiguration<ContactConcern>
{
    public void Configure(EntityTypeBuilder<ContactConcern> builder)
    {
        builder.HasKey(c => new { c.ContactId, c.Category });
        builder.HasIndex(c => new { c.PartnershipId, c.Category });
    }
}

internal sealed class ContactAttachmentConfiguration : IEntityTypeConfiguration<ContactAttachment>
{
    public void Configure(EntityTypeBuilder<ContactAttachment> builder)
    {
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.Content).HasMaxLength((int)AttachmentRules.MaxBytes);
        builder.HasOne<RequestForSupportDraft>().WithMany().HasForeignKey(a => a.DraftId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContactReferenceCounterConfiguration : IEntityTypeConfiguration<ContactReferenceCounter>
{
    public void Configure(EntityTypeBuilder<ContactReferenceCounter> builder) =>
        builder.HasKey(c => new { c.PartnershipId, c.Year });
}
