using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.EarlyHelp;

/// <summary>One early help episode as the page shows it: its plan's reviews and the names of the agencies and locality it refers to.</summary>
public sealed record EarlyHelpView(EarlyHelpEpisode Episode, IReadOnlyList<FamilyPlanReview> Reviews, string? Locality, string? AssessingAgency, string? LeadAgency, DateOnly? SteppedUpReferral);

/// <summary>The child's early help, newest first: assessment, lead practitioner, Our Family Plan and how it ended. Every view is audited.</summary>
public sealed class IndexModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, TimeProvider clock)
    : LookedAfterPage(db, authorization, actor)
{
    public IReadOnlyList<EarlyHelpView> Episodes { get; private set; } = [];

    public bool CanRecord { get; private set; }

    public DateOnly Today { get; private set; }

    public string StartUrl => $"/children/{Child.Id}/pathway/early-help/start";

    public async Task<IActionResult> OnGetAsync(Guid child, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(child, "View child's early help", cancellationToken) is { } refused)
        {
            return refused;
        }

        Today = LondonTime.DateOf(clock.GetUtcNow());
        var episodes = await Db.EarlyHelpEpisodes.AsNoTracking().Where(e => ChildIds.Contains(e.PersonId)).OrderByDescending(e => e.StartDate).ToListAsync(cancellationToken);
        var ids = episodes.Select(e => e.Id).ToList();
        var reviews = await Db.FamilyPlanReviews.AsNoTracking().Where(r => ids.Contains(r.EarlyHelpEpisodeId)).OrderBy(r => r.HeldOn).ToListAsync(cancellationToken);
        var agencies = await Db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var localities = await Db.Localities.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Name, cancellationToken);
        var referralIds = episodes.Where(e => e.SteppedUpToCinEpisodeId is not null).Select(e => e.SteppedUpToCinEpisodeId!.Value).ToList();
        var referrals = await Db.CinEpisodes.AsNoTracking().Where(c => referralIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.ReferralDate, cancellationToken);
        Episodes = episodes.Select(e => new EarlyHelpView(
            e,
            reviews.Where(r => r.EarlyHelpEpisodeId == e.Id).ToList(),
            e.LocalityId is { } l ? localities.GetValueOrDefault(l) : null,
            e.AssessingAgencyId is { } a ? agencies.GetValueOrDefault(a) : null,
            e.LeadPractitionerAgencyId is { } lead ? agencies.GetValueOrDefault(lead) : null,
            e.SteppedUpToCinEpisodeId is { } r && referrals.TryGetValue(r, out var referred) ? referred : null)).ToList();
        CanRecord = await CanRecordAsync();
        return Page();
    }

    public string EpisodeUrl(EarlyHelpEpisode episode, string step)
    {
        ArgumentNullException.ThrowIfNull(episode);
        return $"/children/{Child.Id}/pathway/early-help/{episode.Id}/{step}";
    }
}
