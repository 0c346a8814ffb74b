namespace Safeguarding.Core.Returns.Ssda903;

public static partial class Ssda903Rules
{
    /// <summary>Why a rule compares this year with the last: the return holds one year's files, and last year's are not loaded.</summary>
    public const string NeedsLastYear = "needs last year's return (the rule compares with the previous year's files, which validation does not load)";

    /// <summary>Why a rule needs what the DfE derives or holds itself.</summary>
    public const string NeedsDerivedData = "needs data the files do not hold: the DfE derives placement distance, placement LA and location from postcodes, and checks URNs against Ofsted's provider register";

    /// <summary>Why a rule needs the header's UASC flag.</summary>
    public const string NeedsUascFlag = "needs the header's UASC flag, which the 2025-26 file layout does not carry (UASC is its own table)";

    /// <summary>Why a rule's condition is not clear enough to check without false errors.</summary>
    public const string Unclear = "the published description leaves the condition unclear (codes or dates that changed since the catalogue, or cohorts it does not define): left out rather than risk false errors";

    /// <summary>Why a social worker rule is left out.</summary>
    public const string SocialWorkerPeriod = "needs the social worker reporting period and completeness rules of the 2025-26 specification, which the catalogue does not give";

    /// <summary>Why a rule is not a data check.</summary>
    public const string PortalOnly = "a notice from the DfE's portal rather than a check of the data";

    /// <summary>Every published rule (2024-25 catalogue) not implemented, with the reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> LeftOut = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["1001"] = NeedsLastYear,
        ["1002"] = NeedsLastYear,
        ["1010"] = NeedsLastYear,
        ["202"] = NeedsLastYear,
        ["203"] = NeedsLastYear,
        ["204"] = NeedsLastYear,
        ["207"] = NeedsLastYear,
        ["208"] = NeedsLastYear,
        ["452"] = NeedsLastYear,
        ["453"] = NeedsLastYear,
        ["502"] = NeedsLastYear,
        ["503A"] = NeedsLastYear,
        ["503B"] = NeedsLastYear,
        ["503C"] = NeedsLastYear,
        ["503D"] = NeedsLastYear,
        ["503E"] = NeedsLastYear,
        ["503F"] = NeedsLastYear,
        ["503G"] = NeedsLastYear,
        ["503H"] = NeedsLastYear,
        ["503J"] = NeedsLastYear,
        ["559"] = NeedsLastYear,
        ["560"] = NeedsLastYear,
        ["561"] = NeedsLastYear,
        ["562"] = NeedsLastYear,
        ["576"] = NeedsLastYear,
        ["584"] = NeedsLastYear,
        ["624"] = NeedsLastYear,
        ["626"] = NeedsLastYear,
        ["NoE"] = NeedsLastYear,
        ["SW16aSTG2"] = NeedsLastYear,
        ["SW16bSTG2"] = NeedsLastYear,
        ["SW16cSTG2"] = NeedsLastYear,

        ["105"] = NeedsUascFlag,
        ["303"] = NeedsUascFlag,
        ["205A"] = NeedsUascFlag,
        ["205B"] = NeedsUascFlag,
        ["205C"] = NeedsUascFlag,
        ["205D"] = NeedsUascFlag,

        ["164"] = NeedsDerivedData,
        ["169"] = NeedsDerivedData,
        ["179"] = NeedsDerivedData,
        ["392a"] = NeedsDerivedData,
        ["392b"] = NeedsDerivedData,
        ["392c"] = NeedsDerivedData,
        ["406"] = NeedsDerivedData,
        ["411"] = NeedsDerivedData,
        ["420"] = NeedsDerivedData,
        ["1008"] = NeedsDerivedData,
        ["1015"] = NeedsDerivedData,
        ["218"] = NeedsDerivedData,
        ["219"] = NeedsDerivedData,
        ["221"] = NeedsDerivedData,
        ["222"] = NeedsDerivedData,
        ["224"] = NeedsDerivedData,
        ["227"] = NeedsDerivedData,
        ["228"] = NeedsDerivedData,
        ["229"] = NeedsDerivedData,
        ["633"] = NeedsDerivedData,
        ["214"] = NeedsDerivedData,

        ["197B"] = Unclear,

        ["1007"] = Unclear,
        ["1012"] = Unclear,
        ["1014"] = Unclear,
        ["1016"] = Unclear,
        ["3001"] = Unclear,
        ["347"] = Unclear,
        ["359"] = Unclear,
        ["364"] = Unclear,
        ["367"] = Unclear,
        ["165"] = Unclear,
        ["393"] = Unclear,
        ["451"] = Unclear,
        ["557"] = Unclear,
        ["575"] = Unclear,
        ["580"] = Unclear,
        ["583"] = Unclear,
        ["607"] = Unclear,
        ["632"] = Unclear,

        ["SW01STG1"] = SocialWorkerPeriod,
        ["SW03STG1"] = SocialWorkerPeriod,
        ["SW06STG2"] = SocialWorkerPeriod,
        ["SW07STG2"] = SocialWorkerPeriod,
        ["SW11STG2"] = SocialWorkerPeriod,
        ["SW12STG2"] = SocialWorkerPeriod,
        ["SW14STG2"] = SocialWorkerPeriod,
        ["SW15STG2"] = SocialWorkerPeriod,

        ["EPI"] = PortalOnly,
    };
}
