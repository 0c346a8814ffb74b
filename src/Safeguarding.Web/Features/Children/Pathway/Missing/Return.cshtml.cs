using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;
using Safeguarding.Web.Features.Learning.SeriousIncidents;

namespace Safeguarding.Web.Features.Children.Pathway.Missing;

/// <summary>Record the child's return: the return home interview's 72 hours (CW-12) start from it.</summary>
[Authorize(Policy = AccessPolicies.PathwayRecord)]
public sealed class ReturnModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, MissingEpisodeRecording recording)
    : LookedAfterPage(db, authorization, actor)
{
    public MissingEpisode Episode { get; private set; } = null!;

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    [Display(Name = "Date the child returned")]
    public DateOnly? ReturnedDate { get; set; }

    [BindProperty]
    public string? ReturnedTime { get; set; }

    public string ListUrl => $"/children/{Child.Id}/pathway/missing";

    public async Task<IActionResult> OnGetAsync(Guid child, Guid episode, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, episode, "Record a return from a missing episode", cancellationToken) is { } refused)
        {
            return refused;
        }

        Version = Episode.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid child, Guid episode, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, episode, null, cancellationToken) is { } refused)
        {
            return refused;
        }

        var returnedAt = LondonTimeInput.Combine(ReturnedDate, ReturnedTime, nameof(ReturnedTime), ModelState, "the child returned");
        var result = await recording.ReturnAsync(episode, Version, returnedAt, Actor.Current(), cancellationToken);
        if (result.Succeeded && ModelState.IsValid)
        {
            return SavedTo(ListUrl, "Return recorded: offer a return home interview within 72 hours");
        }

        AddRefusals(result.Errors.Where(e => !(e.Key == "ReturnedAt" && BinderRefused(nameof(ReturnedTime)))).ToDictionary(),
            new Dictionary<string, string> { ["ReturnedAt"] = nameof(ReturnedDate) });
        if (result.Errors.ContainsKey(ChildProtection.ChangedElsewhere))
        {
            // Show the episode as it is now, at the version to try again from.
            await LoadAsync(child, episode, null, cancellationToken);
            Version = Episode.Version;
            ModelState.Remove(nameof(Version));
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid child, Guid episode, string? purpose, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(child, purpose, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (await Db.MissingEpisodes.AsNoTracking().SingleOrDefaultAsync(m => m.Id == episode && ChildIds.Contains(m.PersonId), cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Episode = found;
        return null;
    }
}
