using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.EarlyHelp;

/// <summary>Check the answers before early help starts.</summary>
[Authorize(Policy = AccessPolicies.PathwayRecord)]
public sealed class StartCheckModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, EarlyHelpRecording recording)
    : LookedAfterPage(db, authorization, actor)
{
    public StartAnswers Answers { get; private set; } = null!;

    public string? LocalityName { get; private set; }

    /// <summary>The referral date of the child in need episode it stepped down from, if one is named.</summary>
    public DateOnly? FromReferral { get; private set; }

    public string FormUrl => $"/children/{Child.Id}/pathway/early-help/start";

    public async Task<IActionResult> OnGetAsync(Guid child, CancellationToken cancellationToken) =>
        await LoadAsync(child, "Check early help before starting it", cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid child, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, null, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await recording.StartAsync(Answers.ToForm(child), Actor.Current(), cancellationToken);
        if (result.Succeeded)
        {
            StartAnswers.Forget(TempData, child);
            return SavedTo($"/children/{child}/pathway/early-help", "Early help started: record the early help assessment next");
        }

        // The answers were checked on the form; what fails now changed since (e.g. early help started elsewhere): shown above the answers.
        foreach (var message in result.Errors.Values.Distinct())
        {
            ModelState.AddModelError("", message);
        }

        Db.ChangeTracker.Clear();
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid child, string? purpose, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(child, purpose, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (StartAnswers.Peek(TempData, child) is not { } answers)
        {
            return Redirect(FormUrl);
        }

        Answers = answers;
        LocalityName = await Db.Localities.AsNoTracking().Where(l => l.Id == answers.LocalityId).Select(l => l.Name).SingleOrDefaultAsync(cancellationToken);
        if (answers.Route is EarlyHelpRoute.AssessmentStepDown or EarlyHelpRoute.ClosureStepDown && answers.FromCinEpisodeId is { } episodeId)
        {
            FromReferral = await Db.CinEpisodes.AsNoTracking().Where(e => e.Id == episodeId).Select(e => (DateOnly?)e.ReferralDate).SingleOrDefaultAsync(cancellationToken);
        }

        return null;
    }
}
