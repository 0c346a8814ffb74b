using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.EarlyHelp;

/// <summary>
/// What the pages recording on a child's early help share: the episode found among this child's records
/// only, every view audited, the version the person saw, the partnership's agencies to choose from, and
/// the way back to the child's early help with a notice (or the refusal on the form, at the version now).
/// </summary>
[Authorize(Policy = AccessPolicies.PathwayRecord)]
public abstract class EarlyHelpPage(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor)
    : LookedAfterPage(db, authorization, actor)
{
    public EarlyHelpEpisode Episode { get; private set; } = null!;

    public IReadOnlyList<AgencyOption> Agencies { get; private set; } = [];

    [BindProperty]
    public long Version { get; set; }

    public string ListUrl => $"/children/{Child.Id}/pathway/early-help";

    /// <summary>A form on the episode, opened (and the view audited) at the version the person starts from.</summary>
    protected async Task<IActionResult> ShowFormAsync(Guid child, Guid episode, string purpose, CancellationToken cancellationToken)
    {
        if (await LoadEpisodeAsync(child, episode, purpose, cancellationToken) is { } refused)
        {
            return refused;
        }

        Version = Episode.Version;
        return Page();
    }

    /// <summary>Null when the child and their episode can be opened; otherwise the response to give.</summary>
    protected async Task<IActionResult?> LoadEpisodeAsync(Guid child, Guid episode, string? purpose, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(child, purpose, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (await Db.EarlyHelpEpisodes.AsNoTracking().SingleOrDefaultAsync(e => e.Id == episode && ChildIds.Contains(e.PersonId), cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Episode = found;
        Agencies = await Db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name)
            .Select(a => new AgencyOption(a.Id, a.Name)).ToListAsync(cancellationToken);
        return null;
    }

    /// <summary>A form posted on the episode: the child and episode opened again, the change recorded at the version the person saw.</summary>
    protected async Task<IActionResult> RecordAsync(
        Guid child, Guid episode, Func<long, ProcessContext, Task<ChangeResult<EarlyHelpEpisode>>> record, string notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (await LoadEpisodeAsync(child, episode, null, cancellationToken) is { } refused)
        {
            return refused;
        }

        return await SavedOrShownAsync(await record(Version, Actor.Current()), notice, cancellationToken);
    }

    /// <summary>Saved: back to the child's early help with what was done; refused: the errors on the form, a stale one at the version now.</summary>
    private async Task<IActionResult> SavedOrShownAsync(ChangeResult<EarlyHelpEpisode> result, string notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Succeeded && ModelState.IsValid)
        {
            return SavedTo(ListUrl, notice);
        }

        AddRefusals(result.Errors);
        if (result.Errors.ContainsKey(ChildProtection.ChangedElsewhere))
        {
            await LoadEpisodeAsync(Child.Id, Episode.Id, null, cancellationToken);
            Version = Episode.Version;
            ModelState.Remove(nameof(Version));
        }

        return Page();
    }

    public string AgencyName(Guid? id) => Agencies.FirstOrDefault(a => a.Id == id)?.Name ?? "";
}
