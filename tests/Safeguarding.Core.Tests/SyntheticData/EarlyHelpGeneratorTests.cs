using Safeguarding.Core.Access;
using Safeguarding.Core.Pathway;
using Safeguarding.SyntheticData;
using Xunit.Abstractions;

namespace Safeguarding.Core.Tests.SyntheticData;

/// <summary>Ten years of early help: the recording rules kept, one episode at a time per child, Birmingham-like volumes, the same every time.</summary>
public sealed class EarlyHelpGeneratorTests(ITestOutputHelper output)
{
    private const int LargeChildren = 20_000;
    private static readonly SyntheticCity Demo = CityGenerator.Generate(new CitySpec { Children = 2_000 });
    private static readonly Lazy<SyntheticCity> Large = new(() => CityGenerator.Generate(new CitySpec { Children = LargeChildren, Years = 10 }));

    [Fact]
    public void Generate_SameSeedTwice_GivesTheSameRows()
    {
        var again = CityGenerator.Generate(new CitySpec { Children = 2_000 }).EarlyHelp;
        var first = Demo.EarlyHelp;

        Assert.NotEmpty(first.Episodes);
        Assert.NotEmpty(first.Reviews);
        Assert.Equal(
            first.Episodes.Select(e => (e.Id, e.PersonId, e.StartDate, e.Route, e.AssessmentStartDate, e.AssessmentCompletedDate, e.AssessingAgencyId, e.LeadPractitionerName, e.PlanStartDate, e.EndDate, e.EndReason)),
            again.Episodes.Select(e => (e.Id, e.PersonId, e.StartDate, e.Route, e.AssessmentStartDate, e.AssessmentCompletedDate, e.AssessingAgencyId, e.LeadPractitionerName, e.PlanStartDate, e.EndDate, e.EndReason)));
        Assert.Equal(first.Reviews.Select(r => (r.Id, r.HeldOn, r.NextReviewDue)), again.Reviews.Select(r => (r.Id, r.HeldOn, r.NextReviewDue)));
    }

    [Fact]
    public void EveryEpisode_KeepsTheRecordingRules_AndAChildHasOneAtATime()
    {
        var city = Large.Value;
        var reference = city.Spec.ReferenceDate;
        var cin = city.Pathway.Episodes.ToDictionary(e => e.Id);
        var reviews = city.EarlyHelp.Reviews.ToLookup(r => r.EarlyHelpEpisodeId);
        foreach (var e in city.EarlyHelp.Episodes)
        {
            Assert.True(e.StartDate < reference);
            Assert.True(e.AssessmentStartDate is null || e.AssessmentStartDate >= e.StartDate, "assessment before early help");
            Assert.True(e.AssessmentCompletedDate is null || e.AssessmentCompletedDate >= e.AssessmentStartDate, "completed before started");
            Assert.True(e.AssessmentStartDate is null || (e.AssessingAgencyId is not null && e.LeadPractitionerAgencyId is not null && e.LeadPractitionerName is not null));
            Assert.True(e.PlanStartDate is null || e.PlanStartDate >= e.AssessmentStartDate, "plan before assessment");
            Assert.True(e.EndDate is null || (e.EndDate >= e.StartDate && e.EndDate < reference && e.EndReason is not null));
            Assert.True(e.EndDate is null || e.PlanStartDate is null || (e.PlanEndDate == e.EndDate && e.PlanNextReviewDue is null), "a closed episode's plan ends with it");
            Assert.True(e.EndDate is not null || e.PlanStartDate is null || e.PlanNextReviewDue > e.PlanStartDate, "an open plan has its next review");
            foreach (var review in reviews[e.Id])
            {
                Assert.True(review.HeldOn > e.PlanStartDate && review.HeldOn < reference && (e.EndDate is null || review.HeldOn < e.EndDate) && review.NextReviewDue > review.HeldOn);
            }

            if (e.EndReason == EarlyHelpEndReason.SteppedUpToSocialCare)
            {
                // A step-up ends early help on the day of the referral it led to, and that referral is the child's.
                var referral = cin[e.SteppedUpToCinEpisodeId!.Value];
                Assert.Equal((e.PersonId, e.EndDate!.Value), (referral.PersonId, referral.ReferralDate));
            }

            if (e.Route == EarlyHelpRoute.AssessmentStepDown)
            {
                Assert.True(e.StartDate >= cin[e.FromCinEpisodeId!.Value].ClosureDate);
            }
        }

        foreach (var child in city.EarlyHelp.Episodes.GroupBy(e => e.PersonId))
        {
            var ordered = child.OrderBy(e => e.StartDate).ToList();
            Assert.True(ordered.Count(e => e.EndDate is null) <= 1);
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.True(ordered[i - 1].EndDate < ordered[i].StartDate, "episodes of one child overlap");
            }
        }
    }

    [Fact]
    public void AtTwentyThousandChildren_AFewThousandAssessmentsAYearAtBirminghamSize_SchoolsCompletingMostPartnerAssessments()
    {
        var city = Large.Value;
        var reference = city.Spec.ReferenceDate;
        var episodes = city.EarlyHelp.Episodes;
        double PerTenThousand(int count) => count * 10_000.0 / LargeChildren;
        var lastYear = episodes.Count(e => e.AssessmentStartDate >= reference.AddYears(-1));
        var fifthYear = episodes.Count(e => e.AssessmentStartDate >= reference.AddYears(-5) && e.AssessmentStartDate < reference.AddYears(-4));
        output.WriteLine($"Assessments started per 10,000 children: last year {PerTenThousand(lastYear):N0}, five years ago {PerTenThousand(fifthYear):N0}; open now {episodes.Count(e => e.IsOpen)}; stepped up {episodes.Count(e => e.EndReason == EarlyHelpEndReason.SteppedUpToSocialCare)}");

        // Birmingham: a few thousand a year at 286,500 children is about 70 to 210 per 10,000.
        Assert.InRange(PerTenThousand(lastYear), 70, 210);
        Assert.InRange(PerTenThousand(fifthYear), 50, 210);
        Assert.Contains(episodes, e => e.Route == EarlyHelpRoute.FrontDoorStepDown && e.ContactId is not null);
        Assert.Contains(episodes, e => e.Route == EarlyHelpRoute.AssessmentStepDown);
        Assert.Contains(episodes, e => e.EndReason == EarlyHelpEndReason.SteppedUpToSocialCare);

        var types = city.Agencies.ToDictionary(a => a.Id, a => a.Type);
        var partnerLed = episodes.Where(e => e.Route == EarlyHelpRoute.PartnerAssessment && e.AssessingAgencyId is not null)
            .GroupBy(e => types[e.AssessingAgencyId!.Value]).ToDictionary(g => g.Key, g => g.Count());
        var ranked = partnerLed.OrderByDescending(p => p.Value).Select(p => p.Key).ToList();
        Assert.Equal([AgencyType.School, AgencyType.Health], ranked.Take(2));
    }
}
