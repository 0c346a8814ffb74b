using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.Assessments;

/// <summary>Record the social worker's first visit to the child for the assessment.</summary>
[Authorize(Policy = AccessPolicies.PathwayRecord)]
public sealed class VisitModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, AssessmentRecording assessments)
    : AssessmentPage(db, authorization, actor)
{
    [BindProperty]
    public DateOnly? VisitedOn { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid child, Guid assessment, CancellationToken cancellationToken) =>
        await LoadAsync(child, assessment, "Record an assessment visit", cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid child, Guid assessment, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, assessment, null, cancellationToken) is { } refused)
        {
            return refused;
        }

        return await SaveAsync(() => assessments.RecordVisitAsync(assessment, Version, VisitedOn, ReasonForLateness, Actor.Current(), cancellationToken),
            "First visit recorded", cancellationToken);
    }
}
