using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.Care;

/// <summary>End a period of care: the current episode and the period close with why care ended; no more reviews are due.</summary>
public sealed class EndModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, CareRecording care)
    : CarePage(db, authorization, actor)
{
    [BindProperty]
    public DateOnly? EndDate { get; set; }

    [BindProperty]
    public string? EndReason { get; set; }

    public Task<IActionResult> OnGetAsync(Guid child, Guid period, CancellationToken cancellationToken) =>
        ShowFormAsync(child, period, "End a period of care", cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid child, Guid period, CancellationToken cancellationToken)
    {
        if (await LoadPeriodAsync(child, period, null, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await care.EndAsync(period, Version, new CareEndForm(EndDate, EndReason), Actor.Current(), cancellationToken);
        if (result.Succeeded && ModelState.IsValid)
        {
            return SavedToCare(LookedAfterCodes.Adopted.Contains(result.Value!.EndReason!)
                ? "Period of care ended: the child was adopted"
                : "Period of care ended: no more looked-after reviews are due");
        }

        AddErrors(result.Errors);
        Db.ChangeTracker.Clear();
        return Page();
    }
}
