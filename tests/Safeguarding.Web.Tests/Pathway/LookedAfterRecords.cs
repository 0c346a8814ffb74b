using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Chronology;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Core.Timescales;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.Pathway;

/// <summary>
/// Looked-after records for page tests. Care periods are written directly (recording them is another
/// part of the pathway); missing episodes go through the service as a social worker would.
/// </summary>
public static class LookedAfterRecords
{
    public static DateOnly Today => LondonTime.DateOf(DateTimeOffset.UtcNow);

    private static ProcessContext Context(Guid partnershipId) => new(null, "test set-up", partnershipId, DateTimeOffset.UtcNow);

    public static async Task<Guid> CarePeriodAsync(SafeguardingDbContext db, Guid childId, DateOnly start, DateOnly? end = null)
    {
        var partnershipId = await db.People.Where(p => p.Id == childId).Select(p => p.PartnershipId).SingleAsync();
        var period = new CarePeriod
        {
            Id = Guid.NewGuid(),
            PartnershipId = partnershipId,
            PersonId = childId,
            StartDate = start,
            EndDate = end,
            EndReason = end is null ? null : "E4A",
            RecordedAt = DateTimeOffset.UtcNow,
        };
        db.CarePeriods.Add(period);
        db.Record(new TestChildren.RecordedForTest(childId), Context(partnershipId));
        await db.SaveChangesAsync();
        return period.Id;
    }

    /// <summary>A child still missing since the given instant.</summary>
    public static async Task<MissingEpisode> MissingAsync(SafeguardingDbContext db, Guid childId, DateTimeOffset startedAt)
    {
        var partnershipId = await db.People.Where(p => p.Id == childId).Select(p => p.PartnershipId).SingleAsync();
        var result = await new MissingEpisodeRecording(db, new ClockService(db, new PartnershipTimescales(TimeProvider.System)), new ChildChronology(db))
            .StartAsync(childId, new MissingStartForm(MissingKind.Missing, startedAt), Context(partnershipId));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        return result.Value!;
    }

    /// <summary>A missing episode and a care period of the sample child, made once, for the route table.</summary>
    public static async Task<(Guid MissingEpisode, Guid CarePeriod)> RouteSamplesAsync(SafeguardingDbContext db, Guid childId)
    {
        var episode = await db.MissingEpisodes.AsNoTracking().Where(m => m.PersonId == childId).Select(m => (Guid?)m.Id).FirstOrDefaultAsync()
            ?? (await MissingAsync(db, childId, DateTimeOffset.UtcNow.AddHours(-5))).Id;
        var period = await db.CarePeriods.AsNoTracking().Where(p => p.PersonId == childId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync()
            ?? await CarePeriodAsync(db, childId, Today.AddDays(-100));
        return (episode, period);
    }
}
