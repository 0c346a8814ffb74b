using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.Episodes;

/// <summary>A team manager closes the episode: the answers are checked, then confirmed on the next page.</summary>
[Authorize(Policy = AccessPolicies.PathwayAuthorise)]
public sealed class CloseModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, EpisodeClosure closure)
    : PathwayPage(db, authorization, actor)
{
    public CinEpisode Episode { get; private set; } = null!;

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    public DateOnly? ClosureDate { get; set; }

    [BindProperty]
    public string? ClosureReason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid child, Guid episode, string? date, string? reason, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(child, "Close a child in need episode", cancellationToken) is { } refused)
        {
            return refused;
        }

        if (await EpisodeAsync(episode, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Episode = found;
        Version = found.Version;
        ClosureDate = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        ClosureReason = reason;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid child, Guid episode, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(child, null, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (await EpisodeAsync(episode, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Episode = found;
        var errors = await closure.CheckAsync(episode, ClosureDate, ClosureReason, Actor.Current(), cancellationToken);
        if (errors.Count == 0 && ModelState.IsValid)
        {
            return Redirect(CheckCloseModel.UrlFor(child, episode, Version, ClosureDate!.Value, ClosureReason!));
        }

        AddErrors(errors);
        return Page();
    }
}
