using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.Section47;

/// <summary>The outcome of a section 47 enquiry: a conference, or none (CW-5 then not required).</summary>
public sealed class OutcomeModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, Section47OutcomeRecording recording)
    : ChildProtectionPage(db, authorization, actor)
{
    public Section47Enquiry Enquiry { get; private set; } = null!;

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    public Section47Outcome? Outcome { get; set; }

    [BindProperty]
    [Display(Name = "Date of the outcome")]
    public DateOnly? OutcomeDate { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid child, Guid enquiry, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, enquiry, cancellationToken) is { } refused)
        {
            return refused;
        }

        Version = Enquiry.Version;
        await AuditViewAsync("Record a section 47 outcome", cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid child, Guid enquiry, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, enquiry, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await recording.RecordAsync(enquiry, Version, new Section47OutcomeForm(Outcome, OutcomeDate), Actor.Current(), cancellationToken);
        if (result.Succeeded)
        {
            return Saved(result.Value!.ConferenceNotRequired
                ? "Section 47 outcome recorded: no initial conference is needed"
                : $"Section 47 outcome recorded: the initial conference is due by {Date(result.Value.InitialConferenceTarget)}");
        }

        AddErrors(result.Errors);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid child, Guid enquiry, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(child, cancellationToken) is { } refused)
        {
            return refused;
        }

        var found = await Db.Section47Enquiries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == enquiry, cancellationToken);
        if (found is null || !await BelongsToChildAsync(found.PersonId, cancellationToken))
        {
            return NotFound();
        }

        Enquiry = found;
        return null;
    }
}
