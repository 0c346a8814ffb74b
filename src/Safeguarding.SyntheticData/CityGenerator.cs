using System.Globalization;
using Safeguarding.Core.Access;
using Safeguarding.Core.Children;

namespace Safeguarding.SyntheticData;

/// <summary>
/// Builds a fictional city from a <see cref="CitySpec"/>: the partnership, its localities and
/// agencies, staff and demo users, and the children with the households around them. The same spec
/// always gives the same city, identifier for identifier.
/// </summary>
public static class CityGenerator
{
    public static SyntheticCity Generate(CitySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfNegative(spec.Children);
        return new CityBuilder(spec).Build();
    }
}

internal sealed class CityBuilder(CitySpec spec)
{
    private const string Unborn = "Unborn";

    // Children by age 0..17: a young city, slightly more under-fives than teenagers.
    private static readonly Weighted<int> Ages = new(
        (0, 5.9), (1, 5.9), (2, 5.8), (3, 5.8), (4, 5.7), (5, 5.7), (6, 5.6), (7, 5.6), (8, 5.6),
        (9, 5.5), (10, 5.5), (11, 5.5), (12, 5.5), (13, 5.4), (14, 5.4), (15, 5.3), (16, 5.3), (17, 5.2));

    private static readonly Weighted<int> ChildrenInHousehold = new((1, 44), (2, 35), (3, 14), (4, 5), (5, 1.5), (6, 0.5));

    private static readonly Weighted<HouseholdShape> Shapes = new(
        (HouseholdShape.TwoParents, 60), (HouseholdShape.SingleMother, 24), (HouseholdShape.SingleFather, 3),
        (HouseholdShape.MotherAndPartner, 8), (HouseholdShape.KinshipCarer, 5));

    private const double UnbornShare = 0.006;
    private const double OtherHouseholdMemberShare = 0.06;
    private const double AdultWithNhsNumberShare = 0.93;

    private readonly CityRandom ids = CityRandom.For(spec.Seed, "ids");
    private readonly NhsNumberSequence nhsNumbers = new(spec.Seed);
    private readonly List<Locality> localities = [];
    private readonly List<Agency> agencies = [];
    private readonly Dictionary<Guid, SchoolPhase> schoolPhases = [];
    private readonly Dictionary<AgencyKind, List<Agency>> agenciesByKind = [];
    private readonly List<List<Address>> addressesByLocality = [];
    private readonly Dictionary<(AgencyKind, int), List<Agency>> schoolsByLocality = [];
    private readonly List<Person> children = [];
    private readonly List<Person> adults = [];
    private readonly List<PersonRelationship> relationships = [];
    private Partnership partnership = null!;

    public SyntheticCity Build()
    {
        partnership = new Partnership
        {
            Id = ids.NextGuid(),
            Code = spec.PartnershipCode,
            Name = spec.PartnershipName,
            LocalAuthorityName = spec.LocalAuthorityName,
        };
        BuildLocalitiesAndStreets();
        BuildAgencies();
        var (users, userRoles) = new StaffBuilder(spec, partnership, agenciesByKind, ids).Build();
        var households = BuildHouseholds();
        RestrictSomeRecords();

        var chronology = ChronologyGenerator.Generate(spec, partnership.Id, agenciesByKind, children);
        var contacts = ContactGenerator.Generate(spec, partnership.Id, agenciesByKind, children, users, userRoles);
        var pathway = PathwayGenerator.Generate(spec, partnership.Id, agenciesByKind, children, users, userRoles, contacts);

        // After everyone else, so the people who were looked after but are adults now take the next NHS numbers.
        var lookedAfter = LookedAfterGenerator.Generate(spec, partnership.Id, children, adults, pathway, nhsNumbers.Next);
        return new SyntheticCity
        {
            Spec = spec,
            Partnership = partnership,
            Localities = localities,
            Agencies = agencies,
            SchoolPhases = schoolPhases,
            Users = users,
            UserRoles = userRoles,
            People = [.. children, .. adults],
            Relationships = relationships,
            HouseholdCount = households,
            ChronologyEntries = chronology,
            Contacts = contacts,
            Pathway = pathway,
            LookedAfter = lookedAfter,
            EarlyHelp = EarlyHelpGenerator.Generate(spec, partnership.Id, agenciesByKind, children, contacts, pathway),
            Workforce = WorkforceGenerator.Generate(spec, partnership.Id, userRoles, pathway, lookedAfter),
            Performance = PerformanceGenerator.Generate(spec, partnership.Id),
        };
    }

    private sealed record Address(string Line, string Postcode, int LocalityIndex);

    private void BuildLocalitiesAndStreets()
    {
        var random = CityRandom.For(spec.Seed, "streets");
        var expectedHouseholds = Math.Max(1, spec.Children / 1.8);
        var postcodesUsed = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < CityPlaces.Localities.Count; i++)
        {
            localities.Add(new Locality { Id = ids.NextGuid(), PartnershipId = partnership.Id, Name = CityPlaces.Localities[i] });

            // About 30 homes with children on a street; each street is one postcode unit.
            var streetCount = (int)Math.Clamp(expectedHouseholds / CityPlaces.Localities.Count / 30, 4, 1_500);
            var names = CityPlaces.ShuffledStreetNames(random);
            var streets = new List<Address>(streetCount);
            for (var s = 0; s < streetCount; s++)
            {
                // Two postcode districts per locality: ZX1 and ZX2 for the first, and so on.
                var district = (i * 2) + 1 + (s % 2);
                string postcode;
                do
                {
                    postcode = Postcodes.Make(spec.PostcodeArea, district, random);
                }
                while (!postcodesUsed.Add(postcode));
                streets.Add(new Address(names[s % names.Count], postcode, i));
            }

            addressesByLocality.Add(streets);
        }
    }

    private Address HomeAddress(int localityIndex, CityRandom random)
    {
        var street = random.Pick(addressesByLocality[localityIndex]);
        var number = random.Chance(0.12) ? $"Flat {random.Between(1, 24)}, {random.Between(1, 90)}" : random.Between(1, 180).ToString(CultureInfo.InvariantCulture);
        return street with { Line = $"{number} {street.Line}" };
    }

    private void BuildAgencies()
    {
        var random = CityRandom.For(spec.Seed, "agencies");
        var city = spec.CityName;
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        void Add(AgencyKind kind, AgencyType type, string name, string reference, int? localityIndex)
        {
            var postcodeLocality = localityIndex ?? 0;
            var agency = new Agency
            {
                Id = ids.NextGuid(),
                PartnershipId = partnership.Id,
                Name = name,
                Type = type,
                LocalityId = localityIndex is { } l ? localities[l].Id : null,
                Reference = reference,
                Postcode = random.Pick(addressesByLocality[postcodeLocality]).Postcode,
            };
            names.Add(name);
            agencies.Add(agency);
            if (!agenciesByKind.TryGetValue(kind, out var list))
            {
                agenciesByKind[kind] = list = [];
            }

            list.Add(agency);
        }

        Add(AgencyKind.Police, AgencyType.Police, $"{city} Police", "ZX-POL", null);
        Add(AgencyKind.AcuteTrust, AgencyType.Health, $"{city} University Hospitals NHS Foundation Trust", "ZX-RAH", null);
        Add(AgencyKind.AcuteTrust, AgencyType.Health, $"{city} Women's and Children's NHS Foundation Trust", "ZX-RWC", null);
        Add(AgencyKind.CommunityTrust, AgencyType.Health, $"{city} Community Healthcare NHS Trust", "ZX-RCH", null);
        Add(AgencyKind.MentalHealthTrust, AgencyType.Health, $"{city} Mental Health NHS Foundation Trust", "ZX-RMH", null);
        Add(AgencyKind.IntegratedCareBoard, AgencyType.Health, $"NHS {city} Integrated Care Board", "ZX-ICB", null);
        Add(AgencyKind.LocalAuthority, AgencyType.LocalAuthority, spec.LocalAuthorityName, "ZX-LA", null);
        Add(AgencyKind.ChildrensTrust, AgencyType.ChildrensTrust, $"{city} Children's Trust", "ZX-CT", null);
        Add(AgencyKind.Probation, AgencyType.Probation, $"Probation Service, {city} delivery unit", "ZX-PRB", null);
        Add(AgencyKind.Housing, AgencyType.Housing, $"{city} Housing Solutions", "ZX-HSG", null);
        Add(AgencyKind.Housing, AgencyType.Housing, "Larkfield Homes Housing Association", "ZX-HA1", null);
        for (var v = 0; v < CityPlaces.VoluntaryOrganisations.Count; v++)
        {
            var name = string.Format(CultureInfo.InvariantCulture, CityPlaces.VoluntaryOrganisations[v], city);
            Add(AgencyKind.Voluntary, AgencyType.Voluntary, name, $"ZX-VCS{v + 1:00}", random.Next(localities.Count));
        }

        var gpCount = Math.Max(2, (int)Math.Round(spec.Children / (double)spec.ChildrenPerGpPractice));
        for (var g = 0; g < gpCount; g++)
        {
            var locality = g % localities.Count;
            var name = UniqueName(names, random, locality, GpPracticeNames);
            Add(AgencyKind.GpPractice, AgencyType.Health, name, $"ZX{g + 1:0000}", locality);
        }

        var urns = new HashSet<int>();
        var localityOffset = random.Next(localities.Count);
        var slot = 0;
        foreach (var phase in SchoolPhasesFor(spec.SchoolCount))
        {
            // Spread each phase round the localities so every area has its primaries and a secondary.
            var locality = (localityOffset + slot++) % localities.Count;
            var name = UniqueName(names, random, locality, r => SchoolName(phase, r));
            int urn;
            do
            {
                // Real URNs are six digits below about 160000; 900000 and up are not in use.
                urn = random.Between(900_000, 999_999);
            }
            while (!urns.Add(urn));
            Add(KindFor(phase), AgencyType.School, name, urn.ToString(CultureInfo.InvariantCulture), locality);
            schoolPhases[agencies[^1].Id] = phase;
        }
    }

    private static AgencyKind KindFor(SchoolPhase phase) => phase switch
    {
        SchoolPhase.Primary => AgencyKind.PrimarySchool,
        SchoolPhase.Secondary => AgencyKind.SecondarySchool,
        SchoolPhase.AllThrough => AgencyKind.AllThroughSchool,
        SchoolPhase.Special => AgencyKind.SpecialSchool,
        SchoolPhase.Nursery => AgencyKind.NurserySchool,
        _ => AgencyKind.SixteenPlusCollege,
    };

    /// <summary>The mix of a city's schools: mostly primaries, about one secondary to five primaries.</summary>
    private static IEnumerable<SchoolPhase> SchoolPhasesFor(int count)
    {
        if (count == 1)
        {
            return [SchoolPhase.AllThrough];
        }

        int Share(int minimumSchools, double share) => count >= minimumSchools ? Math.Max(1, (int)Math.Round(count * share)) : 0;
        var special = Share(20, 0.04);
        var nursery = Share(25, 0.03);
        var sixteenPlus = Share(30, 0.02);
        var allThrough = Share(40, 0.01);
        var secondary = Math.Max(1, (int)Math.Round(count * 0.17));
        var primary = count - special - nursery - sixteenPlus - allThrough - secondary;
        return Enumerable.Repeat(SchoolPhase.Primary, primary)
            .Concat(Enumerable.Repeat(SchoolPhase.Secondary, secondary))
            .Concat(Enumerable.Repeat(SchoolPhase.Special, special))
            .Concat(Enumerable.Repeat(SchoolPhase.Nursery, nursery))
            .Concat(Enumerable.Repeat(SchoolPhase.SixteenPlus, sixteenPlus))
            .Concat(Enumerable.Repeat(SchoolPhase.AllThrough, allThrough));
    }

    private string UniqueName(HashSet<string> taken, CityRandom random, int locality, Func<CityRandom, string> make)
    {
        for (var attempt = 0; attempt < 12; attempt++)
        {
            var name = make(random);
            if (!taken.Contains(name))
            {
                return name;
            }
        }

        // A big city runs out of fresh names; real ones tell same-named schools apart by area.
        var baseName = $"{make(random)} ({localities[locality].Name})";
        var candidate = baseName;
        for (var n = 2; taken.Contains(candidate); n++)
        {
            candidate = $"{baseName} {n}";
        }

        return candidate;
    }

    private static string Place(CityRandom random) =>
        random.Chance(0.2) ? random.Pick(CityPlaces.Localities) : random.Pick(CityPlaces.Places);

    private static string GpPracticeNames(CityRandom random) => random.Next(6) switch
    {
        0 => $"{Place(random)} Medical Centre",
        1 => $"{Place(random)} Surgery",
        2 => $"{Place(random)} Health Centre",
        3 => $"{Place(random)} Medical Practice",
        4 => $"The {Place(random)} Practice",
        _ => $"{Place(random)} Family Practice",
    };

    private static string SchoolName(SchoolPhase phase, CityRandom random)
    {
        var place = Place(random);
        var saint = random.Pick(CityPlaces.Saints);
        return phase switch
        {
            SchoolPhase.Primary => random.Next(10) switch
            {
                0 or 1 or 2 => $"{place} Primary School",
                3 => $"{place} Community Primary School",
                4 or 5 => $"{place} Primary Academy",
                6 => $"St {saint}'s Catholic Primary School",
                7 => $"St {saint}'s C of E Primary School",
                8 => $"{place} Junior and Infant School",
                _ => $"{place} Park Primary School",
            },
            SchoolPhase.Secondary => random.Next(10) switch
            {
                0 or 1 or 2 => $"{place} Academy",
                3 or 4 => $"{place} High School",
                5 => $"{place} School",
                6 => $"St {saint}'s Catholic High School",
                7 => $"{place} Girls' School",
                8 => $"{place} Boys' School",
                _ => $"{place} Community College",
            },
            SchoolPhase.Special => random.Chance(0.5) ? $"{place} Special School" : $"{place} Specialist Academy",
            SchoolPhase.Nursery => random.Chance(0.5) ? $"{place} Nursery School" : $"{place} Early Years Centre",
            SchoolPhase.AllThrough => random.Chance(0.5) ? $"{place} All-Through School" : $"{place} All-Through Academy",
            _ => random.Chance(0.5) ? $"{place} Sixth Form College" : $"{place} College",
        };
    }

    private enum HouseholdShape
    {
        TwoParents,
        SingleMother,
        SingleFather,
        MotherAndPartner,
        KinshipCarer,
    }

    private int BuildHouseholds()
    {
        var random = CityRandom.For(spec.Seed, "households");
        var localityWeights = new Weighted<int>(Enumerable.Range(0, localities.Count).Select(i => (i, 0.7 + (random.NextDouble() * 0.6))).ToArray());
        var households = 0;
        while (children.Count < spec.Children)
        {
            BuildHousehold(random, localityWeights.Pick(random), Math.Min(ChildrenInHousehold.Pick(random), spec.Children - children.Count));
            households++;
        }

        return households;
    }

    private void BuildHousehold(CityRandom random, int localityIndex, int childCount)
    {
        var reference = spec.ReferenceDate;
        var address = HomeAddress(localityIndex, random);
        var childCode = EthnicityMix.Children.Pick(random);
        var (motherCode, fatherCode) = EthnicityMix.ParentCodes(childCode, random);
        var motherPool = EthnicityMix.PoolFor(motherCode, random);
        var fatherPool = EthnicityMix.PoolFor(fatherCode, random);
        var shape = Shapes.Pick(random);
        var surname = random.Pick(fatherPool.Family);
        if (shape is HouseholdShape.SingleMother or HouseholdShape.MotherAndPartner or HouseholdShape.KinshipCarer && random.Chance(0.5))
        {
            surname = random.Pick(motherPool.Family);
        }

        var (primary, secondary) = (LocalSchool(localityIndex, random, AgencyKind.PrimarySchool), LocalSchool(localityIndex, random, AgencyKind.SecondarySchool));

        var members = new List<Person>(childCount);
        var givenNames = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < childCount; c++)
        {
            var unborn = c == childCount - 1 && random.Chance(UnbornShare * childCount);
            var age = unborn ? -1 : Ages.Pick(random);
            var sex = random.Chance(0.51) ? PersonSex.Male : PersonSex.Female;
            if (unborn && random.Chance(0.85))
            {
                sex = PersonSex.NotKnown;
            }

            var pool = random.Chance(0.5) ? motherPool : fatherPool;
            var given = unborn ? Unborn : GivenName(pool, sex, random, givenNames);
            var child = new Person
            {
                Id = ids.NextGuid(),
                PartnershipId = partnership.Id,
                GivenName = given,
                FamilyName = surname,
                OtherNames = !unborn && random.Chance(0.15) ? GivenName(pool, sex, random, givenNames) : null,
                DateOfBirth = unborn ? null : reference.AddYears(-age).AddDays(-random.Between(0, 364)),
                ExpectedDateOfBirth = unborn ? reference.AddDays(random.Between(7, 200)) : null,
                Sex = sex,
                EthnicityCode = childCode,
                NhsNumber = unborn ? null : nhsNumbers.Next(),
                AddressLine = address.Line,
                Town = spec.CityName,
                Postcode = address.Postcode,
                LocalityId = localities[localityIndex].Id,
                SchoolId = unborn ? null : SchoolFor(age, primary, secondary, localityIndex, random),
                IsChild = true,
            };
            members.Add(child);
            children.Add(child);
        }

        var eldestAge = members.Max(m => m.DateOfBirth is { } dob ? reference.Year - dob.Year : 0);
        Person? mother = null, father = null, partner = null, carer = null;
        var motherAge = eldestAge + 18 + random.Between(0, 11) + random.Between(0, 11);
        if (shape is HouseholdShape.TwoParents or HouseholdShape.SingleMother or HouseholdShape.MotherAndPartner)
        {
            mother = Adult(random, motherPool, motherCode, PersonSex.Female, motherAge, random.Chance(0.7) ? surname : null, address, localityIndex);
        }

        if (shape is HouseholdShape.TwoParents or HouseholdShape.SingleFather)
        {
            father = Adult(random, fatherPool, fatherCode, PersonSex.Male, motherAge + random.Between(-3, 7), surname, address, localityIndex);
        }

        if (shape == HouseholdShape.MotherAndPartner)
        {
            var partnerPool = random.Chance(0.75) ? fatherPool : EthnicityMix.PoolFor(EthnicityMix.Children.Pick(random), random);
            partner = Adult(random, partnerPool, fatherCode, PersonSex.Male, motherAge + random.Between(-5, 8), null, address, localityIndex);
        }

        if (shape == HouseholdShape.KinshipCarer)
        {
            // Usually a grandmother; sometimes an aunt or an older sibling.
            var grandparent = random.Chance(0.7);
            carer = Adult(random, motherPool, motherCode, random.Chance(0.8) ? PersonSex.Female : PersonSex.Male,
                grandparent ? motherAge + random.Between(18, 30) : random.Between(22, 45), random.Chance(0.5) ? surname : null, address, localityIndex);
        }

        Person? other = null;
        if (random.Chance(OtherHouseholdMemberShare))
        {
            other = Adult(random, motherPool, motherCode, random.Chance(0.5) ? PersonSex.Female : PersonSex.Male,
                random.Chance(0.5) ? random.Between(18, 24) : motherAge + random.Between(18, 32), surname, address, localityIndex);
        }

        foreach (var child in members)
        {
            var born = child.DateOfBirth;
            if (mother is not null)
            {
                Relate(child, mother, RelationshipType.Parent, born);
            }

            if (father is not null)
            {
                Relate(child, father, RelationshipType.Parent, born);
            }

            if (partner is not null)
            {
                Relate(child, partner, RelationshipType.PartnerOfParent, Since(born, random, 1_800));
            }

            if (carer is not null)
            {
                Relate(child, carer, RelationshipType.Carer, Since(born, random, 2_500));
            }

            if (other is not null)
            {
                Relate(child, other, RelationshipType.HouseholdMember, Since(born, random, 1_500));
            }
        }

        // Siblings are stored once per pair, from the elder (earlier in the household) to the younger.
        for (var i = 0; i < members.Count; i++)
        {
            for (var j = i + 1; j < members.Count; j++)
            {
                Relate(members[i], members[j], RelationshipType.Sibling, null);
            }
        }
    }

    private DateOnly? Since(DateOnly? born, CityRandom random, int maxDaysAgo)
    {
        var since = spec.ReferenceDate.AddDays(-random.Between(30, maxDaysAgo));
        return born is { } b && b > since ? b : since;
    }

    private void Relate(Person person, Person related, RelationshipType type, DateOnly? from) =>
        relationships.Add(new PersonRelationship
        {
            Id = ids.NextGuid(),
            PartnershipId = partnership.Id,
            PersonId = person.Id,
            RelatedPersonId = related.Id,
            Type = type,
            From = from,
        });

    private Person Adult(CityRandom random, NamePool pool, string code, PersonSex sex, int age, string? familyName, Address address, int localityIndex)
    {
        var adult = new Person
        {
            Id = ids.NextGuid(),
            PartnershipId = partnership.Id,
            GivenName = GivenName(pool, sex, random, null),
            FamilyName = familyName ?? random.Pick(pool.Family),
            DateOfBirth = spec.ReferenceDate.AddYears(-Math.Clamp(age, 18, 90)).AddDays(-random.Between(0, 364)),
            Sex = sex,
            EthnicityCode = code,
            NhsNumber = random.Chance(AdultWithNhsNumberShare) ? nhsNumbers.Next() : null,
            AddressLine = address.Line,
            Town = spec.CityName,
            Postcode = address.Postcode,
            LocalityId = localities[localityIndex].Id,
        };
        adults.Add(adult);
        return adult;
    }

    private static string GivenName(NamePool pool, PersonSex sex, CityRandom random, HashSet<string>? notThese)
    {
        var names = sex switch
        {
            PersonSex.Female => pool.Female,
            PersonSex.Male => pool.Male,
            _ => random.Chance(0.5) ? pool.Female : pool.Male,
        };
        var name = random.Pick(names);
        for (var attempt = 0; notThese is not null && attempt < 5 && !notThese.Add(name); attempt++)
        {
            name = random.Pick(names);
        }

        return name;
    }

    private Agency? LocalSchool(int localityIndex, CityRandom random, AgencyKind kind)
    {
        foreach (var candidateKind in new[] { kind, AgencyKind.AllThroughSchool })
        {
            if (agenciesByKind.TryGetValue(candidateKind, out var schools))
            {
                var key = (candidateKind, localityIndex);
                if (!schoolsByLocality.TryGetValue(key, out var local))
                {
                    var localityId = localities[localityIndex].Id;
                    schoolsByLocality[key] = local = schools.Where(s => s.LocalityId == localityId).ToList();
                }

                return local.Count > 0 ? random.Pick(local) : random.Pick(schools);
            }
        }

        return null;
    }

    private Guid? SchoolFor(int age, Agency? primary, Agency? secondary, int localityIndex, CityRandom random)
    {
        var anySchool = primary ?? secondary;
        if (age >= 4 && random.Chance(0.015) && agenciesByKind.TryGetValue(AgencyKind.SpecialSchool, out var special))
        {
            return random.Pick(special).Id;
        }

        return age switch
        {
            3 when random.Chance(0.4) && agenciesByKind.ContainsKey(AgencyKind.NurserySchool) =>
                LocalSchool(localityIndex, random, AgencyKind.NurserySchool)?.Id,
            < 4 => null,
            <= 10 => (primary ?? anySchool)?.Id,
            <= 15 => (secondary ?? anySchool)?.Id,
            _ when random.Chance(0.2) => null,
            _ when random.Chance(0.45) && agenciesByKind.TryGetValue(AgencyKind.SixteenPlusCollege, out var colleges) => random.Pick(colleges).Id,
            _ => (secondary ?? anySchool)?.Id,
        };
    }

    private void RestrictSomeRecords()
    {
        var random = CityRandom.For(spec.Seed, "restricted");
        var wanted = Math.Min(children.Count, (int)Math.Round(children.Count * spec.RestrictedShare));
        var restricted = 0;
        while (restricted < wanted)
        {
            var child = children[random.Next(children.Count)];
            if (!child.IsRestricted)
            {
                child.IsRestricted = true;
                restricted++;
            }
        }
    }
}
