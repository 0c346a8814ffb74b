using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.Assessments;

/// <summary>Allocate (or reallocate) an assessment to a social worker: the child is then due a visit within 3 working days.</summary>
[Authorize(Policy = AccessPolicies.PathwayRecord)]
public sealed class AllocateModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, AssessmentRecording assessments)
    : AssessmentPage(db, authorization, actor)
{
    public IReadOnlyList<User> SocialWorkers { get; private set; } = [];

    [BindProperty]
    public Guid? SocialWorkerUserId { get; set; }

    [BindProperty]
    public DateOnly? AllocatedOn { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid child, Guid assessment, CancellationToken cancellationToken)
    {
        var refused = await LoadAsync(child, assessment, "Allocate an assessment", cancellationToken);
        SocialWorkerUserId = refused is null ? Assessment.SocialWorkerUserId : null;
        return refused ?? await WithWorkersAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(Guid child, Guid assessment, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, assessment, null, cancellationToken) is { } refused)
        {
            return refused;
        }

        await WithWorkersAsync(cancellationToken);
        return await SaveAsync(() => assessments.AllocateAsync(assessment, Version, SocialWorkerUserId, AllocatedOn, ReasonForLateness, Actor.Current(), cancellationToken),
            "Assessment allocated: the child is due to be seen within 3 working days", cancellationToken);
    }

    private async Task<IActionResult> WithWorkersAsync(CancellationToken cancellationToken)
    {
        SocialWorkers = await assessments.SocialWorkersAsync(Child.PartnershipId, cancellationToken);
        return Page();
    }
}
