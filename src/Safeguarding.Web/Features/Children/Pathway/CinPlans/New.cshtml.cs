using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.CinPlans;

/// <summary>Start a child in need plan on an open episode.</summary>
[Authorize(Policy = AccessPolicies.PathwayRecord)]
public sealed class NewModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, CinPlanRecording plans)
    : PathwayPage(db, authorization, actor)
{
    public CinEpisode Episode { get; private set; } = null!;

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    public DateOnly? StartDate { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid child, Guid episode, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, episode, "Start a child in need plan", cancellationToken) is { } refused)
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

        try
        {
            var result = await plans.StartAsync(episode, Version, StartDate, Actor.Current(), cancellationToken);
            if (result.Succeeded && ModelState.IsValid)
            {
                return Done("Child in need plan started");
            }

            AddErrors(result.Errors);
        }
        catch (DbUpdateConcurrencyException)
        {
            AddConcurrentChange();
            Version = (await EpisodeAsync(episode, cancellationToken))!.Version;
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid child, Guid episode, string? purpose, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(child, purpose, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (await EpisodeAsync(episode, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Episode = found;
        return null;
    }
}
