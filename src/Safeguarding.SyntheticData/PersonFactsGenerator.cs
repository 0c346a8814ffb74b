using System.Globalization;
using Safeguarding.Core.Access;
using Safeguarding.Core.Children;
using Safeguarding.Core.Children.Matching;

namespace Safeguarding.SyntheticData;

/// <summary>What agencies know about the city's people beyond their current details.</summary>
public sealed record SyntheticPersonFacts(
    IReadOnlyList<PersonName> Names,
    IReadOnlyList<PersonIdentifier> Identifiers,
    IReadOnlyList<PersonAddress> Addresses,
    IReadOnlyList<PersonSchool> Schools)
{
    public int Count => Names.Count + Identifiers.Count + Addresses.Count + Schools.Count;
}

/// <summary>
/// Derives each person's identifiers (NHS number from health, UPN from their school, a local authority
/// id for some children), their address history, school history and other names. Uses its own random
/// stream, so adding facts never changes the people the rest of the city is built from.
/// </summary>
public static class PersonFactsGenerator
{
    /// <summary>Synthetic UPNs use local authority number 999, as synthetic NHS numbers start with 999.</summary>
    public const string SyntheticLocalAuthorityNumber = "999";

    public static SyntheticPersonFacts For(SyntheticCity city)
    {
        ArgumentNullException.ThrowIfNull(city);
        var random = CityRandom.For(city.Spec.Seed, "person-facts");
        var ids = CityRandom.For(city.Spec.Seed, "person-fact-ids");
        var recordedAt = new DateTimeOffset(city.Spec.ReferenceDate.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        var reference = city.Spec.ReferenceDate;
        var health = city.Agencies.First(a => a.Type == AgencyType.Health);
        var council = city.Agencies.First(a => a.Type is AgencyType.ChildrensTrust or AgencyType.LocalAuthority);
        var housing = city.Agencies.FirstOrDefault(a => a.Type == AgencyType.Housing) ?? council;
        var establishmentNumbers = city.Schools.Select((s, i) => (s.Id, Number: 2000 + i)).ToDictionary(x => x.Id, x => x.Number);
        var schoolIds = establishmentNumbers.Keys.ToList();

        var names = new List<PersonName>();
        var identifiers = new List<PersonIdentifier>();
        var addresses = new List<PersonAddress>();
        var schools = new List<PersonSchool>();
        var people = city.People;
        var serial = 0;
        var childIds = new HashSet<int>();
        foreach (var person in people)
        {
            if (person.NhsNumber is { } nhs)
            {
                identifiers.Add(Identifier(person, PersonIdentifierType.NhsNumber, nhs, health.Id));
            }

            // Moved in at some point in the last ten years, never before they were born.
            var movedIn = reference.AddDays(-random.Between(60, 3650));
            if (person.DateOfBirth is { } born && born > movedIn)
            {
                movedIn = born;
            }

            if (person.AddressLine is { } line)
            {
                if (random.Chance(0.25))
                {
                    // An earlier home: someone else's address in the city, so postcodes stay real ones.
                    var before = people[random.Next(people.Count)];
                    var from = movedIn.AddDays(-random.Between(180, 1500));
                    if (before.AddressLine is { } earlier && before.AddressLine != line && (person.DateOfBirth is not { } b || from > b))
                    {
                        addresses.Add(Address(person, earlier, before.Postcode, from, movedIn.AddDays(-1), housing.Id));
                    }
                }

                addresses.Add(Address(person, line, person.Postcode, movedIn, null, council.Id));
            }

            // A young person who has left school keeps the UPN their first school gave them (the SSDA903 asks for care leavers' too).
            if (person.SchoolId is null && LeftSchoolRecently(person) && person.DateOfBirth is { } leftSchool && schoolIds.Count > 0)
            {
                identifiers.Add(Upn(person, leftSchool, schoolIds[serial % schoolIds.Count]));
            }

            if (!person.IsChild)
            {
                continue;
            }

            if (person.SchoolId is { } schoolId && person.DateOfBirth is { } dob)
            {
                identifiers.Add(Upn(person, dob, schoolId));
                var started = SchoolStart(dob);
                // At their current school since they started school, or since they moved up to secondary at eleven.
                var movedUp = new DateOnly(started.Year + 7, 9, 1);
                var schoolFrom = movedUp <= reference ? movedUp : started <= reference ? started : reference;
                schools.Add(new PersonSchool
                {
                    Id = ids.NextGuid(),
                    PartnershipId = person.PartnershipId,
                    PersonId = person.Id,
                    SchoolId = schoolId,
                    From = schoolFrom,
                    SourceAgencyId = schoolId,
                    RecordedAt = recordedAt,
                });
            }

            if (random.Chance(0.2))
            {
                // Each child their own: a council never gives two children one id, and the returns match children by it.
                // A number already given moves on to the next free one, so no extra draw disturbs the rest of the city.
                var number = random.Next(900000);
                while (!childIds.Add(number))
                {
                    number = (number + 1) % 900000;
                }

                identifiers.Add(Identifier(person, PersonIdentifierType.LocalAuthorityChildId, string.Create(CultureInfo.InvariantCulture, $"ASH{100000 + number}"), council.Id));
            }

            if (random.Chance(0.06))
            {
                // Born under another family name (a parent's), changed later.
                var other = people[random.Next(people.Count)].FamilyName;
                if (other != person.FamilyName)
                {
                    names.Add(Name(person, person.GivenName, other, PersonNameKind.Birth, person.DateOfBirth, movedIn.AddDays(-1), health.Id));
                }
            }

            if (random.Chance(0.08) && NameVariants.VariantsOf(person.GivenName).FirstOrDefault(v => !string.Equals(v, person.GivenName, StringComparison.OrdinalIgnoreCase)) is { } knownAs)
            {
                names.Add(Name(person, CultureInfo.InvariantCulture.TextInfo.ToTitleCase(knownAs.ToLowerInvariant()), person.FamilyName, PersonNameKind.KnownAs, null, null, council.Id));
            }
        }

        // Care leavers who are adults now kept the UPN they had in care; after the loop, so the city's own facts stay as they were.
        foreach (var former in city.LookedAfter.FormerChildren)
        {
            if (LeftSchoolRecently(former) && former.DateOfBirth is { } born && schoolIds.Count > 0)
            {
                identifiers.Add(Upn(former, born, schoolIds[serial % schoolIds.Count]));
            }
        }

        return new SyntheticPersonFacts(names, identifiers, addresses, schools);

        // Sixteen or over and under 25: old enough to have left school, young enough to have had a UPN there.
        bool LeftSchoolRecently(Person person) => person.DateOfBirth is { } born && born.AddYears(16) <= reference && born.AddYears(25) > reference;

        // A UPN is issued when a child first joins a state school, in the September after they turn four.
        static DateOnly SchoolStart(DateOnly born) => new(born.Month >= 9 ? born.Year + 5 : born.Year + 4, 9, 1);

        PersonIdentifier Upn(Person person, DateOnly born, Guid schoolId)
        {
            var year = SchoolStart(born).Year % 100;
            var body = string.Create(CultureInfo.InvariantCulture, $"{SyntheticLocalAuthorityNumber}{establishmentNumbers[schoolId]:0000}{year:00}{++serial % 1000:000}");
            return Identifier(person, PersonIdentifierType.UniquePupilNumber, $"{UpnFormat.CheckLetter(body)}{body}", schoolId);
        }

        PersonIdentifier Identifier(Person person, PersonIdentifierType type, string value, Guid issuer) => new()
        {
            Id = ids.NextGuid(),
            PartnershipId = person.PartnershipId,
            PersonId = person.Id,
            Type = type,
            Value = value,
            IssuingAgencyId = issuer,
            RecordedAt = recordedAt,
        };

        PersonAddress Address(Person person, string line, string? postcode, DateOnly from, DateOnly? to, Guid source) => new()
        {
            Id = ids.NextGuid(),
            PartnershipId = person.PartnershipId,
            PersonId = person.Id,
            AddressLine = line,
            Town = city.Spec.CityName,
            Postcode = postcode,
            From = from,
            To = to,
            SourceAgencyId = source,
            RecordedAt = recordedAt,
        };

        PersonName Name(Person person, string given, string family, PersonNameKind kind, DateOnly? from, DateOnly? to, Guid source) => new()
        {
            Id = ids.NextGuid(),
            PartnershipId = person.PartnershipId,
            PersonId = person.Id,
            GivenName = given,
            FamilyName = family,
            Kind = kind,
            From = from,
            To = to,
            SourceAgencyId = source,
            RecordedAt = recordedAt,
        };
    }
}
