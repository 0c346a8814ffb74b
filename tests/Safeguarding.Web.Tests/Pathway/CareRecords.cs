using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Chronology;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Core.Timescales;

namespace Safeguarding.Web.Tests.Pathway;

/// <summary>Periods of care for page tests, started through the service as a social worker would.</summary>
public static class CareRecords
{
    public static DateOnly Today => LondonTime.DateOf(DateTimeOffset.UtcNow);

    public static CareRecording Recording(SafeguardingDbContext db) =>
        new(db, new ClockService(db, new PartnershipTimescales(TimeProvider.System)), new ChildChronology(db));

    /// <summary>A period of care started <paramref name="daysAgo"/> days ago in a foster placement.</summary>
    public static async Task<CarePeriod> StartAsync(SafeguardingDbContext db, Guid childId, int daysAgo)
    {
        var partnershipId = await db.People.Where(p => p.Id == childId).Select(p => p.PartnershipId).SingleAsync();
        var form = new CareStartForm(childId, Today.AddDays(-daysAgo), "C1", "N1", "U6", "PR1", "ZX1 4AB", "ZX2 5CD", null, false, null);
        var result = await Recording(db).StartAsync(form, new ProcessContext(null, "test set-up", partnershipId, DateTimeOffset.UtcNow));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        return result.Value!;
    }

    /// <summary>For the route table: the child's open period of care, started once and found again on later calls.</summary>
    public static async Task<Guid> RouteSampleAsync(SafeguardingDbContext db, Guid childId)
    {
        if (await db.CarePeriods.AsNoTracking().Where(p => p.PersonId == childId && p.EndDate == null).Select(p => (Guid?)p.Id).FirstOrDefaultAsync() is { } open)
        {
            return open;
        }

        return (await StartAsync(db, childId, 0)).Id;
    }
}
