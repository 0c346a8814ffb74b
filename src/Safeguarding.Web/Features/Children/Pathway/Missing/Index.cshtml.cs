using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.Missing;

/// <summary>One missing episode as the list shows it, with the state of its CW-12 clock once the child is back.</summary>
public sealed record MissingEpisodeRow(MissingEpisode Episode, int HoursMissing, ClockState? Interview);

/// <summary>The child's missing and away episodes, newest first, with the return home interview's 72 hours. Every view is audited.</summary>
public sealed class IndexModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, TimeProvider clock)
    : LookedAfterPage(db, authorization, actor)
{
    public IReadOnlyList<MissingEpisodeRow> Episodes { get; private set; } = [];

    public bool CanRecord { get; private set; }

    public string NewUrl => $"/children/{Child.Id}/pathway/missing/new";

    public async Task<IActionResult> OnGetAsync(Guid child, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(child, "View child's missing episodes", cancellationToken) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        var episodes = await Db.MissingEpisodes.AsNoTracking().Where(m => ChildIds.Contains(m.PersonId)).ToListAsync(cancellationToken);
        var ids = episodes.Select(m => m.Id).ToList();
        var clocks = await Db.Clocks.AsNoTracking()
            .Where(c => c.SubjectType == MissingEpisodeRecording.SubjectType && ids.Contains(c.SubjectId) && c.RuleId == MissingEpisodeRecording.ReturnHomeInterviewRuleId)
            .ToListAsync(cancellationToken);
        Episodes = episodes.OrderByDescending(m => m.StartedAt)
            .Select(m => new MissingEpisodeRow(
                m,
                MissingEpisodeRecording.HoursMissing(m, now),
                clocks.Where(c => c.SubjectId == m.Id).OrderByDescending(c => c.StartedAt).Select(c => PathwayOverview.StateOf(c, now)).FirstOrDefault()))
            .ToList();
        CanRecord = await CanRecordAsync();
        return Page();
    }

    public string EpisodeUrl(MissingEpisode episode, string step)
    {
        ArgumentNullException.ThrowIfNull(episode);
        return $"/children/{Child.Id}/pathway/missing/{episode.Id}/{step}";
    }

    public static string Describe(MissingKind kind) => kind == MissingKind.Missing ? "Missing" : "Away without authorisation";
}
