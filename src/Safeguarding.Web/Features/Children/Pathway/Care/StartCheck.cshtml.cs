using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.Care;

/// <summary>Check the answers before the period of care starts (it opens the first episode and the CW-9 clock).</summary>
public sealed class StartCheckModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, CareRecording care)
    : ChildProtectionPage(db, authorization, actor)
{
    public StartAnswers Answers { get; private set; } = null!;

    /// <summary>The referral date of the child in need episode the period is linked to, if it is.</summary>
    public DateOnly? LinkedReferral { get; private set; }

    public string FormUrl => $"/children/{Child.Id}/pathway/care/start";

    public async Task<IActionResult> OnGetAsync(Guid child, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, cancellationToken) is { } refused)
        {
            return refused;
        }

        await AuditViewAsync("Check a period of care before starting it", cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid child, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await care.StartAsync(Answers.ToForm(child), Actor.Current(), cancellationToken);
        if (result.Succeeded)
        {
            StartAnswers.Forget(TempData, child);
            return PageNotice.Redirect(this, $"/children/{child}/pathway/care", "Period of care started: the first looked-after review is due within 20 working days");
        }

        // The answers were checked on the form; what fails now changed since (e.g. a period started elsewhere): shown above the answers.
        foreach (var message in result.Errors.Values.Distinct())
        {
            ModelState.AddModelError("", message);
        }

        Db.ChangeTracker.Clear();
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid child, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(child, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (StartAnswers.Peek(TempData, child) is not { } answers)
        {
            return Redirect(FormUrl);
        }

        Answers = answers;
        if (answers.CinEpisodeId is { } episodeId)
        {
            LinkedReferral = await Db.CinEpisodes.AsNoTracking().Where(e => e.Id == episodeId).Select(e => (DateOnly?)e.ReferralDate).SingleOrDefaultAsync(cancellationToken);
        }

        return null;
    }
}
