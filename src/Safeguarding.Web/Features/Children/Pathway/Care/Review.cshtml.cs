using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.Care;

/// <summary>A looked-after review: it stops the review clock that is running and starts the next.</summary>
public sealed class ReviewModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, LookedAfterReviewRecording reviews)
    : CarePage(db, authorization, actor)
{
    [BindProperty]
    public DateOnly? HeldOn { get; set; }

    [BindProperty]
    public string? Participation { get; set; }

    [BindProperty]
    public string? ReasonLate { get; set; }

    /// <summary>When the running review clock is due, if one runs.</summary>
    public DateOnly? ReviewDue { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid child, Guid period, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, period, "Record a looked-after review", cancellationToken) is { } refused)
        {
            return refused;
        }

        Version = Period.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid child, Guid period, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, period, null, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await reviews.RecordAsync(period, Version, new LookedAfterReviewForm(HeldOn, Participation, ReasonLate), Actor.Current(), cancellationToken);
        if (result.Succeeded && ModelState.IsValid)
        {
            return SavedToCare("Looked-after review recorded: the next review is now due");
        }

        AddErrors(result.Errors);
        Db.ChangeTracker.Clear();
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid child, Guid period, string? purpose, CancellationToken cancellationToken)
    {
        if (await LoadPeriodAsync(child, period, purpose, cancellationToken) is { } refused)
        {
            return refused;
        }

        ReviewDue = await ReviewDueAsync(period, cancellationToken);
        return null;
    }
}
