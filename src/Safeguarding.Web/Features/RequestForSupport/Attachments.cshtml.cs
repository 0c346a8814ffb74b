using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.RequestForSupport;

public sealed class AttachmentsModel(RequestForSupportDrafts drafts, ActorContext actor) : DraftPage(drafts, actor)
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<AttachmentSummary> Files { get; private set; } = [];

    protected override string PreviousPage => JourneyLinks.Page("LevelOfNeed", Id);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Files = await Drafts.AttachmentsAsync(Id, cancellationToken);

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Select a file to upload");
        }
        else if (Upload.Length > AttachmentRules.MaxBytes)
        {
            // Refused before reading it into memory.
            ModelState.AddModelError(nameof(Upload), "The selected file must be smaller than 10MB");
        }
        else
        {
            using var buffer = new MemoryStream();
            await Upload.CopyToAsync(buffer, cancellationToken);
            var added = await Drafts.AddAttachmentAsync(Draft, Upload.FileName, buffer.ToArray(), Actor, cancellationToken);
            AddErrors(added.Errors);
        }

        if (!ModelState.IsValid)
        {
            Files = await Drafts.AttachmentsAsync(Id, cancellationToken);
            return Page();
        }

        return Redirect(JourneyLinks.Page("Attachments", Id, Changing));
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid attachmentId, CancellationToken cancellationToken)
    {
        await Drafts.RemoveAttachmentAsync(Draft, attachmentId, Actor, cancellationToken);
        return Redirect(JourneyLinks.Page("Attachments", Id, Changing));
    }

    public IActionResult OnPost() => Redirect(JourneyLinks.Page("CheckAnswers", Id));
}

public static class AttachmentText
{
    public static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.0}MB" : $"{Math.Max(1, bytes / 1024)}KB";
}
