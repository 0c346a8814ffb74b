using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;
using Safeguarding.Web.Features.Learning.SeriousIncidents;

namespace Safeguarding.Web.Features.Children.Pathway.Missing;

/// <summary>Record a child going missing or away; the care period open that day is found for them.</summary>
[Authorize(Policy = AccessPolicies.PathwayRecord)]
public sealed class NewModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, MissingEpisodeRecording recording)
    : LookedAfterPage(db, authorization, actor)
{
    [BindProperty]
    public MissingKind? Kind { get; set; }

    [BindProperty]
    [Display(Name = "Date the child went missing")]
    public DateOnly? StartedDate { get; set; }

    [BindProperty]
    public string? StartedTime { get; set; }

    public string ListUrl => $"/children/{Child.Id}/pathway/missing";

    public async Task<IActionResult> OnGetAsync(Guid child, CancellationToken cancellationToken) =>
        await OpenChildAsync(child, "Record a missing episode", cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid child, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(child, null, cancellationToken) is { } refused)
        {
            return refused;
        }

        var startedAt = LondonTimeInput.Combine(StartedDate, StartedTime, nameof(StartedTime), ModelState, "the child went missing");
        var result = await recording.StartAsync(Child.Id, new MissingStartForm(Kind, startedAt), Actor.Current(), cancellationToken);
        if (result.Succeeded && ModelState.IsValid)
        {
            return SavedTo(ListUrl, "Missing episode recorded");
        }

        // A time that could not be read is already named on the time field.
        AddRefusals(result.Errors.Where(e => !(e.Key == nameof(MissingStartForm.StartedAt) && BinderRefused(nameof(StartedTime)))).ToDictionary(),
            new Dictionary<string, string> { [nameof(MissingStartForm.StartedAt)] = nameof(StartedDate) });
        return Page();
    }
}
