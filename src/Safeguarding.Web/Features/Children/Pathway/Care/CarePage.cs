using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.Care;

/// <summary>
/// What the pages recording a child's period of care share: the child opened with the record's own
/// checks, the period found among this child's records only, its current episode, the version the
/// person saw, and the way back to the child's care page with a notice.
/// </summary>
public abstract class CarePage(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor)
    : ChildProtectionPage(db, authorization, actor)
{
    public CarePeriod Period { get; private set; } = null!;

    /// <summary>The episode in force now (null once the period has ended).</summary>
    public CareEpisode? Current { get; private set; }

    [BindProperty]
    public long Version { get; set; }

    public string CareUrl => $"/children/{Child.Id}/pathway/care";

    /// <summary>Null when the child and their period can be opened (the view audited when a purpose is given); otherwise the response to give.</summary>
    protected async Task<IActionResult?> LoadPeriodAsync(Guid child, Guid period, string? viewPurpose, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(child, cancellationToken) is { } refused)
        {
            return refused;
        }

        var found = await Db.CarePeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == period, cancellationToken);
        if (found is null || !await BelongsToChildAsync(found.PersonId, cancellationToken))
        {
            return NotFound();
        }

        Period = found;
        Current = await Db.CareEpisodes.AsNoTracking().Where(e => e.CarePeriodId == period && e.EndDate == null)
            .OrderByDescending(e => e.StartDate).FirstOrDefaultAsync(cancellationToken);
        if (viewPurpose is not null)
        {
            await AuditViewAsync(viewPurpose, cancellationToken);
        }

        return null;
    }

    /// <summary>A form on the period, opened (and the view audited) at the version the person starts from.</summary>
    protected async Task<IActionResult> ShowFormAsync(Guid child, Guid period, string purpose, CancellationToken cancellationToken)
    {
        if (await LoadPeriodAsync(child, period, purpose, cancellationToken) is { } refused)
        {
            return refused;
        }

        Version = Period.Version;
        return Page();
    }

    /// <summary>Saved: back to the child's care page, with what was done.</summary>
    protected IActionResult SavedToCare(string notice) => PageNotice.Redirect(this, CareUrl, notice);

    /// <summary>When the running looked-after review clock is due, if one runs.</summary>
    protected async Task<DateOnly?> ReviewDueAsync(Guid periodId, CancellationToken cancellationToken)
    {
        var clock = await ChildProtection.RunningClockAsync(Db, CareRecording.SubjectType, periodId, CareRecording.ReviewRuleIds, cancellationToken);
        return clock is null ? null : LondonTime.DateOf(clock.DueAt);
    }

    public static string Label(IReadOnlyList<CodeOption> set, string? code) => LookedAfterCodes.LabelOf(set, code);
}
