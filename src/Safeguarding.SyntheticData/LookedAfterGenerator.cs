using System.Globalization;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Children;
using Safeguarding.Core.Pathway;

namespace Safeguarding.SyntheticData;

/// <summary>
/// The looked-after history, as rows ready to insert in this order (people first, then care periods,
/// then everything that refers to a period).
/// </summary>
/// <param name="FormerChildren">
/// Young adults (18 and over at the reference date) who were looked after during the history: the city's
/// children are 0 to 17 at the reference date, so those who left care at 18 and the care leavers of
/// KPIs 9 and 10 have to be people of their own. Not in <see cref="SyntheticCity.People"/>, so the rest of
/// the city (and the facts derived from its people) stays exactly as it was.
/// </param>
public sealed record SyntheticLookedAfter(
    IReadOnlyList<Person> FormerChildren,
    IReadOnlyList<CarePeriod> Periods,
    IReadOnlyList<CareEpisode> Episodes,
    IReadOnlyList<LookedAfterReview> Reviews,
    IReadOnlyList<MissingEpisode> MissingEpisodes,
    IReadOnlyList<CareLeaverContact> CareLeaverContacts,
    IReadOnlyList<AdoptionRecord> Adoptions)
{
    public static readonly SyntheticLookedAfter Empty = new([], [], [], [], [], [], []);

    public int Rows => FormerChildren.Count + Periods.Count + Episodes.Count + Reviews.Count + MissingEpisodes.Count
        + CareLeaverContacts.Count + Adoptions.Count;
}

/// <summary>
/// <see cref="CitySpec.Years"/> of children looked after at Birmingham's rates scaled to the city: about
/// 26 starts per 10,000 children a year (some from a child in need episode whose assessment said looked
/// after, some when a child protection plan ended), many short stays and a long tail of years, so that at
/// the reference date about 67 per 10,000 are in care. SSDA903 episodes for every change of legal status
/// or placement (KPIs 6 and 7), reviews (KPI 8), missing episodes, care leavers' birthday contacts (KPIs 9
/// and 10) and routes to adoption (KPIs 11 and 12). Its own random stream, so the rest of the city is unchanged.
/// </summary>
internal static class LookedAfterGenerator
{
    public const double StartsPerChildPerYear = 0.0026;

    /// <summary>Children who come into care when a child protection plan ends.</summary>
    public const double CareAfterPlanShare = 0.1;

    /// <summary>Children under 4 when they come into care whose plan becomes adoption.</summary>
    public const double AdoptionRouteShare = 0.36;

    public const double AdoptionCeasedShare = 0.1;
    public const double ReviewOnTimeShare = 0.94;

    // Age on entering care (England's shape: a fifth babies, a third 10 to 15).
    private static readonly Weighted<int> EntryAges = new(
        (0, 18), (1, 3.3), (2, 3.3), (3, 3.2), (4, 3.2), (5, 3), (6, 3), (7, 3), (8, 3), (9, 3),
        (10, 5), (11, 5.5), (12, 6), (13, 6.5), (14, 7), (15, 7.5), (16, 9), (17, 8));

    // Days in care: a tenth leave within a week, a fifth within two months, a fifth stay more than five years.
    private static readonly Weighted<(int Min, int Max)> Durations = new(
        ((1, 7), 9), ((8, 56), 11), ((57, 182), 13), ((183, 365), 13), ((366, 730), 14), ((731, 1826), 20), ((1827, 6500), 25));

    private static readonly Weighted<string> Needs = new(
        ("N1", 64), ("N2", 3), ("N3", 3), ("N4", 7), ("N5", 13), ("N6", 2), ("N7", 0.3), ("N8", 7.7));

    private static readonly Weighted<string> YoungLegal = new(("C1", 42), ("V2", 43), ("L2", 8), ("L1", 7));
    private static readonly Weighted<string> OlderLegal = new(("V2", 60), ("C1", 25), ("L1", 10), ("L2", 5));

    private static readonly Weighted<string> YoungPlacements = new(
        ("U6", 45), ("U4", 18), ("U3", 14), ("U1", 10), ("P1", 6), ("R3", 4), ("U5", 2), ("U2", 1));

    private static readonly Weighted<string> ChildPlacements = new(
        ("U6", 36), ("U4", 32), ("U3", 8), ("U1", 10), ("P1", 6), ("K2", 5), ("S1", 2), ("Z1", 1));

    private static readonly Weighted<string> TeenPlacements = new(
        ("U6", 28), ("U4", 24), ("U1", 7), ("U3", 5), ("K2", 25), ("P1", 5), ("S1", 2), ("K1", 1), ("R2", 1), ("Z1", 2));

    private static readonly Weighted<string> OldestPlacements = new(
        ("U6", 16), ("U4", 20), ("U1", 5), ("K2", 24), ("K3", 26), ("P1", 5), ("R5", 1), ("Z1", 3));

    private static readonly Weighted<string> MoveReasons = new(
        ("CARPL", 34), ("CREQB", 15), ("CREQO", 11), ("CHILD", 8), ("LAREQ", 8), ("STAND", 3), ("ALLEG", 3),
        ("CLOSE", 4), ("APPRR", 2), ("OTHER", 12));

    // Why care ended, by age: most younger children go home or to relatives; older ones also to independence.
    private static readonly Weighted<string> YoungerEnds = new(
        ("E4A", 38), ("E4B", 6), ("E13", 9), ("E41", 8), ("E45", 9), ("E46", 10), ("E3", 2), ("E8", 4), ("E16", 0.5));

    private static readonly Weighted<string> OlderEnds = new(
        ("E4A", 26), ("E4B", 9), ("E13", 10), ("E5", 18), ("E6", 4), ("E8", 9), ("E9", 2), ("E3", 2), ("E15", 1), ("E7", 1));

    private static readonly Weighted<string> AgeOutEnds = new(("E17", 30), ("E5", 47), ("E6", 5), ("E8", 18));
    private static readonly Weighted<string> AfterCeasedEnds = new(("E45", 35), ("E46", 20), ("E41", 15), ("E4A", 30));
    private static readonly Weighted<string> CeasedReasons = new(("RD1", 25), ("RD2", 30), ("RD3", 30), ("RD4", 15));

    private static readonly Weighted<string> Participation = new(
        ("PN1", 50), ("PN2", 8), ("PN3", 5), ("PN4", 5), ("PN5", 10), ("PN6", 15), ("PN7", 7));

    // Moves a year: most children settle; a few (mostly teenagers) move again and again.
    private static readonly Weighted<Stability> YoungStability = new((Stability.Settled, 84), (Stability.Unsettled, 12), (Stability.Moving, 4));
    private static readonly Weighted<Stability> OlderStability = new((Stability.Settled, 48), (Stability.Unsettled, 23), (Stability.Moving, 29));

    // Episodes a year for a child who goes missing: most now and then, a few very often.
    private static readonly Weighted<double> MissingPerYear = new((1.5, 50), (4, 35), (12, 15));

    private static readonly Weighted<string> InTouch = new(("YES", 95), ("NO", 2), ("REFU", 1.5), ("NREQ", 1), ("RHOM", 0.5));

    private static readonly Weighted<string> YoungerActivities = new(
        ("F2", 55), ("P2", 5), ("F4", 8), ("P4", 2), ("F5", 4), ("P5", 4), ("G4", 5), ("G5", 14), ("G6", 3));

    private static readonly Weighted<string> OlderActivities = new(
        ("F1", 8), ("P1", 1), ("F2", 15), ("P2", 3), ("F4", 9), ("P4", 2), ("F5", 16), ("P5", 11.5), ("G4", 6), ("G5", 22), ("G6", 6.5));

    private static readonly Weighted<string> Accommodation = new(
        ("D1", 25), ("U1", 28), ("E1", 8), ("B1", 14), ("Z1", 9), ("T1", 6), ("C1", 2), ("K1", 1),
        ("S2", 0.6), ("W2", 0.4), ("V2", 0.4), ("X2", 0.6), ("B2", 0.6), ("U2", 0.4));

    private static readonly string[] ReasonsLate =
    [
        "The independent reviewing officer was ill; the first date everyone could attend was later.",
        "The child was moving placement and the review was put back so the new carers could attend.",
        "The family's solicitor could not attend on the planned date.",
        "The social worker's report was not ready to share with the child and family.",
    ];

    public static SyntheticLookedAfter Generate(
        CitySpec spec, Guid partnershipId, IReadOnlyList<Person> children, IReadOnlyList<Person> adults, SyntheticPathway pathway, Func<string?> nhsNumbers)
    {
        if (spec.Years < 1 || children.Count == 0)
        {
            return SyntheticLookedAfter.Empty;
        }

        return new Builder(spec, partnershipId, children, adults, pathway, nhsNumbers).Build();
    }

    private enum Stability
    {
        Settled,
        Unsettled,
        Moving,
    }

    private enum Route
    {
        Ordinary,
        Remand,
        Adoption,
    }

    /// <summary>What will happen in a period, decided before it is given to a child (so a clash can try another child).</summary>
    private sealed record Plan(DateOnly Start, DateOnly? End, string? EndReason, Route Route, Stability Stability, string Legal, AdoptionPlan? Adoption);

    private sealed record AdoptionPlan(
        DateOnly Decision, DateOnly? Authority, DateOnly? Match, DateOnly? Placed, DateOnly? Ceased, string? CeasedReason, bool Consent, bool ByFosterCarers);

    private sealed record Change(string? Legal, bool Move, bool SameCarer, string? Type, string Reason);

    private sealed class Builder(
        CitySpec spec, Guid partnershipId, IReadOnlyList<Person> children, IReadOnlyList<Person> adults, SyntheticPathway pathway, Func<string?> nhsNumbers)
    {
        private readonly CityRandom random = CityRandom.For(spec.Seed, "looked-after");
        private readonly WorkingDayCalendar calendar = WorkingDayCalendar.EnglandAndWales();
        private readonly DateOnly lastDay = spec.ReferenceDate.AddDays(-1);
        private readonly DateOnly windowStart = spec.ReferenceDate.AddYears(-spec.Years);
        private readonly DateTimeOffset cutoff = LondonTime.StartOfDay(spec.ReferenceDate);
        private readonly int districts = CityPlaces.Localities.Count * 2;
        private readonly Dictionary<Guid, List<(DateOnly Start, DateOnly End)>> busy = [];
        private readonly List<Person> former = [];
        private readonly List<CarePeriod> periods = [];
        private readonly List<CareEpisode> episodes = [];
        private readonly List<LookedAfterReview> reviews = [];
        private readonly List<MissingEpisode> missing = [];
        private readonly List<CareLeaverContact> leavers = [];
        private readonly List<AdoptionRecord> adoptions = [];
        private Person[] byBirth = [];
        private int[] birthDays = [];
        private ILookup<Guid, CinEpisode>? cinByPerson;

        public SyntheticLookedAfter Build()
        {
            byBirth = [.. children.Where(c => c.DateOfBirth is not null).OrderBy(c => c.DateOfBirth).ThenBy(c => c.Id)];
            birthDays = [.. byBirth.Select(c => c.DateOfBirth!.Value.DayNumber)];

            foreach (var (person, start, episodeId) in FromThePathway())
            {
                var dob = person.DateOfBirth!.Value;
                if (start >= dob && start < dob.AddYears(18) && start <= lastDay)
                {
                    var plan = PlanPeriod(dob, start);
                    if (IsFree(person.Id, plan))
                    {
                        Commit(person, plan, episodeId);
                    }
                }
            }

            // The rest of the city's starts: children of every age, including those who are adults by now.
            var days = lastDay.DayNumber - windowStart.DayNumber + 1;
            var target = (int)Math.Round(children.Count * StartsPerChildPerYear * days / 365.25, MidpointRounding.AwayFromZero);
            for (var n = periods.Count; n < target; n++)
            {
                IndependentStart(windowStart.AddDays(random.Next(days)));
            }

            OtherChildrenGoMissing(days);
            CareLeavers();
            return new SyntheticLookedAfter(former, periods, episodes, reviews, missing, leavers, adoptions);
        }

        private List<(Person Person, DateOnly Start, Guid EpisodeId)> FromThePathway()
        {
            var people = children.ToDictionary(c => c.Id);
            var cinEpisodes = pathway.Episodes.ToDictionary(e => e.Id);
            var result = new List<(Person, DateOnly, Guid)>();
            foreach (var assessment in pathway.Assessments)
            {
                if (assessment is { Outcome: AssessmentOutcome.LookedAfter, AuthorisationDate: { } authorised }
                    && people.TryGetValue(assessment.PersonId, out var person) && person.DateOfBirth is not null)
                {
                    // Often the child came into care during the assessment; the episode stays open while they are looked after.
                    var episode = cinEpisodes[assessment.EpisodeId];
                    var start = authorised.AddDays(random.Between(-20, 10));
                    start = start < episode.ReferralDate ? episode.ReferralDate : start;
                    if (episode.ClosureDate is { } closed && start > closed)
                    {
                        start = closed;
                    }

                    result.Add((person, start, episode.Id));
                }
            }

            foreach (var plan in pathway.ChildProtectionPlans)
            {
                if (plan.EndDate is { } ended && random.Chance(CareAfterPlanShare)
                    && people.TryGetValue(plan.PersonId, out var person) && person.DateOfBirth is not null)
                {
                    result.Add((person, ended, plan.EpisodeId));
                }
            }

            return [.. result.OrderBy(r => r.Item2).ThenBy(r => r.Item1.Id)];
        }

        private void IndependentStart(DateOnly start)
        {
            var age = EntryAges.Pick(random);

            // Babies mostly come into care in their first weeks.
            var days = age == 0 && random.Chance(0.45) ? random.Between(0, 21) : random.Between(0, 364);
            var born = start.AddYears(-age).AddDays(-days);
            if (born > lastDay.AddYears(-18))
            {
                // Still a child at the reference date: one of the city's children of about that age.
                for (var attempt = 0; attempt < 6; attempt++)
                {
                    var person = ChildBornNear(born, age == 0 ? 20 : 90);
                    if (person?.DateOfBirth is not { } dob || dob > start || start >= dob.AddYears(18))
                    {
                        continue;
                    }

                    var plan = PlanPeriod(dob, start);
                    if (IsFree(person.Id, plan))
                    {
                        Commit(person, plan, OpenCinEpisode(person.Id, start));
                        return;
                    }
                }

                return;
            }

            var adult = FormerChild(born);
            Commit(adult, PlanPeriod(born, start), null);
        }

        /// <summary>The child in need episode open on the day, if the child has one: they came into care from it.</summary>
        private Guid? OpenCinEpisode(Guid personId, DateOnly on)
        {
            cinByPerson ??= pathway.Episodes.ToLookup(e => e.PersonId);
            return cinByPerson[personId].FirstOrDefault(e => e.ReferralDate <= on && (e.ClosureDate is null || e.ClosureDate >= on))?.Id;
        }

        private Person? ChildBornNear(DateOnly born, int window)
        {
            var from = LowerBound(born.DayNumber - window);
            var to = LowerBound(born.DayNumber + window + 1);
            return to > from ? byBirth[random.Between(from, to - 1)] : null;
        }

        private int LowerBound(int dayNumber)
        {
            var index = Array.BinarySearch(birthDays, dayNumber);
            if (index < 0)
            {
                return ~index;
            }

            while (index > 0 && birthDays[index - 1] == dayNumber)
            {
                index--;
            }

            return index;
        }

        /// <summary>Someone who was a child during the history and is an adult now; they live in the city.</summary>
        private Person FormerChild(DateOnly born)
        {
            var pool = EthnicityMix.PoolFor(EthnicityMix.Children.Pick(random), random);
            var sex = random.Chance(0.55) ? PersonSex.Male : PersonSex.Female;
            var home = adults.Count > 0 ? adults[random.Next(adults.Count)] : children[random.Next(children.Count)];
            var line = home.AddressLine is { } l && !l.StartsWith("Flat", StringComparison.Ordinal)
                ? string.Create(CultureInfo.InvariantCulture, $"Flat {random.Between(1, 40)}, {l}")
                : home.AddressLine;
            var person = new Person
            {
                Id = random.NextGuid(),
                PartnershipId = partnershipId,
                GivenName = random.Pick(sex == PersonSex.Male ? pool.Male : pool.Female),
                FamilyName = random.Pick(pool.Family),
                DateOfBirth = born,
                Sex = sex,
                EthnicityCode = EthnicityMix.Children.Pick(random),
                NhsNumber = nhsNumbers(),
                AddressLine = line,
                Town = spec.CityName,
                Postcode = home.Postcode,
                LocalityId = home.LocalityId,
            };
            former.Add(person);
            return person;
        }

        private bool IsFree(Guid personId, Plan plan)
        {
            if (!busy.TryGetValue(personId, out var taken))
            {
                return true;
            }

            // A day's gap at least between periods: a child is never in two at once.
            var end = plan.End ?? DateOnly.MaxValue;
            return taken.All(t => end < t.Start.AddDays(-1) || plan.Start.AddDays(-1) > t.End);
        }

        private Plan PlanPeriod(DateOnly dob, DateOnly start)
        {
            var age = AgeOn(dob, start);
            var stability = (age < 10 ? YoungStability : OlderStability).Pick(random);
            var eighteen = dob.AddYears(18);
            if (age < 4 && random.Chance(AdoptionRouteShare))
            {
                return AdoptionPeriod(start, stability);
            }

            var route = age >= 12 && random.Chance(0.04) ? Route.Remand : Route.Ordinary;
            var legal = route == Route.Remand ? "J1" : (age < 12 ? YoungLegal : OlderLegal).Pick(random);
            var (min, max) = route == Route.Remand ? (7, 120) : Durations.Pick(random);
            var end = start.AddDays(random.Between(min, max));
            string reason;
            if (end >= eighteen)
            {
                end = eighteen;
                reason = AgeOutEnds.Pick(random);
            }
            else if (route == Route.Remand)
            {
                reason = random.Chance(0.8) ? "E14" : "E9";
            }
            else
            {
                reason = (AgeOn(dob, end) < 16 ? YoungerEnds : OlderEnds).Pick(random);
            }

            return end > lastDay ? new Plan(start, null, null, route, stability, legal, null) : new Plan(start, end, reason, route, stability, legal, null);
        }

        /// <summary>Decision, court authority, match and placement about 500 days after entering care; the order months later.</summary>
        private Plan AdoptionPeriod(DateOnly start, Stability stability)
        {
            var consent = random.Chance(0.12);
            var legal = consent ? "V2" : random.Chance(0.8) ? "C1" : "V2";
            var decision = start.AddDays(random.Between(90, 330));
            var authority = decision.AddDays(random.Between(30, 200));
            DateOnly end;
            string reason;
            AdoptionPlan adoption;
            if (random.Chance(AdoptionCeasedShare))
            {
                var ceased = decision.AddDays(random.Between(60, 420));
                var ceasedReason = CeasedReasons.Pick(random);
                var authorised = ceasedReason != "RD2" && authority < ceased ? authority : (DateOnly?)null;
                adoption = new AdoptionPlan(decision, authorised, null, null, ceased, ceasedReason, consent, false);
                end = ceased.AddDays(random.Between(120, 2_500));
                reason = AfterCeasedEnds.Pick(random);
            }
            else
            {
                var match = authority.AddDays(random.Between(20, 260));
                var placed = match.AddDays(random.Between(7, 42));
                adoption = new AdoptionPlan(decision, authority, match, placed, null, null, consent, random.Chance(0.15));
                end = placed.AddDays(random.Between(70, 330));
                reason = random.Chance(0.75) ? "E11" : "E12";
            }

            return end > lastDay
                ? new Plan(start, null, null, Route.Adoption, stability, legal, adoption)
                : new Plan(start, end, reason, Route.Adoption, stability, legal, adoption);
        }

        private void Commit(Person person, Plan plan, Guid? cinEpisodeId)
        {
            var dob = person.DateOfBirth!.Value;
            if (!busy.TryGetValue(person.Id, out var taken))
            {
                busy[person.Id] = taken = [];
            }

            taken.Add((plan.Start, plan.End ?? DateOnly.MaxValue));
            var period = new CarePeriod
            {
                Id = random.NextGuid(),
                PartnershipId = partnershipId,
                PersonId = person.Id,
                CinEpisodeId = cinEpisodeId,
                StartDate = plan.Start,
                EndDate = plan.End,
                EndReason = plan.EndReason,
                RecordedAt = LondonTime.At(plan.Start, new TimeOnly(random.Between(9, 18), random.Next(60))),
            };
            periods.Add(period);

            // Nothing after the reference date: an open period's events stop the day before it.
            var until = plan.End is { } e && e <= lastDay ? e : lastDay.AddDays(1);
            Episodes(person, dob, plan, period, until);
            Reviews(dob, period, until);
            GoesMissing(person, dob, plan, period, until);
            if (plan.Adoption is { } adoption && adoption.Decision < until)
            {
                Adoption(person, period, adoption, until);
            }
        }

        private void Episodes(Person person, DateOnly dob, Plan plan, CarePeriod period, DateOnly until)
        {
            var changes = new SortedDictionary<DateOnly, Change>();
            void Add(DateOnly on, Change change)
            {
                if (on <= plan.Start || on >= until)
                {
                    return;
                }

                if (changes.TryGetValue(on, out var existing))
                {
                    // The same day: one episode with both changes (RNE T or U).
                    changes[on] = existing.Move
                        ? existing with { Legal = existing.Legal ?? change.Legal, Type = existing.Type ?? change.Type }
                        : change with { Legal = existing.Legal ?? change.Legal };
                    return;
                }

                changes[on] = change;
            }

            var start = plan.Start;
            switch (plan.Legal)
            {
                case "L1" or "L2":
                    // Police protection or an emergency protection order lasts days; often the child moves on the same day.
                    Add(start.AddDays(random.Between(1, 8)), new Change(random.Chance(0.5) ? "C1" : "V2", random.Chance(0.5), false, null, "CARPL"));
                    break;
                case "C1" when plan.Route == Route.Ordinary && random.Chance(0.85):
                    Add(start.AddDays(random.Between(120, 330)), new Change("C2", false, false, null, ""));
                    break;
                case "V2" when plan.Route == Route.Ordinary && random.Chance(0.15):
                    var order = start.AddDays(random.Between(30, 200));
                    Add(order, new Change("C1", false, false, null, ""));
                    Add(order.AddDays(random.Between(120, 300)), new Change("C2", false, false, null, ""));
                    break;
            }

            var movesUntil = until;
            if (plan.Adoption is { } adoption)
            {
                if (adoption.Authority is { } authority && !adoption.Consent)
                {
                    Add(authority, new Change("E1", false, false, null, ""));
                }

                if (adoption.Placed is { } placed)
                {
                    var type = adoption.Consent ? (adoption.ByFosterCarers ? "A3" : "A4") : (adoption.ByFosterCarers ? "A5" : "A6");
                    Add(placed, new Change(null, true, adoption.ByFosterCarers, type, "CARPL"));
                    movesUntil = placed < until ? placed : until;
                }

                if (adoption is { Ceased: { } ceased, Authority: not null, Consent: false })
                {
                    // The placement order is revoked: back to a care order.
                    Add(ceased, new Change("C2", false, false, null, ""));
                }
            }

            // The first placement is often an emergency one; then moves at a rate that depends on how settled the child is.
            if (random.Chance(0.3))
            {
                Add(start.AddDays(random.Between(3, 60)), new Change(null, true, false, null, "CARPL"));
            }

            var perYear = plan.Stability switch
            {
                Stability.Settled => 0.08,
                Stability.Unsettled => 0.7,
                _ => 5.0,
            };
            var on = start;
            while (true)
            {
                on = on.AddDays((int)Math.Ceiling(-Math.Log(1 - random.NextDouble()) / perYear * 365.25));
                if (on >= movesUntil)
                {
                    break;
                }

                Add(on, new Change(null, true, false, null, MoveReasons.Pick(random)));
            }

            // Short-term foster placements that become long-term ones: the same carers, a new episode.
            if (random.Chance(0.35))
            {
                Add(start.AddDays(random.Between(150, 600)), new Change(null, true, true, null, "PLACE"));
            }

            var need = Needs.Pick(random);
            var legal = plan.Legal;
            var placement = NewPlacement(AgeOn(dob, start), plan.Stability, null);
            var episode = Episode(person, period, start, "S", legal, need, placement, null);
            foreach (var (date, change) in changes)
            {
                var newLegal = change.Legal is { } l && l != legal ? l : null;
                var next = placement;
                if (change.Move)
                {
                    if (change.SameCarer)
                    {
                        var type = change.Type ?? placement.Type switch
                        {
                            "U6" => "U4",
                            "U3" => "U1",
                            _ => null,
                        };
                        next = type is null ? placement : placement with { Type = type };
                    }
                    else
                    {
                        next = NewPlacement(AgeOn(dob, date), plan.Stability, change.Type);
                    }
                }

                var moved = !ReferenceEquals(next, placement);
                if (newLegal is null && !moved)
                {
                    continue;
                }

                var sameCarer = moved && change.SameCarer;
                var rne = (newLegal is not null, moved, sameCarer) switch
                {
                    (true, false, _) => "L",
                    (true, true, false) => "T",
                    (true, true, true) => "U",
                    (false, true, false) => "P",
                    _ => "B",
                };
                episode.EndDate = date;
                episode.EndReason = "X1";
                legal = newLegal ?? legal;
                placement = next;
                episode = Episode(person, period, date, rne, legal, need, placement, moved ? change.Reason : null);
            }

            if (period.EndDate is { } ended)
            {
                episode.EndDate = ended;
                episode.EndReason = period.EndReason;
            }
        }

        private sealed record Placement(string Type, string Provider, string Postcode, string? Urn);

        private Placement NewPlacement(int age, Stability stability, string? type)
        {
            var placements = age switch
            {
                < 5 => YoungPlacements,
                < 12 => ChildPlacements,
                < 16 => TeenPlacements,
                _ => OldestPlacements,
            };
            type ??= placements.Pick(random);

            // Children who keep moving end up in children's homes more often.
            if (stability == Stability.Moving && age >= 11 && type.StartsWith('U') && random.Chance(0.4))
            {
                type = "K2";
            }

            var provider = type switch
            {
                "P1" => "PR0",
                "U1" or "U2" or "U3" => "PR1",
                "U4" or "U5" or "U6" => random.Chance(0.6) ? "PR1" : random.Chance(0.9) ? "PR4" : "PR5",
                "A3" or "A4" or "A5" or "A6" => random.Chance(0.7) ? "PR1" : "PR5",
                "K2" => random.Chance(0.7) ? "PR4" : random.Chance(0.6) ? "PR1" : "PR5",
                "K1" => random.Chance(0.5) ? "PR2" : "PR4",
                "S1" or "R2" or "R5" => "PR3",
                _ => random.Chance(0.8) ? "PR4" : "PR5",
            };

            // Ofsted-registered settings have a URN; like the schools' URNs, ours are above any in use.
            var urn = type is "K1" or "K2" or "K3" or "R3" or "S1"
                ? string.Create(CultureInfo.InvariantCulture, $"SC{random.Between(900_000, 999_999)}")
                : null;
            return new Placement(type, provider, Postcodes.Make(spec.PostcodeArea, random.Between(1, districts), random), urn);
        }

        private CareEpisode Episode(Person person, CarePeriod period, DateOnly start, string rne, string legal, string need, Placement placement, string? reason)
        {
            var episode = new CareEpisode
            {
                Id = random.NextGuid(),
                PartnershipId = partnershipId,
                CarePeriodId = period.Id,
                PersonId = person.Id,
                StartDate = start,
                ReasonNewEpisode = rne,
                LegalStatus = legal,
                CategoryOfNeed = need,
                PlacementType = placement.Type,
                PlacementProvider = placement.Provider,
                PlacementPostcode = placement.Postcode,
                HomePostcode = person.Postcode,
                Urn = placement.Urn,
                ReasonPlaceChange = reason,
            };
            episodes.Add(episode);
            return episode;
        }

        /// <summary>First within 20 working days, the second three months later, then every six months.</summary>
        private void Reviews(DateOnly dob, CarePeriod period, DateOnly until)
        {
            var due = calendar.AddWorkingDays(period.StartDate, 20);
            var months = 3;
            while (true)
            {
                var late = !random.Chance(ReviewOnTimeShare);
                var held = late
                    ? calendar.WorkingDayOnOrAfter(due.AddDays(random.Between(1, 30)))
                    : calendar.AddWorkingDays(due, -random.Between(1, 8));
                if (held >= until)
                {
                    return;
                }

                reviews.Add(new LookedAfterReview
                {
                    Id = random.NextGuid(),
                    PartnershipId = partnershipId,
                    CarePeriodId = period.Id,
                    PersonId = period.PersonId,
                    HeldOn = held,
                    Participation = AgeOn(dob, held) < 4 ? "PN0" : Participation.Pick(random),
                    ReasonLate = late ? random.Pick(ReasonsLate) : null,
                });
                due = held.AddMonths(months);
                months = 6;
            }
        }

        /// <summary>Some looked-after teenagers go missing, a few of them often.</summary>
        private void GoesMissing(Person person, DateOnly dob, Plan plan, CarePeriod period, DateOnly until)
        {
            var from = dob.AddYears(12) > period.StartDate ? dob.AddYears(12) : period.StartDate;
            if (from >= until || !random.Chance(plan.Stability == Stability.Moving ? 0.6 : 0.22))
            {
                return;
            }

            var perYear = MissingPerYear.Pick(random);
            var on = from;
            while (true)
            {
                on = on.AddDays((int)Math.Ceiling(-Math.Log(1 - random.NextDouble()) / perYear * 365.25));
                if (on >= until)
                {
                    return;
                }

                Missing(person.Id, period.Id, on);
            }
        }

        private void OtherChildrenGoMissing(int days)
        {
            // A few children living at home go missing too (about 15 episodes per 10,000 children a year).
            var count = (int)Math.Round(children.Count * 0.0015 * days / 365.25, MidpointRounding.AwayFromZero);
            for (var n = 0; n < count; n++)
            {
                var on = windowStart.AddDays(random.Next(days));
                var person = ChildBornNear(on.AddYears(-random.Between(12, 17)).AddDays(-random.Between(0, 364)), 60);
                if (person?.DateOfBirth is { } dob && on >= dob.AddYears(11) && on < dob.AddYears(18)
                    && (!busy.TryGetValue(person.Id, out var taken) || taken.All(t => on < t.Start || on > t.End)))
                {
                    Missing(person.Id, null, on);
                }
            }
        }

        private void Missing(Guid personId, Guid? periodId, DateOnly on)
        {
            // Mostly evenings; most are back within a day, a few are gone for days.
            var started = LondonTime.At(on, new TimeOnly(random.Chance(0.7) ? random.Between(16, 23) : random.Between(0, 15), random.Next(60)));
            var hours = random.NextDouble() switch
            {
                < 0.7 => random.Between(2, 23),
                < 0.95 => random.Between(24, 72),
                _ => random.Between(73, 336),
            };
            var returned = started.AddHours(hours).AddMinutes(random.Next(60));
            var episode = new MissingEpisode
            {
                Id = random.NextGuid(),
                PartnershipId = partnershipId,
                PersonId = personId,
                CarePeriodId = periodId,
                Kind = random.Chance(0.75) ? MissingKind.Missing : MissingKind.Away,
                StartedAt = started,
            };
            missing.Add(episode);
            if (returned >= cutoff)
            {
                return;
            }

            episode.ReturnedAt = returned;

            // The return home interview is offered within 72 hours nearly nine times in ten.
            var roll = random.NextDouble();
            var offered = roll < 0.88 ? returned.AddHours(random.Between(2, 70)) : roll < 0.96 ? returned.AddHours(random.Between(73, 240)) : (DateTimeOffset?)null;
            if (offered is not { } o || o >= cutoff)
            {
                return;
            }

            episode.InterviewOfferedAt = o;
            roll = random.NextDouble();
            episode.InterviewAccepted = roll < 0.65 ? true : roll < 0.92 ? false : null;
            var completed = o.AddHours(random.Between(1, 120));
            if (episode.InterviewAccepted == true && completed < cutoff)
            {
                episode.InterviewCompletedAt = completed;
            }
        }

        private void Adoption(Person person, CarePeriod period, AdoptionPlan plan, DateOnly until)
        {
            DateOnly? Known(DateOnly? date) => date is { } d && d < until ? d : null;
            var placed = Known(plan.Placed);
            var couple = random.Chance(0.8);
            var (sex, status) = couple
                ? random.NextDouble() switch
                {
                    < 0.8 => ("MF", random.Chance(0.8) ? "L11" : "L2"),
                    < 0.9 => ("MM", random.Chance(0.7) ? "L12" : "L11"),
                    _ => ("FF", random.Chance(0.7) ? "L12" : "L11"),
                }
                : (random.Chance(0.8) ? "F1" : "M1", random.Chance(0.85) ? "L0" : "L4");
            adoptions.Add(new AdoptionRecord
            {
                Id = random.NextGuid(),
                PartnershipId = partnershipId,
                PersonId = person.Id,
                CarePeriodId = period.Id,
                DecisionDate = plan.Decision,
                PlacementOrderDate = Known(plan.Authority),
                MatchDate = Known(plan.Match),
                PlacedDate = placed,
                AdoptedByFosterCarers = placed is null ? null : plan.ByFosterCarers,
                NumberOfAdopters = placed is null ? null : couple ? 2 : 1,
                AdopterSex = placed is null ? null : sex,
                AdopterLegalStatus = placed is null ? null : status,
                CeasedDate = Known(plan.Ceased),
                CeasedReason = Known(plan.Ceased) is null ? null : plan.CeasedReason,
            });
        }

        /// <summary>
        /// Care leavers (care ended at 16 or 17 after 13 weeks or more in care since their 14th birthday):
        /// how they are doing at each birthday from 17 to 21 that has passed.
        /// </summary>
        private void CareLeavers()
        {
            var born = children.Concat(former).Where(p => p.DateOfBirth is not null).ToDictionary(p => p.Id, p => p.DateOfBirth!.Value);
            foreach (var personPeriods in periods.GroupBy(p => p.PersonId))
            {
                var dob = born[personPeriods.Key];
                var last = personPeriods.OrderBy(p => p.StartDate).Last();
                if (last.EndDate is not { } left || AgeOn(dob, left) < 16 || last.EndReason is "E3" or "E16" or "E15")
                {
                    continue;
                }

                var fourteen = dob.AddYears(14);
                var daysSince14 = personPeriods.Sum(p =>
                {
                    var from = p.StartDate > fourteen ? p.StartDate : fourteen;
                    var to = p.EndDate ?? lastDay;
                    return to > from ? to.DayNumber - from.DayNumber : 0;
                });
                if (daysSince14 < 91)
                {
                    continue;
                }

                for (var age = 17; age <= 21; age++)
                {
                    var birthday = dob.AddYears(age);
                    if (birthday > lastDay)
                    {
                        break;
                    }

                    if (birthday < left)
                    {
                        continue;
                    }

                    var inTouch = InTouch.Pick(random);
                    var known = inTouch == "YES";
                    var recorded = birthday.AddDays(random.Between(0, 40));
                    leavers.Add(new CareLeaverContact
                    {
                        Id = random.NextGuid(),
                        PartnershipId = partnershipId,
                        PersonId = personPeriods.Key,
                        Age = age,
                        Birthday = birthday,
                        InTouch = inTouch,
                        Activity = known ? (age < 19 ? YoungerActivities : OlderActivities).Pick(random) : "0",
                        Accommodation = known ? Accommodation.Pick(random) : "0",
                        RecordedAt = LondonTime.At(recorded > lastDay ? lastDay : recorded, new TimeOnly(random.Between(9, 17), random.Next(60))),
                    });
                }
            }
        }

        private static int AgeOn(DateOnly dob, DateOnly on)
        {
            var age = on.Year - dob.Year;
            return dob.AddYears(age) > on ? age - 1 : age;
        }
    }
}
