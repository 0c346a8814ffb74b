using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.EarlyHelp;

/// <summary>Start "Our Family Plan" once the assessment is recorded, with the date of its first review.</summary>
public sealed class FamilyPlanModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, EarlyHelpRecording recording)
    : EarlyHelpPage(db, authorization, actor)
{
    [BindProperty]
    public DateOnly? Date { get; set; }

    [BindProperty]
    public DateOnly? NextReviewDue { get; set; }

    public Task<IActionResult> OnGetAsync(Guid child, Guid episode, CancellationToken cancellationToken) =>
        ShowFormAsync(child, episode, "Start Our Family Plan", cancellationToken);

    public Task<IActionResult> OnPostAsync(Guid child, Guid episode, CancellationToken cancellationToken) =>
        RecordAsync(child, episode, (version, context) => recording.StartPlanAsync(episode, version, new FamilyPlanForm(Date, NextReviewDue), context, cancellationToken),
            "Our Family Plan started", cancellationToken);
}
