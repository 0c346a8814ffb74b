using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.EarlyHelp;

/// <summary>End "Our Family Plan" while early help goes on (ending early help ends the plan by itself).</summary>
public sealed class EndPlanModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, EarlyHelpRecording recording)
    : EarlyHelpPage(db, authorization, actor)
{
    [BindProperty]
    public DateOnly? EndDate { get; set; }

    public Task<IActionResult> OnGetAsync(Guid child, Guid episode, CancellationToken cancellationToken) =>
        ShowFormAsync(child, episode, "End Our Family Plan", cancellationToken);

    public Task<IActionResult> OnPostAsync(Guid child, Guid episode, CancellationToken cancellationToken) =>
        RecordAsync(child, episode, (version, context) => recording.EndPlanAsync(episode, version, EndDate, context, cancellationToken),
            "Our Family Plan ended", cancellationToken);
}
