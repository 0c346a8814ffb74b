using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.RequestForSupport;

public sealed class CheckAnswersModel(RequestForSupportDrafts drafts, ActorContext actor, RequestForSupportSubmission submission, LevelOfNeedGuidance guidance, SafeguardingDbContext db)
    : DraftPage(drafts, actor)
{
    public sealed record ErrorLink(string Text, string Href);

    public IReadOnlyList<ErrorLink> Errors { get; private set; } = [];

    public IReadOnlyList<AttachmentSummary> Files { get; private set; } = [];

    private Dictionary<Guid, string> schools = [];

    public string LevelName => Answers.LevelOfNeed is { } level ? guidance.For(level).Name : "";

    protected override string PreviousPage => JourneyLinks.Page("Attachments", Id);

    public string SchoolName(ChildAnswer child) =>
        child.SchoolAgencyId is { } id && schools.TryGetValue(id, out var name) ? name : child.SchoolName ?? "";

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // The draft id is the idempotency key: a second click, or a resubmitted form, finds the same contact.
        var result = await submission.SubmitAsync(new RequestForSupportSubmit(Answers, Id.ToString(), Draft.Channel, Id), Actor, cancellationToken);
        if (result.Succeeded)
        {
            return Redirect($"{JourneyLinks.Root}/confirmation/{result.Value!.Contact.Id}");
        }

        Errors = result.Errors.Select(e => new ErrorLink(e.Value, JourneyLinks.FieldLink(e.Key, Answers, Id))).ToList();
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The draft has gone because it was sent: show what it became.</summary>
    protected override async Task<IActionResult> DraftNotFoundAsync()
    {
        var user = User.UserId();
        var partnership = User.PartnershipId();
        if (user is { } u && partnership is { } p && await submission.ExistingAsync(p, u, Id.ToString(), HttpContext.RequestAborted) is { } sent)
        {
            return Redirect($"{JourneyLinks.Root}/confirmation/{sent.Id}");
        }

        return NotFound();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Files = await Drafts.AttachmentsAsync(Id, cancellationToken);
        var ids = Answers.Children.Select(c => c.SchoolAgencyId).OfType<Guid>().ToList();
        schools = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
    }
}
