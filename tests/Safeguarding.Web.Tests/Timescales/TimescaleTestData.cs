using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.Access;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Data;
using Safeguarding.Core.Timescales;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.Timescales;

/// <summary>Clocks made through the real service, as a module would start them.</summary>
public static class TimescaleTestData
{
    public static DateTimeOffset London(int year, int month, int day, int hour = 10) =>
        LondonTime.At(new DateOnly(year, month, day), new TimeOnly(hour, 0));

    public static async Task<Clock> StartClockAsync(this SafeguardingWebFactory app, string ruleId, DateTimeOffset startedAt, Guid? assignedUserId, Guid? agencyId = null)
    {
        using var scope = app.Services.CreateScope();
        var clocks = scope.ServiceProvider.GetRequiredService<ClockService>();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardingDbContext>();
        var partnershipId = await db.Partnerships.Select(p => p.Id).SingleAsync();
        var clock = await clocks.StartClockAsync(
            new StartClock(ruleId, "SeriousIncident", Guid.NewGuid(), startedAt, assignedUserId, agencyId),
            ProcessContext.System(DateTimeOffset.UtcNow, "test", partnershipId));
        await db.SaveChangesAsync();
        return clock;
    }

    /// <summary>How the deadline pages name a clock's subject.</summary>
    public static string SubjectText(Clock clock) => $"SeriousIncident {clock.SubjectId.ToString("N")[..8].ToUpperInvariant()}";

    public static DateOnly LondonToday => LondonTime.DateOf(DateTimeOffset.UtcNow);
}
