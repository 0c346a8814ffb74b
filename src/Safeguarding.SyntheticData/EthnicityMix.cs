namespace Safeguarding.SyntheticData;

/// <summary>
/// DfE ethnicity codes (CIN census code set) with the share of children in a large, diverse English
/// city, and the name pools that fit each. Shares are rounded and only need to look plausible.
/// </summary>
internal static class EthnicityMix
{
    public static readonly Weighted<string> Children = new(
        ("WBRI", 36.0), ("WIRI", 0.5), ("WIRT", 0.2), ("WOTH", 5.0), ("WROM", 0.6),
        ("MWBC", 4.0), ("MWBA", 1.0), ("MWAS", 1.6), ("MOTH", 2.2),
        ("AIND", 4.5), ("APKN", 19.5), ("ABAN", 4.5), ("AOTH", 2.6),
        ("BCRB", 3.0), ("BAFR", 6.0), ("BOTH", 1.5), ("CHNE", 0.8), ("OOTH", 3.5),
        ("REFU", 0.5), ("NOBT", 1.0));

    /// <summary>Codes a person's own heritage is drawn from when a mixed or unrecorded code needs parents.</summary>
    private static readonly Weighted<string> SingleHeritage = new(
        ("WBRI", 36.0), ("WOTH", 5.0), ("AIND", 4.5), ("APKN", 19.5), ("ABAN", 4.5),
        ("BCRB", 3.0), ("BAFR", 6.0), ("CHNE", 0.8), ("OOTH", 3.5), ("AOTH", 2.6));

    private static readonly Weighted<NamePool> OtherWhite = new(
        (NamePool.Polish, 45), (NamePool.Romanian, 30), (NamePool.Baltic, 12), (NamePool.SouthernEuropean, 13));

    private static readonly Weighted<NamePool> Indian = new((NamePool.Punjabi, 55), (NamePool.Gujarati, 45));

    private static readonly Weighted<NamePool> OtherAsian = new(
        (NamePool.Afghan, 35), (NamePool.Tamil, 20), (NamePool.Nepali, 15), (NamePool.Filipino, 15), (NamePool.Vietnamese, 15));

    private static readonly Weighted<NamePool> African = new(
        (NamePool.WestAfrican, 50), (NamePool.Somali, 30), (NamePool.EastAfrican, 20));

    private static readonly Weighted<NamePool> OtherBlack = new((NamePool.Caribbean, 40), (NamePool.WestAfrican, 60));

    private static readonly Weighted<NamePool> OtherEthnicGroup = new(
        (NamePool.Arab, 55), (NamePool.Kurdish, 25), (NamePool.Iranian, 20));

    /// <summary>
    /// The two heritages a child's parents bring. For single-heritage codes both are the child's own
    /// code; for mixed codes they differ; refused and not-yet-obtained hide an ordinary family.
    /// </summary>
    public static (string MotherCode, string FatherCode) ParentCodes(string childCode, CityRandom random)
    {
        (string, string) Either(string a, string b) => random.Chance(0.5) ? (a, b) : (b, a);
        return childCode switch
        {
            "MWBC" => Either("WBRI", "BCRB"),
            "MWBA" => Either("WBRI", "BAFR"),
            "MWAS" => Either("WBRI", random.Pick(["APKN", "AIND", "CHNE", "ABAN"])),
            "MOTH" => DistinctPair(random),
            "REFU" or "NOBT" => SameTwice(SingleHeritage.Pick(random)),
            _ => (childCode, childCode),
        };
    }

    private static (string, string) SameTwice(string code) => (code, code);

    private static (string, string) DistinctPair(CityRandom random)
    {
        var first = SingleHeritage.Pick(random);
        var second = SingleHeritage.Pick(random);
        while (second == first)
        {
            second = SingleHeritage.Pick(random);
        }

        return (first, second);
    }

    public static NamePool PoolFor(string code, CityRandom random) => code switch
    {
        "WBRI" => NamePool.WhiteBritish,
        "WIRI" => NamePool.Irish,
        "WIRT" => NamePool.IrishTraveller,
        "WOTH" => OtherWhite.Pick(random),
        "WROM" => NamePool.Roma,
        "AIND" => Indian.Pick(random),
        "APKN" => NamePool.Pakistani,
        "ABAN" => NamePool.Bangladeshi,
        "AOTH" => OtherAsian.Pick(random),
        "BCRB" => NamePool.Caribbean,
        "BAFR" => African.Pick(random),
        "BOTH" => OtherBlack.Pick(random),
        "CHNE" => NamePool.Chinese,
        "OOTH" => OtherEthnicGroup.Pick(random),
        _ => NamePool.WhiteBritish,
    };
}
