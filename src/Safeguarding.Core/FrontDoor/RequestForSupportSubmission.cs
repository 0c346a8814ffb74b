using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;
using Safeguarding.Core.Timescales;

namespace Safeguarding.Core.FrontDoor;

/// <param name="IdempotencyKey">Repeating a submission with the same key returns the first contact. The web journey uses the draft id; the API the Idempotency-Key header.</param>
/// <param name="DraftId">The draft the answers came from: its attachments move to the contact and it is deleted.</param>
public sealed record RequestForSupportSubmit(RequestForSupportAnswers Answers, string IdempotencyKey, ContactChannel Channel, Guid? DraftId = null);

/// <param name="AlreadySubmitted">True when the key had been used: nothing new was created.</param>
public sealed record SubmittedRequest(Contact Contact, bool AlreadySubmitted);

/// <summary>
/// Turns a complete Request for Support into a contact: one transaction holding the contact, its
/// audit event, the FD-1 clock (24 hours to a decision) and the end of the draft.
/// </summary>
public sealed class RequestForSupportSubmission(SafeguardingDbContext db, ClockService clocks)
{
    public const string ReferencePrefix = "RFS";

    public async Task<ChangeResult<SubmittedRequest>> SubmitAsync(RequestForSupportSubmit request, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var partnershipId = context.PartnershipId ?? throw new InvalidOperationException("A contact belongs to a partnership.");
        var submitter = context.UserId ?? throw new InvalidOperationException("A contact is submitted by someone.");
        if (string.IsNullOrWhiteSpace(request.IdempotencyKey) || request.IdempotencyKey.Length > 100)
        {
            return ChangeResult<SubmittedRequest>.Refused("IdempotencyKey", "The idempotency key must be 1 to 100 characters");
        }

        if (await ExistingAsync(partnershipId, submitter, request.IdempotencyKey, cancellationToken) is { } earlier)
        {
            return ChangeResult<SubmittedRequest>.Done(new(earlier, true));
        }

        var errors = RequestForSupportRules.Validate(request.Answers, Calendar.LondonTime.DateOf(context.Now));
        if (errors.Count > 0)
        {
            return new ChangeResult<SubmittedRequest>(null, errors);
        }

        using var writeTurn = await SqliteWriteQueue.EnterAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            // Taking the counter row first serialises submissions, so the second of a double submit
            // waits here and then finds the first one's contact.
            var reference = await NextReferenceAsync(partnershipId, Calendar.LondonTime.DateOf(context.Now).Year, cancellationToken);
            if (await ExistingAsync(partnershipId, submitter, request.IdempotencyKey, cancellationToken) is { } raced)
            {
                await transaction.RollbackAsync(cancellationToken);
                return ChangeResult<SubmittedRequest>.Done(new(raced, true));
            }

            var contact = NewContact(request, reference, partnershipId, submitter, context);
            db.Contacts.Add(contact);
            var attachments = 0;
            if (request.DraftId is { } draftId)
            {
                foreach (var attachment in await db.ContactAttachments.Where(a => a.DraftId == draftId).ToListAsync(cancellationToken))
                {
                    attachment.DraftId = null;
                    attachment.ContactId = contact.Id;
                    attachments++;
                }

                if (await db.RequestForSupportDrafts.SingleOrDefaultAsync(d => d.Id == draftId && d.OwnerUserId == submitter, cancellationToken) is { } draft)
                {
                    db.RequestForSupportDrafts.Remove(draft);
                }
            }

            db.Record(new ContactReceived(contact.Id, contact.Reference, contact.Channel, contact.ReceivedAt, contact.Urgency, contact.Children.Count, attachments, request.DraftId), context);
            await clocks.StartClockAsync(new StartClock("FD-1", Contact.SubjectType, contact.Id, contact.ReceivedAt), context, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return ChangeResult<SubmittedRequest>.Done(new(contact, false));
        }
        catch (DbUpdateException)
        {
            // The unique index on the key is the last word when two submissions raced past the checks.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            if (await ExistingAsync(partnershipId, submitter, request.IdempotencyKey, cancellationToken) is { } winner)
            {
                return ChangeResult<SubmittedRequest>.Done(new(winner, true));
            }

            throw;
        }
    }

    /// <summary>The contact an earlier submission with this key made, if any.</summary>
    public Task<Contact?> ExistingAsync(Guid partnershipId, Guid submitter, string idempotencyKey, CancellationToken cancellationToken = default) =>
        db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.PartnershipId == partnershipId && c.SubmittedByUserId == submitter && c.IdempotencyKey == idempotencyKey, cancellationToken);

    private static Contact NewContact(RequestForSupportSubmit request, string reference, Guid partnershipId, Guid submitter, ProcessContext context)
    {
        var a = request.Answers;
        var id = Guid.CreateVersion7(context.Now);
        return new Contact
        {
            Id = id,
            PartnershipId = partnershipId,
            Reference = reference,
            ReceivedAt = context.Now,
            Channel = request.Channel,
            State = ContactState.Received,
            SubmittedByUserId = submitter,
            IdempotencyKey = request.IdempotencyKey,
            ReferrerName = a.ReferrerName!.Trim(),
            ReferrerRole = a.ReferrerRole!.Trim(),
            ReferrerPhone = a.ReferrerPhone!.Trim(),
            ReferrerEmail = Blank(a.ReferrerEmail),
            ReferrerAgencyId = a.ReferrerAgencyId,
            ReferrerAgencyName = a.ReferrerAgencyName!.Trim(),
            Urgency = a.Urgency!.Value,
            ConcernNarrative = a.ConcernNarrative!.Trim(),
            OtherConcern = a.Concerns.Contains(ConcernCategory.Other) ? Blank(a.OtherConcern) : null,
            ChildsVoice = a.ChildsVoice!.Trim(),
            HowChildWasSeen = a.HowChildWasSeen!.Trim(),
            EarlyHelpTried = a.EarlyHelpTried!.Value,
            WhatHasBeenTried = a.WhatHasBeenTried!.Trim(),
            PlansInPlace = Blank(a.PlansInPlace),
            Consent = a.Consent!.Value,
            ConsentGivenBy = a.Consent == ConsentStatus.Obtained ? Blank(a.ConsentGivenBy) : null,
            ConsentNotObtainedReason = a.Consent == ConsentStatus.NotObtained ? Blank(a.ConsentNotObtainedReason) : null,
            ReferrerLevelOfNeed = a.LevelOfNeed!.Value,
            Children = a.Children.Select((c, i) => new ContactChild
            {
                Id = Guid.CreateVersion7(context.Now),
                PartnershipId = partnershipId,
                ContactId = id,
                Position = i,
                FirstName = Blank(c.FirstName),
                LastName = Blank(c.LastName),
                OtherNames = Blank(c.OtherNames),
                Unborn = c.Unborn,
                DateOfBirth = c.Unborn ? null : c.DateOfBirth,
                ExpectedDateOfBirth = c.Unborn ? c.ExpectedDateOfBirth : null,
                Sex = c.Sex!.Value,
                NhsNumber = NhsNumberFormat.Normalise(c.NhsNumber),
                Address = Blank(c.Address),
                Postcode = Blank(c.Postcode) is { } postcode ? RequestForSupportRules.NormalisePostcode(postcode) : null,
                SchoolAgencyId = c.SchoolAgencyId,
                SchoolName = Blank(c.SchoolName),
            }).ToList(),
            Household = a.Household.Select((p, i) => new ContactPerson
            {
                Id = Guid.CreateVersion7(context.Now),
                PartnershipId = partnershipId,
                ContactId = id,
                Position = i,
                Name = p.Name!.Trim(),
                Relationship = p.Relationship!.Trim(),
                DateOfBirth = p.DateOfBirth,
                Address = Blank(p.Address),
            }).ToList(),
            Concerns = a.Concerns.Distinct().Select(c => new ContactConcern { ContactId = id, PartnershipId = partnershipId, Category = c }).ToList(),
        };
    }

    /// <summary>RFS-2026-000123: the next number for the partnership and year, taken inside the caller's transaction.</summary>
    private async Task<string> NextReferenceAsync(Guid partnershipId, int year, CancellationToken cancellationToken)
    {
        // Both SQLite and PostgreSQL understand this upsert; the first submission of a year creates the row.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "ContactReferenceCounters" ("PartnershipId", "Year", "LastNumber") VALUES ({partnershipId}, {year}, 0) ON CONFLICT DO NOTHING""",
            cancellationToken);
        await db.ContactReferenceCounters.Where(c => c.PartnershipId == partnershipId && c.Year == year)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastNumber, c => c.LastNumber + 1), cancellationToken);
        var number = await db.ContactReferenceCounters.AsNoTracking().Where(c => c.PartnershipId == partnershipId && c.Year == year)
            .Select(c => c.LastNumber).SingleAsync(cancellationToken);
        return $"{ReferencePrefix}-{year}-{number:000000}";
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
