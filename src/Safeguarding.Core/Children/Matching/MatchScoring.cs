namespace Safeguarding.Core.Children.Matching;

/// <summary>
/// The Fellegi-Sunter weights. m = P(field agrees | same person), u = P(field agrees | different people).
/// Agreement adds ln(m/u), disagreement ln((1-m)/(1-u)) ≈ ln(1-m) since u is small. Where the index
/// knows how common a value is, u is that value's share of the index (agreeing on "Smith" says less
/// than agreeing on "Kalnins"). Partial agreements keep the value's rarity but with their own smaller m.
/// </summary>
internal static class MatchScoring
{
    // NHS number: unique per person, but referrers sometimes give a sibling's or a parent's.
    private const double NhsM = 0.98;
    private const double NhsWrongPersonM = 0.004; // a valid but different number: the referrer gave another person's number

    // Names: referrals misspell, shorten and anglicise; family names change with marriage or a new partner.
    private const double FamilyM = 0.90;
    private const double FamilyDisagreeM = 0.05;
    private const double GivenM = 0.88;
    private const double GivenDisagreeM = 0.01; // a wholly different given name is rare for the same person (twins are the trap)

    /// <summary>How much smaller m is for each kind of partial name agreement, as ln factors.</summary>
    private const double DoubleBarrelledDiscount = 0.7;
    private const double VariantDiscount = 1.2;
    private const double PhoneticDiscount = 2.3;
    private const double SimilarDiscount = 2.8;
    private const double MiddleNameDiscount = 2.0;

    /// <summary>Jaro-Winkler at or above this counts as a misspelling of the same name.</summary>
    internal const double SimilarNameThreshold = 0.88;

    // Date of birth: usually right; the partial kinds are the common slips.
    private const double DobM = 0.92;
    private const double DobSwappedM = 0.02;
    private const double DobOneDigitM = 0.025;
    private const double DobYearOffM = 0.01;
    private const double DobWithinDaysM = 0.005;
    private const double DobDisagreeM = 0.02;
    private const double NearExpectedM = 0.9;

    /// <summary>Share of people born in any 12-week window around an expected date (infants are ~1% of the index).</summary>
    private const double NearExpectedU = 0.01;

    /// <summary>Within one household a shared date of birth means twins about this often: used when the address already agrees.</summary>
    private const double TwinU = 0.02;

    /// <summary>Within one household most people share the family name, so it adds little once the address agrees.</summary>
    private const double HouseholdFamilyU = 0.7;

    /// <summary>Brothers and sisters often go to the same school, so it adds little once the household agrees.</summary>
    private const double HouseholdSchoolU = 0.5;

    // Sex: recorded wrongly or differently now and then.
    private const double SexM = 0.98;
    private const double SexU = 0.5;

    // Location: families move, and referrals often carry an old address.
    private const double HouseholdM = 0.70;
    private const double PostcodeOnlyM = 0.75;
    private const double SameStreetOtherNumberM = 0.04;
    private const double SectorM = 0.05;
    private const double DistrictM = 0.06;
    private const double MovedM = 0.12;

    // School: children change school less often than address.
    private const double SchoolM = 0.85;
    private const double SchoolDisagreeM = 0.10;

    /// <summary>Log prior odds that a given indexed person is the referral's subject: 1 in the index size.</summary>
    public static double LogPriorOdds(int population) => -Math.Log(Math.Max(population, 2) - 1);

    public static double Probability(double weight, int population) => 1 / (1 + Math.Exp(-(weight + LogPriorOdds(population))));

    /// <summary>
    /// The candidates are competing explanations of one referral (at most one is right), so each one's
    /// probability is its odds over one ("none of them") plus everyone's odds. Two identical records
    /// then share the probability instead of both looking certain.
    /// </summary>
    public static double[] CompetingProbabilities(IReadOnlyList<double> weights, int population)
    {
        var prior = LogPriorOdds(population);
        var max = weights.Count == 0 ? 0 : Math.Max(0, weights.Max() + prior);
        // Log-sum-exp, shifted by the largest term so nothing overflows.
        var total = Math.Exp(-max);
        foreach (var w in weights)
        {
            total += Math.Exp(w + prior - max);
        }

        return weights.Select(w => Math.Exp(w + prior - max) / total).ToArray();
    }

    public static double Weigh(PreparedQuery q, IndexedPerson p, int population, List<FieldComparison>? explain)
    {
        double n = population;
        var weight = 0.0;

        // NHS number.
        var nhs = q.Nhs.Length == 0 || p.Nhs.Length == 0 ? NhsNumberAgreement.Missing : NhsNumberComparison.Compare(q.Nhs, p.Nhs);
        var w = nhs switch
        {
            NhsNumberAgreement.Same => Math.Log(NhsM * n),
            NhsNumberAgreement.InvalidOneDigitOff => Math.Log(0.01 * n / 10),
            NhsNumberAgreement.DifferentValid => Math.Log(NhsWrongPersonM),
            NhsNumberAgreement.DifferentInvalid => Math.Log(0.3),
            _ => 0,
        };
        weight += w;
        explain?.Add(nhs switch
        {
            NhsNumberAgreement.Same => new(MatchField.NhsNumber, ComparisonOutcome.Agree, "NHS number: agrees", w),
            NhsNumberAgreement.InvalidOneDigitOff => new(MatchField.NhsNumber, ComparisonOutcome.PartlyAgree, "NHS number: one digit different (the referral's fails its check digit)", w),
            NhsNumberAgreement.DifferentValid => new(MatchField.NhsNumber, ComparisonOutcome.Disagree, "NHS number: a different valid NHS number (strong evidence of a different person)", w),
            NhsNumberAgreement.DifferentInvalid => new(MatchField.NhsNumber, ComparisonOutcome.Disagree, "NHS number: different (the referral's is not a valid NHS number)", w),
            _ => new(MatchField.NhsNumber, ComparisonOutcome.Missing, "NHS number: not given", 0),
        });

        // Family name and location first: together they say "same household", which changes what the
        // other fields are worth (household members share a family name, an address, often a school,
        // and twins share a date of birth; only the given name tells them apart).
        var (familyOutcome, familyText, familyDiscount) = CompareFamily(q, p, explain is not null);
        var postcode = q.Postcode.Length == 0 || p.Postcode.Length == 0 ? PostcodeAgreement.Missing : PostcodeProximity.Compare(q.Postcode, p.Postcode);
        var addressGiven = q.Address.Length > 0 && p.Address.Length > 0;
        var sameAddress = addressGiven && q.Address == p.Address;
        string postcodeText, addressText;
        ComparisonOutcome postcodeOutcome, addressOutcome;
        double postcodeWeight = 0, addressWeight = 0;
        // The other explanation for agreeing on all of these is a brother or sister (a twin, if the date of
        // birth agrees too). That is only likely when the given names do not agree exactly: twins are not
        // given the same name (but may be given similar ones: Ryan, Aryan), so when the given name agrees
        // the fields count as independent.
        var sameSchool = q.Query.SchoolId is not null && q.Query.SchoolId == p.Record.SchoolId;
        var (givenOutcome, givenText, givenDiscount) = CompareGiven(q, p, explain is not null);
        var household = familyOutcome == ComparisonOutcome.Agree && givenOutcome != ComparisonOutcome.Agree
            && (sameAddress || postcode == PostcodeAgreement.Same || sameSchool);
        if (sameAddress && postcode is PostcodeAgreement.Same or PostcodeAgreement.Missing)
        {
            addressWeight = Math.Log(HouseholdM * n / Math.Max(postcode == PostcodeAgreement.Same ? p.HouseholdCount : p.HouseholdCount * 4, 1));
            (addressOutcome, addressText) = (ComparisonOutcome.Agree, "Address: agrees");
            (postcodeOutcome, postcodeText) = postcode == PostcodeAgreement.Same
                ? (ComparisonOutcome.Agree, "Postcode: agrees (counted with the address)")
                : (ComparisonOutcome.Missing, "Postcode: not given");
        }
        else
        {
            (addressOutcome, addressText) = !addressGiven ? (ComparisonOutcome.Missing, "Address: not given")
                : SameStreet(q.Address, p.Address) ? (ComparisonOutcome.PartlyAgree, "Address: same street, different house")
                : (ComparisonOutcome.Disagree, "Address: different");
            switch (postcode)
            {
                case PostcodeAgreement.Same:
                    postcodeWeight = Math.Log((addressOutcome == ComparisonOutcome.Missing ? PostcodeOnlyM : SameStreetOtherNumberM) * n / p.PostcodeCount);
                    (postcodeOutcome, postcodeText) = (ComparisonOutcome.Agree, "Postcode: agrees");
                    break;
                case PostcodeAgreement.SameSector:
                    postcodeWeight = Math.Log(SectorM * n / p.SectorCount);
                    (postcodeOutcome, postcodeText) = (ComparisonOutcome.PartlyAgree, "Postcode: same sector (a few streets away)");
                    break;
                case PostcodeAgreement.SameDistrict:
                    postcodeWeight = Math.Log(DistrictM * n / p.DistrictCount);
                    (postcodeOutcome, postcodeText) = (ComparisonOutcome.PartlyAgree, "Postcode: same district");
                    break;
                case PostcodeAgreement.Different:
                    postcodeWeight = Math.Log(MovedM);
                    (postcodeOutcome, postcodeText) = (ComparisonOutcome.Disagree, "Postcode: different (may have moved)");
                    break;
                default:
                    (postcodeOutcome, postcodeText) = (ComparisonOutcome.Missing, "Postcode: not given");
                    if (addressOutcome == ComparisonOutcome.Disagree)
                    {
                        addressWeight = Math.Log(MovedM);
                    }

                    break;
            }
        }

        weight += postcodeWeight + addressWeight;

        // Family name.
        w = familyOutcome switch
        {
            ComparisonOutcome.Missing => 0,
            ComparisonOutcome.Disagree => Math.Log(FamilyDisagreeM),
            _ => Math.Max(0.2, Math.Log(FamilyM / (household ? HouseholdFamilyU : Math.Max(p.FamilyCount, 1) / n)) - familyDiscount),
        };
        weight += w;
        explain?.Add(new(MatchField.FamilyName, familyOutcome, familyText, w));

        // Given name.
        w = givenOutcome switch
        {
            ComparisonOutcome.Missing => 0,
            ComparisonOutcome.Disagree => Math.Log(GivenDisagreeM),
            _ => Math.Max(0.2, Math.Log(GivenM * n / Math.Max(p.GivenCount, 1)) - givenDiscount),
        };
        weight += w;
        explain?.Add(new(MatchField.GivenName, givenOutcome, givenText, w));

        // Date of birth.
        var dob = DateOfBirthComparison.CompareWithExpected(q.Query.DateOfBirth, q.Query.ExpectedDateOfBirth, Day(p.Dob), Day(p.Expected));
        var dobU = household ? TwinU : Math.Max(p.DobCount, 1) / n;
        w = dob switch
        {
            DateOfBirthAgreement.Same => Math.Log(DobM / dobU),
            DateOfBirthAgreement.DayMonthSwapped => Math.Log(DobSwappedM / dobU),
            DateOfBirthAgreement.OneDigitOff => Math.Log(DobOneDigitM / (dobU * 20)),
            DateOfBirthAgreement.YearOffByOne => Math.Log(DobYearOffM / (dobU * 2)),
            DateOfBirthAgreement.WithinDays => Math.Log(DobWithinDaysM / (dobU * 6)),
            DateOfBirthAgreement.NearExpectedDate => Math.Log(NearExpectedM / NearExpectedU),
            DateOfBirthAgreement.Different => Math.Log(DobDisagreeM),
            _ => 0,
        };
        weight += w;
        explain?.Add(new(MatchField.DateOfBirth, dob switch
        {
            DateOfBirthAgreement.Same => ComparisonOutcome.Agree,
            DateOfBirthAgreement.Different => ComparisonOutcome.Disagree,
            DateOfBirthAgreement.Missing => ComparisonOutcome.Missing,
            _ => ComparisonOutcome.PartlyAgree,
        }, DateOfBirthComparison.Describe(dob) + (household && dob == DateOfBirthAgreement.Same ? " (counts for little: a brother or sister in the same household could share it)" : ""), w));

        // Sex.
        var sexKnown = q.Query.Sex != PersonSex.NotKnown && p.Record.Sex != PersonSex.NotKnown;
        w = !sexKnown ? 0 : q.Query.Sex == p.Record.Sex ? Math.Log(SexM / SexU) : Math.Log((1 - SexM) / SexU);
        weight += w;
        explain?.Add(!sexKnown ? new(MatchField.Sex, ComparisonOutcome.Missing, "Sex: not known", 0)
            : q.Query.Sex == p.Record.Sex ? new(MatchField.Sex, ComparisonOutcome.Agree, "Sex: agrees", w)
            : new(MatchField.Sex, ComparisonOutcome.Disagree, "Sex: different", w));

        explain?.Add(new(MatchField.Postcode, postcodeOutcome, postcodeText, postcodeWeight));
        explain?.Add(new(MatchField.Address, addressOutcome, addressText, addressWeight));

        // School.
        var school = q.Query.SchoolId;
        w = school is null || p.Record.SchoolId is null ? 0
            : school == p.Record.SchoolId ? Math.Log(SchoolM / (household ? HouseholdSchoolU : Math.Max(p.SchoolCount, 1) / n))
            : Math.Log(SchoolDisagreeM);
        weight += w;
        explain?.Add(school is null || p.Record.SchoolId is null ? new(MatchField.School, ComparisonOutcome.Missing, "School: not given", 0)
            : school == p.Record.SchoolId ? new(MatchField.School, ComparisonOutcome.Agree, "School: agrees", w)
            : new(MatchField.School, ComparisonOutcome.Disagree, "School: different", w));

        return weight;
    }

    private static DateOnly? Day(int dayNumber) => dayNumber < 0 ? null : DateOnly.FromDayNumber(dayNumber);

    private static bool SameStreet(string a, string b)
    {
        // "12 MILL LANE" and "14 MILL LANE": compare what follows the house number.
        var x = a.IndexOf(' ', StringComparison.Ordinal);
        var y = b.IndexOf(' ', StringComparison.Ordinal);
        return x > 0 && y > 0 && a.AsSpan(x).SequenceEqual(b.AsSpan(y));
    }

    internal static (ComparisonOutcome Outcome, string Text, double Discount) CompareFamily(PreparedQuery q, IndexedPerson p, bool explain)
    {
        if (q.FamilyParts.Length == 0 || p.FamilyParts.Length == 0)
        {
            return (ComparisonOutcome.Missing, "Family name: not given", 0);
        }

        if (q.FamilyText == p.FamilyText)
        {
            return (ComparisonOutcome.Agree, "Family name: agrees", 0);
        }

        if (q.FamilyParts.Length + p.FamilyParts.Length > 2 && AnyPair(q.FamilyParts, p.FamilyParts, (a, b) => a.Text == b.Text))
        {
            return (ComparisonOutcome.PartlyAgree, "Family name: one part of a double or hyphenated name agrees", DoubleBarrelledDiscount);
        }

        return CompareNameParts(true, q.FamilyParts, p.FamilyParts, q.FamilyText, p.FamilyText, explain);
    }

    internal static (ComparisonOutcome Outcome, string Text, double Discount) CompareGiven(PreparedQuery q, IndexedPerson p, bool explain)
    {
        if (q.Given is not { } given || p.Given is not { } theirs)
        {
            return (ComparisonOutcome.Missing, "Given name: not given", 0);
        }

        if (given.Text == theirs.Text)
        {
            return (ComparisonOutcome.Agree, "Given name: agrees", 0);
        }

        var result = CompareNameParts(false, [given], [theirs], given.Text, theirs.Text, explain);
        if (result.Outcome == ComparisonOutcome.Disagree
            && (p.OtherNames.Any(o => o.Text == given.Text) || q.OtherNames.Any(o => o.Text == theirs.Text)))
        {
            return (ComparisonOutcome.PartlyAgree, "Given name: matches a middle name (known by their middle name?)", MiddleNameDiscount);
        }

        return result;
    }

    private static (ComparisonOutcome Outcome, string Text, double Discount) CompareNameParts(bool family, NameInfo[] ours, NameInfo[] theirs, string ourText, string theirText, bool explain)
    {
        if (AnyPair(ours, theirs, (a, b) => NameVariants.SharesGroup(a.Groups, b.Groups)))
        {
            return (ComparisonOutcome.PartlyAgree, family ? "Family name: a known spelling variant" : "Given name: a known nickname or spelling variant", VariantDiscount);
        }

        // Short codes (Wen ~ Anaya: both "AN") are shared by too many unrelated names to count alone.
        if (AnyPair(ours, theirs, (a, b) => a.Code.SharesCodeWith(b.Code) && (a.Code.Primary.Length >= 3 || JaroWinkler.Similarity(a.Text, b.Text) >= 0.75)))
        {
            return (ComparisonOutcome.PartlyAgree, family ? "Family name: sounds the same (Double Metaphone)" : "Given name: sounds the same (Double Metaphone)", PhoneticDiscount);
        }

        var similarity = JaroWinkler.Similarity(ourText, theirText);
        foreach (var a in ours)
        {
            foreach (var b in theirs)
            {
                similarity = Math.Max(similarity, JaroWinkler.Similarity(a.Text, b.Text));
            }
        }

        if (similarity >= SimilarNameThreshold)
        {
            return (ComparisonOutcome.PartlyAgree, explain ? $"{(family ? "Family" : "Given")} name: spelt similarly (Jaro-Winkler {similarity:F2})" : "", SimilarDiscount);
        }

        return (ComparisonOutcome.Disagree, family ? "Family name: different" : "Given name: different", 0);
    }

    private static bool AnyPair(NameInfo[] ours, NameInfo[] theirs, Func<NameInfo, NameInfo, bool> test)
    {
        foreach (var a in ours)
        {
            foreach (var b in theirs)
            {
                if (test(a, b))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
