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

    public Task<IActionResult> OnPostAsync(Guid child, Guid episode, CancellationToken cancellationToken) =>
        RecordAsync(child, episode, (version, context) => recording.CloseAsync(episode, version, new EarlyHelpEndForm(EndDate, Reason), context, cancellationToken),
            "Early help closed", cancellationToken);
}
