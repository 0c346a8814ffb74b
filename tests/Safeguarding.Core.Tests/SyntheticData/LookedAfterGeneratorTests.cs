using Safeguarding.Core.Calendar;
using Safeguarding.Core.Pathway;
using Safeguarding.SyntheticData;
using Xunit.Abstractions;

namespace Safeguarding.Core.Tests.SyntheticData;

/// <summary>Ten years of children looked after: Birmingham's shape per 10,000 children, valid SSDA903 rows, the same every time.</summary>
public sealed class LookedAfterGeneratorTests(ITestOutputHelper output)
{
    private const int LargeChildren = 20_000;
    private static readonly SyntheticCity Demo = CityGenerator.Generate(new CitySpec { Children = 2_000 });
    private static readonly Lazy<SyntheticCity> Large = new(() => CityGenerator.Generate(new CitySpec { Children = LargeChildren, Years = 10 }));
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales();
    private static readonly string[] AgeOutReasons = ["E17", "E5", "E6", "E8"];

    [Fact]
    public void Generate_SameSeedTwice_GivesTheSameRows()
    {
        var again = CityGenerator.Generate(new CitySpec { Children = 2_000 }).LookedAfter;
        var first = Demo.LookedAfter;

        Assert.NotEmpty(first.Periods);
        Assert.Equal(first.FormerChildren.Select(p => (p.Id, p.GivenName, p.DateOfBirth, p.NhsNumber)), again.FormerChildren.Select(p => (p.Id, p.GivenName, p.DateOfBirth, p.NhsNumber)));
        Assert.Equal(first.Periods.Select(p => (p.Id, p.PersonId, p.CinEpisodeId, p.StartDate, p.EndDate, p.EndReason)), again.Periods.Select(p => (p.Id, p.PersonId, p.CinEpisodeId, p.StartDate, p.EndDate, p.EndReason)));
        Assert.Equal(first.Episodes.Select(e => (e.Id, e.StartDate, e.ReasonNewEpisode, e.PlacementType, e.PlacementPostcode, e.EndDate)), again.Episodes.Select(e => (e.Id, e.StartDate, e.ReasonNewEpisode, e.PlacementType, e.PlacementPostcode, e.EndDate)));
        Assert.Equal(first.Reviews.Select(r => (r.Id, r.HeldOn, r.Participation)), again.Reviews.Select(r => (r.Id, r.HeldOn, r.Participation)));
        Assert.Equal(first.MissingEpisodes.Select(m => (m.Id, m.StartedAt, m.ReturnedAt, m.InterviewOfferedAt)), again.MissingEpisodes.Select(m => (m.Id, m.StartedAt, m.ReturnedAt, m.InterviewOfferedAt)));
        Assert.Equal(first.CareLeaverContacts.Select(c => (c.Id, c.Age, c.Activity, c.Accommodation)), again.CareLeaverContacts.Select(c => (c.Id, c.Age, c.Activity, c.Accommodation)));
        Assert.Equal(first.Adoptions.Select(a => (a.Id, a.DecisionDate, a.PlacedDate, a.CeasedDate)), again.Adoptions.Select(a => (a.Id, a.DecisionDate, a.PlacedDate, a.CeasedDate)));
        Assert.Equal(first.Rows, again.Rows);
    }

    [Fact]
    public void LookedAfterHistory_LeavesTheRestOfTheCityAsItWas()
    {
        var withoutHistory = CityGenerator.Generate(new CitySpec { Children = 2_000, Years = 0 });

        // The same people (NHS numbers too: former children take the numbers after everyone else's).
        Assert.Equal(withoutHistory.People.Select(p => (p.Id, p.NhsNumber, p.DateOfBirth)), Demo.People.Select(p => (p.Id, p.NhsNumber, p.DateOfBirth)));
        Assert.Empty(withoutHistory.LookedAfter.Periods);
        var numbers = Demo.People.Select(p => p.NhsNumber).Concat(Demo.LookedAfter.FormerChildren.Select(p => p.NhsNumber)).OfType<string>().ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }

    [Fact]
    public void EveryPeriod_KeepsTheRules()
    {
        var city = Large.Value;
        var la = city.LookedAfter;
        var reference = city.Spec.ReferenceDate;
        var born = city.People.Concat(la.FormerChildren).ToDictionary(p => p.Id, p => p.DateOfBirth);
        var cinEpisodes = city.Pathway.Episodes.ToDictionary(e => e.Id);
        var endReasons = LookedAfterCodes.EndReasons.Select(c => c.Code).Where(c => c != "X1").ToHashSet();

        Assert.All(la.FormerChildren, p => Assert.True(!p.IsChild && p.DateOfBirth <= reference.AddYears(-18)));
        foreach (var personPeriods in la.Periods.GroupBy(p => p.PersonId))
        {
            // One period at a time: each ends before the next starts, and only the last can be open.
            var ordered = personPeriods.OrderBy(p => p.StartDate).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.True(ordered[i - 1].EndDate is { } end && end < ordered[i].StartDate, $"Overlapping periods for {personPeriods.Key}");
            }
        }

        var episodesByPeriod = la.Episodes.ToLookup(e => e.CarePeriodId);
        foreach (var period in la.Periods)
        {
            var dob = born[period.PersonId]!.Value;
            Assert.True(period.StartDate >= dob && period.StartDate < dob.AddYears(18), $"Period {period.Id} starts outside childhood");
            Assert.True(period.StartDate < reference);
            Assert.Null(period.Source);
            if (period.EndDate is { } end)
            {
                Assert.True(end >= period.StartDate && end <= dob.AddYears(18) && end < reference);
                Assert.Contains(period.EndReason!, endReasons);
                if (end == dob.AddYears(18))
                {
                    Assert.Contains(period.EndReason!, AgeOutReasons);
                }
            }
            else
            {
                Assert.Null(period.EndReason);
                Assert.True(dob.AddYears(18) >= reference, $"Open period {period.Id} for someone 18 or over");
            }

            if (period.CinEpisodeId is { } cin)
            {
                Assert.Equal(period.PersonId, cinEpisodes[cin].PersonId);
                Assert.True(cinEpisodes[cin].ReferralDate <= period.StartDate);
            }

            // The episodes: the first starts the period (S), each ends X1 on the day the next starts, the last ends with the period.
            var chain = episodesByPeriod[period.Id].OrderBy(e => e.StartDate).ToList();
            Assert.NotEmpty(chain);
            Assert.Equal(period.StartDate, chain[0].StartDate);
            Assert.Equal("S", chain[0].ReasonNewEpisode);
            for (var i = 0; i < chain.Count; i++)
            {
                var e = chain[i];
                Assert.Equal(period.PersonId, e.PersonId);
                Assert.True(LookedAfterCodes.IsIn(LookedAfterCodes.ReasonsNewEpisode, e.ReasonNewEpisode));
                Assert.True(LookedAfterCodes.IsIn(LookedAfterCodes.LegalStatuses, e.LegalStatus), e.LegalStatus);
                Assert.True(LookedAfterCodes.IsIn(LookedAfterCodes.CategoriesOfNeed, e.CategoryOfNeed));
                Assert.True(LookedAfterCodes.IsIn(LookedAfterCodes.PlacementTypes, e.PlacementType), e.PlacementType);
                Assert.True(LookedAfterCodes.IsIn(LookedAfterCodes.PlacementProviders, e.PlacementProvider));
                Assert.Matches("^ZX[0-9]+ [0-9][A-Z]{2}$", e.PlacementPostcode);
                Assert.True(e.Urn is null || e.Urn.Length <= 10);
                Assert.Null(e.Source);
                var placementChange = e.ReasonNewEpisode is "P" or "T" or "B" or "U";
                Assert.Equal(placementChange, e.ReasonPlaceChange is not null);
                Assert.True(e.ReasonPlaceChange is null || LookedAfterCodes.IsIn(LookedAfterCodes.ReasonsPlaceChange, e.ReasonPlaceChange));
                if (i > 0)
                {
                    Assert.NotEqual("S", e.ReasonNewEpisode);
                    Assert.Equal(chain[i - 1].EndDate, e.StartDate);
                    Assert.Equal("X1", chain[i - 1].EndReason);
                    Assert.True(chain[i - 1].StartDate < e.StartDate);
                }
            }

            Assert.Equal(period.EndDate, chain[^1].EndDate);
            Assert.Equal(period.EndReason, chain[^1].EndReason);
        }
    }

    [Fact]
    public void ReviewsMissingEpisodesLeaversAndAdoptions_KeepTheRules()
    {
        var city = Large.Value;
        var la = city.LookedAfter;
        var reference = city.Spec.ReferenceDate;
        var cutoff = LondonTime.StartOfDay(reference);
        var born = city.People.Concat(la.FormerChildren).ToDictionary(p => p.Id, p => p.DateOfBirth);
        var periods = la.Periods.ToDictionary(p => p.Id);

        foreach (var review in la.Reviews)
        {
            var period = periods[review.CarePeriodId];
            Assert.True(review.HeldOn > period.StartDate && review.HeldOn < (period.EndDate ?? reference));
            Assert.True(LookedAfterCodes.IsIn(LookedAfterCodes.ReviewParticipation, review.Participation));
            var dob = born[review.PersonId]!.Value;
            Assert.Equal(dob.AddYears(4) > review.HeldOn, review.Participation == "PN0");
        }

        Assert.All(la.MissingEpisodes, m =>
        {
            Assert.True(m.StartedAt < cutoff);
            Assert.True(m.ReturnedAt is null || (m.ReturnedAt > m.StartedAt && m.ReturnedAt < cutoff));
            Assert.True(m.InterviewOfferedAt is null || (m.ReturnedAt is not null && m.InterviewOfferedAt > m.ReturnedAt && m.InterviewOfferedAt < cutoff));
            Assert.True(m.InterviewCompletedAt is null || (m.InterviewAccepted == true && m.InterviewCompletedAt > m.InterviewOfferedAt && m.InterviewCompletedAt < cutoff));
            if (m.CarePeriodId is { } id)
            {
                var period = periods[id];
                var on = LondonTime.DateOf(m.StartedAt);
                Assert.True(on >= period.StartDate && on < (period.EndDate ?? reference));
            }
        });
        Assert.Contains(la.MissingEpisodes, m => m.CarePeriodId is null);

        // Care leavers: care ended at 16 or 17 after 13 weeks or more in care since 14; a row for each birthday from 17 to 21 since.
        var periodsByPerson = la.Periods.ToLookup(p => p.PersonId);
        Assert.All(la.CareLeaverContacts.GroupBy(c => c.PersonId), contacts =>
        {
            var dob = born[contacts.Key]!.Value;
            var last = periodsByPerson[contacts.Key].OrderBy(p => p.StartDate).Last();
            Assert.True(last.EndDate is { } left && left >= dob.AddYears(16), "Care leaver who did not leave care at 16 or over");
            var sinceFourteen = periodsByPerson[contacts.Key].Sum(p =>
            {
                var from = p.StartDate > dob.AddYears(14) ? p.StartDate : dob.AddYears(14);
                return p.EndDate!.Value > from ? p.EndDate.Value.DayNumber - from.DayNumber : 0;
            });
            Assert.True(sinceFourteen >= 91);
            Assert.Equal(contacts.Count(), contacts.Select(c => c.Age).Distinct().Count());
            foreach (var c in contacts)
            {
                Assert.InRange(c.Age, 17, 21);
                Assert.Equal(dob.AddYears(c.Age), c.Birthday);
                Assert.True(c.Birthday >= last.EndDate && c.Birthday < reference);
                Assert.True(LookedAfterCodes.IsIn(LookedAfterCodes.InTouch, c.InTouch));
                Assert.True(LookedAfterCodes.IsIn(LookedAfterCodes.Activities, c.Activity));
                Assert.True(c.Accommodation == "0" || (c.Accommodation.Length == 2 && LookedAfterCodes.IsIn(LookedAfterCodes.AccommodationTypes, c.Accommodation[..1])));
                Assert.True(c.RecordedAt < cutoff && LondonTime.DateOf(c.RecordedAt) >= c.Birthday);
            }
        });

        Assert.All(la.Adoptions, a =>
        {
            var period = periods[a.CarePeriodId];
            Assert.Equal(period.PersonId, a.PersonId);
            Assert.True(a.DecisionDate > period.StartDate);
            Assert.True(a.PlacementOrderDate is null || a.PlacementOrderDate > a.DecisionDate);
            Assert.True(a.MatchDate is null || a.MatchDate > a.PlacementOrderDate);
            Assert.True(a.PlacedDate is null || a.PlacedDate > a.MatchDate);
            Assert.True(a.CeasedDate is null || (a.PlacedDate is null && a.CeasedDate > a.DecisionDate && a.CeasedReason is not null));
            Assert.True(a.CeasedReason is null || LookedAfterCodes.IsIn(LookedAfterCodes.AdoptionCeasedReasons, a.CeasedReason));
            Assert.True(a.AdopterSex is null || LookedAfterCodes.IsIn(LookedAfterCodes.AdopterSexes, a.AdopterSex));
            Assert.True(a.AdopterLegalStatus is null || LookedAfterCodes.IsIn(LookedAfterCodes.AdopterLegalStatuses, a.AdopterLegalStatus));
            if (period.EndReason is { } reason && LookedAfterCodes.Adopted.Contains(reason))
            {
                Assert.True(a.PlacedDate < period.EndDate);
            }
        });

        // Only children with a route to adoption are adopted, one route per period.
        var routes = la.Adoptions.ToDictionary(a => a.CarePeriodId);
        Assert.All(la.Periods.Where(p => p.EndReason is { } r && LookedAfterCodes.Adopted.Contains(r)), p => Assert.True(routes[p.Id].PlacedDate is not null));
    }

    [Fact]
    public void AtTwentyThousandChildren_TheRatesMatchBirmingham()
    {
        var city = Large.Value;
        var la = city.LookedAfter;
        var reference = city.Spec.ReferenceDate;
        var per10K = 10_000.0 / LargeChildren;
        var born = city.People.Concat(la.FormerChildren).Where(p => p.DateOfBirth is not null).ToDictionary(p => p.Id, p => p.DateOfBirth!.Value);
        var episodesByPeriod = la.Episodes.ToLookup(e => e.CarePeriodId);

        var inCare = la.Periods.Count(p => p.EndDate is null) * per10K;
        var startsPerYear = la.Periods.Count * per10K / city.Spec.Years;
        var fromPathway = la.Periods.Count(p => p.CinEpisodeId is not null) / (double)la.Periods.Count;

        // KPIs 6 and 7 at the last three year ends, to steady them at this size.
        double moves = 0, movers = 0, stable = 0, longStayers = 0;
        foreach (var on in new[] { reference.AddDays(-1), reference.AddYears(-1).AddDays(-1), reference.AddYears(-2).AddDays(-1) })
        {
            foreach (var period in la.Periods.Where(p => p.StartDate <= on && (p.EndDate is null || p.EndDate > on)))
            {
                var chain = episodesByPeriod[period.Id].Where(e => e.StartDate <= on).OrderBy(e => e.StartDate).ToList();
                moves++;
                if (chain.Count(e => LookedAfterCodes.CarerChanges.Contains(e.ReasonNewEpisode) && e.StartDate > on.AddYears(-1)) >= 3)
                {
                    movers++;
                }

                if (period.StartDate <= on.AddDays(-913) && born[period.PersonId].AddYears(16) > on)
                {
                    longStayers++;
                    var settledSince = chain.LastOrDefault(e => LookedAfterCodes.CarerChanges.Contains(e.ReasonNewEpisode))?.StartDate ?? period.StartDate;
                    if (settledSince <= on.AddYears(-2) || LookedAfterCodes.PlacedForAdoption.Contains(chain[^1].PlacementType))
                    {
                        stable++;
                    }
                }
            }
        }

        // KPI 8: reviews by their due dates (20 working days, then 3 months, then 6 months after the last).
        var onTime = 0;
        foreach (var periodReviews in la.Reviews.GroupBy(r => r.CarePeriodId))
        {
            var due = Calendar.AddWorkingDays(la.Periods.First(p => p.Id == periodReviews.Key).StartDate, 20);
            var months = 3;
            foreach (var review in periodReviews.OrderBy(r => r.HeldOn))
            {
                onTime += review.HeldOn <= due ? 1 : 0;
                due = review.HeldOn.AddMonths(months);
                months = 6;
            }
        }

        var olderLeavers = la.CareLeaverContacts.Where(c => c.Age >= 19).ToList();
        var eet = olderLeavers.Count(c => LookedAfterCodes.InEducationEmploymentOrTraining.Contains(c.Activity)) / (double)olderLeavers.Count;
        var suitable = olderLeavers.Count(c => LookedAfterCodes.IsSuitable(c.Accommodation)) / (double)olderLeavers.Count;
        var adopted = la.Periods.Where(p => p.EndReason is { } r && LookedAfterCodes.Adopted.Contains(r)).ToList();
        var adoptedPerYear = adopted.Count(p => p.EndDate >= reference.AddYears(-5)) * per10K / 5;
        var periods = la.Periods.ToDictionary(p => p.Id);
        var a1 = la.Adoptions.Where(a => a.PlacedDate is not null).Average(a => a.PlacedDate!.Value.DayNumber - periods[a.CarePeriodId].StartDate.DayNumber);
        var returned = la.MissingEpisodes.Where(m => m.ReturnedAt is not null).ToList();
        var offeredIn72 = returned.Count(m => m.InterviewOfferedAt <= m.ReturnedAt!.Value.AddHours(72)) / (double)returned.Count;
        var ended = la.Periods.Where(p => p.EndDate is not null).Select(p => p.EndDate!.Value.DayNumber - p.StartDate.DayNumber).Order().ToList();

        output.WriteLine($"{la.Periods.Count} periods, {la.Episodes.Count} episodes, {la.Reviews.Count} reviews, {la.MissingEpisodes.Count} missing, {la.CareLeaverContacts.Count} leaver contacts, {la.Adoptions.Count} adoption records, {la.FormerChildren.Count} former children");
        output.WriteLine($"Starts {startsPerYear:0.0}/10k/yr ({fromPathway:P0} from the pathway); in care {inCare:0.0}/10k; median ended stay {ended[ended.Count / 2]} days");
        output.WriteLine($"KPI 6 {stable / longStayers:P1} of {longStayers}; KPI 7 {movers / moves:P1} of {moves}; KPI 8 {onTime / (double)la.Reviews.Count:P1}");
        output.WriteLine($"KPI 9 {eet:P1}, KPI 10 {suitable:P1} of {olderLeavers.Count}; adopted {adoptedPerYear:0.00}/10k/yr; A1 {a1:0} days; RHI offered within 72h {offeredIn72:P1}");

        Assert.InRange(startsPerYear, 22, 28);
        Assert.InRange(inCare, 55, 80);
        Assert.InRange(fromPathway, 0.1, 0.7);
        Assert.InRange(stable / longStayers, 0.6, 0.8);
        Assert.InRange(movers / moves, 0.06, 0.14);
        Assert.InRange(onTime / (double)la.Reviews.Count, 0.91, 0.97);
        Assert.InRange(eet, 0.5, 0.75);
        Assert.InRange(suitable, 0.85, 0.98);
        Assert.InRange(adoptedPerYear, 1.4, 3.6);
        Assert.InRange(a1, 420, 600);
        Assert.InRange(offeredIn72, 0.8, 0.95);
    }
}
