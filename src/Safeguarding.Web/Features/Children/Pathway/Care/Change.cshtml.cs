using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.Care;

/// <summary>A change of placement and/or legal status: the current episode ends and the next begins on the day of the change.</summary>
public sealed class ChangeModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, CareRecording care)
    : CarePage(db, authorization, actor)
{
    [BindProperty]
    public DateOnly? ChangeDate { get; set; }

    [BindProperty]
    public CareChange? What { get; set; }

    [BindProperty]
    public string? LegalStatus { get; set; }

    [BindProperty]
    public bool? CarerChanged { get; set; }

    [BindProperty]
    public string? PlacementType { get; set; }

    [BindProperty]
    public string? PlacementProvider { get; set; }

    [BindProperty]
    public string? PlacementPostcode { get; set; }

    [BindProperty]
    public string? Urn { get; set; }

    [BindProperty]
    public string? ReasonPlaceChange { get; set; }

    public Task<IActionResult> OnGetAsync(Guid child, Guid period, CancellationToken cancellationToken) =>
        ShowFormAsync(child, period, "Record a change of placement or legal status", cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid child, Guid period, CancellationToken cancellationToken)
    {
        if (await LoadPeriodAsync(child, period, null, cancellationToken) is { } refused)
        {
            return refused;
        }

        var form = new CareChangeForm(ChangeDate, What, LegalStatus, CarerChanged, PlacementType, PlacementProvider, PlacementPostcode, Urn, ReasonPlaceChange);
        var result = await care.ChangeAsync(period, Version, form, Actor.Current(), cancellationToken);
        if (result.Succeeded && ModelState.IsValid)
        {
            return SavedToCare(result.Value!.ReasonNewEpisode == "L"
                ? "Change of legal status recorded"
                : "Change of placement recorded" + (LookedAfterCodes.CarerChanges.Contains(result.Value.ReasonNewEpisode) ? ": the child has a new carer" : ""));
        }

        AddErrors(result.Errors);
        Db.ChangeTracker.Clear();
        return Page();
    }
}
