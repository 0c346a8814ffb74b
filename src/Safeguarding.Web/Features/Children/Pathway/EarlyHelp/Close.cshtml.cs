using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.EarlyHelp;

/// <summary>Close early help (needs met, consent withdrawn, moved away); a step-up to social care has its own page.</summary>
public sealed class CloseModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, EarlyHelpRecording recording)
    : EarlyHelpPage(db, authorization, actor)
{
    public static readonly IReadOnlyList<EarlyHelpEndReason> Reasons =
        Enum.GetValues<EarlyHelpEndReason>().Where(r => r != EarlyHelpEndReason.SteppedUpToSocialCare).ToList();

    [BindProperty]
    public DateOnly? EndDate { get; set; }

    [BindProperty]
    public EarlyHelpEndReason? Reason { get; set; }

    public Task<IActionResult> OnGetAsync(Guid child, Guid episode, CancellationToken cancellationToken) =>
        ShowFormAsync(child, episode, "Close early help", cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid child, Guid episode, CancellationToken cancellationToken)
    {
        if (await LoadEpisodeAsync(child, episode, null, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await recording.CloseAsync(episode, Version, new EarlyHelpEndForm(EndDate, Reason), Actor.Current(), cancellationToken);
        return await SavedOrShownAsync(result, "Early help closed", cancellationToken);
    }
}
