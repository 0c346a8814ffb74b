using System.Globalization;
using Safeguarding.Core.Children;
using Safeguarding.Core.Children.Matching;

namespace Safeguarding.SyntheticData.MatchingEvaluation;

/// <summary>The kind of error a generated referral carries (one main kind per query; some get a second).</summary>
public enum ReferralError
{
    None,
    FamilyNameTypo,
    GivenNameTypo,
    NicknameOrVariant,
    MissingFields,
    DayMonthSwapped,
    DateOfBirthDigitOff,
    YearOffByOne,
    MovedAddress,
    DoubleBarrelledFamilyName,
    NewBornWithExpectedDate,

    /// <summary>A child's twin who is not in the index: same family name, date of birth and address, other given name.</summary>
    NotInIndexTwin,
}

/// <summary>A referral-like query and the person it is really about (null when that person is not in the index).</summary>
public sealed record EvaluationQuery(MatchQuery Query, Guid? TruthId, IReadOnlyList<ReferralError> Errors);

/// <summary>
/// Makes referral-like queries from a synthetic city with realistic errors and known truth, the same
/// queries for the same city, count and seed. Referrals usually lack the NHS number and often the school.
/// </summary>
public static class MatchingEvaluationSet
{
    private const double NhsNumberGiven = 0.35;
    private const double PostcodeGiven = 0.9;
    private const double AddressGiven = 0.75;
    private const double SexGiven = 0.85;
    private const double SchoolGiven = 0.4;
    private const double SecondError = 0.2;
    private const double ChildShare = 0.8;

    private static readonly (ReferralError Error, double Weight)[] Mix =
    [
        (ReferralError.None, 20), (ReferralError.FamilyNameTypo, 10), (ReferralError.GivenNameTypo, 10),
        (ReferralError.NicknameOrVariant, 8), (ReferralError.MissingFields, 10), (ReferralError.DayMonthSwapped, 6),
        (ReferralError.DateOfBirthDigitOff, 5), (ReferralError.YearOffByOne, 4), (ReferralError.MovedAddress, 12),
        (ReferralError.DoubleBarrelledFamilyName, 5), (ReferralError.NewBornWithExpectedDate, 4), (ReferralError.NotInIndexTwin, 6),
    ];

    private static readonly ReferralError[] SecondErrors =
    [
        ReferralError.FamilyNameTypo, ReferralError.GivenNameTypo, ReferralError.NicknameOrVariant, ReferralError.DayMonthSwapped,
        ReferralError.MovedAddress, ReferralError.MissingFields,
    ];

    public static IReadOnlyList<EvaluationQuery> Generate(SyntheticCity city, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(city);
        var random = new CityRandom(seed);
        var people = city.People;
        var children = people.Where(p => p.IsChild && p.DateOfBirth is not null).ToList();
        var adults = people.Where(p => !p.IsChild).ToList();
        var unborn = people.Where(p => p.ExpectedDateOfBirth is not null).ToList();
        var choices = new Weighted<ReferralError>(Mix);
        var queries = new List<EvaluationQuery>(count);
        while (queries.Count < count)
        {
            var error = choices.Pick(random);
            if (error == ReferralError.NewBornWithExpectedDate)
            {
                if (unborn.Count == 0)
                {
                    continue;
                }

                queries.Add(NewBorn(random.Pick(unborn), random, children));
                continue;
            }

            var person = error == ReferralError.NotInIndexTwin || random.Chance(ChildShare) || adults.Count == 0 ? random.Pick(children) : random.Pick(adults);
            var draft = Draft.From(person, random);
            var errors = new List<ReferralError> { error };
            Apply(error, draft, random, people, children);
            if (error is not (ReferralError.None or ReferralError.NotInIndexTwin) && random.Chance(SecondError))
            {
                var second = random.Pick(SecondErrors);
                if (second != error)
                {
                    errors.Add(second);
                    Apply(second, draft, random, people, children);
                }
            }

            queries.Add(new EvaluationQuery(draft.ToQuery(), error == ReferralError.NotInIndexTwin ? null : person.Id, errors));
        }

        return queries;
    }

    private static EvaluationQuery NewBorn(Person person, CityRandom random, List<Person> children)
    {
        // Born now, up to three weeks early or two weeks late; named by the referrer, or still "Baby".
        var expected = person.ExpectedDateOfBirth!.Value;
        var born = expected.AddDays(random.Between(-21, 14));
        var name = random.Chance(0.5) ? "Baby" : random.Pick(children).GivenName;
        var query = new MatchQuery
        {
            GivenName = name,
            FamilyName = person.FamilyName,
            DateOfBirth = random.Chance(0.7) ? born : null,
            ExpectedDateOfBirth = random.Chance(0.5) ? expected : null,
            Sex = random.Chance(0.5) ? PersonSex.Female : PersonSex.Male,
            Postcode = person.Postcode,
            AddressLine = random.Chance(AddressGiven) ? person.AddressLine : null,
        };
        if (query.DateOfBirth is null && query.ExpectedDateOfBirth is null)
        {
            query = query with { DateOfBirth = born };
        }

        return new EvaluationQuery(query, person.Id, [ReferralError.NewBornWithExpectedDate]);
    }

    private static void Apply(ReferralError error, Draft d, CityRandom random, IReadOnlyList<Person> people, List<Person> children)
    {
        switch (error)
        {
            case ReferralError.FamilyNameTypo:
                d.FamilyName = Typo(d.FamilyName, random);
                break;
            case ReferralError.GivenNameTypo:
                d.GivenName = Typo(d.GivenName, random);
                break;
            case ReferralError.NicknameOrVariant:
                var variants = NameVariants.VariantsOf(d.GivenName);
                var familyVariants = NameVariants.VariantsOf(d.FamilyName);
                if (variants.Count > 0)
                {
                    d.GivenName = TitleCase(random.Pick(variants));
                }
                else if (familyVariants.Count > 0)
                {
                    d.FamilyName = TitleCase(random.Pick(familyVariants));
                }
                else
                {
                    d.GivenName = Typo(d.GivenName, random);
                }

                break;
            case ReferralError.MissingFields:
                // Keep the names and one or two of the rest.
                d.NhsNumber = null;
                d.School = null;
                d.AddressLine = random.Chance(0.3) ? d.AddressLine : null;
                d.Postcode = random.Chance(0.5) ? d.Postcode : null;
                d.Sex = random.Chance(0.5) ? d.Sex : PersonSex.NotKnown;
                if (d.Postcode is not null && random.Chance(0.3))
                {
                    d.DateOfBirth = null;
                }

                break;
            case ReferralError.DayMonthSwapped:
                if (d.DateOfBirth is { } dob && dob.Day <= 12 && dob.Day != dob.Month)
                {
                    d.DateOfBirth = new DateOnly(dob.Year, dob.Day, dob.Month);
                }
                else if (d.DateOfBirth is { } other)
                {
                    d.DateOfBirth = DigitOff(other, random);
                }

                break;
            case ReferralError.DateOfBirthDigitOff:
                if (d.DateOfBirth is { } date)
                {
                    d.DateOfBirth = DigitOff(date, random);
                }

                break;
            case ReferralError.YearOffByOne:
                if (d.DateOfBirth is { } day)
                {
                    d.DateOfBirth = SafeDate(day.Year + (random.Chance(0.5) ? 1 : -1), day.Month, day.Day) ?? day;
                }

                break;
            case ReferralError.MovedAddress:
                var elsewhere = random.Pick(people);
                d.AddressLine = random.Chance(AddressGiven) ? elsewhere.AddressLine : null;
                d.Postcode = elsewhere.Postcode;
                d.School = null;
                break;
            case ReferralError.DoubleBarrelledFamilyName:
                var otherName = random.Pick(people).FamilyName;
                d.FamilyName = random.Chance(0.5) ? $"{d.FamilyName}-{otherName}" : $"{otherName} {d.FamilyName}";
                break;
            case ReferralError.NotInIndexTwin:
                string given;
                do
                {
                    given = random.Pick(children).GivenName;
                }
                while (given == d.GivenName);
                d.GivenName = given;
                d.NhsNumber = null;
                d.OtherNames = null;
                break;
            default:
                break;
        }
    }

    private static DateOnly DigitOff(DateOnly date, CityRandom random)
    {
        // Change one digit of dd/mm/yyyy to give another real date (not the year's first two digits).
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var text = date.ToString("ddMMyyyy", CultureInfo.InvariantCulture).ToCharArray();
            var position = random.Pick([0, 1, 2, 3, 6, 7]);
            var digit = (char)('0' + random.Next(10));
            if (digit == text[position])
            {
                continue;
            }

            text[position] = digit;
            var s = new string(text);
            if (SafeDate(int.Parse(s[4..], CultureInfo.InvariantCulture), int.Parse(s[2..4], CultureInfo.InvariantCulture), int.Parse(s[..2], CultureInfo.InvariantCulture)) is { } changed)
            {
                return changed;
            }
        }

        return date.AddDays(1);
    }

    private static DateOnly? SafeDate(int year, int month, int day) =>
        year is >= 1900 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    /// <summary>One slip of the keyboard: a letter dropped, doubled, swapped with its neighbour or replaced.</summary>
    internal static string Typo(string name, CityRandom random)
    {
        if (name.Length < 3)
        {
            return name + "e";
        }

        var chars = name.ToList();
        var i = random.Between(1, chars.Count - 1); // referrers rarely get the first letter wrong
        switch (random.Next(4))
        {
            case 0:
                chars.RemoveAt(i);
                break;
            case 1:
                chars.Insert(i, chars[i]);
                break;
            case 2 when i < chars.Count - 1:
                (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
                break;
            default:
                chars[i] = (char)('a' + random.Next(26));
                break;
        }

        var typed = new string([.. chars]);
        return typed == name ? name + "e" : typed;
    }

    private static string TitleCase(string upper) => upper[..1] + upper[1..].ToLowerInvariant();

    private sealed class Draft
    {
        public required string GivenName { get; set; }
        public required string FamilyName { get; set; }
        public string? OtherNames { get; set; }
        public DateOnly? DateOfBirth { get; set; }
        public PersonSex Sex { get; set; }
        public string? NhsNumber { get; set; }
        public string? AddressLine { get; set; }
        public string? Postcode { get; set; }
        public Guid? School { get; set; }

        public static Draft From(Person p, CityRandom random) => new()
        {
            GivenName = p.GivenName,
            FamilyName = p.FamilyName,
            OtherNames = random.Chance(0.3) ? p.OtherNames : null,
            DateOfBirth = p.DateOfBirth,
            Sex = random.Chance(SexGiven) ? p.Sex : PersonSex.NotKnown,
            NhsNumber = random.Chance(NhsNumberGiven) ? p.NhsNumber : null,
            AddressLine = random.Chance(AddressGiven) ? p.AddressLine : null,
            Postcode = random.Chance(PostcodeGiven) ? p.Postcode : null,
            School = random.Chance(SchoolGiven) ? p.SchoolId : null,
        };

        public MatchQuery ToQuery() => new()
        {
            GivenName = GivenName,
            FamilyName = FamilyName,
            OtherNames = OtherNames,
            DateOfBirth = DateOfBirth,
            Sex = Sex,
            NhsNumber = NhsNumber,
            AddressLine = AddressLine,
            Postcode = Postcode,
            SchoolId = School,
        };
    }
}
