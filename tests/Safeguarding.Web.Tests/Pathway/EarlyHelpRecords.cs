using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Chronology;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;

namespace Safeguarding.Web.Tests.Pathway;

/// <summary>Early help records for page tests, made through the service as a practitioner would.</summary>
public static class EarlyHelpRecords
{
    public static DateOnly Today => LondonTime.DateOf(DateTimeOffset.UtcNow);

    private static async Task<ProcessContext> ContextAsync(SafeguardingDbContext db, Guid childId) =>
        new(null, "test set-up", await db.People.Where(p => p.Id == childId).Select(p => p.PartnershipId).SingleAsync(), DateTimeOffset.UtcNow);

    /// <summary>Early help started the given number of days ago by a partner's own assessment.</summary>
    public static async Task<EarlyHelpEpisode> StartAsync(SafeguardingDbContext db, Guid childId, int daysAgo)
    {
        var result = await new EarlyHelpRecording(db, new ChildChronology(db))
            .StartAsync(new EarlyHelpStartForm(childId, Today.AddDays(-daysAgo), EarlyHelpRoute.PartnerAssessment, null, null), await ContextAsync(db, childId));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        return result.Value!;
    }

    /// <summary>The assessment recorded (started the day early help did, by the first active school) on an episode.</summary>
    public static async Task<EarlyHelpEpisode> AssessedAsync(SafeguardingDbContext db, EarlyHelpEpisode episode, DateOnly? completed = null)
    {
        ArgumentNullException.ThrowIfNull(episode);
        var school = await db.Agencies.Where(a => a.Type == AgencyType.School && a.IsActive).OrderBy(a => a.Name).Select(a => a.Id).FirstAsync();
        var result = await new EarlyHelpRecording(db, new ChildChronology(db)).RecordAssessmentAsync(
            episode.Id, episode.Version, new EarlyHelpAssessmentForm(episode.StartDate, completed, school, "Robin Lead", school), await ContextAsync(db, episode.PersonId));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        return result.Value!;
    }

    /// <summary>An open early help episode of the sample child, made once, for the route table.</summary>
    public static async Task<Guid> RouteSampleAsync(SafeguardingDbContext db, Guid childId) =>
        await db.EarlyHelpEpisodes.AsNoTracking().Where(e => e.PersonId == childId && e.EndDate == null).Select(e => (Guid?)e.Id).FirstOrDefaultAsync()
            ?? (await StartAsync(db, childId, 30)).Id;
}
