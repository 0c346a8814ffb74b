namespace Safeguarding.Core.Returns;

/// <summary>Every CIN census rule code we know of, and those not checked with the reason why.</summary>
public static partial class CinCensusRules
{
    /// <summary>
    /// The rule codes known for the 2025-26 census: the rules of the open-source CIN validator used by local authorities
    /// (data-to-insight's csc-validator-be-cin, its 2022-23 rule set with the 2024-25 changes, which 2025-26 carries
    /// forward unchanged; see Returns/Schemas/SOURCE.md). The DfE's own 2025-26 rules spreadsheet could not be read here.
    /// </summary>
    public static readonly IReadOnlyList<string> Known =
    [
        "100", "1103", "1104", "1105", "1510", "1520", "1530", "1540", "1550", "1560Q", "1570", "1580",
        "2883", "2884", "2885", "2886Q", "2887Q", "2888Q", "2889", "2990", "2991Q",
        "4000", "4001", "4003", "4004", "4008", "4009", "4010", "4011", "4012Q", "4013", "4014", "4015", "4016", "4017", "4180", "4220",
        "8500", "8510", "8520", "8525", "8530Q", "8535Q", "8540", "8545Q", "8555", "8565", "8568", "8569", "8585Q", "8590",
        "8600", "8606", "8608", "8610", "8614", "8615", "8617", "8620", "8630", "8640", "8650", "8670Q", "8675Q", "8696",
        "8715", "8720", "8730", "8736", "8740", "8750", "8770Q", "8772", "8775Q", "8790", "8794",
        "8805", "8810", "8815", "8816", "8820", "8825Q", "8831", "8832", "8839", "8840", "8841", "8842Q",
        "8863", "8866", "8867", "8868", "8869", "8870Q", "8873", "8875", "8890", "8896", "8897", "8898", "8899Q",
        "8905", "8910", "8915", "8920", "8925", "8930", "8935", "8940", "8945Q", "8950Q",
        "4009Q", "8525Q", "8555Q", "8569Q", "8863Q",
    ];

    /// <summary>Known codes not checked, and why.</summary>
    public static readonly IReadOnlyList<(string Code, string Reason)> LeftOut =
    [
        ("4009Q", VariantOnly),
        ("8525Q", VariantOnly),
        ("8555Q", VariantOnly),
        ("8569Q", VariantOnly),
        ("8863Q", VariantOnly),
    ];

    private const string VariantOnly = "A query version of an error rule of the same number, found only as a draft in the open-source validator; "
        + "not confirmed as a 2025-26 DfE rule, so not checked rather than risk reporting the same problem twice.";
}
