using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.Care;

/// <summary>Start a period of care: the answers are checked here, then confirmed on the next page (saving starts the review clock).</summary>
public sealed class StartModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, CareRecording care)
    : ChildProtectionPage(db, authorization, actor)
{
    [BindProperty]
    public DateOnly? StartDate { get; set; }

    [BindProperty]
    public string? LegalStatus { get; set; }

    [BindProperty]
    public string? CategoryOfNeed { get; set; }

    [BindProperty]
    public string? PlacementType { get; set; }

    [BindProperty]
    public string? PlacementProvider { get; set; }

    [BindProperty]
    public string? PlacementPostcode { get; set; }

    [BindProperty]
    public string? HomePostcode { get; set; }

    [BindProperty]
    public string? Urn { get; set; }

    [BindProperty]
    public bool? UnaccompaniedAsylumSeeker { get; set; }

    [BindProperty]
    public Guid? CinEpisodeId { get; set; }

    /// <summary>The child's open child in need episode, which the period can be linked to.</summary>
    public CinEpisode? OpenEpisode { get; private set; }

    public string CareUrl => $"/children/{Child.Id}/pathway/care";

    /// <summary>Coming back from the check page to change an answer: the answers come back with it.</summary>
    public async Task<IActionResult> OnGetAsync(Guid child, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (StartAnswers.Peek(TempData, child) is { } a)
        {
            (StartDate, LegalStatus, CategoryOfNeed, PlacementType, PlacementProvider, PlacementPostcode, HomePostcode, Urn, UnaccompaniedAsylumSeeker, CinEpisodeId) =
                (a.StartDate, a.LegalStatus, a.CategoryOfNeed, a.PlacementType, a.PlacementProvider, a.PlacementPostcode, a.HomePostcode, a.Urn, a.UnaccompaniedAsylumSeeker, a.CinEpisodeId);
        }
        else
        {
            CinEpisodeId = OpenEpisode?.Id;
        }

        await AuditViewAsync("Start a period of care", cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid child, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, cancellationToken) is { } refused)
        {
            return refused;
        }

        var answers = new StartAnswers(StartDate, LegalStatus, CategoryOfNeed, PlacementType, PlacementProvider, PlacementPostcode, HomePostcode, Urn, UnaccompaniedAsylumSeeker, CinEpisodeId);
        var errors = await care.CheckStartAsync(answers.ToForm(child), Actor.Current(), cancellationToken);
        if (errors.Count > 0 || !ModelState.IsValid)
        {
            AddErrors(errors);
            return Page();
        }

        answers.Keep(TempData, child);
        return Redirect($"/children/{child}/pathway/care/start/check-answers");
    }

    private async Task<IActionResult?> LoadAsync(Guid child, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(child, cancellationToken) is { } refused)
        {
            return refused;
        }

        var ids = await MergedRecords.IdsOfAsync(Db, child, cancellationToken);
        OpenEpisode = await Db.CinEpisodes.AsNoTracking().Where(e => ids.Contains(e.PersonId) && e.ClosureDate == null)
            .OrderByDescending(e => e.ReferralDate).FirstOrDefaultAsync(cancellationToken);
        return null;
    }
}
