using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Data;
using Safeguarding.Core.Timescales;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Timescales.BankHolidays;

/// <summary>This year's and next year's bank holidays, where each came from, and the local changes made.</summary>
public sealed class IndexModel(SafeguardingDbContext db, PartnershipTimescales timescales, BankHolidayAdministration administration, TimeProvider clock) : PageModel
{
    public sealed record ChangeRow(BankHolidayChange Change, string MadeBy);

    public int Year { get; private set; }

    public IReadOnlyList<BankHoliday> Holidays { get; private set; } = [];

    public IReadOnlyList<ChangeRow> Changes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Year = LondonTime.DateOf(clock.GetUtcNow()).Year;
        if (User.PartnershipId() is { } partnershipId)
        {
            var setup = await timescales.ForAsync(db, partnershipId, cancellationToken);
            Holidays = setup.Calendar.Holidays.Where(h => h.Date.Year == Year || h.Date.Year == Year + 1).ToList();
        }

        var changes = await administration.ChangesAsync(cancellationToken);
        var userIds = changes.Select(c => c.CreatedBy).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        Changes = changes.OrderByDescending(c => c.CreatedAt)
            .Select(c => new ChangeRow(c, names.GetValueOrDefault(c.CreatedBy) ?? "System"))
            .ToList();
    }

    public static string Source(BankHolidaySource source) => source switch
    {
        BankHolidaySource.GovUkList => "GOV.UK list",
        BankHolidaySource.Rule => "Worked out by rule",
        BankHolidaySource.Proclamation => "Proclamation",
        _ => "Local change",
    };

    public static string Kind(BankHolidayChangeKind kind) => kind switch
    {
        BankHolidayChangeKind.Add => "Added",
        BankHolidayChangeKind.Move => "Moved",
        _ => "Removed",
    };
}
