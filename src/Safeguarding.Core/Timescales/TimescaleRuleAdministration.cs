using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Timescales;

public sealed record TimescaleRuleOverrideForm(string RuleId, DateOnly EffectiveFrom, int Duration, TimescaleUnit Unit, int DueSoonWarning, string Reason);

/// <summary>
/// An administrator's local versions of the partnership's rules. A version only ever starts today or
/// later, so no deadline already worked out changes.
/// </summary>
public sealed class TimescaleRuleAdministration(SafeguardingDbContext db, PartnershipTimescales timescales)
{
    public const string DuplicateDateMessage = "A local version of this rule already starts on that date";

    public async Task<ChangeResult<TimescaleRuleOverride>> RecordOverrideAsync(TimescaleRuleOverrideForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var partnershipId = context.PartnershipId ?? throw new InvalidOperationException("A local rule version belongs to a partnership.");
        if (!DefaultTimescaleRules.All.Any(r => r.Id == form.RuleId))
        {
            return ChangeResult<TimescaleRuleOverride>.Refused("", $"There is no timescale rule {form.RuleId}");
        }

        var today = LondonTime.DateOf(context.Now);
        if (form.EffectiveFrom < today)
        {
            return ChangeResult<TimescaleRuleOverride>.Refused(nameof(form.EffectiveFrom), "The date the local version starts must be today or in the future");
        }

        if (form.EffectiveFrom > WorkingDayCalendar.LastDate)
        {
            return ChangeResult<TimescaleRuleOverride>.Refused(nameof(form.EffectiveFrom), $"The date the local version starts must be on or before {DateDisplay.Readable(WorkingDayCalendar.LastDate)}");
        }

        if (!Enum.IsDefined(form.Unit))
        {
            return ChangeResult<TimescaleRuleOverride>.Refused(nameof(form.Unit), "Select the unit");
        }

        if (form.DueSoonWarning < 0)
        {
            return ChangeResult<TimescaleRuleOverride>.Refused(nameof(form.DueSoonWarning), "The due soon warning must be 0 or more");
        }

        if (string.IsNullOrWhiteSpace(form.Reason))
        {
            return ChangeResult<TimescaleRuleOverride>.Refused(nameof(form.Reason), "Enter the reason for the local version");
        }

        if (await db.TimescaleRuleOverrides.AnyAsync(o => o.PartnershipId == partnershipId && o.RuleId == form.RuleId && o.EffectiveFrom == form.EffectiveFrom, cancellationToken))
        {
            return ChangeResult<TimescaleRuleOverride>.Refused(nameof(form.EffectiveFrom), DuplicateDateMessage);
        }

        var version = new TimescaleRuleOverride
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = partnershipId,
            RuleId = form.RuleId,
            EffectiveFrom = form.EffectiveFrom,
            Duration = form.Duration,
            Unit = form.Unit,
            DueSoonWarning = form.DueSoonWarning,
            Reason = form.Reason.Trim(),
            CreatedAt = context.Now,
            CreatedBy = context.ActorName,
        };
        db.TimescaleRuleOverrides.Add(version);
        db.Record(new TimescaleRuleOverridden(version.Id, version.RuleId, version.EffectiveFrom, version.Duration, version.Unit, version.DueSoonWarning), context.WithReason(version.Reason));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two administrators saved the same date at once: the unique index decided, the check above could not.
            db.ChangeTracker.Clear();
            return ChangeResult<TimescaleRuleOverride>.Refused(nameof(form.EffectiveFrom), DuplicateDateMessage);
        }

        timescales.Invalidate(partnershipId);
        return ChangeResult<TimescaleRuleOverride>.Done(version);
    }

    /// <summary>The partnership's local versions, by rule then date.</summary>
    public async Task<IReadOnlyList<TimescaleRuleOverride>> OverridesAsync(CancellationToken cancellationToken = default) =>
        await db.TimescaleRuleOverrides.AsNoTracking().OrderBy(o => o.RuleId).ThenBy(o => o.EffectiveFrom).ToListAsync(cancellationToken);
}
