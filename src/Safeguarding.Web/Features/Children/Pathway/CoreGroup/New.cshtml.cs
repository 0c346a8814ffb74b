using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.CoreGroup;

/// <summary>A core group meeting of an active plan; the first one stops CW-6.</summary>
public sealed class NewModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, CoreGroupRecording recording)
    : ChildProtectionPage(db, authorization, actor)
{
    public ChildProtectionPlan Plan { get; private set; } = null!;

    /// <summary>When the first core group is due, while none has been held.</summary>
    public DateOnly? FirstDue { get; private set; }

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    [Display(Name = "Date of the meeting")]
    public DateOnly? HeldOn { get; set; }

    [BindProperty]
    public string? Notes { get; set; }

    [BindProperty]
    public string? ReasonLate { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid child, Guid plan, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, plan, cancellationToken) is { } refused)
        {
            return refused;
        }

        Version = Plan.Version;
        await AuditViewAsync("Record a core group meeting", cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid child, Guid plan, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, plan, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await recording.RecordAsync(plan, Version, new CoreGroupForm(HeldOn, Notes, ReasonLate), Actor.Current(), cancellationToken);
        if (result.Succeeded)
        {
            return Saved("Core group meeting recorded");
        }

        AddErrors(result.Errors);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid child, Guid plan, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(child, cancellationToken) is { } refused)
        {
            return refused;
        }

        var found = await Db.ChildProtectionPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == plan, cancellationToken);
        if (found is null || !await BelongsToChildAsync(found.PersonId, cancellationToken))
        {
            return NotFound();
        }

        Plan = found;
        var due = await Db.Clocks.AsNoTracking()
            .Where(c => c.SubjectType == ChildProtection.PlanSubjectType && c.SubjectId == plan && c.RuleId == ChildProtection.CoreGroupRuleId && c.StoppedAt == null && !c.NotRequired)
            .Select(c => (DateTimeOffset?)c.DueAt).FirstOrDefaultAsync(cancellationToken);
        FirstDue = due is { } at ? LondonTime.DateOf(at) : null;
        return null;
    }
}
