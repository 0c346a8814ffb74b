using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.Episodes;

/// <summary>Check the closure, then close the episode. The answers and the version seen travel in the address.</summary>
[Authorize(Policy = AccessPolicies.PathwayAuthorise)]
public sealed class CheckCloseModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, EpisodeClosure closure)
    : PathwayPage(db, authorization, actor)
{
    public CinEpisode Episode { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Reason { get; set; }

    [BindProperty(SupportsGet = true)]
    public long Version { get; set; }

    public DateOnly ClosureDate { get; private set; }

    public string ChangeUrl => $"/children/{Child.Id}/pathway/episodes/{Episode.Id}/close?date={Date}&reason={Uri.EscapeDataString(Reason ?? "")}";

    public static string UrlFor(Guid child, Guid episode, long version, DateOnly date, string reason) =>
        $"/children/{child}/pathway/episodes/{episode}/close/check-answers?date={date:yyyy-MM-dd}&reason={Uri.EscapeDataString(reason)}&version={version}";

    public async Task<IActionResult> OnGetAsync(Guid child, Guid episode, CancellationToken cancellationToken) =>
        await LoadAsync(child, episode, "Check a child in need episode's closure", cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid child, Guid episode, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, episode, null, cancellationToken) is { } refused)
        {
            return refused;
        }

        try
        {
            var result = await closure.CloseAsync(episode, Version, ClosureDate, Reason, Actor.Current(), cancellationToken);
            if (result.Succeeded)
            {
                return Done(result.Value!.NoFurtherAction ? "Episode closed: the referral is recorded as no further action" : "Episode closed");
            }

            foreach (var message in result.Errors.Values)
            {
                ModelState.AddModelError("", message);
            }

            Db.ChangeTracker.Clear();
        }
        catch (DbUpdateConcurrencyException)
        {
            AddConcurrentChange();
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
        if (!DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Redirect($"/children/{child}/pathway/episodes/{episode}/close");
        }

        ClosureDate = date;
        return null;
    }
}
