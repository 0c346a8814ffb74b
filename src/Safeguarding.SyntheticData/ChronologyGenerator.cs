using Safeguarding.Core.Access;
using Safeguarding.Core.Children;
using Safeguarding.Core.Chronology;

namespace Safeguarding.SyntheticData;

/// <summary>
/// A made-up history for a share of the city's children: what health visitors, schools, GPs, the
/// police, housing and the front door would have recorded over the last few years. Plain English,
/// no names but the child's own first name. Its own random stream, so the rest of the city is unchanged.
/// </summary>
internal static class ChronologyGenerator
{
    /// <summary>Share of children with any history: most children never come to agencies' notice together.</summary>
    public const double ChildrenWithHistoryShare = 0.3;

    private const string FrontDoorSource = "FrontDoor";

    private delegate Event? Make(Person child, int age, Context context);

    private sealed record Event(AgencyKind Agency, ChronologyEntryType Type, string Summary, bool Significant, string Source = ChildChronology.AgencySource);

    private sealed record Context(CityRandom Random, string Name, bool HasSchool);

    // Weighted so a chronology reads like a real one: mostly low-level information, a few turning points.
    private static readonly Weighted<Make> Events = new(
        (HealthVisitor, 14),
        (SchoolAttendance, 12),
        (SchoolConcern, 8),
        (Gp, 12),
        (PoliceDomesticIncident, 9),
        (Housing, 6),
        (FrontDoorContact, 10),
        (EarlyHelp, 5),
        (MissingEpisode, 4),
        (StrategyDiscussion, 2),
        (Conference, 1.5));

    public static IReadOnlyList<ChronologyEntry> Generate(CitySpec spec, Guid partnershipId, IReadOnlyDictionary<AgencyKind, List<Agency>> agencies, IEnumerable<Person> children)
    {
        var random = CityRandom.For(spec.Seed, "chronology");
        var entries = new List<ChronologyEntry>();
        foreach (var child in children)
        {
            if (!random.Chance(ChildrenWithHistoryShare) || child.DateOfBirth is not { } born)
            {
                continue;
            }

            // History starts at birth or three years back, whichever is later.
            var from = born > spec.ReferenceDate.AddYears(-3) ? born : spec.ReferenceDate.AddYears(-3);
            var days = spec.ReferenceDate.DayNumber - from.DayNumber;
            if (days <= 0)
            {
                continue;
            }

            var context = new Context(random, child.GivenName, child.SchoolId is not null);
            var count = random.Between(2, 12);
            for (var i = 0; i < count; i++)
            {
                var occurredOn = from.AddDays(random.Next(days + 1));
                var age = AgeOn(born, occurredOn);
                if (Events.Pick(random)(child, age, context) is not { } made)
                {
                    continue;
                }

                // School events belong to the child's own school.
                var agencyId = made.Agency == AgencyKind.PrimarySchool && child.SchoolId is { } school
                    ? school
                    : agencies.TryGetValue(made.Agency, out var list) ? random.Pick(list).Id : (Guid?)null;
                var recordedOn = occurredOn.AddDays(random.Between(0, 4));
                entries.Add(new ChronologyEntry
                {
                    Id = random.NextGuid(),
                    PartnershipId = partnershipId,
                    PersonId = child.Id,
                    OccurredOn = occurredOn,
                    AgencyId = agencyId,
                    Type = made.Type,
                    Summary = made.Summary,
                    IsSignificant = made.Significant,
                    Source = made.Source,
                    RecordedAt = new DateTimeOffset((recordedOn > spec.ReferenceDate ? spec.ReferenceDate : recordedOn).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero),
                });
            }
        }

        return entries;
    }

    private static int AgeOn(DateOnly born, DateOnly on)
    {
        var age = on.Year - born.Year;
        return on < born.AddYears(age) ? age - 1 : age;
    }

    private static Event? HealthVisitor(Person child, int age, Context c) => age >= 5 ? null : c.Random.Next(4) switch
    {
        0 => new(AgencyKind.CommunityTrust, ChronologyEntryType.AgencyInformation,
            $"Health visitor home visit. {c.Name} is feeding well and gaining weight. Mother said she has been feeling low and was given details of the perinatal mental health team.", false),
        1 => new(AgencyKind.CommunityTrust, ChronologyEntryType.AgencyInformation,
            "Health visitor developmental review not attended for the second time. Letter sent offering a new appointment.", false),
        2 => new(AgencyKind.CommunityTrust, ChronologyEntryType.AgencyInformation,
            $"Health visitor noted the home was cold and there was little food in the kitchen. Family referred to the local food bank and given advice on energy grants.", false),
        _ => new(AgencyKind.CommunityTrust, ChronologyEntryType.AgencyInformation,
            $"Health visitor saw a small bruise on {c.Name}'s cheek. Father explained {c.Name} had fallen against a table. Explanation consistent with the mark; safeguarding lead informed.", c.Random.Chance(0.5)),
    };

    private static Event? SchoolAttendance(Person child, int age, Context c) => age < 5 || !c.HasSchool ? null
        : new(AgencyKind.PrimarySchool, ChronologyEntryType.AgencyInformation,
            $"Attendance this term is {c.Random.Between(72, 89)}%, below the school's 90% threshold. Letter sent to parents and an attendance meeting arranged.", false);

    private static Event? SchoolConcern(Person child, int age, Context c) => age < 5 || !c.HasSchool ? null : c.Random.Next(3) switch
    {
        0 => new(AgencyKind.PrimarySchool, ChronologyEntryType.AgencyInformation,
            $"{c.Name} arrived at school hungry and in the same clothes for the third day. Breakfast club place offered; designated safeguarding lead spoke to mother.", false),
        1 => new(AgencyKind.PrimarySchool, ChronologyEntryType.AgencyInformation,
            $"{c.Name} told a teaching assistant that there was shouting at home last night and that they did not want to go home. Recorded and passed to the designated safeguarding lead.", true),
        _ => new(AgencyKind.PrimarySchool, ChronologyEntryType.AgencyInformation,
            $"Change in behaviour noticed: {c.Name} has become withdrawn in class and is not eating lunch. School nurse asked to see {c.Name}.", false),
    };

    private static Event Gp(Person child, int age, Context c) => c.Random.Next(3) switch
    {
        0 => new(AgencyKind.GpPractice, ChronologyEntryType.AgencyInformation,
            $"GP appointment for a chest infection. {c.Name} was brought by an aunt. Records show two missed immunisation appointments this year.", false),
        1 => new(AgencyKind.GpPractice, ChronologyEntryType.AgencyInformation,
            "Not brought to a booked GP appointment. Practice tried to call the parent twice without an answer.", false),
        _ => new(AgencyKind.AcuteTrust, ChronologyEntryType.AgencyInformation,
            $"Seen in the emergency department with a burn to the hand. Parent said {c.Name} touched a hot iron. Treated and discharged; paediatric liaison health visitor informed.", c.Random.Chance(0.4)),
    };

    private static Event PoliceDomesticIncident(Person child, int age, Context c) =>
        new(AgencyKind.Police, ChronologyEntryType.AgencyInformation,
            c.Random.Chance(0.5)
                ? $"Police attended a reported domestic incident at the home address late at night. {c.Name} was present and asleep upstairs. No injuries seen. Domestic abuse risk assessment completed: medium risk."
                : $"Police attended the home after neighbours reported shouting and a door being broken. Mother's partner arrested and later released on bail with conditions not to attend the address. {c.Name} witnessed the incident. Domestic abuse risk assessment: high risk, referred to MARAC.",
            c.Random.Chance(0.6));

    private static Event Housing(Person child, int age, Context c) => c.Random.Chance(0.5)
        ? new(AgencyKind.Housing, ChronologyEntryType.AgencyInformation,
            "Family placed in temporary accommodation after being evicted from a private tenancy. Two rooms in a shared house, away from the children's school.", false)
        : new(AgencyKind.Housing, ChronologyEntryType.AgencyInformation,
            "Housing officer visited about rent arrears and damp. The flat was cluttered and had no working heating. Repairs ordered and family referred for debt advice.", false);

    private static Event FrontDoorContact(Person child, int age, Context c) => c.Random.Next(3) switch
    {
        0 => new(AgencyKind.LocalAuthority, ChronologyEntryType.Contact,
            $"Contact received from school about an unexplained bruise on {c.Name}'s upper arm. Information gathered from health and police. Decision: no further action by children's social care; family signposted to early help.", false, FrontDoorSource),
        1 => new(AgencyKind.LocalAuthority, ChronologyEntryType.Contact,
            "Contact received from police after a domestic incident at the home. Threshold for a child and family assessment met; case passed to the assessment team.", true, FrontDoorSource),
        _ => new(AgencyKind.LocalAuthority, ChronologyEntryType.Decision,
            "Front door decision: concerns about neglect do not meet the threshold for statutory services. Early help offered and accepted by the family.", false, FrontDoorSource),
    };

    private static Event EarlyHelp(Person child, int age, Context c) =>
        new(AgencyKind.LocalAuthority, ChronologyEntryType.EarlyHelp,
            c.Random.Chance(0.5)
                ? "Early help assessment started with the family's agreement. Lead practitioner is the school's family support worker; first team around the family meeting booked."
                : "Early help plan reviewed. Attendance has improved and the family is attending a parenting course; plan continues for another three months.",
            false);

    private static Event? MissingEpisode(Person child, int age, Context c) => age < 11 ? null
        : new(AgencyKind.Police, ChronologyEntryType.MissingEpisode,
            $"{c.Name} reported missing by a parent at 10pm and found the next morning at a friend's house in another part of the city. Return home interview offered.", c.Random.Chance(0.5));

    private static Event StrategyDiscussion(Person child, int age, Context c) =>
        new(AgencyKind.LocalAuthority, ChronologyEntryType.StrategyDiscussion,
            "Strategy discussion held with police, health and school. Agreed that the threshold for a section 47 enquiry is met; joint visit planned for tomorrow.", true, FrontDoorSource);

    private static Event Conference(Person child, int age, Context c) =>
        new(AgencyKind.LocalAuthority, ChronologyEntryType.Conference,
            $"Initial child protection conference. {c.Name} made subject to a child protection plan under the category of neglect. Core group to meet within 10 working days.", true, "Conferences");
}
