using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.FrontDoor.Consent;

/// <summary>The worker confirms the consent status (Ofsted found consent missing from records); a decision needs it.</summary>
public sealed class ConsentModel(SafeguardingDbContext db, FrontDoorWorkspace workspace, ActorContext actor) : ContactFormPage(db)
{
    public Contact Contact { get; private set; } = null!;

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    public ConsentStatus? Consent { get; set; }

    [BindProperty]
    public string? ConsentGivenBy { get; set; }

    [BindProperty]
    public string? ConsentNotObtainedReason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await ContactAsync(id, cancellationToken) is not { } contact)
        {
            return NotFound();
        }

        Contact = contact;
        Version = contact.Version;
        Consent = contact.Consent;
        ConsentGivenBy = contact.ConsentGivenBy;
        ConsentNotObtainedReason = contact.ConsentNotObtainedReason;
        await Db.RecordAccessAsync(Core.FrontDoor.Contact.SubjectType, id.ToString(), "Check consent", actor.Current(), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            var result = await workspace.CheckConsentAsync(id, Version, Consent, ConsentGivenBy, ConsentNotObtainedReason, actor.Current(), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Notice"] = "Consent checked";
                return RedirectToPage("/FrontDoor/Contacts/Contact", new { id });
            }

            AddErrors(result.Errors);
        }
        catch (DbUpdateConcurrencyException)
        {
            await ConcurrentChangeAsync(id, cancellationToken);
        }

        if (await ContactAsync(id, cancellationToken) is not { } contact)
        {
            return NotFound();
        }

        Contact = contact;
        ModelState.Remove(nameof(Version));
        Version = contact.Version;
        return Page();
    }
}
