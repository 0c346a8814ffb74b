using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.EarlyHelp;

/// <summary>Start a child's early help: the answers are checked here, then confirmed on the next page.</summary>
[Authorize(Policy = AccessPolicies.PathwayRecord)]
public sealed class StartModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, EarlyHelpRecording recording)
    : LookedAfterPage(db, authorization, actor)
{
    [BindProperty]
    public DateOnly? StartDate { get; set; }

    [BindProperty]
    public EarlyHelpRoute? Route { get; set; }

    [BindProperty]
    public Guid? LocalityId { get; set; }

    [BindProperty]
    public Guid? FromCinEpisodeId { get; set; }

    public IReadOnlyList<Locality> Localities { get; private set; } = [];

    /// <summary>The child's referrals to social care, newest first: a step-down comes from one of them.</summary>
    public IReadOnlyList<CinEpisode> Referrals { get; private set; } = [];

    public string ListUrl => $"/children/{Child.Id}/pathway/early-help";

    /// <summary>Coming back from the check page to change an answer: the answers come back with it.</summary>
    public async Task<IActionResult> OnGetAsync(Guid child, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, "Start early help", cancellationToken) is { } refused)
        {
            return refused;
        }

        if (StartAnswers.Peek(TempData, child) is { } a)
        {
            (StartDate, Route, LocalityId, FromCinEpisodeId) = (a.StartDate, a.Route, a.LocalityId, a.FromCinEpisodeId);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid child, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, null, cancellationToken) is { } refused)
        {
            return refused;
        }

        var answers = new StartAnswers(StartDate, Route, LocalityId, FromCinEpisodeId);
        var errors = await recording.CheckStartAsync(answers.ToForm(child), Actor.Current(), cancellationToken);
        if (errors.Count > 0 || !ModelState.IsValid)
        {
            AddRefusals(errors);
            return Page();
        }

        answers.Keep(TempData, child);
        return Redirect($"/children/{child}/pathway/early-help/start/check-answers");
    }

    private async Task<IActionResult?> LoadAsync(Guid child, string? purpose, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(child, purpose, cancellationToken) is { } refused)
        {
            return refused;
        }

        Localities = await Db.Localities.AsNoTracking().OrderBy(l => l.Name).ToListAsync(cancellationToken);
        Referrals = await Db.CinEpisodes.AsNoTracking().Where(e => ChildIds.Contains(e.PersonId)).OrderByDescending(e => e.ReferralDate).ToListAsync(cancellationToken);
        return null;
    }
}
