namespace Safeguarding.Core.Children.Matching;

/// <summary>
/// Finds the people in a <see cref="PersonIndex"/> who may be the subject of a referral, Fellegi-Sunter
/// style: each field's agreement adds ln(m/u) and each disagreement ln((1-m)/(1-u)) (m: how often the
/// field agrees for the same person; u: how often it agrees by chance, taken from how common the value is
/// in the index), and the total with a prior of 1 in the index size gives odds; candidates compete, so the
/// score is a candidate's odds over one plus all candidates' odds. Not thread-safe:
/// use one matcher per thread over a shared index.
/// </summary>
public sealed class PersonMatcher(PersonIndex index, MatchBands? bands = null)
{
    /// <summary>Blocks bigger than this say too little to be worth scanning (e.g. a very common name in a big year).</summary>
    private const int MaxBlockSize = 6_000;

    private readonly MatchBands bands = bands ?? new MatchBands();
    private readonly int[] seen = new int[index.Count];
    private readonly List<int> candidates = new(1024);
    private int generation;

    public MatchBands Bands => bands;

    public IReadOnlyList<MatchCandidate> Find(MatchQuery query, int max = 10)
    {
        ArgumentNullException.ThrowIfNull(query);
        var prepared = PreparedQuery.From(index, query);
        Gather(prepared);

        // Score everything cheaply, then explain only the ones returned.
        var scored = new List<(int Id, double Weight)>(candidates.Count);
        foreach (var id in candidates)
        {
            scored.Add((id, MatchScoring.Weigh(prepared, index.People[id], index.Count, null)));
        }

        scored.Sort((a, b) => b.Weight.CompareTo(a.Weight));
        var weights = new double[scored.Count];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = scored[i].Weight;
        }

        var probabilities = MatchScoring.CompetingProbabilities(weights, index.Count);
        var results = new List<MatchCandidate>(Math.Min(max, scored.Count));
        for (var i = 0; i < scored.Count && i < max; i++)
        {
            var person = index.People[scored[i].Id];
            var comparisons = new List<FieldComparison>(8);
            MatchScoring.Weigh(prepared, person, index.Count, comparisons);
            var score = probabilities[i];
            var band = bands.BandFor(score);
            string? bandNote = null;
            if (band == MatchBand.Match && bands.RequireNhsNumberOrDateOfBirthForMatch && !comparisons.Any(c =>
                c.Field is MatchField.NhsNumber or MatchField.DateOfBirth && c.Outcome is ComparisonOutcome.Agree or ComparisonOutcome.PartlyAgree))
            {
                band = MatchBand.PossibleMatch;
                bandNote = "not an automatic match: neither NHS number nor date of birth confirms it";
            }

            // Conflicting NHS numbers need a person to decide, however well the rest agrees.
            if (band == MatchBand.Match && comparisons.Any(c => c.Field == MatchField.NhsNumber && c.Outcome == ComparisonOutcome.Disagree))
            {
                band = MatchBand.PossibleMatch;
                bandNote = "not an automatic match: the NHS numbers differ";
            }

            results.Add(new MatchCandidate(person.Record, score, band, comparisons, bandNote));
        }

        return results;
    }

    private void Gather(PreparedQuery q)
    {
        candidates.Clear();
        generation++;
        if (generation == int.MaxValue)
        {
            Array.Clear(seen);
            generation = 1;
        }

        if (PersonIndex.Nhs(q.Nhs) is { } nhs)
        {
            Take(nhs);
        }

        foreach (var year in q.Years)
        {
            foreach (var part in q.FamilyParts)
            {
                TakeCode(part.PrimaryCodeId, year, family: true);
                TakeCode(part.AlternateCodeId, year, family: true);
            }

            if (q.Given is { } given)
            {
                TakeCode(given.PrimaryCodeId, year, family: false);
                foreach (var g in given.Groups)
                {
                    Take(PersonIndex.GivenYear(PersonIndex.VariantGroupOffset + g, year));
                }
            }
        }

        if (q.Given is { PrimaryCodeId: >= 0 } named)
        {
            foreach (var part in q.FamilyParts)
            {
                if (part.PrimaryCodeId >= 0)
                {
                    Take(PersonIndex.FullName(part.PrimaryCodeId, named.PrimaryCodeId));
                }
            }
        }

        foreach (var day in q.Days)
        {
            Take(PersonIndex.Dob(day));
        }

        if (q.SectorId >= 0)
        {
            foreach (var initial in q.Initials)
            {
                Take(PersonIndex.SectorInitial(q.SectorId, initial));
            }
        }

        if (index.Postcode(q.Postcode) is { } postcode)
        {
            Take(postcode);
        }
    }

    private void TakeCode(int codeId, int year, bool family)
    {
        if (codeId >= 0)
        {
            Take(family ? PersonIndex.FamilyYear(codeId, year) : PersonIndex.GivenYear(codeId, year));
        }
    }

    private void Take(long key)
    {
        var block = index.Block(key);
        if (block.Length > MaxBlockSize)
        {
            return;
        }

        foreach (var id in block)
        {
            if (seen[id] != generation)
            {
                seen[id] = generation;
                candidates.Add(id);
            }
        }
    }
}

/// <summary>A query normalised once, with the blocking keys it will look up.</summary>
internal sealed class PreparedQuery
{
    public required MatchQuery Query { get; init; }
    public required string FamilyText { get; init; }
    public required NameInfo[] FamilyParts { get; init; }
    public required NameInfo? Given { get; init; }
    public required NameInfo[] OtherNames { get; init; }
    public required string Nhs { get; init; }
    public required string Postcode { get; init; }
    public required string Address { get; init; }
    public required int SectorId { get; init; }
    public required int[] Years { get; init; }
    public required int[] Days { get; init; }
    public required char[] Initials { get; init; }

    public static PreparedQuery From(PersonIndex index, MatchQuery query)
    {
        var familyParts = index.NameParts(query.FamilyName);
        var given = index.Name(query.GivenName, isGivenName: true);
        var postcode = NameText.Postcode(query.Postcode);
        var date = query.DateOfBirth ?? query.ExpectedDateOfBirth;
        var years = new List<int>(3);
        var days = new List<int>(2);
        if (date is { } d)
        {
            // Year ±1 catches a year typed one out and births either side of a new year near an expected date.
            years.AddRange([d.Year, d.Year - 1, d.Year + 1]);
            days.Add(d.DayNumber);
            if (d.Day <= 12 && d.Day != d.Month && DateOnly.TryParseExact($"{d.Year:D4}-{d.Day:D2}-{d.Month:D2}", "yyyy-MM-dd", out var swapped))
            {
                days.Add(swapped.DayNumber);
            }
        }

        var initials = new HashSet<char>();
        if (given is not null)
        {
            initials.Add(given.Text[0]);
            // A nickname may start with another letter than the full name (Bill, William).
            foreach (var variant in NameVariantsInitials(given))
            {
                initials.Add(variant);
            }
        }

        return new PreparedQuery
        {
            Query = query,
            FamilyText = string.Concat(familyParts.Select(p => p.Text)),
            FamilyParts = familyParts,
            Given = given,
            OtherNames = index.NameParts(query.OtherNames),
            Nhs = NhsNumberComparison.Digits(query.NhsNumber),
            Postcode = postcode,
            Address = NameText.Address(query.AddressLine),
            SectorId = postcode.Length >= 5 ? index.SectorId(PostcodeProximity.Sector(postcode)) : -1,
            Years = [.. years],
            Days = [.. days],
            Initials = [.. initials],
        };
    }

    private static IEnumerable<char> NameVariantsInitials(NameInfo given) => given.Groups.SelectMany(NameVariants.InitialsOfGroup);
}
