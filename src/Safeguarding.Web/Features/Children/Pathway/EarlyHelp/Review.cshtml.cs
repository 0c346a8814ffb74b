using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.EarlyHelp;

/// <summary>A review of "Our Family Plan", and when the next is due.</summary>
public sealed class ReviewModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, EarlyHelpRecording recording)
    : EarlyHelpPage(db, authorization, actor)
{
    [BindProperty]
    public DateOnly? Date { get; set; }

    [BindProperty]
    public DateOnly? NextReviewDue { get; set; }

    public Task<IActionResult> OnGetAsync(Guid child, Guid episode, CancellationToken cancellationToken) =>
        ShowFormAsync(child, episode, "Review Our Family Plan", cancellationToken);

    public Task<IActionResult> OnPostAsync(Guid child, Guid episode, CancellationToken cancellationToken) =>
        RecordAsync(child, episode, (version, context) => recording.ReviewPlanAsync(episode, version, new FamilyPlanForm(Date, NextReviewDue), context, cancellationToken),
            "Review of Our Family Plan recorded", cancellationToken);
}
