namespace Safeguarding.Core.Children;

/// <summary>The DfE's ethnicity codes (CIN census and SSDA903, from the census schema) and what they say.</summary>
public static class EthnicityCodes
{
    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["WBRI"] = "White British",
        ["WIRI"] = "White Irish",
        ["WIRT"] = "Traveller of Irish heritage",
        ["WOTH"] = "Any other White background",
        ["WROM"] = "Gypsy/Roma",
        ["MWBC"] = "White and Black Caribbean",
        ["MWBA"] = "White and Black African",
        ["MWAS"] = "White and Asian",
        ["MOTH"] = "Any other mixed background",
        ["AIND"] = "Indian",
        ["APKN"] = "Pakistani",
        ["ABAN"] = "Bangladeshi",
        ["AOTH"] = "Any other Asian background",
        ["BCRB"] = "Caribbean",
        ["BAFR"] = "African",
        ["BOTH"] = "Any other black background",
        ["CHNE"] = "Chinese",
        ["OOTH"] = "Any other ethnic group",
        ["REFU"] = "Refused",
        ["NOBT"] = "Information not yet obtained",
    };

    /// <summary>"Pakistani (APKN)", or "Not known" when no code is recorded.</summary>
    public static string Describe(string? code) =>
        code is null ? "Not known"
        : Descriptions.TryGetValue(code, out var description) ? $"{description} ({code})"
        : code;
}
