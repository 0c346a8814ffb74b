using System.Globalization;
using Safeguarding.Core.Access;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Children;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Timescales;

namespace Safeguarding.SyntheticData;

/// <summary>The front door's last twelve months, as rows ready to insert (navigation lists left empty).</summary>
public sealed record SyntheticContacts(
    IReadOnlyList<Contact> Contacts,
    IReadOnlyList<ContactChild> Children,
    IReadOnlyList<ContactConcern> Concerns,
    IReadOnlyList<ContactDecision> Decisions,
    IReadOnlyList<AgencyInformationRequest> InformationRequests,
    IReadOnlyList<Clock> Clocks,
    IReadOnlyList<ContactReferenceCounter> ReferenceCounters)
{
    public static readonly SyntheticContacts Empty = new([], [], [], [], [], [], []);
}

/// <summary>
/// Two years of contacts (the KPI pack's 24-month trends) at Birmingham's rates scaled to the city's children (about 45,000 contacts and
/// 16,000 referrals a year for 290,000 children; a fifth of referrals re-referrals; 84% decided within
/// 24 hours), so the front door workspace looks real. Its own random stream, so the rest of the city is unchanged.
/// Historic contacts are decided and have no clocks; the few still open at the reference date have FD-1 clocks.
/// </summary>
internal static class ContactGenerator
{
    public const double ContactsPerChildPerYear = 0.155;
    public const double ReferralsPerChildPerYear = 0.055;
    public const double ReReferralShare = 0.2;
    public const double DecidedWithin24HoursShare = 0.84;

    /// <summary>Years of contacts before the reference date: the monthly pack's trends show 24 months.</summary>
    public const int Years = 2;

    /// <summary>Contacts received in the last days before the reference date that are still being screened.</summary>
    private const int OpenDays = 2;
    private const double OpenShareOfRecent = 0.7;
    private const double ChecksShare = 0.3;

    private static readonly Weighted<AgencyKind> Referrers = new(
        (AgencyKind.Police, 30), (AgencyKind.PrimarySchool, 12), (AgencyKind.SecondarySchool, 9), (AgencyKind.GpPractice, 6),
        (AgencyKind.CommunityTrust, 10), (AgencyKind.AcuteTrust, 9), (AgencyKind.Voluntary, 7), (AgencyKind.Housing, 3),
        (AgencyKind.LocalAuthority, 4), (AgencyKind.Probation, 2), (AgencyKind.MentalHealthTrust, 3));

    // Non-referral outcomes; referrals are drawn first at the referral rate.
    private static readonly Weighted<ContactOutcome> OtherOutcomes = new(
        (ContactOutcome.AdviceAndNoFurtherAction, 56), (ContactOutcome.StepDownToEarlyHelp, 39), (ContactOutcome.ExploitationHub, 5));

    private static readonly Weighted<ConcernCategory> Concerns = new(
        (ConcernCategory.Neglect, 22), (ConcernCategory.DomesticAbuse, 24), (ConcernCategory.EmotionalAbuse, 10), (ConcernCategory.PhysicalAbuse, 10),
        (ConcernCategory.SexualAbuse, 4), (ConcernCategory.MentalHealth, 9), (ConcernCategory.SubstanceMisuse, 6), (ConcernCategory.ChildCriminalExploitation, 4),
        (ConcernCategory.ChildSexualExploitation, 3), (ConcernCategory.Missing, 5), (ConcernCategory.Radicalisation, 0.5), (ConcernCategory.FemaleGenitalMutilation, 0.3),
        (ConcernCategory.Other, 2));

    // DfE CIN census primary need: abuse or neglect dominates.
    private static readonly Weighted<string> PrimaryNeeds = new(
        ("N1", 56), ("N2", 3), ("N3", 4), ("N4", 7), ("N5", 14), ("N6", 3), ("N7", 1), ("N8", 4), ("N9", 8));

    private static readonly Weighted<RagPriority> CheckPriorities = new((RagPriority.Red, 15), (RagPriority.Amber, 50), (RagPriority.Green, 35));

    private static readonly Dictionary<ConcernCategory, string[]> Worries = new()
    {
        [ConcernCategory.Neglect] = ["{0} often arrives hungry and in the same clothes for several days.", "{0} has missed health appointments and has untreated tooth decay."],
        [ConcernCategory.DomesticAbuse] = ["Police attended a domestic incident at the home; {0} was present.", "{0}'s mother disclosed that her partner is controlling and has hit her."],
        [ConcernCategory.EmotionalAbuse] = ["{0} says they are shouted at and called names at home.", "{0} appears withdrawn and anxious about going home."],
        [ConcernCategory.PhysicalAbuse] = ["{0} has a bruise on the upper arm and gave differing accounts of how it happened.", "{0} said a parent hit them with a belt."],
        [ConcernCategory.SexualAbuse] = ["{0} made a disclosure to a member of staff about an older relative.", "{0} has shown sexualised behaviour not expected for their age."],
        [ConcernCategory.MentalHealth] = ["{0}'s parent has been admitted to hospital for their mental health.", "{0} has talked about self-harm."],
        [ConcernCategory.SubstanceMisuse] = ["A parent appeared under the influence when collecting {0}.", "Drug paraphernalia was seen at the home during a visit."],
        [ConcernCategory.ChildCriminalExploitation] = ["{0} has new expensive clothes and a second phone and is out late.", "{0} was found out of area with older young people."],
        [ConcernCategory.ChildSexualExploitation] = ["{0} has been seen getting into cars with older men.", "{0} has an older 'boyfriend' the family do not know."],
        [ConcernCategory.Missing] = ["{0} was reported missing overnight and returned the next morning.", "{0} has gone missing three times this month."],
        [ConcernCategory.Radicalisation] = ["{0} has been sharing extremist material online."],
        [ConcernCategory.FemaleGenitalMutilation] = ["{0}'s family plan an extended trip abroad and {0} mentioned a special ceremony."],
        [ConcernCategory.Other] = ["The family have been evicted and are staying with friends."],
    };

    public static SyntheticContacts Generate(
        CitySpec spec, Guid partnershipId, IReadOnlyDictionary<AgencyKind, List<Agency>> agencies, IReadOnlyList<Person> children,
        IReadOnlyList<User> users, IReadOnlyList<StaffRoleAssignment> userRoles)
    {
        var count = (int)Math.Round(spec.Children * ContactsPerChildPerYear * Years, MidpointRounding.AwayFromZero);
        if (count == 0 || children.Count == 0)
        {
            return SyntheticContacts.Empty;
        }

        var random = CityRandom.For(spec.Seed, "contacts");
        var calendar = WorkingDayCalendar.EnglandAndWales();
        var evaluator = new ClockEvaluator(calendar);
        var rules = TimescaleRuleSet.Defaults;
        var end = LondonTime.StartOfDay(spec.ReferenceDate);
        var start = end.AddDays(-365 * Years);

        var positions = children.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var agencyById = agencies.Values.SelectMany(a => a).ToDictionary(a => a.Id);
        var usersByAgency = users.GroupBy(u => u.AgencyId).ToDictionary(g => g.Key, g => g.ToList());
        var roleOf = userRoles.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Select(r => r.Role).ToHashSet(StringComparer.Ordinal));
        List<User> WithRole(string role) => [.. users.Where(u => roleOf.TryGetValue(u.Id, out var r) && r.Contains(role))];
        var referrerRoles = new[] { Roles.Referrer, Roles.AgencySafeguardingLead };
        var frontDoorWorkers = WithRole(Roles.FrontDoorWorker);
        var managers = WithRole(Roles.FrontDoorManager);
        var checkAgencies = new[] { AgencyKind.Police, AgencyKind.CommunityTrust, AgencyKind.LocalAuthority, AgencyKind.Probation, AgencyKind.Housing }
            .Where(agencies.ContainsKey).ToList();

        // Received times first, in order, so references count up through each year.
        var received = Enumerable.Range(0, count).Select(_ => ReceivedAt(random, start)).Order().ToList();

        var result = new Builder();
        var referredAt = new Dictionary<Guid, DateTimeOffset>();
        var contactsOf = new Dictionary<Guid, List<DateTimeOffset>>();
        var referred = new List<Person>();
        var numbers = new Dictionary<int, int>();
        var referralShare = ReferralsPerChildPerYear / ContactsPerChildPerYear;

        foreach (var at in received)
        {
            var id = random.NextGuid();
            var isReferral = random.Chance(referralShare);
            var outcome = isReferral
                ? random.Chance(0.85) ? ContactOutcome.SocialWorkAssessment : ContactOutcome.StrategyDiscussion
                : OtherOutcomes.Pick(random);

            // A fifth of referrals are about a child referred in the year before; earlier in the window
            // that referral may predate the synthetic year, so any child will do.
            var reReferral = isReferral && random.Chance(ReReferralShare);
            var child = reReferral && referred.Count > 0 ? random.Pick(referred) : FreshChild(random, children, referredAt, at);
            var linked = new List<Person> { child };
            var index = positions[child.Id];
            if (index + 1 < children.Count && children[index + 1].FamilyName == child.FamilyName && random.Chance(0.3))
            {
                linked.Add(children[index + 1]);
            }

            var year = LondonTime.DateOf(at).Year;
            numbers[year] = numbers.GetValueOrDefault(year) + 1;
            var kind = Referrers.Pick(random);
            var schoolKind = kind is AgencyKind.PrimarySchool or AgencyKind.SecondarySchool;
            var agency = schoolKind && child.SchoolId is { } school ? agencyById.GetValueOrDefault(school) : null;
            agency ??= agencies.TryGetValue(kind, out var ofKind) ? random.Pick(ofKind) : random.Pick(agencies[AgencyKind.LocalAuthority]);
            var staff = usersByAgency.TryGetValue(agency.Id, out var atAgency)
                ? atAgency.Where(u => roleOf.TryGetValue(u.Id, out var r) && r.Overlaps(referrerRoles)).ToList()
                : [];

            // Professionals with an account send it themselves; the rest phone and the front door types it in.
            var submitter = staff.Count > 0 ? random.Pick(staff) : random.Pick(frontDoorWorkers);
            var referrerName = staff.Count > 0 ? submitter.DisplayName : PersonName(random);
            var concerns = PickConcerns(random);
            var within24 = random.Chance(DecidedWithin24HoursShare);
            var decidedAt = at + (within24 ? TimeSpan.FromMinutes(random.Between(45, 23 * 60)) : TimeSpan.FromMinutes(random.Between(25 * 60, 96 * 60)));
            var open = at > end.AddDays(-OpenDays) && random.Chance(OpenShareOfRecent) || decidedAt > end;
            var level = isReferral ? random.Chance(0.6) ? LevelOfNeed.Significant : LevelOfNeed.Complex
                : outcome == ContactOutcome.StepDownToEarlyHelp ? LevelOfNeed.Additional : random.Chance(0.5) ? LevelOfNeed.Universal : LevelOfNeed.Additional;
            var consent = random.Chance(0.8) ? ConsentStatus.Obtained : ConsentStatus.NotObtained;

            var contact = new Contact
            {
                Id = id,
                PartnershipId = partnershipId,
                Reference = string.Create(CultureInfo.InvariantCulture, $"{RequestForSupportSubmission.ReferencePrefix}-{year}-{numbers[year]:000000}"),
                ReceivedAt = at,
                Channel = staff.Count > 0 ? ContactChannel.Web : ContactChannel.Phone,
                State = open ? (random.Chance(0.5) ? ContactState.Received : ContactState.InScreening) : ContactState.Decided,
                SubmittedByUserId = submitter.Id,
                IdempotencyKey = "synthetic-" + id.ToString("N"),
                ReferrerName = referrerName,
                ReferrerRole = staff.Count > 0 ? submitter.JobTitle ?? "Safeguarding lead" : RoleFor(kind),
                ReferrerPhone = string.Create(CultureInfo.InvariantCulture, $"0121 496 {random.Between(0, 9999):0000}"),
                ReferrerAgencyId = agency.Id,
                ReferrerAgencyName = agency.Name,
                Urgency = random.Chance(0.08) ? Urgency.Urgent : Urgency.NotUrgent,
                ConcernNarrative = string.Join(' ', concerns.Select(c => string.Format(CultureInfo.InvariantCulture, random.Pick(Worries[c]), child.GivenName))),
                ChildsVoice = random.Chance(0.7) ? $"{child.GivenName} said they feel worried at home and want things to be calmer." : $"{child.GivenName} is too young to say; seen with their parent.",
                HowChildWasSeen = random.Chance(0.6) ? "Seen alone at school" : "Seen with a parent",
                EarlyHelpTried = random.Chance(0.35),
                WhatHasBeenTried = random.Chance(0.5) ? "Conversations with the family and a referral to the school nurse." : "Nothing yet.",
                Consent = consent,
                ConsentGivenBy = consent == ConsentStatus.Obtained ? "Parent" : null,
                ConsentNotObtainedReason = consent == ConsentStatus.NotObtained ? "Asking would place the child at risk of harm" : null,
                ReferrerLevelOfNeed = level,
                LocalityId = child.LocalityId,
                PreviousContactsInYear = linked.Sum(c => contactsOf.TryGetValue(c.Id, out var times) ? times.Count(t => t > at.AddDays(-365)) : 0),
                ScreeningStartedAt = open && random.Chance(0.5) ? null : at.AddMinutes(random.Between(10, 180)),
            };
            contact.ScreenedOutOfHours = contact.ScreeningStartedAt is { } screened && OutOfHours(screened);
            if (contact.ScreeningStartedAt is null && contact.State == ContactState.InScreening)
            {
                contact.State = ContactState.Received;
            }

            result.Contacts.Add(contact);
            foreach (var (person, position) in linked.Select((p, i) => (p, i)))
            {
                result.Children.Add(ChildFrom(random.NextGuid(), partnershipId, id, position, person));
                contactsOf.TryAdd(person.Id, []);
                contactsOf[person.Id].Add(at);
            }

            result.Concerns.AddRange(concerns.Select(c => new ContactConcern { ContactId = id, PartnershipId = partnershipId, Category = c }));

            var checkCount = !open && random.Chance(isReferral ? 0.6 : ChecksShare) ? random.Between(1, Math.Min(3, checkAgencies.Count)) : open && random.Chance(0.3) ? 1 : 0;
            // The police are asked first in almost every MASH check; the others as the concerns suggest.
            foreach (var kindAsked in checkAgencies.OrderBy(k => k == AgencyKind.Police ? -1 : random.Next(1000)).Take(checkCount))
            {
                result.InformationRequests.Add(Check(random, rules, evaluator, partnershipId, contact, random.Pick(agencies[kindAsked]), open ? null : decidedAt,
                    random.Pick(frontDoorWorkers), usersByAgency, result.Clocks));
            }

            if (open)
            {
                var clock = Clock.Start(rules, evaluator, "FD-1", partnershipId, Contact.SubjectType, id, at);
                clock.Id = random.NextGuid();
                result.Clocks.Add(clock);
                continue;
            }

            contact.IsReferral = isReferral;
            contact.IsReReferral = isReferral && (reReferral || referredAt.TryGetValue(child.Id, out var before) && before > at.AddDays(-365));
            contact.FirstDecidedAt = decidedAt;
            contact.ConsentCheckedAt = contact.ScreeningStartedAt;
            contact.OutcomeFeedback = Feedback(outcome);
            contact.OutcomeFeedbackAt = decidedAt.AddHours(random.Between(1, 20));
            result.Decisions.Add(new ContactDecision
            {
                Id = random.NextGuid(),
                PartnershipId = partnershipId,
                ContactId = id,
                LevelOfNeed = level,
                Outcome = outcome,
                Rationale = Rationale(outcome, child.GivenName),
                EarlyHelpLocalityId = outcome == ContactOutcome.StepDownToEarlyHelp ? child.LocalityId : null,
                ReferralSourceCode = isReferral ? SourceCode(kind) : null,
                PrimaryNeedCode = isReferral ? PrimaryNeeds.Pick(random) : null,
                DecidedAt = decidedAt,
                DecidedByUserId = random.Pick(managers).Id,
            });
            if (isReferral)
            {
                foreach (var person in linked)
                {
                    if (referredAt.TryAdd(person.Id, at))
                    {
                        referred.Add(person);
                    }

                    referredAt[person.Id] = at;
                }
            }
        }

        // The next real request must not reuse a synthetic reference.
        result.Counters.AddRange(numbers.Select(n => new ContactReferenceCounter { PartnershipId = partnershipId, Year = n.Key, LastNumber = n.Value }));
        return new SyntheticContacts(result.Contacts, result.Children, result.Concerns, result.Decisions, result.InformationRequests, result.Clocks, result.Counters);
    }

    private sealed class Builder
    {
        public List<Contact> Contacts { get; } = [];
        public List<ContactChild> Children { get; } = [];
        public List<ContactConcern> Concerns { get; } = [];
        public List<ContactDecision> Decisions { get; } = [];
        public List<AgencyInformationRequest> InformationRequests { get; } = [];
        public List<Clock> Clocks { get; } = [];
        public List<ContactReferenceCounter> Counters { get; } = [];
    }

    /// <summary>Weekdays carry most of the work; about one contact in seven arrives out of hours.</summary>
    private static DateTimeOffset ReceivedAt(CityRandom random, DateTimeOffset start)
    {
        while (true)
        {
            var date = LondonTime.DateOf(start).AddDays(random.Next(365 * Years));
            var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            if (weekend && !random.Chance(0.3))
            {
                continue;
            }

            var minutes = weekend || random.Chance(0.12)
                ? (random.Chance(0.5) ? random.Between(0, (8 * 60) - 1) : random.Between(18 * 60, (24 * 60) - 1))
                : random.Between(8 * 60, (18 * 60) - 1);
            return LondonTime.At(date, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minutes)));
        }
    }

    private static bool OutOfHours(DateTimeOffset instant)
    {
        var local = LondonTime.ToLondon(instant);
        return local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || local.Hour < 8 || local.Hour >= 18;
    }

    /// <summary>A child not referred in the twelve months before, so only chosen re-referrals count as ones (a few tries, then any child).</summary>
    private static Person FreshChild(CityRandom random, IReadOnlyList<Person> children, Dictionary<Guid, DateTimeOffset> referredAt, DateTimeOffset at)
    {
        for (var i = 0; i < 5; i++)
        {
            var child = random.Pick(children);
            if (!referredAt.TryGetValue(child.Id, out var before) || before <= at.AddDays(-365))
            {
                return child;
            }
        }

        return random.Pick(children);
    }

    private static List<ConcernCategory> PickConcerns(CityRandom random)
    {
        var concerns = new List<ConcernCategory> { Concerns.Pick(random) };
        if (random.Chance(0.35))
        {
            var second = Concerns.Pick(random);
            if (second != concerns[0])
            {
                concerns.Add(second);
            }
        }

        return concerns;
    }

    private static ContactChild ChildFrom(Guid id, Guid partnershipId, Guid contactId, int position, Person person) => new()
    {
        Id = id,
        PartnershipId = partnershipId,
        ContactId = contactId,
        Position = position,
        FirstName = person.GivenName,
        LastName = person.FamilyName,
        OtherNames = person.OtherNames,
        Unborn = person.DateOfBirth is null,
        DateOfBirth = person.DateOfBirth,
        ExpectedDateOfBirth = person.DateOfBirth is null ? person.ExpectedDateOfBirth : null,
        Sex = person.Sex,
        NhsNumber = person.NhsNumber,
        Address = person.AddressLine,
        Postcode = person.Postcode,
        SchoolAgencyId = person.SchoolId,
        PersonId = person.Id,
    };

    private static AgencyInformationRequest Check(
        CityRandom random, TimescaleRuleSet rules, ClockEvaluator evaluator, Guid partnershipId, Contact contact, Agency agency, DateTimeOffset? decidedAt,
        User requester, Dictionary<Guid, List<User>> usersByAgency, List<Clock> clocks)
    {
        var priority = CheckPriorities.Pick(random);
        var requestedAt = (contact.ScreeningStartedAt ?? contact.ReceivedAt).AddMinutes(random.Between(5, 60));
        var rule = rules.RuleFor(AgencyChecks.RuleFor(priority), requestedAt);
        var request = new AgencyInformationRequest
        {
            Id = random.NextGuid(),
            PartnershipId = partnershipId,
            ContactId = contact.Id,
            AgencyId = agency.Id,
            Priority = priority,
            Question = "Please share any information held about the children and adults in this household in the last 12 months.",
            RequestedAt = requestedAt,
            RequestedByUserId = requester.Id,
            DueAt = evaluator.DueFor(rule, requestedAt).DueAt,
        };

        // Historic checks came back before the decision (a few late); open contacts' checks are still out, with a running clock.
        if (decidedAt is { } decided)
        {
            var answeredAt = requestedAt + TimeSpan.FromMinutes(random.Between(20, Math.Max(21, (int)(decided - requestedAt).TotalMinutes)));
            request.RespondedAt = answeredAt > decided ? decided : answeredAt;
            request.RespondedByUserId = usersByAgency.TryGetValue(agency.Id, out var staff) && staff.Count > 0 ? random.Pick(staff).Id : requester.Id;
            request.ResponseRag = CheckPriorities.Pick(random);
            request.Response = request.ResponseRag == RagPriority.Green
                ? "No information held that suggests a risk of harm."
                : "Two incidents recorded at the address in the last year; details shared by secure email.";
        }
        else
        {
            var clock = Clock.Start(rules, evaluator, rule.Id, partnershipId, nameof(AgencyInformationRequest), request.Id, requestedAt);
            clock.Id = random.NextGuid();
            clock.AgencyId = agency.Id;
            request.ClockId = clock.Id;
            clocks.Add(clock);
        }

        return request;
    }

    private static string PersonName(CityRandom random)
    {
        var pool = EthnicityMix.PoolFor(EthnicityMix.Children.Pick(random), random);
        return $"{random.Pick(random.Chance(0.7) ? pool.Female : pool.Male)} {random.Pick(pool.Family)}";
    }

    private static string RoleFor(AgencyKind kind) => kind switch
    {
        AgencyKind.Police => "Police constable",
        AgencyKind.PrimarySchool or AgencyKind.SecondarySchool => "Designated safeguarding lead",
        AgencyKind.GpPractice => "General practitioner",
        AgencyKind.CommunityTrust => "Health visitor",
        AgencyKind.AcuteTrust => "Emergency department nurse",
        AgencyKind.MentalHealthTrust => "Mental health nurse",
        AgencyKind.Housing => "Housing officer",
        AgencyKind.Probation => "Probation officer",
        AgencyKind.Voluntary => "Family support worker",
        _ => "Early help practitioner",
    };

    /// <summary>DfE CIN census referral source for the referring agency.</summary>
    private static string SourceCode(AgencyKind kind) => kind switch
    {
        AgencyKind.PrimarySchool or AgencyKind.SecondarySchool => "2A",
        AgencyKind.GpPractice => "3A",
        AgencyKind.CommunityTrust => "3B",
        AgencyKind.AcuteTrust => "3E",
        AgencyKind.MentalHealthTrust => "3F",
        AgencyKind.Housing => "4",
        AgencyKind.LocalAuthority => "5B",
        AgencyKind.Police => "6",
        AgencyKind.Probation => "7",
        _ => "8",
    };

    private static string Rationale(ContactOutcome outcome, string name) => outcome switch
    {
        ContactOutcome.SocialWorkAssessment => $"The information from partners suggests {name} may be a child in need; an assessment is needed to understand the risks.",
        ContactOutcome.StrategyDiscussion => $"There is reasonable cause to suspect {name} is suffering, or likely to suffer, significant harm.",
        ContactOutcome.StepDownToEarlyHelp => $"{name}'s needs can be met by early help with the family's agreement.",
        ContactOutcome.ExploitationHub => $"The concerns about {name} point to exploitation outside the home.",
        _ => "No role for children's social care; advice given to the referrer.",
    };

    private static string Feedback(ContactOutcome outcome) => outcome switch
    {
        ContactOutcome.SocialWorkAssessment => "A social work assessment will be carried out.",
        ContactOutcome.StrategyDiscussion => "A strategy discussion has been held with the police and health.",
        ContactOutcome.StepDownToEarlyHelp => "The family will be offered early help in their locality.",
        ContactOutcome.ExploitationHub => "Passed to the exploitation hub.",
        _ => "Advice given; no further action by children's social care.",
    };
}
