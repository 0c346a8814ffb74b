using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;
using Safeguarding.Core.Timescales;

namespace Safeguarding.Core.Calendar;

public sealed record BankHolidayChangeForm(BankHolidayChangeKind Kind, DateOnly Date, DateOnly? MovedTo, string Title, string Reason);

/// <summary>An administrator's one-off changes to the partnership's bank holidays: add, move or remove a future day.</summary>
public sealed class BankHolidayAdministration(SafeguardingDbContext db, PartnershipTimescales timescales)
{
    public async Task<ChangeResult<BankHolidayChange>> RecordChangeAsync(BankHolidayChangeForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var partnershipId = context.PartnershipId ?? throw new InvalidOperationException("A bank holiday change belongs to a partnership.");
        var setup = await timescales.ForAsync(db, partnershipId, cancellationToken);
        var change = new BankHolidayChange
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = partnershipId,
            Kind = form.Kind,
            Date = form.Date,
            MovedTo = form.Kind == BankHolidayChangeKind.Move ? form.MovedTo : null,
            Title = form.Title.Trim(),
            Reason = form.Reason.Trim(),
            CreatedAt = context.Now,
            CreatedBy = context.UserId ?? Guid.Empty,
        };
        var today = LondonTime.DateOf(context.Now);
        var current = setup.Calendar.Holidays.Select(h => h.Date).ToHashSet();
        var errors = change.Validate(today, current);
        if (errors.Count > 0)
        {
            return ChangeResult<BankHolidayChange>.Refused("", errors[0]);
        }

        db.BankHolidayChanges.Add(change);
        db.Record(new BankHolidayChanged(change.Id, change.Kind, change.Date, change.MovedTo, change.Title), context.WithReason(change.Reason));
        await db.SaveChangesAsync(cancellationToken);
        timescales.Invalidate(partnershipId);
        return ChangeResult<BankHolidayChange>.Done(change);
    }

    public async Task<IReadOnlyList<BankHolidayChange>> ChangesAsync(CancellationToken cancellationToken = default) =>
        await db.BankHolidayChanges.AsNoTracking().OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken);
}
