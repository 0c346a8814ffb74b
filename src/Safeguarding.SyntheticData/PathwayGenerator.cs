using Safeguarding.Core.Access;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Children;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Pathway;

namespace Safeguarding.SyntheticData;

/// <summary>The statutory pathway's history, as rows ready to insert in this order (navigation lists left empty).</summary>
public sealed record SyntheticPathway(
    IReadOnlyList<CinEpisode> Episodes,
    IReadOnlyList<Assessment> Assessments,
    IReadOnlyList<CinPlan> CinPlans,
    IReadOnlyList<StrategyDiscussion> StrategyDiscussions,
    IReadOnlyList<StrategyDiscussionAttendee> StrategyDiscussionAttendees,
    IReadOnlyList<Section47Enquiry> Section47Enquiries,
    IReadOnlyList<ChildProtectionConference> Conferences,
    IReadOnlyList<ConferenceAttendance> ConferenceAttendance,
    IReadOnlyList<ChildProtectionPlan> ChildProtectionPlans,
    IReadOnlyList<CoreGroupMeeting> CoreGroupMeetings)
{
    public static readonly SyntheticPathway Empty = new([], [], [], [], [], [], [], [], [], []);

    public int Rows => Episodes.Count + Assessments.Count + CinPlans.Count + StrategyDiscussions.Count + StrategyDiscussionAttendees.Count
        + Section47Enquiries.Count + Conferences.Count + ConferenceAttendance.Count + ChildProtectionPlans.Count + CoreGroupMeetings.Count;
}

/// <summary>
/// <see cref="CitySpec.Years"/> of children in need episodes at Birmingham's rates scaled to the city:
/// per 10,000 children a year about 560 referrals (a fifth re-referrals), 450 assessments (86% within
/// 45 working days), 140 section 47 enquiries, 45 initial conferences (83% within 15 working days of the
/// strategy discussion) and 40 child protection plans, so that at the reference date about 280 per
/// 10,000 are children in need and 45 per 10,000 on a plan. The front door's referrals of the last two years
/// (<see cref="ContactGenerator"/>) start episodes of their own; the years before get referrals of their own.
/// Its own random stream, so the rest of the city is unchanged.
/// </summary>
internal static class PathwayGenerator
{
    /// <summary>Referrals in the years before the front door's two years; the same rate as <see cref="ContactGenerator"/>.</summary>
    public const double ReferralsPerChildPerYear = ContactGenerator.ReferralsPerChildPerYear;
    public const double ReReferralShare = 0.18;
    public const double StrategyAtReferralShare = 0.15;
    public const double NoFurtherActionAtReferralShare = 0.22;
    public const double StrategyDuringAssessmentShare = 0.18;
    public const double AssessmentOnTimeShare = 0.86;
    public const double Section47Share = 0.93;
    public const double ConferenceOnTimeShare = 0.83;

    /// <summary>Children whose plan ended come back for another plan (the repeat plans of KPI 5).</summary>
    public const double ReturnAfterPlanShare = 0.16;

    private static readonly Weighted<string> Sources = new(
        ("6", 30), ("2A", 19), ("3A", 5), ("3B", 6), ("3E", 8), ("3F", 3), ("4", 3), ("5B", 4), ("5D", 4), ("7", 2),
        ("8", 8), ("1A", 5), ("1B", 1), ("1C", 1), ("9", 1), ("10", 1));

    private static readonly Weighted<string> PrimaryNeeds = new(
        ("N1", 56), ("N2", 3), ("N3", 4), ("N4", 7), ("N5", 14), ("N6", 3), ("N7", 1), ("N8", 4), ("N9", 8));

    private static readonly Weighted<AssessmentOutcome> AssessedOutcomes = new(
        (AssessmentOutcome.NoFurtherAction, 40), (AssessmentOutcome.EarlyHelp, 22), (AssessmentOutcome.ChildInNeedPlan, 35), (AssessmentOutcome.LookedAfter, 3));

    private static readonly Weighted<string> Factors = new(
        ("3B", 22), ("3A", 10), ("4B", 16), ("2B", 8), ("1B", 6), ("16A", 14), ("17A", 10), ("18C", 6), ("19C", 3), ("4A", 6),
        ("10A", 3), ("24A", 2), ("11A", 2), ("5A", 2), ("6B", 2), ("14A", 2), ("15A", 2), ("20", 3));

    private static readonly Weighted<string> Categories = new(("NEG", 48), ("EMO", 33), ("PHY", 8), ("SAB", 4), ("MUL", 7));

    // The review at which the plan ends: 3 months, then every 6 months (mean about 14 months).
    private static readonly Weighted<int> ReviewsUntilEnd = new((1, 12), (2, 32), (3, 29), (4, 16), (5, 8), (6, 3));

    private static readonly Weighted<string> LookedAfterClosures = new(("RC1", 20), ("RC3", 15), ("RC4", 25), ("RC7", 35), ("RC5", 5));

    private static readonly string[] ReasonsLate =
    [
        "The family's solicitor asked for a later date.",
        "Police could not attend within the timescale and their information was essential.",
        "The chair was not available; the first date with all key agencies was later.",
        "The conference was rearranged because a parent needed an interpreter.",
        "The assessment report was not ready in time to share with the family.",
    ];

    private static readonly string[] Rationales =
    [
        "There is reasonable cause to suspect the child is suffering, or likely to suffer, significant harm.",
        "An injury the child could not explain, with earlier concerns from school and health.",
        "Domestic abuse in the home with the child present; police have attended several times.",
        "Neglect over time: missed health appointments, poor school attendance, home conditions.",
    ];

    public static SyntheticPathway Generate(
        CitySpec spec, Guid partnershipId, IReadOnlyDictionary<AgencyKind, List<Agency>> agencies, IReadOnlyList<Person> children,
        IReadOnlyList<User> users, IReadOnlyList<StaffRoleAssignment> userRoles, SyntheticContacts contacts)
    {
        if (spec.Years < 1 || children.Count == 0)
        {
            return SyntheticPathway.Empty;
        }

        return new Builder(spec, partnershipId, agencies, children, users, userRoles, contacts).Build();
    }

    private enum Route
    {
        Assessment,
        Strategy,
        Protection,
    }

    private sealed record Referral(int Child, DateOnly Date, string Source, string? Need, Guid? ContactId, DateTimeOffset? RecordedAt, Guid? RecordedBy, Route Route);

    private sealed class ChildState
    {
        public DateOnly? LastReferral { get; set; }
        public DateOnly OpenUntil { get; set; } = DateOnly.MinValue;
        public List<DateOnly> PlanEnds { get; } = [];
        public int Plans { get; set; }
    }

    private sealed class Builder(
        CitySpec spec, Guid partnershipId, IReadOnlyDictionary<AgencyKind, List<Agency>> agencies, IReadOnlyList<Person> children,
        IReadOnlyList<User> users, IReadOnlyList<StaffRoleAssignment> userRoles, SyntheticContacts contacts)
    {
        private readonly CityRandom random = CityRandom.For(spec.Seed, "pathway");
        private readonly WorkingDayCalendar calendar = WorkingDayCalendar.EnglandAndWales();
        private readonly DateOnly lastDay = spec.ReferenceDate.AddDays(-1);
        private readonly ChildState[] states = children.Select(_ => new ChildState()).ToArray();
        private readonly List<CinEpisode> episodes = [];
        private readonly List<Assessment> assessments = [];
        private readonly List<CinPlan> cinPlans = [];
        private readonly List<StrategyDiscussion> discussions = [];
        private readonly List<StrategyDiscussionAttendee> attendees = [];
        private readonly List<Section47Enquiry> enquiries = [];
        private readonly List<ChildProtectionConference> conferences = [];
        private readonly List<ConferenceAttendance> attendance = [];
        private readonly List<ChildProtectionPlan> plans = [];
        private readonly List<CoreGroupMeeting> coreGroups = [];
        private readonly PriorityQueue<int, DateOnly> returns = new();
        private readonly List<(int Child, DateOnly Date)> recent = [];
        private Dictionary<int, List<DateOnly>> fixedDates = [];
        private int recentStart;
        private DateOnly? plannedAuthorisation;
        private List<Agency> health = [];
        private List<Agency> healthAndHospitals = [];
        private List<Agency> gps = [];
        private List<Guid> socialWorkers = [];
        private List<string> chairs = [];
        private Dictionary<Guid, Agency> agencyById = [];

        public SyntheticPathway Build()
        {
            var roleOf = userRoles.GroupBy(r => r.Role).ToDictionary(g => g.Key, g => g.Select(r => r.UserId).ToHashSet());
            socialWorkers = [.. users.Where(u => roleOf.TryGetValue(Roles.SocialWorker, out var ids) && ids.Contains(u.Id)).Select(u => u.Id)];
            chairs = [.. users.Where(u => roleOf.TryGetValue(Roles.ConferenceChair, out var ids) && ids.Contains(u.Id)).Select(u => u.DisplayName)];
            if (chairs.Count == 0)
            {
                chairs.Add("Independent conference chair");
            }

            agencyById = agencies.Values.SelectMany(a => a).ToDictionary(a => a.Id);
            List<Agency> Of(params AgencyKind[] kinds) => [.. kinds.Where(agencies.ContainsKey).SelectMany(k => agencies[k])];
            health = Of(AgencyKind.CommunityTrust);
            healthAndHospitals = Of(AgencyKind.CommunityTrust, AgencyKind.AcuteTrust);
            gps = Of(AgencyKind.GpPractice);
            var fixedReferrals = FrontDoorReferrals();
            fixedDates = fixedReferrals.GroupBy(r => r.Child).ToDictionary(g => g.Key, g => g.Select(r => r.Date).Order().ToList());

            // The front door's years are its own; the years before them get referrals at the same rate.
            var windowStart = spec.ReferenceDate.AddYears(-spec.Years);
            var historyEnd = contacts.Contacts.Count > 0 ? spec.ReferenceDate.AddDays(-365 * ContactGenerator.Years) : spec.ReferenceDate;
            var historyDays = historyEnd.DayNumber - windowStart.DayNumber;
            var count = historyDays <= 0 ? 0 : (int)Math.Round(children.Count * ReferralsPerChildPerYear * historyDays / 365.25, MidpointRounding.AwayFromZero);
            var dates = Enumerable.Range(0, count).Select(_ => ReferralDate(windowStart, historyDays)).Order().ToList();
            foreach (var date in dates)
            {
                if (HistoryReferral(date) is { } referral)
                {
                    Episode(referral);
                }
            }

            foreach (var referral in fixedReferrals)
            {
                var state = states[referral.Child];
                var dob = children[referral.Child].DateOfBirth;

                // A second contact about a child already open is not a new referral; nor is one before the child was born.
                if (state.OpenUntil >= referral.Date || dob > referral.Date)
                {
                    continue;
                }

                Episode(referral);
            }

            return new SyntheticPathway(episodes, assessments, cinPlans, discussions, attendees, enquiries, conferences, attendance, plans, coreGroups);
        }

        private List<Referral> FrontDoorReferrals()
        {
            var positions = children.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
            var decisions = contacts.Decisions.ToDictionary(d => d.ContactId);
            var linked = contacts.Children.Where(c => c.PersonId is not null).GroupBy(c => c.ContactId).ToDictionary(g => g.Key, g => g.OrderBy(c => c.Position).ToList());
            var result = new List<Referral>();
            foreach (var contact in contacts.Contacts.OrderBy(c => c.ReceivedAt).ThenBy(c => c.Reference, StringComparer.Ordinal))
            {
                if (!contact.IsReferral || !decisions.TryGetValue(contact.Id, out var decision)
                    || decision.Outcome is not (ContactOutcome.SocialWorkAssessment or ContactOutcome.StrategyDiscussion)
                    || !linked.TryGetValue(contact.Id, out var contactChildren))
                {
                    continue;
                }

                var date = LondonTime.DateOf(contact.ReceivedAt);
                var route = decision.Outcome == ContactOutcome.StrategyDiscussion ? Route.Strategy : Route.Assessment;
                foreach (var child in contactChildren)
                {
                    if (positions.TryGetValue(child.PersonId!.Value, out var index))
                    {
                        result.Add(new Referral(index, date, decision.ReferralSourceCode ?? "10", decision.PrimaryNeedCode, contact.Id,
                            decision.DecidedAt, decision.DecidedByUserId, route));
                    }
                }
            }

            return result;
        }

        /// <summary>Weekdays mostly: a weekend referral moves to Monday four times in five.</summary>
        private DateOnly ReferralDate(DateOnly start, int days)
        {
            var date = start.AddDays(random.Next(days));
            if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && random.Chance(0.8))
            {
                date = date.AddDays(date.DayOfWeek == DayOfWeek.Saturday ? 2 : 1);
            }

            return date;
        }

        private Referral? HistoryReferral(DateOnly date)
        {
            var source = Sources.Pick(random);
            var need = PrimaryNeeds.Pick(random);

            // Children whose plan ended come back, some of them within two years.
            while (returns.TryPeek(out var returning, out var due) && due <= date)
            {
                returns.Dequeue();
                if (Eligible(returning, date, fresh: false))
                {
                    return new Referral(returning, date, source, "N1", null, null, null, Route.Protection);
                }
            }

            var route = random.Chance(StrategyAtReferralShare) ? Route.Strategy : Route.Assessment;
            if (random.Chance(ReReferralShare))
            {
                while (recentStart < recent.Count && recent[recentStart].Date < date.AddMonths(-12))
                {
                    recentStart++;
                }

                for (var attempt = 0; recentStart < recent.Count && attempt < 5; attempt++)
                {
                    var (child, _) = recent[random.Between(recentStart, recent.Count - 1)];
                    if (Eligible(child, date, fresh: false))
                    {
                        return new Referral(child, date, source, need, null, null, null, route);
                    }
                }
            }

            for (var attempt = 0; attempt < 30; attempt++)
            {
                var child = random.Next(children.Count);
                if (Eligible(child, date, fresh: true))
                {
                    return new Referral(child, date, source, need, null, null, null, route);
                }
            }

            return null;
        }

        private bool Eligible(int child, DateOnly date, bool fresh)
        {
            var person = children[child];
            var state = states[child];
            if (person.DateOfBirth is not { } dob || dob > date || dob <= date.AddYears(-18) || state.OpenUntil >= date)
            {
                return false;
            }

            if (fresh && state.LastReferral is { } last && last >= date.AddMonths(-12))
            {
                return false;
            }

            // Keep clear of the front door's own referrals of the child, so few episodes have to be cut short.
            return !fresh || NextFixed(child, date) is not { } next || next > date.AddYears(2);
        }

        private DateOnly? NextFixed(int child, DateOnly date)
        {
            if (!fixedDates.TryGetValue(child, out var list))
            {
                return null;
            }

            foreach (var d in list)
            {
                if (d > date)
                {
                    return d;
                }
            }

            return null;
        }

        private void Episode(Referral referral)
        {
            var state = states[referral.Child];
            var person = children[referral.Child];
            var date = referral.Date;

            // Events after this day have not happened: before the reference date, or (for the years before the front
            // door's) before the child's next front door referral. In the front door's years a contact about a child
            // whose episode is still open is not a new referral.
            var cap = referral.ContactId is null ? NextFixed(referral.Child, date)?.AddDays(-1) : null;
            var limit = cap is { } c && c < lastDay ? c : lastDay;
            var capped = cap is { } c2 && c2 < lastDay;

            var episode = new CinEpisode
            {
                Id = random.NextGuid(),
                PartnershipId = partnershipId,
                PersonId = person.Id,
                ContactId = referral.ContactId,
                ReferralDate = date,
                ReferralSource = referral.Source,
                PrimaryNeed = referral.Need ?? PrimaryNeeds.Pick(random),
                IsReReferral = state.LastReferral is { } last && last >= date.AddMonths(-12),
                RecordedAt = referral.RecordedAt ?? LondonTime.At(date, new TimeOnly(random.Between(9, 17), random.Next(60))),
                RecordedByUserId = referral.RecordedBy,
            };
            episodes.Add(episode);
            state.LastReferral = date;
            recent.Add((referral.Child, date));

            var latest = date;
            DateOnly? closure = null;
            string? reason = null;
            Assessment? assessment = null;
            plannedAuthorisation = null;
            CinPlan? cinPlan = null;
            ChildProtectionPlan? plan = null;

            void Close(DateOnly candidate, string code)
            {
                closure = candidate < latest ? latest : candidate;
                reason = code;
            }

            if (referral.Route == Route.Assessment && random.Chance(NoFurtherActionAtReferralShare))
            {
                episode.NoFurtherAction = true;
                Close(date.AddDays(random.Between(0, 7)), "RC8");
            }
            else
            {
                assessment = NewAssessment(episode, date, limit, ref latest);
                var strategy = referral.Route != Route.Assessment;
                DateOnly? held = strategy ? calendar.AddWorkingDays(date, random.Between(0, 2)) : null;
                if (!strategy && assessment.Outcome == AssessmentOutcome.StrategyDiscussion)
                {
                    held = assessment.StartDate.AddDays(random.Between(3, 20));
                }

                if (strategy)
                {
                    assessment.Outcome = assessment.AuthorisationDate is null ? null : AssessmentOutcome.StrategyDiscussion;
                }

                if (held is { } heldOn && heldOn <= limit)
                {
                    latest = Max(latest, heldOn);
                    (closure, reason, cinPlan, plan) = Protection(episode, person, heldOn, referral.Route == Route.Protection, limit, ref latest);
                }
                else if (held is null && assessment.AuthorisationDate is { } authorised)
                {
                    switch (assessment.Outcome)
                    {
                        case AssessmentOutcome.NoFurtherAction:
                            Close(authorised.AddDays(random.Between(0, 5)), "RC8");
                            break;
                        case AssessmentOutcome.EarlyHelp:
                            Close(authorised.AddDays(random.Between(0, 10)), "RC9");
                            break;
                        case AssessmentOutcome.ChildInNeedPlan:
                            (closure, reason, cinPlan) = NewCinPlan(episode, authorised, Between(5, 18), limit, ref latest);
                            break;
                        default:
                            // Looked after: the episode stays open while the child is in care.
                            Close(authorised.AddMonths(random.Between(9, 48)), LookedAfterClosures.Pick(random));
                            break;
                    }
                }
            }

            // An episode closes only once its assessment is authorised.
            if (closure is { } candidate && Max(Max(candidate, latest), plannedAuthorisation ?? candidate) is var closed && closed <= limit)
            {
                episode.ClosureDate = closed;
                episode.ClosureReason = reason;
            }
            else if (capped)
            {
                // Cut short by the child's next referral at the front door: everything still open ends the day before.
                var end = limit;
                episode.ClosureDate = end;
                episode.ClosureReason = episode.NoFurtherAction ? "RC8" : "RC7";
                if (assessment is { AuthorisationDate: null })
                {
                    assessment.Outcome = null;
                }

                if (cinPlan is { EndDate: null })
                {
                    cinPlan.EndDate = end;
                }

                if (plan is { EndDate: null })
                {
                    plan.EndDate = end;
                    state.PlanEnds.Add(end);
                }
            }

            state.OpenUntil = episode.ClosureDate ?? DateOnly.MaxValue;
        }

        private Assessment NewAssessment(CinEpisode episode, DateOnly date, DateOnly limit, ref DateOnly latest)
        {
            var start = Max(date, Min(date.AddDays(random.Between(0, 3)), limit));
            var onTime = random.Chance(AssessmentOnTimeShare);
            var authorised = calendar.AddWorkingDays(date, onTime ? random.Between(8, 45) : random.Between(46, 80));
            var assessment = new Assessment
            {
                Id = random.NextGuid(),
                PartnershipId = partnershipId,
                EpisodeId = episode.Id,
                PersonId = episode.PersonId,
                StartDate = start,
                SocialWorkerUserId = socialWorkers.Count > 0 && random.Chance(0.9) ? random.Pick(socialWorkers) : null,
                AllocatedOn = start,
                FirstVisitOn = start.AddDays(random.Between(0, 7)),
                Factors = PickFactors(),
            };
            if (assessment.FirstVisitOn > limit)
            {
                assessment.FirstVisitOn = null;
            }

            var outcome = random.Chance(StrategyDuringAssessmentShare) ? AssessmentOutcome.StrategyDiscussion : AssessedOutcomes.Pick(random);
            plannedAuthorisation = authorised;
            if (authorised <= limit)
            {
                assessment.AuthorisationDate = authorised;
                assessment.Outcome = outcome;
                latest = Max(latest, authorised);
            }
            else if (outcome == AssessmentOutcome.StrategyDiscussion)
            {
                // The strategy discussion can happen while the assessment is still going on.
                assessment.Outcome = outcome;
            }

            latest = Max(latest, assessment.FirstVisitOn ?? start);
            assessments.Add(assessment);
            return assessment;
        }

        private string PickFactors()
        {
            var codes = new List<string>();
            var count = random.Between(1, 3);
            for (var i = 0; i < count; i++)
            {
                var code = Factors.Pick(random);
                if (!codes.Contains(code))
                {
                    codes.Add(code);
                }
            }

            return string.Join(' ', codes);
        }

        private (DateOnly? Closure, string? Reason, CinPlan? Plan) NewCinPlan(CinEpisode episode, DateOnly start, int months, DateOnly limit, ref DateOnly latest)
        {
            if (start > limit)
            {
                return (null, null, null);
            }

            var plan = new CinPlan { Id = random.NextGuid(), PartnershipId = partnershipId, EpisodeId = episode.Id, PersonId = episode.PersonId, StartDate = start };
            cinPlans.Add(plan);
            latest = Max(latest, start);
            var end = start.AddMonths(months).AddDays(random.Between(0, 27));
            if (end > limit)
            {
                return (null, null, plan);
            }

            plan.EndDate = end;
            latest = Max(latest, end);
            return (end.AddDays(random.Between(0, 14)), "RC7", plan);
        }

        private (DateOnly? Closure, string? Reason, CinPlan? CinPlan, ChildProtectionPlan? Plan) Protection(
            CinEpisode episode, Person person, DateOnly heldOn, bool returning, DateOnly limit, ref DateOnly latest)
        {
            var discussion = new StrategyDiscussion
            {
                Id = random.NextGuid(),
                PartnershipId = partnershipId,
                EpisodeId = episode.Id,
                PersonId = episode.PersonId,
                HeldOn = heldOn,
                Section47Agreed = returning || random.Chance(Section47Share),
                Rationale = random.Pick(Rationales),
                Actions = "Police and children's social care to visit jointly; health to share records; school to monitor and report.",
            };
            discussions.Add(discussion);
            AddAttendees(discussion, person);
            if (!discussion.Section47Agreed)
            {
                return (heldOn.AddDays(random.Between(5, 30)), "RC8", null, null);
            }

            var enquiry = new Section47Enquiry
            {
                Id = random.NextGuid(),
                PartnershipId = partnershipId,
                EpisodeId = episode.Id,
                PersonId = episode.PersonId,
                StrategyDiscussionId = discussion.Id,
                StartDate = heldOn,
                InitialConferenceTarget = calendar.AddWorkingDays(heldOn, 15),
            };
            enquiries.Add(enquiry);
            var roll = random.NextDouble();
            var outcome = returning || roll < 0.35 ? Section47Outcome.ConferenceRequired : roll < 0.63 ? Section47Outcome.SubstantiatedNoConference : Section47Outcome.NotSubstantiated;
            if (outcome != Section47Outcome.ConferenceRequired)
            {
                var decided = calendar.AddWorkingDays(heldOn, random.Between(5, 25));
                if (decided > limit)
                {
                    return (null, null, null, null);
                }

                enquiry.Outcome = outcome;
                enquiry.OutcomeDate = decided;
                enquiry.ConferenceNotRequired = true;
                latest = Max(latest, decided);
                if (outcome == Section47Outcome.SubstantiatedNoConference && random.Chance(0.75))
                {
                    var (closure, reason, cinPlan) = NewCinPlan(episode, decided, Between(4, 15), limit, ref latest);
                    return (closure, reason, cinPlan, null);
                }

                return (decided.AddDays(random.Between(0, 15)), random.Chance(0.3) ? "RC9" : "RC8", null, null);
            }

            var onTime = random.Chance(ConferenceOnTimeShare);
            var conferenceOn = calendar.AddWorkingDays(heldOn, onTime ? random.Between(7, 15) : random.Between(16, 30));
            var outcomeOn = conferenceOn.AddDays(-random.Between(1, 4));
            enquiry.Outcome = outcome;
            if (outcomeOn <= limit)
            {
                enquiry.OutcomeDate = outcomeOn < heldOn ? heldOn : outcomeOn;
                latest = Max(latest, enquiry.OutcomeDate.Value);
            }

            if (conferenceOn > limit)
            {
                return (null, null, null, null);
            }

            var startsPlan = returning || random.Chance(0.9);
            var category = Categories.Pick(random);
            var initial = Conference(episode, person, ConferenceKind.Initial, conferenceOn,
                startsPlan ? ConferenceDecision.PlanStarted : ConferenceDecision.NoPlan, startsPlan ? category : null);
            initial.Section47EnquiryId = enquiry.Id;
            initial.ReasonLate = conferenceOn > enquiry.InitialConferenceTarget ? random.Pick(ReasonsLate) : null;
            enquiry.InitialConferenceId = initial.Id;
            latest = Max(latest, conferenceOn);
            if (!startsPlan)
            {
                var (closure, reason, cinPlan) = NewCinPlan(episode, conferenceOn, Between(3, 12), limit, ref latest);
                return (closure, reason, cinPlan, null);
            }

            var (planEnd, plan) = ProtectionPlan(episode, person, initial, category, limit, ref latest);
            if (planEnd is not { } ended)
            {
                return (null, null, null, plan);
            }

            if (random.Chance(ReturnAfterPlanShare))
            {
                returns.Enqueue(IndexOf(person), ended.AddDays(random.Between(60, 700)));
            }

            if (random.Chance(0.6))
            {
                var (closure, reason, cinPlan) = NewCinPlan(episode, ended, Between(4, 12), limit, ref latest);
                return (closure, reason, cinPlan, plan);
            }

            return (ended.AddDays(random.Between(0, 10)), "RC7", null, plan);
        }

        private (DateOnly? End, ChildProtectionPlan Plan) ProtectionPlan(
            CinEpisode episode, Person person, ChildProtectionConference initial, string category, DateOnly limit, ref DateOnly latest)
        {
            var state = states[IndexOf(person)];
            var start = initial.HeldOn;
            var plan = new ChildProtectionPlan
            {
                Id = random.NextGuid(),
                PartnershipId = partnershipId,
                EpisodeId = episode.Id,
                PersonId = episode.PersonId,
                InitialConferenceId = initial.Id,
                StartDate = start,
                InitialCategory = category,
                LatestCategory = category,
                PreviousPlans = state.Plans,
                IsRepeatWithinTwoYears = state.PlanEnds.Any(e => e >= start.AddYears(-2)),
            };
            plans.Add(plan);
            state.Plans++;

            var reviews = ReviewsUntilEnd.Pick(random);
            DateOnly? end = null;
            var lastEvent = start;
            for (var n = 1; n <= reviews; n++)
            {
                var on = calendar.WorkingDayOnOrAfter(start.AddMonths(3 + (6 * (n - 1))).AddDays(random.Between(-7, 7)));
                if (on > limit)
                {
                    break;
                }

                var ends = n == reviews;
                if (!ends && random.Chance(0.08))
                {
                    plan.LatestCategory = Categories.Pick(random);
                }

                var review = Conference(episode, person, ConferenceKind.Review, on, ends ? ConferenceDecision.PlanEnded : ConferenceDecision.PlanContinues, ends ? null : plan.LatestCategory);
                review.PlanId = plan.Id;
                lastEvent = on;
                if (ends)
                {
                    end = on;
                }
            }

            // Core groups: the first within about 10 working days, then roughly monthly while the plan lasts.
            var meeting = calendar.AddWorkingDays(start, random.Chance(0.9) ? random.Between(4, 10) : random.Between(11, 16));
            var until = end ?? limit;
            while (meeting <= until && meeting <= limit)
            {
                coreGroups.Add(new CoreGroupMeeting
                {
                    Id = random.NextGuid(),
                    PartnershipId = partnershipId,
                    PlanId = plan.Id,
                    PersonId = episode.PersonId,
                    HeldOn = meeting,
                    Notes = random.Chance(0.3) ? "Plan reviewed; actions updated." : null,
                });
                lastEvent = Max(lastEvent, meeting);
                meeting = calendar.WorkingDayOnOrAfter(meeting.AddDays(random.Between(24, 38)));
            }

            latest = Max(latest, lastEvent);
            if (end is { } e)
            {
                plan.EndDate = e;
                state.PlanEnds.Add(e);
            }

            return (end, plan);
        }

        private ChildProtectionConference Conference(CinEpisode episode, Person person, ConferenceKind kind, DateOnly on, ConferenceDecision decision, string? category)
        {
            var conference = new ChildProtectionConference
            {
                Id = random.NextGuid(),
                PartnershipId = partnershipId,
                EpisodeId = episode.Id,
                PersonId = episode.PersonId,
                Kind = kind,
                HeldOn = on,
                Chair = random.Pick(chairs),
                Decision = decision,
                CategoryOfAbuse = category,
            };
            conferences.Add(conference);

            // Children's social care always attends; the police and GPs least often; schools only in term.
            foreach (var (agency, attends, reports) in Invited(person))
            {
                var attended = random.Chance(attends);
                attendance.Add(new ConferenceAttendance
                {
                    Id = random.NextGuid(),
                    PartnershipId = partnershipId,
                    ConferenceId = conference.Id,
                    AgencyId = agency.Id,
                    Invited = true,
                    Attended = attended,
                    ReportSubmitted = random.Chance(attended ? reports : reports * 0.6),
                });
            }

            return conference;
        }

        private IEnumerable<(Agency Agency, double Attends, double Reports)> Invited(Person person)
        {
            if (First(AgencyKind.ChildrensTrust, AgencyKind.LocalAuthority) is { } socialCare)
            {
                yield return (socialCare, 1.0, 0.95);
            }

            if (First(AgencyKind.Police) is { } police)
            {
                yield return (police, 0.72, 0.8);
            }

            if (Any(health) is { } community)
            {
                yield return (community, 0.85, 0.8);
            }

            if (person.SchoolId is { } school && agencyById.TryGetValue(school, out var schoolAgency))
            {
                yield return (schoolAgency, 0.88, 0.75);
            }

            if (Any(gps) is { } gp && random.Chance(0.7))
            {
                yield return (gp, 0.3, 0.55);
            }
        }

        private void AddAttendees(StrategyDiscussion discussion, Person person)
        {
            var invited = new List<(Agency Agency, string Role)>();
            if (First(AgencyKind.Police) is { } police)
            {
                invited.Add((police, "Detective constable, public protection"));
            }

            if (First(AgencyKind.ChildrensTrust, AgencyKind.LocalAuthority) is { } socialCare)
            {
                invited.Add((socialCare, "Social worker"));
            }

            if (Any(healthAndHospitals) is { } nurse && random.Chance(0.8))
            {
                invited.Add((nurse, "Named nurse for safeguarding"));
            }

            if (person.SchoolId is { } school && agencyById.TryGetValue(school, out var schoolAgency) && random.Chance(0.6))
            {
                invited.Add((schoolAgency, "Designated safeguarding lead"));
            }

            foreach (var (agency, role) in invited)
            {
                attendees.Add(new StrategyDiscussionAttendee
                {
                    Id = random.NextGuid(),
                    PartnershipId = partnershipId,
                    StrategyDiscussionId = discussion.Id,
                    AgencyId = agency.Id,
                    Name = PersonName(),
                    Role = role,
                });
            }
        }

        private Agency? First(params AgencyKind[] kinds) =>
            kinds.Select(k => agencies.TryGetValue(k, out var list) && list.Count > 0 ? list[0] : null).FirstOrDefault(a => a is not null);

        private Agency? Any(List<Agency> pool) => pool.Count > 0 ? random.Pick(pool) : null;

        private string PersonName()
        {
            var pool = EthnicityMix.PoolFor(EthnicityMix.Children.Pick(random), random);
            return $"{random.Pick(random.Chance(0.6) ? pool.Female : pool.Male)} {random.Pick(pool.Family)}";
        }

        private int Between(int min, int max) => random.Between(min, max);

        private Dictionary<Guid, int>? indexes;

        private int IndexOf(Person person)
        {
            indexes ??= children.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
            return indexes[person.Id];
        }

        private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

        private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    }
}
