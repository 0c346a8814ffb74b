using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.Assessments;

/// <summary>A change to one of the child's assessments: loads it (this child's only) and handles a stale page.</summary>
public abstract class AssessmentPage(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor)
    : PathwayPage(db, authorization, actor)
{
    public Assessment Assessment { get; private set; } = null!;

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    public string? ReasonForLateness { get; set; }

    public string Caption => $"{Child.FullName}, assessment started {Format(Assessment.StartDate)}";

    protected async Task<IActionResult?> LoadAsync(Guid child, Guid assessment, string? purpose, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(child, purpose, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (await AssessmentAsync(assessment, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Assessment = found;
        if (purpose is not null)
        {
            Version = found.Version;
        }

        return null;
    }

    /// <summary>Runs the change; success goes back to the pathway, a refusal or a stale page stays here.</summary>
    protected async Task<IActionResult> SaveAsync(Func<Task<ChangeResult<Assessment>>> change, string notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        try
        {
            var result = await change();
            if (result.Succeeded && ModelState.IsValid)
            {
                return Done(notice);
            }

            AddErrors(result.Errors);
        }
        catch (DbUpdateConcurrencyException)
        {
            AddConcurrentChange();
            Assessment = (await AssessmentAsync(Assessment.Id, cancellationToken))!;
            Version = Assessment.Version;
        }

        return Page();
    }
}
