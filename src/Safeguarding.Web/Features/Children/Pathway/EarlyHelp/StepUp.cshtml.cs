using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.EarlyHelp;

/// <summary>Step up to children's social care: early help ends, linked to the referral it led to when that is recorded.</summary>
public sealed class StepUpModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, EarlyHelpRecording recording)
    : EarlyHelpPage(db, authorization, actor)
{
    [BindProperty]
    public DateOnly? Date { get; set; }

    [BindProperty]
    public Guid? CinEpisodeId { get; set; }

    /// <summary>The child's referrals since early help started: the one it led to may be among them.</summary>
    public IReadOnlyList<CinEpisode> Referrals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid child, Guid episode, CancellationToken cancellationToken)
    {
        var shown = await ShowFormAsync(child, episode, "Step up from early help", cancellationToken);
        await LoadReferralsAsync(cancellationToken);
        return shown;
    }

    public Task<IActionResult> OnPostAsync(Guid child, Guid episode, CancellationToken cancellationToken) =>
        RecordAsync(
            child,
            episode,
            async (version, context) =>
            {
                // The choices go back on the page if it is shown again.
                await LoadReferralsAsync(cancellationToken);
                return await recording.StepUpAsync(episode, version, new EarlyHelpStepUpForm(Date, CinEpisodeId), context, cancellationToken);
            },
            "Early help stepped up to children's social care",
            cancellationToken);

    private async Task LoadReferralsAsync(CancellationToken cancellationToken)
    {
        if (Episode is null)
        {
            return;
        }

        Referrals = await Db.CinEpisodes.AsNoTracking().Where(e => ChildIds.Contains(e.PersonId) && e.ReferralDate >= Episode.StartDate)
            .OrderByDescending(e => e.ReferralDate).ToListAsync(cancellationToken);
    }
}
