using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.AgencyChecks;

/// <summary>
/// An agency answers a MASH check. It sees the question and only what it needs to search its own
/// records: the contact reference and the children's names and dates of birth.
/// </summary>
public sealed class AnswerModel(SafeguardingDbContext db, Core.FrontDoor.AgencyChecks checks, IAuthorizationService authorization, ActorContext actor, TimeProvider clock) : PageModel
{
    public sealed record ChildDetails(string Name, string? Born);

    public AgencyInformationRequest? Check { get; private set; }

    public string Reference { get; private set; } = "";

    public string AgencyName { get; private set; } = "";

    public IReadOnlyList<ChildDetails> Children { get; private set; } = [];

    public bool Late { get; private set; }

    [BindProperty]
    public string? Answer { get; set; }

    [BindProperty]
    public RagPriority? AnswerRag { get; set; }

    [BindProperty]
    public long Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Version = Check!.Version;
        await db.RecordAccessAsync(nameof(AgencyInformationRequest), id.ToString(), "View agency check", actor.Current(), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await checks.AnswerAsync(id, Answer, AnswerRag, Version, actor.Current(), cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors)
            {
                var key = field switch
                {
                    Core.FrontDoor.AgencyChecks.ChangedElsewhere => "",
                    nameof(AgencyInformationRequest.Response) => nameof(Answer),
                    nameof(AgencyInformationRequest.ResponseRag) => nameof(AnswerRag),
                    _ => field,
                };
                ModelState.AddModelError(key, message);
            }

            // Show what is there now, so a second answerer sees the first one's answer.
            await LoadAsync(id, cancellationToken);
            Version = Check!.Version;
            return Page();
        }

        TempData["Notice"] = $"Your answer to {Reference} has been sent to the front door";
        return Redirect("/agency-checks");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Check = await db.AgencyInformationRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (Check is null)
        {
            return NotFound();
        }

        if (!(await authorization.AuthorizeAsync(User, Check, RecordAccessRequirement.Open)).Succeeded)
        {
            return Forbid();
        }

        var contactId = Check.ContactId;
        Reference = await db.Contacts.AsNoTracking().Where(c => c.Id == contactId).Select(c => c.Reference).SingleAsync(cancellationToken);
        var agencyId = Check.AgencyId;
        AgencyName = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).SingleAsync(cancellationToken);
        Children = (await db.ContactChildren.AsNoTracking().Where(c => c.ContactId == contactId).OrderBy(c => c.Position).ToListAsync(cancellationToken))
            .Select(c => new ChildDetails(
                string.Join(' ', new[] { c.FirstName, c.LastName }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } name ? name : "Name not known",
                c.Unborn ? c.ExpectedDateOfBirth is { } due ? $"Unborn, due {DateDisplay.Readable(due)}" : "Unborn"
                : c.DateOfBirth is { } born ? DateDisplay.Readable(born) : null))
            .ToList();
        Late = Core.FrontDoor.AgencyChecks.IsLate(Check, clock.GetUtcNow());
        return null;
    }
}
