using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.Assessments;

/// <summary>Start a child and family assessment on an open episode, allocated now or later.</summary>
[Authorize(Policy = AccessPolicies.PathwayRecord)]
public sealed class NewModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, AssessmentRecording assessments)
    : PathwayPage(db, authorization, actor)
{
    public CinEpisode Episode { get; private set; } = null!;

    public IReadOnlyList<User> SocialWorkers { get; private set; } = [];

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    public DateOnly? StartDate { get; set; }

    [BindProperty]
    public Guid? SocialWorkerUserId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid child, Guid episode, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, episode, "Start an assessment", cancellationToken) is { } refused)
        {
            return refused;
        }

        Version = Episode.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid child, Guid episode, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, episode, null, cancellationToken) is { } refused)
        {
            return refused;
        }

        try
        {
            var result = await assessments.StartAsync(episode, Version, StartDate, SocialWorkerUserId, Actor.Current(), cancellationToken);
            if (result.Succeeded && ModelState.IsValid)
            {
                return Done(SocialWorkerUserId is null ? "Assessment started: allocate it to a social worker within 7 working days" : "Assessment started and allocated");
            }

            AddErrors(result.Errors);
        }
        catch (DbUpdateConcurrencyException)
        {
            AddConcurrentChange();
            Version = (await EpisodeAsync(episode, cancellationToken))!.Version;
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid child, Guid episode, string? purpose, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(child, purpose, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (await EpisodeAsync(episode, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Episode = found;
        SocialWorkers = await assessments.SocialWorkersAsync(Child.PartnershipId, cancellationToken);
        return null;
    }
}
