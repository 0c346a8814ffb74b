using Safeguarding.Core.Access;
using Safeguarding.Core.Children;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Pathway;

namespace Safeguarding.SyntheticData;

/// <summary>Early help episodes (each with its assessment and Our Family Plan) and the plans' reviews, in insert order.</summary>
public sealed record SyntheticEarlyHelp(IReadOnlyList<EarlyHelpEpisode> Episodes, IReadOnlyList<FamilyPlanReview> Reviews)
{
    public static readonly SyntheticEarlyHelp Empty = new([], []);

    public int Rows => Episodes.Count + Reviews.Count;
}

/// <summary>
/// Early help over <see cref="CitySpec.Years"/>: some of the children stepped down after a social work
/// assessment said early help, some of the last year's front door step-downs (the family agreed), and
/// partners' own assessments (schools most, then health, as Birmingham's partnership describes), so that
/// a Birmingham-size city starts a few thousand early help assessments a year. A child has one episode at a
/// time; an episode that meets a referral to social care ends there, stepped up and linked to it. Its own
/// random stream, so the rest of the city is unchanged.
/// </summary>
internal static class EarlyHelpGenerator
{
    /// <summary>Families who take up early help after an assessment's outcome said so.</summary>
    public const double AssessmentStepDownShare = 0.5;

    /// <summary>Front door step-downs that become an early help assessment (consent given, the family engaged).</summary>
    public const double FrontDoorStepDownShare = 0.15;

    /// <summary>Partners' own early help assessments per child per year.</summary>
    public const double PartnerAssessmentsPerChildPerYear = 0.006;

    public const string Source = "Synthetic city";

    private static readonly Weighted<EarlyHelpEndReason> EndReasons = new(
        (EarlyHelpEndReason.NeedsMet, 76), (EarlyHelpEndReason.ConsentWithdrawn, 14), (EarlyHelpEndReason.MovedAway, 10));

    /// <summary>Who completes a partner-led assessment of a school-age child (schools most of all).</summary>
    private static readonly Weighted<string> SchoolAgeAssessors = new(("School", 64), ("Health", 16), ("Voluntary", 12), ("Trust", 8));

    /// <summary>Under fives: health visitors and nurseries.</summary>
    private static readonly Weighted<string> UnderFiveAssessors = new(("Health", 58), ("School", 17), ("Voluntary", 15), ("Trust", 10));

    /// <summary>Stepped-down families: mostly the council's early help teams, with schools and health leading some.</summary>
    private static readonly Weighted<string> StepDownAssessors = new(("Trust", 60), ("School", 25), ("Health", 15));

    private static readonly string[] GivenNames = ["Amira", "Ben", "Chloe", "Dev", "Ellie", "Farah", "Gareth", "Hana", "Imran", "Jade", "Kofi", "Lucy", "Mo", "Nia", "Owen", "Priya", "Rhys", "Sana", "Tom", "Zara"];
    private static readonly string[] FamilyNames = ["Ahmed", "Brooks", "Campbell", "Dhillon", "Evans", "Francis", "Gill", "Hussain", "Iqbal", "Jones", "Khan", "Lewis", "Murphy", "Nowak", "Okafor", "Patel", "Reid", "Singh", "Turner", "Walsh"];

    private sealed record Candidate(Person Child, DateOnly Start, EarlyHelpRoute Route, Guid? ContactId, Guid? FromCinEpisodeId, Guid? LocalityId);

    public static SyntheticEarlyHelp Generate(
        CitySpec spec, Guid partnershipId, IReadOnlyDictionary<AgencyKind, List<Agency>> agencies, IReadOnlyList<Person> children,
        SyntheticContacts contacts, SyntheticPathway pathway)
    {
        if (spec.Years < 1 || children.Count == 0)
        {
            return SyntheticEarlyHelp.Empty;
        }

        var random = CityRandom.For(spec.Seed, "early-help");
        var reference = spec.ReferenceDate;
        var from = reference.AddYears(-spec.Years);
        var byId = children.ToDictionary(c => c.Id);
        var candidates = new List<Candidate>();

        // After an assessment whose outcome was early help: the child in need episode closed (RC9) and early help took over.
        var assessed = pathway.Assessments.Where(a => a.Outcome == AssessmentOutcome.EarlyHelp).Select(a => a.EpisodeId).ToHashSet();
        foreach (var episode in pathway.Episodes.Where(e => assessed.Contains(e.Id) && e.ClosureDate is not null))
        {
            if (byId.TryGetValue(episode.PersonId, out var child) && random.Chance(AssessmentStepDownShare))
            {
                candidates.Add(new Candidate(child, episode.ClosureDate!.Value.AddDays(random.Between(0, 14)), EarlyHelpRoute.AssessmentStepDown, null, episode.Id, child.LocalityId));
            }
        }

        // The front door's step-downs (the contacts cover the last year only).
        var contactChildren = contacts.Children.Where(c => c.PersonId is not null).ToLookup(c => c.ContactId);
        foreach (var decision in contacts.Decisions.Where(d => d.Outcome == ContactOutcome.StepDownToEarlyHelp && d.SupersededAt is null))
        {
            foreach (var contactChild in contactChildren[decision.ContactId])
            {
                if (byId.TryGetValue(contactChild.PersonId!.Value, out var child) && random.Chance(FrontDoorStepDownShare))
                {
                    var decided = DateOnly.FromDateTime(decision.DecidedAt.UtcDateTime);
                    candidates.Add(new Candidate(child, decided.AddDays(random.Between(3, 21)), EarlyHelpRoute.FrontDoorStepDown, decision.ContactId, null, decision.EarlyHelpLocalityId ?? child.LocalityId));
                }
            }
        }

        // Partners' own assessments, any day of the history.
        var days = reference.DayNumber - from.DayNumber;
        var partnerCount = (int)Math.Round(children.Count * PartnerAssessmentsPerChildPerYear * spec.Years);
        for (var i = 0; i < partnerCount; i++)
        {
            var child = children[random.Next(children.Count)];
            var start = from.AddDays(random.Next(days));
            if (child.DateOfBirth is { } born && born < start)
            {
                candidates.Add(new Candidate(child, start, EarlyHelpRoute.PartnerAssessment, null, null, child.LocalityId));
            }
        }

        var referrals = pathway.Episodes.ToLookup(e => e.PersonId);
        var busyUntil = new Dictionary<Guid, DateOnly>();
        var episodes = new List<EarlyHelpEpisode>();
        var reviews = new List<FamilyPlanReview>();
        foreach (var candidate in candidates.Where(c => c.Start < reference).OrderBy(c => c.Start).ThenBy(c => c.Child.Id))
        {
            // One episode at a time: a child already in early help then is not started again.
            if (busyUntil.TryGetValue(candidate.Child.Id, out var until) && candidate.Start <= until)
            {
                continue;
            }

            var episode = Build(candidate, partnershipId, agencies, referrals[candidate.Child.Id], reference, random, reviews);
            episodes.Add(episode);
            busyUntil[candidate.Child.Id] = episode.EndDate ?? DateOnly.MaxValue;
        }

        return new SyntheticEarlyHelp(episodes, reviews);
    }

    private static EarlyHelpEpisode Build(
        Candidate candidate, Guid partnershipId, IReadOnlyDictionary<AgencyKind, List<Agency>> agencies, IEnumerable<CinEpisode> referrals,
        DateOnly reference, CityRandom random, List<FamilyPlanReview> reviews)
    {
        var start = candidate.Start;
        var age = candidate.Child.DateOfBirth is { } born ? (start.DayNumber - born.DayNumber) / 365 : 8;
        var assessors = candidate.Route == EarlyHelpRoute.PartnerAssessment ? age < 5 ? UnderFiveAssessors : SchoolAgeAssessors : StepDownAssessors;
        var assessing = Assessor(assessors.Pick(random), age, agencies, random);
        var assessmentStart = candidate.Route == EarlyHelpRoute.PartnerAssessment ? start : start.AddDays(random.Between(0, 14));
        var completed = assessmentStart.AddDays(random.Between(7, 45));
        var planStart = completed.AddDays(random.Between(0, 14));
        var planned = random.Chance(0.85);
        var end = start.AddDays(random.Between(90, 400));
        var reason = EndReasons.Pick(random);
        Guid? steppedUpTo = null;

        // A referral to social care during early help is a step-up: early help ends that day.
        if (referrals.Where(r => r.ReferralDate > assessmentStart && r.ReferralDate < end).OrderBy(r => r.ReferralDate).FirstOrDefault() is { } referral)
        {
            (end, reason, steppedUpTo) = (referral.ReferralDate, EarlyHelpEndReason.SteppedUpToSocialCare, referral.Id);
        }

        var episode = new EarlyHelpEpisode
        {
            Id = random.NextGuid(),
            PartnershipId = partnershipId,
            PersonId = candidate.Child.Id,
            StartDate = start,
            Route = candidate.Route,
            ContactId = candidate.ContactId,
            FromCinEpisodeId = candidate.FromCinEpisodeId,
            LocalityId = candidate.LocalityId,
            AssessmentStartDate = assessmentStart < reference ? assessmentStart : null,
            AssessmentCompletedDate = completed < reference && completed <= end ? completed : null,
            AssessingAgencyId = assessmentStart < reference ? assessing.Id : null,
            LeadPractitionerName = assessmentStart < reference ? $"{random.Pick(GivenNames)} {random.Pick(FamilyNames)}" : null,
            LeadPractitionerAgencyId = assessmentStart < reference ? assessing.Id : null,
            EndDate = end < reference ? end : null,
            EndReason = end < reference ? reason : null,
            SteppedUpToCinEpisodeId = end < reference ? steppedUpTo : null,
            RecordedAt = new DateTimeOffset(start.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero),
            Source = Source,
        };
        if (planned && episode.AssessmentCompletedDate is not null && planStart < reference && planStart < end)
        {
            episode.PlanStartDate = planStart;
            var last = planStart;
            var next = last.AddDays(random.Between(42, 56));
            while (next < end && next < reference)
            {
                // Most reviews happen within a week of being due.
                var held = next.AddDays(random.Between(-3, 8));
                if (held >= end || held >= reference)
                {
                    break;
                }

                last = held;
                next = held.AddDays(random.Between(42, 56));
                reviews.Add(new FamilyPlanReview { Id = random.NextGuid(), PartnershipId = partnershipId, EarlyHelpEpisodeId = episode.Id, PersonId = episode.PersonId, HeldOn = held, NextReviewDue = next, Source = Source });
            }

            episode.PlanEndDate = episode.EndDate;
            episode.PlanNextReviewDue = episode.EndDate is null ? next : null;
        }

        return episode;
    }

    private static Agency Assessor(string kind, int age, IReadOnlyDictionary<AgencyKind, List<Agency>> agencies, CityRandom random)
    {
        IEnumerable<AgencyKind> kinds = kind switch
        {
            "School" => age < 4 ? [AgencyKind.NurserySchool, AgencyKind.PrimarySchool] : age < 11 ? [AgencyKind.PrimarySchool, AgencyKind.AllThroughSchool] : [AgencyKind.SecondarySchool, AgencyKind.AllThroughSchool, AgencyKind.SixteenPlusCollege],
            "Health" => [AgencyKind.CommunityTrust, AgencyKind.GpPractice],
            "Voluntary" => [AgencyKind.Voluntary],
            _ => [AgencyKind.ChildrensTrust],
        };
        var pool = kinds.SelectMany(k => agencies.TryGetValue(k, out var list) ? list : []).ToList();
        if (pool.Count == 0)
        {
            pool = agencies.Values.SelectMany(l => l).ToList();
        }

        return random.Pick(pool);
    }
}
