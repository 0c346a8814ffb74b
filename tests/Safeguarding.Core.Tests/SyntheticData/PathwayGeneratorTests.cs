using Safeguarding.Core.Calendar;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Pathway;
using Safeguarding.SyntheticData;
using Xunit.Abstractions;

namespace Safeguarding.Core.Tests.SyntheticData;

/// <summary>Ten years of the statutory pathway: Birmingham's shape per 10,000 children, the same every time, in order.</summary>
public sealed class PathwayGeneratorTests(ITestOutputHelper output)
{
    private const int LargeChildren = 20_000;
    private static readonly SyntheticCity Demo = CityGenerator.Generate(new CitySpec { Children = 2_000 });
    private static readonly Lazy<SyntheticCity> Large = new(() => CityGenerator.Generate(new CitySpec { Children = LargeChildren, Years = 10 }));
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales();

    [Fact]
    public void Generate_SameSeedTwice_GivesTheSameRows()
    {
        var again = CityGenerator.Generate(new CitySpec { Children = 2_000 }).Pathway;
        var first = Demo.Pathway;

        Assert.Equal(
            first.Episodes.Select(e => (e.Id, e.PersonId, e.ContactId, e.ReferralDate, e.ReferralSource, e.IsReReferral, e.ClosureDate, e.ClosureReason)),
            again.Episodes.Select(e => (e.Id, e.PersonId, e.ContactId, e.ReferralDate, e.ReferralSource, e.IsReReferral, e.ClosureDate, e.ClosureReason)));
        Assert.Equal(first.Assessments.Select(a => (a.Id, a.AuthorisationDate, a.Outcome)), again.Assessments.Select(a => (a.Id, a.AuthorisationDate, a.Outcome)));
        Assert.Equal(first.Conferences.Select(c => (c.Id, c.HeldOn, c.Decision)), again.Conferences.Select(c => (c.Id, c.HeldOn, c.Decision)));
        Assert.Equal(first.ChildProtectionPlans.Select(p => (p.Id, p.StartDate, p.EndDate)), again.ChildProtectionPlans.Select(p => (p.Id, p.StartDate, p.EndDate)));
        Assert.Equal(first.CoreGroupMeetings.Select(m => (m.Id, m.HeldOn)), again.CoreGroupMeetings.Select(m => (m.Id, m.HeldOn)));
        Assert.Equal(first.Rows, again.Rows);
    }

    [Fact]
    public void TheDemoCity_HasTenYearsOfEpisodes_AndChildrenOnPlansNow()
    {
        var pathway = Demo.Pathway;
        var reference = Demo.Spec.ReferenceDate;

        Assert.InRange(pathway.Episodes.Min(e => e.ReferralDate), reference.AddYears(-10), reference.AddYears(-9));
        Assert.InRange(pathway.Episodes.Count, 900, 1_300);
        Assert.InRange(pathway.ChildProtectionPlans.Count(p => p.StartDate < reference && p.EndDate is null), 4, 16);
        Assert.Empty(CityGenerator.Generate(new CitySpec { Children = 200, Years = 0 }).Pathway.Episodes);
    }

    [Fact]
    public void FrontDoorReferrals_StartEpisodes()
    {
        var city = Large.Value;
        var referralContacts = city.Contacts.Contacts.Where(c => c.IsReferral).Select(c => c.Id).ToHashSet();
        var fromContacts = city.Pathway.Episodes.Where(e => e.ContactId is not null).ToList();
        var received = city.Contacts.Contacts.ToDictionary(c => c.Id, c => LondonTime.DateOf(c.ReceivedAt));

        Assert.All(fromContacts, e => Assert.Contains(e.ContactId!.Value, referralContacts));
        Assert.All(fromContacts, e => Assert.Equal(received[e.ContactId!.Value], e.ReferralDate));

        // Most referral contacts start an episode; a contact about a child whose episode is still open does not.
        var started = fromContacts.Select(e => e.ContactId!.Value).ToHashSet();
        output.WriteLine($"{started.Count} of {referralContacts.Count} referral contacts start episodes");
        Assert.InRange(started.Count / (double)referralContacts.Count, 0.8, 1.0);
    }

    [Fact]
    public void EveryEpisode_KeepsTheSequenceRules()
    {
        var city = Large.Value;
        var p = city.Pathway;
        var reference = city.Spec.ReferenceDate;
        var born = city.People.ToDictionary(x => x.Id, x => x.DateOfBirth);
        var episodes = p.Episodes.ToDictionary(e => e.Id);
        var discussions = p.StrategyDiscussions.ToDictionary(s => s.Id);
        var enquiries = p.Section47Enquiries.ToDictionary(s => s.Id);
        var plans = p.ChildProtectionPlans.ToDictionary(x => x.Id);
        var codes = CinCensusCodes.ReferralSources.Select(c => c.Code).ToHashSet();

        foreach (var e in p.Episodes)
        {
            Assert.True(born[e.PersonId] is not { } dob || dob <= e.ReferralDate, $"Child born after the referral {e.Id}");
            Assert.True(e.ReferralDate < reference);
            Assert.Contains(e.ReferralSource, codes);
            Assert.True(CinCensusCodes.IsPrimaryNeed(e.PrimaryNeed));
            Assert.Equal(e.ClosureDate is null, e.ClosureReason is null);
            Assert.True(e.ClosureReason is null || CinCensusCodes.IsClosureReason(e.ClosureReason));
            Assert.True(!e.NoFurtherAction || e.ClosureReason is null or "RC8");
            Assert.True(e.ClosureDate is not { } closed || (closed >= e.ReferralDate && closed < reference));
        }

        void Within(Guid episodeId, DateOnly? date)
        {
            var e = episodes[episodeId];
            if (date is { } d)
            {
                Assert.True(d >= e.ReferralDate, $"Event {d} before the referral {e.ReferralDate} of {e.Id}");
                Assert.True(d < reference, $"Event {d} after the reference date");
                Assert.True(e.ClosureDate is not { } closed || d <= closed, $"Event {d} after the closure {e.ClosureDate} of {e.Id}");
            }
        }

        foreach (var a in p.Assessments)
        {
            Within(a.EpisodeId, a.StartDate);
            Within(a.EpisodeId, a.AuthorisationDate);
            Within(a.EpisodeId, a.FirstVisitOn);
            Assert.True(a.AuthorisationDate is not { } auth || auth >= a.StartDate);
            Assert.True(a.Factors is null || a.Factors.Split(' ').All(CinCensusCodes.IsAssessmentFactor));
        }

        foreach (var c in p.CinPlans)
        {
            Within(c.EpisodeId, c.StartDate);
            Within(c.EpisodeId, c.EndDate);
            Assert.True(c.EndDate is not { } end || end >= c.StartDate);
        }

        foreach (var s in p.StrategyDiscussions)
        {
            Within(s.EpisodeId, s.HeldOn);
        }

        Assert.All(p.StrategyDiscussionAttendees.GroupBy(a => a.StrategyDiscussionId), g => Assert.InRange(g.Count(), 2, 4));
        foreach (var s in p.Section47Enquiries)
        {
            Within(s.EpisodeId, s.StartDate);
            Within(s.EpisodeId, s.OutcomeDate);
            Assert.Equal(Calendar.AddWorkingDays(discussions[s.StrategyDiscussionId].HeldOn, 15), s.InitialConferenceTarget);
            Assert.True(discussions[s.StrategyDiscussionId].Section47Agreed);
        }

        foreach (var c in p.Conferences)
        {
            Within(c.EpisodeId, c.HeldOn);
            if (c.Kind == ConferenceKind.Initial)
            {
                var enquiry = enquiries[c.Section47EnquiryId!.Value];
                Assert.True(c.HeldOn >= discussions[enquiry.StrategyDiscussionId].HeldOn, "ICPC before its strategy discussion");
                Assert.Equal(c.Id, enquiry.InitialConferenceId);
                Assert.Equal(c.HeldOn > enquiry.InitialConferenceTarget, c.ReasonLate is not null);
            }
            else
            {
                var plan = plans[c.PlanId!.Value];
                Assert.True(c.HeldOn > plan.StartDate && (plan.EndDate is not { } end || c.HeldOn <= end));
            }
        }

        foreach (var plan in p.ChildProtectionPlans)
        {
            Within(plan.EpisodeId, plan.StartDate);
            Within(plan.EpisodeId, plan.EndDate);
            Assert.True(plan.EndDate is not { } end || end >= plan.StartDate);
            Assert.True(CinCensusCodes.IsCategoryOfAbuse(plan.InitialCategory) && CinCensusCodes.IsCategoryOfAbuse(plan.LatestCategory));
        }

        foreach (var m in p.CoreGroupMeetings)
        {
            var plan = plans[m.PlanId];
            Assert.True(m.HeldOn > plan.StartDate && (plan.EndDate is not { } end || m.HeldOn <= end));
        }

        // At most one open episode per child at any time; re-referrals and previous plans follow the child's history.
        foreach (var child in p.Episodes.GroupBy(e => e.PersonId))
        {
            var ordered = child.OrderBy(e => e.ReferralDate).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var e = ordered[i];
                Assert.Equal(i > 0 && ordered[i - 1].ReferralDate >= e.ReferralDate.AddMonths(-12), e.IsReReferral);
                if (i + 1 < ordered.Count)
                {
                    Assert.True(e.ClosureDate is { } closed && closed < ordered[i + 1].ReferralDate, $"Two open episodes for {child.Key}");
                }
            }
        }

        foreach (var child in p.ChildProtectionPlans.GroupBy(x => x.PersonId))
        {
            var ordered = child.OrderBy(x => x.StartDate).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                Assert.Equal(i, ordered[i].PreviousPlans);
                Assert.Equal(ordered.Take(i).Any(x => x.EndDate >= ordered[i].StartDate.AddYears(-2)), ordered[i].IsRepeatWithinTwoYears);
            }
        }
    }

    [Fact]
    public void AtTwentyThousandChildren_TheFlowsAndStocksMatchBirmingham()
    {
        var city = Large.Value;
        var p = city.Pathway;
        var reference = city.Spec.ReferenceDate;
        var per10k = 10_000.0 / LargeChildren;
        var episodes = p.Episodes.ToDictionary(e => e.Id);
        var discussions = p.StrategyDiscussions.ToDictionary(s => s.Id);
        var enquiries = p.Section47Enquiries.ToDictionary(s => s.Id);

        for (var year = 1; year <= 10; year++)
        {
            var from = reference.AddYears(-year);
            var to = reference.AddYears(-year + 1);
            bool In(DateOnly d) => d >= from && d < to;
            var referrals = p.Episodes.Count(e => In(e.ReferralDate)) * per10k;
            var assessments = p.Assessments.Count(a => In(a.StartDate)) * per10k;
            var s47 = p.Section47Enquiries.Count(s => In(s.StartDate)) * per10k;
            var icpc = p.Conferences.Count(c => c.Kind == ConferenceKind.Initial && In(c.HeldOn)) * per10k;
            var plans = p.ChildProtectionPlans.Count(x => In(x.StartDate)) * per10k;
            output.WriteLine($"Year to {to}: referrals {referrals:N0}, assessments {assessments:N0}, S47 {s47:N0}, ICPC {icpc:N0}, CP plans started {plans:N0} per 10k");
            Assert.InRange(referrals, 450, 650);
            Assert.InRange(assessments, 350, 560);
            Assert.InRange(s47, 100, 190);
            Assert.InRange(icpc, 30, 65);
        }

        // Re-referrals, repeat plans: once there is history to look back on.
        var settled = p.Episodes.Where(e => e.ReferralDate >= reference.AddYears(-9)).ToList();
        var reReferrals = settled.Count(e => e.IsReReferral) / (double)settled.Count;
        var authorised = p.Assessments.Where(a => a.AuthorisationDate is not null).ToList();
        var onTime = authorised.Count(a => a.AuthorisationDate <= Calendar.AddWorkingDays(episodes[a.EpisodeId].ReferralDate, 45)) / (double)authorised.Count;
        var initial = p.Conferences.Where(c => c.Kind == ConferenceKind.Initial).ToList();
        var icpcOnTime = initial.Count(c => c.HeldOn <= enquiries[c.Section47EnquiryId!.Value].InitialConferenceTarget) / (double)initial.Count;
        var laterPlans = p.ChildProtectionPlans.Where(x => x.StartDate >= reference.AddYears(-8)).ToList();
        var repeats = laterPlans.Count(x => x.IsRepeatWithinTwoYears) / (double)laterPlans.Count;
        var openCp = p.ChildProtectionPlans.Count(x => x.EndDate is null) * per10k;
        var openCin = p.Episodes.Count(e => e.ClosureDate is null) * per10k;
        var nfa = p.Episodes.Count(e => e.NoFurtherAction) / (double)p.Episodes.Count;
        var neglect = p.ChildProtectionPlans.Count(x => x.InitialCategory == "NEG") / (double)p.ChildProtectionPlans.Count;
        var attended = p.ConferenceAttendance.Count(a => a.Attended) / (double)p.ConferenceAttendance.Count;
        output.WriteLine($"Re-referrals {reReferrals:P1}; assessments on time {onTime:P1}; ICPC on time {icpcOnTime:P1}; repeat plans {repeats:P1}; NFA {nfa:P1}; neglect {neglect:P1}; attendance {attended:P1}");
        output.WriteLine($"At {reference}: {openCin:N0} children in need and {openCp:N1} on a plan per 10k; rows {p.Rows:N0}");

        Assert.InRange(reReferrals, 0.15, 0.28);
        Assert.InRange(onTime, 0.78, 0.92);
        Assert.InRange(icpcOnTime, 0.75, 0.90);
        Assert.InRange(repeats, 0.06, 0.16);
        Assert.InRange(openCp, 35, 60);
        Assert.InRange(openCin, 220, 340);
        Assert.InRange(neglect, 0.4, 0.56);
        Assert.Equal(discussions.Count, p.StrategyDiscussions.Count);
    }
}
