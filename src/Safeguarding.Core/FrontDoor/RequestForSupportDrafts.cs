using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.FrontDoor;

/// <summary>Starts, saves and discards a referrer's drafts; every page of the journey saves through here.</summary>
public sealed class RequestForSupportDrafts(SafeguardingDbContext db)
{
    public async Task<RequestForSupportDraft> StartAsync(RequestForSupportAnswers answers, ContactChannel channel, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var draft = new RequestForSupportDraft
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = context.PartnershipId ?? throw new InvalidOperationException("A draft belongs to a partnership."),
            OwnerUserId = context.UserId ?? throw new InvalidOperationException("A draft belongs to a user."),
            Channel = channel,
            StartedAt = context.Now,
            UpdatedAt = context.Now,
        };
        draft.WriteAnswers(answers);
        db.RequestForSupportDrafts.Add(draft);
        db.Record(new RequestForSupportDraftStarted(draft.Id, channel), context);
        await db.SaveChangesAsync(cancellationToken);
        return draft;
    }

    /// <summary>A draft only its owner can open; others get null, as if it did not exist.</summary>
    public Task<RequestForSupportDraft?> FindOwnAsync(Guid id, ProcessContext context, CancellationToken cancellationToken = default) =>
        db.RequestForSupportDrafts.SingleOrDefaultAsync(d => d.Id == id && d.OwnerUserId == context.UserId, cancellationToken);

    public async Task<ChangeResult<RequestForSupportDraft>> SaveAsync(RequestForSupportDraft draft, RequestForSupportAnswers answers, string section, ProcessContext context, CancellationToken cancellationToken = default)
    {
        draft.WriteAnswers(answers);
        draft.UpdatedAt = context.Now;
        db.Record(new RequestForSupportDraftSaved(draft.Id, section), context);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return ChangeResult<RequestForSupportDraft>.Done(draft);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The same draft open in two tabs: the later save would silently undo the earlier one.
            return ChangeResult<RequestForSupportDraft>.Refused("", "This request was changed in another window. Go back to check your answers and try again");
        }
    }

    public async Task DiscardAsync(RequestForSupportDraft draft, ProcessContext context, CancellationToken cancellationToken = default)
    {
        // Its attachments go with it (cascade on DraftId).
        db.RequestForSupportDrafts.Remove(draft);
        db.Record(new RequestForSupportDraftDiscarded(draft.Id), context);
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<List<AttachmentSummary>> AttachmentsAsync(Guid draftId, CancellationToken cancellationToken = default) =>
        db.ContactAttachments.AsNoTracking().Where(a => a.DraftId == draftId).OrderBy(a => a.UploadedAt)
            .Select(a => new AttachmentSummary(a.Id, a.FileName, a.ContentType, a.SizeBytes)).ToListAsync(cancellationToken);

    public async Task<ChangeResult<ContactAttachment>> AddAttachmentAsync(RequestForSupportDraft draft, string fileName, byte[] content, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var (contentType, error) = AttachmentRules.Check(fileName, content);
        if (error is not null)
        {
            return ChangeResult<ContactAttachment>.Refused("Upload", error);
        }

        var attachment = new ContactAttachment
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = draft.PartnershipId,
            DraftId = draft.Id,
            FileName = Path.GetFileName(fileName.Replace('\\', '/')),
            ContentType = contentType!,
            SizeBytes = content.Length,
            Content = content,
            UploadedAt = context.Now,
            UploadedByUserId = context.UserId ?? Guid.Empty,
        };
        db.ContactAttachments.Add(attachment);
        db.Record(new RequestForSupportAttachmentAdded(draft.Id, attachment.Id, attachment.ContentType, attachment.SizeBytes), context);
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<ContactAttachment>.Done(attachment);
    }

    public async Task RemoveAttachmentAsync(RequestForSupportDraft draft, Guid attachmentId, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var attachment = await db.ContactAttachments.SingleOrDefaultAsync(a => a.Id == attachmentId && a.DraftId == draft.Id, cancellationToken);
        if (attachment is not null)
        {
            db.ContactAttachments.Remove(attachment);
            db.Record(new RequestForSupportAttachmentRemoved(draft.Id, attachmentId), context);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}

public sealed record AttachmentSummary(Guid Id, string FileName, string ContentType, long SizeBytes);
