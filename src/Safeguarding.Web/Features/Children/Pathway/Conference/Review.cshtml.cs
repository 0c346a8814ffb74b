using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.Conference;

/// <summary>A review conference of an active child protection plan: it continues (with its category now) or ends.</summary>
public sealed class ReviewModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, ReviewConferenceRecording recording)
    : ConferencePage(db, authorization, actor)
{
    public ChildProtectionPlan Plan { get; private set; } = null!;

    /// <summary>When the running review clock is due, if one runs.</summary>
    public DateOnly? ReviewDue { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid child, Guid plan, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, plan, cancellationToken) is { } refused)
        {
            return refused;
        }

        Version = Plan.Version;
        CategoryOfAbuse = Plan.LatestCategory;
        StartRows();
        await AuditViewAsync("Record a review child protection conference", cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid child, Guid plan, string? add, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, plan, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (AddedRow(add))
        {
            return Page();
        }

        var result = await recording.RecordAsync(plan, Version, ToForm(), Actor.Current(), cancellationToken);
        if (result.Succeeded)
        {
            return Saved(result.Value!.Decision == ConferenceDecision.PlanEnded
                ? "Review conference recorded: the child protection plan has ended"
                : "Review conference recorded: the plan continues and the next review is due in 6 months");
        }

        AddErrors(result.Errors);
        StartRows();
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
        var clock = await Db.Clocks.AsNoTracking()
            .Where(c => c.SubjectType == ChildProtection.PlanSubjectType && c.SubjectId == plan && c.StoppedAt == null && !c.NotRequired
                && (c.RuleId == ChildProtection.FirstReviewRuleId || c.RuleId == ChildProtection.LaterReviewRuleId))
            .OrderBy(c => c.StartedAt).FirstOrDefaultAsync(cancellationToken);
        ReviewDue = clock is null ? null : LondonTime.DateOf(clock.DueAt);
        await LoadAgenciesAsync(cancellationToken);
        return null;
    }
}
