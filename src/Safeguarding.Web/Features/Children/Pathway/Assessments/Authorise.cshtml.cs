using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.Assessments;

/// <summary>A team manager authorises the assessment: the factors identified, the outcome, and the primary need if not yet settled.</summary>
[Authorize(Policy = AccessPolicies.PathwayAuthorise)]
public sealed class AuthoriseModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, AssessmentRecording assessments)
    : AssessmentPage(db, authorization, actor)
{
    /// <summary>The episode has no primary need yet: the manager settles it here.</summary>
    public bool NeedsPrimaryNeed { get; private set; }

    [BindProperty]
    public DateOnly? AuthorisationDate { get; set; }

    [BindProperty]
    public List<string> Factors { get; set; } = [];

    [BindProperty]
    public AssessmentOutcome? Outcome { get; set; }

    [BindProperty]
    public string? PrimaryNeed { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid child, Guid assessment, CancellationToken cancellationToken) =>
        await LoadAsync(child, assessment, "Authorise an assessment", cancellationToken) ?? await WithEpisodeAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid child, Guid assessment, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, assessment, null, cancellationToken) is { } refused)
        {
            return refused;
        }

        await WithEpisodeAsync(cancellationToken);
        return await SaveAsync(() => assessments.AuthoriseAsync(assessment, Version, new AssessmentAuthorisationForm(AuthorisationDate, Factors, Outcome, PrimaryNeed, ReasonForLateness), Actor.Current(), cancellationToken),
            "Assessment authorised", cancellationToken);
    }

    private async Task<IActionResult> WithEpisodeAsync(CancellationToken cancellationToken)
    {
        NeedsPrimaryNeed = await Db.CinEpisodes.AsNoTracking().Where(e => e.Id == Assessment.EpisodeId).Select(e => e.PrimaryNeed == null).SingleAsync(cancellationToken);
        return Page();
    }
}
