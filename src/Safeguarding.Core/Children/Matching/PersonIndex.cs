namespace Safeguarding.Core.Children.Matching;

/// <summary>A normalised name with its phonetic codes and variant groups, computed once per distinct name.</summary>
internal sealed class NameInfo(string text, PhoneticCode code, int[] groups, int primaryCodeId, int alternateCodeId)
{
    public string Text { get; } = text;
    public PhoneticCode Code { get; } = code;
    public int[] Groups { get; } = groups;
    public int PrimaryCodeId { get; } = primaryCodeId;

    /// <summary>-1 when the name has no alternate code.</summary>
    public int AlternateCodeId { get; } = alternateCodeId;
}

/// <summary>One person as the matcher sees them: normalised fields plus how common each value is in the index.</summary>
internal sealed class IndexedPerson
{
    public required MatchRecord Record { get; init; }
    public required string FamilyText { get; init; }
    public required NameInfo[] FamilyParts { get; init; }
    public required NameInfo? Given { get; init; }
    public required NameInfo[] OtherNames { get; init; }

    /// <summary>Day number of the date of birth, or -1.</summary>
    public required int Dob { get; init; }

    /// <summary>Day number of the expected date of birth, or -1.</summary>
    public required int Expected { get; init; }
    public required string Nhs { get; init; }
    public required string Postcode { get; init; }
    public required string Address { get; init; }
    public required string Household { get; init; }

    // How many people in the index share each value: the u-probabilities of agreement.
    public int FamilyCount { get; set; }
    public int GivenCount { get; set; }
    public int DobCount { get; set; }
    public int PostcodeCount { get; set; }
    public int HouseholdCount { get; set; }
    public int SectorCount { get; set; }
    public int DistrictCount { get; set; }
    public int SchoolCount { get; set; }
}

/// <summary>
/// An in-memory index of people for matching referrals, built once from <see cref="MatchRecord"/>s
/// (a database projection or the synthetic city). Blocking keys narrow a search to a few hundred
/// candidates: NHS number; phonetic family name + birth year; phonetic or variant given name + birth
/// year; postcode sector + given-name initial; exact date of birth; full postcode. Immutable once
/// built, so it can be shared between threads; each <see cref="PersonMatcher"/> keeps its own scratch space.
/// </summary>
public sealed class PersonIndex
{
    /// <summary>Names that stand in for a given name not yet chosen; treated as no given name.</summary>
    private static readonly HashSet<string> PlaceholderGivenNames = new(StringComparer.Ordinal) { "UNBORN", "BABY", "INFANT", "NEWBORN", "BABYOF", "UNKNOWN" };

    private readonly Dictionary<string, NameInfo> names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> codeIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> sectorIds = new(StringComparer.Ordinal);
    private readonly Dictionary<long, int[]> blocks;

    internal IndexedPerson[] People { get; }

    public int Count => People.Length;

    public PersonIndex(IEnumerable<MatchRecord> records)
    {
        var people = new List<IndexedPerson>();
        foreach (var record in records)
        {
            people.Add(Prepare(record));
        }

        People = [.. people];
        CountValues();
        blocks = BuildBlocks();
    }

    public static PersonIndex Build(IEnumerable<Person> people) => new(people.Select(MatchRecord.From));

    internal NameInfo? Name(string? raw, bool isGivenName = false)
    {
        var text = NameText.Letters(raw);
        if (text.Length == 0 || (isGivenName && PlaceholderGivenNames.Contains(text)))
        {
            return null;
        }

        if (names.TryGetValue(text, out var info))
        {
            return info;
        }

        // Queries must not grow the shared index: unknown names get a fresh, unregistered entry.
        return NewName(text, register: false);
    }

    private NameInfo InternName(string text)
    {
        if (!names.TryGetValue(text, out var info))
        {
            info = NewName(text, register: true);
            names[text] = info;
        }

        return info;
    }

    private NameInfo NewName(string text, bool register)
    {
        var code = DoubleMetaphone.Encode(text);
        return new NameInfo(text, code, NameVariants.GroupsOf(text), CodeId(code.Primary, register), code.Alternate is null ? -1 : CodeId(code.Alternate, register));
    }

    private int CodeId(string code, bool register)
    {
        if (codeIds.TryGetValue(code, out var id))
        {
            return id;
        }

        if (!register)
        {
            return -1;
        }

        id = codeIds.Count;
        codeIds[code] = id;
        return id;
    }

    internal int SectorId(string sector) => sectorIds.TryGetValue(sector, out var id) ? id : -1;

    internal NameInfo[] NameParts(string? raw) =>
        NameText.Parts(raw).Select(p => Name(p) ?? throw new InvalidOperationException("empty part")).ToArray();

    private IndexedPerson Prepare(MatchRecord record)
    {
        var familyParts = NameText.Parts(record.FamilyName).Select(InternName).ToArray();
        var given = NameText.Letters(record.GivenName);
        var postcode = NameText.Postcode(record.Postcode);
        var address = NameText.Address(record.AddressLine);
        return new IndexedPerson
        {
            Record = record,
            FamilyText = string.Concat(familyParts.Select(p => p.Text)),
            FamilyParts = familyParts,
            Given = given.Length == 0 || PlaceholderGivenNames.Contains(given) ? null : InternName(given),
            OtherNames = NameText.Parts(record.OtherNames).Select(InternName).ToArray(),
            Dob = record.DateOfBirth?.DayNumber ?? -1,
            Expected = record.ExpectedDateOfBirth?.DayNumber ?? -1,
            Nhs = NhsNumberComparison.Digits(record.NhsNumber),
            Postcode = postcode,
            Address = address,
            Household = address.Length == 0 || postcode.Length == 0 ? "" : string.Concat(address, "|", postcode),
        };
    }

    private void CountValues()
    {
        var family = CountBy(p => p.FamilyText);
        var given = CountBy(p => p.Given?.Text ?? "");
        var postcode = CountBy(p => p.Postcode);
        var household = CountBy(p => p.Household);
        var sector = CountBy(p => PostcodeProximity.Sector(p.Postcode));
        var district = CountBy(p => PostcodeProximity.District(p.Postcode));
        var school = CountBy(p => p.Record.SchoolId?.ToString() ?? "");
        var dob = new Dictionary<int, int>();
        foreach (var p in People)
        {
            dob[p.Dob] = dob.GetValueOrDefault(p.Dob) + 1;
        }

        foreach (var p in People)
        {
            p.FamilyCount = family[p.FamilyText];
            p.GivenCount = given[p.Given?.Text ?? ""];
            p.PostcodeCount = postcode[p.Postcode];
            p.HouseholdCount = household[p.Household];
            p.SectorCount = sector[PostcodeProximity.Sector(p.Postcode)];
            p.DistrictCount = district[PostcodeProximity.District(p.Postcode)];
            p.SchoolCount = school[p.Record.SchoolId?.ToString() ?? ""];
            p.DobCount = dob[p.Dob];
        }
    }

    private Dictionary<string, int> CountBy(Func<IndexedPerson, string> value)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in People)
        {
            var key = value(p);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }

    // Block key kinds, kept in the top byte of a 64-bit key.
    internal const long NhsKind = 1L << 56;
    internal const long FamilyYearKind = 2L << 56;
    internal const long GivenYearKind = 3L << 56;
    internal const long SectorInitialKind = 4L << 56;
    internal const long DobKind = 5L << 56;
    internal const long PostcodeKind = 6L << 56;
    internal const long FullNameKind = 7L << 56;

    /// <summary>Variant groups share the given-name key space with phonetic codes, offset clear of them.</summary>
    internal const int VariantGroupOffset = 1 << 20;

    internal static long FamilyYear(int codeId, int year) => FamilyYearKind | ((long)codeId << 16) | (uint)year;

    internal static long GivenYear(int id, int year) => GivenYearKind | ((long)id << 16) | (uint)year;

    internal static long SectorInitial(int sectorId, char initial) => SectorInitialKind | ((long)sectorId << 8) | initial;

    /// <summary>Phonetic family + given name, whatever the date: catches a date of birth that is wrong or missing.</summary>
    internal static long FullName(int familyCodeId, int givenCodeId) => FullNameKind | ((long)familyCodeId << 24) | (uint)givenCodeId;

    internal static long Dob(int dayNumber) => DobKind | (uint)dayNumber;

    internal long? Postcode(string normalised) => normalised.Length == 0 ? null : PostcodeKind | (uint)normalised.GetHashCode(StringComparison.Ordinal);

    internal static long? Nhs(string digits) => digits.Length == 10 ? NhsKind | long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) : null;

    private Dictionary<long, int[]> BuildBlocks()
    {
        var lists = new Dictionary<long, List<int>>();
        void Add(long key, int id)
        {
            if (!lists.TryGetValue(key, out var list))
            {
                lists[key] = list = new List<int>(4);
            }

            // A person can produce the same key twice (primary and alternate codes equal); add once.
            if (list.Count == 0 || list[^1] != id)
            {
                list.Add(id);
            }
        }

        for (var i = 0; i < People.Length; i++)
        {
            var p = People[i];
            if (Nhs(p.Nhs) is { } nhs)
            {
                Add(nhs, i);
            }

            if (p.Given is { } named)
            {
                foreach (var part in p.FamilyParts)
                {
                    Add(FullName(part.PrimaryCodeId, named.PrimaryCodeId), i);
                }
            }

            var day = p.Dob >= 0 ? p.Dob : p.Expected;
            if (day >= 0)
            {
                var year = DateOnly.FromDayNumber(day).Year;
                foreach (var part in p.FamilyParts)
                {
                    Add(FamilyYear(part.PrimaryCodeId, year), i);
                    if (part.AlternateCodeId >= 0)
                    {
                        Add(FamilyYear(part.AlternateCodeId, year), i);
                    }
                }

                if (p.Given is { } given)
                {
                    Add(GivenYear(given.PrimaryCodeId, year), i);
                    foreach (var g in given.Groups)
                    {
                        Add(GivenYear(VariantGroupOffset + g, year), i);
                    }
                }

                Add(Dob(day), i);
            }

            if (p.Postcode.Length >= 5)
            {
                var sector = PostcodeProximity.Sector(p.Postcode);
                if (!sectorIds.TryGetValue(sector, out var sectorId))
                {
                    sectorIds[sector] = sectorId = sectorIds.Count;
                }

                if (p.Given is { } given)
                {
                    Add(SectorInitial(sectorId, given.Text[0]), i);
                }

                Add(Postcode(p.Postcode)!.Value, i);
            }
        }

        var result = new Dictionary<long, int[]>(lists.Count);
        foreach (var (key, list) in lists)
        {
            result[key] = [.. list];
        }

        return result;
    }

    internal int[] Block(long key) => blocks.TryGetValue(key, out var ids) ? ids : [];

    /// <summary>Sizes of the largest blocks, for tuning.</summary>
    public IReadOnlyList<int> LargestBlocks(int count) => blocks.Values.Select(b => b.Length).OrderDescending().Take(count).ToList();
}
