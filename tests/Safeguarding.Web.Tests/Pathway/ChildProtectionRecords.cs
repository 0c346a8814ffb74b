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
/// Child protection records for page tests, made through the services as a social worker would.
/// The episode is written directly: opening a referral is another part of the pathway.
/// </summary>
public static class ChildProtectionRecords
{
    public static DateOnly Today => LondonTime.DateOf(DateTimeOffset.UtcNow);

    private static ProcessContext Context(Guid partnershipId) => new(null, "test set-up", partnershipId, DateTimeOffset.UtcNow);

    private static ClockService Clocks(SafeguardingDbContext db) => new(db, new PartnershipTimescales(TimeProvider.System));

    public static async Task<Guid> EpisodeAsync(SafeguardingDbContext db, Guid childId, DateOnly referral)
    {
        var partnershipId = await db.People.Where(p => p.Id == childId).Select(p => p.PartnershipId).SingleAsync();
        var episode = new CinEpisode
        {
            Id = Guid.NewGuid(),
            PartnershipId = partnershipId,
            PersonId = childId,
            ReferralDate = referral,
            ReferralSource = "6",
            PrimaryNeed = "N1",
            RecordedAt = DateTimeOffset.UtcNow,
        };
        db.CinEpisodes.Add(episode);
        db.Record(new TestChildren.RecordedForTest(childId), Context(partnershipId));
        await db.SaveChangesAsync();
        return episode.Id;
    }

    /// <summary>The police and the children's trust of the demo city: the two a strategy discussion needs.</summary>
    public static async Task<(Guid Police, Guid SocialCare, Guid Health)> AgenciesAsync(SafeguardingDbContext db)
    {
        var police = await db.Agencies.Where(a => a.Type == AgencyType.Police && a.IsActive).OrderBy(a => a.Name).Select(a => a.Id).FirstAsync();
        var care = await db.Agencies.Where(a => a.Type == AgencyType.ChildrensTrust && a.IsActive).OrderBy(a => a.Name).Select(a => a.Id).FirstAsync();
        var health = await db.Agencies.Where(a => a.Type == AgencyType.Health && a.IsActive).OrderBy(a => a.Name).Select(a => a.Id).FirstAsync();
        return (police, care, health);
    }

    /// <summary>A section 47 enquiry agreed at a discussion <paramref name="daysAgo"/> days ago, with an outcome if given.</summary>
    public static async Task<Guid> EnquiryAsync(SafeguardingDbContext db, Guid episodeId, int daysAgo, Section47Outcome? outcome = Section47Outcome.ConferenceRequired)
    {
        var episode = await db.CinEpisodes.AsNoTracking().SingleAsync(e => e.Id == episodeId);
        var (police, care, _) = await AgenciesAsync(db);
        var context = Context(episode.PartnershipId);
        var heldOn = Today.AddDays(-daysAgo);
        var discussed = await new StrategyDiscussionRecording(db, Clocks(db), new ChildChronology(db)).RecordAsync(episodeId, episode.Version, new StrategyDiscussionForm(
            heldOn, [new(police, "DS Priya Shah", "Detective sergeant"), new(care, "Aisha Begum", "Social worker")], true, "Injuries seen at school.", null, null), context);
        Assert.True(discussed.Succeeded, string.Join("; ", discussed.Errors.Values));
        var enquiry = discussed.Value!.Enquiry!;
        if (outcome is { } decided)
        {
            var result = await new Section47OutcomeRecording(db, Clocks(db), new ChildChronology(db)).RecordAsync(enquiry.Id, enquiry.Version, new Section47OutcomeForm(decided, heldOn), context);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        }

        return enquiry.Id;
    }

    /// <summary>A child protection plan started at an initial conference <paramref name="daysAgo"/> days ago.</summary>
    public static async Task<Guid> PlanAsync(SafeguardingDbContext db, Guid episodeId, int daysAgo)
    {
        var enquiryId = await EnquiryAsync(db, episodeId, daysAgo);
        var enquiry = await db.Section47Enquiries.AsNoTracking().SingleAsync(e => e.Id == enquiryId);
        var (police, care, _) = await AgenciesAsync(db);
        var form = new ConferenceForm(Today.AddDays(-daysAgo), "Mei Chen", [new(police, true, true, true), new(care, true, true, true)], ConferenceDecision.PlanStarted, "NEG", null);
        var result = await new InitialConferenceRecording(db, Clocks(db), new ChildChronology(db)).RecordAsync(enquiryId, enquiry.Version, form, Context(enquiry.PartnershipId));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        return result.Value!.Plan!.Id;
    }

    /// <summary>
    /// For the route table: an episode of the child, an enquiry waiting for its initial conference and
    /// an active plan, made once and found again on later calls.
    /// </summary>
    public static async Task<(Guid Episode, Guid Enquiry, Guid Plan)> RouteSamplesAsync(SafeguardingDbContext db, Guid childId)
    {
        var plan = await db.ChildProtectionPlans.AsNoTracking().Where(p => p.PersonId == childId && p.EndDate == null).FirstOrDefaultAsync();
        if (plan is null)
        {
            var episodeId = await EpisodeAsync(db, childId, Today.AddDays(-60));
            await PlanAsync(db, episodeId, 40);
            await EnquiryAsync(db, episodeId, 10);
            plan = await db.ChildProtectionPlans.AsNoTracking().SingleAsync(p => p.PersonId == childId && p.EndDate == null);
        }

        var enquiry = await db.Section47Enquiries.AsNoTracking()
            .Where(e => e.EpisodeId == plan.EpisodeId && e.InitialConferenceId == null).Select(e => e.Id).FirstAsync();
        return (plan.EpisodeId, enquiry, plan.Id);
    }
}
