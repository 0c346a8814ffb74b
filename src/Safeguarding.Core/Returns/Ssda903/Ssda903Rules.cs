namespace Safeguarding.Core.Returns.Ssda903;

/// <summary>
/// The DfE SSDA903 validation rules this system checks, written in C# from the rules' published descriptions. Most are
/// declarative (a code list, a valid date, a row condition, a pair of a child's consecutive episodes); the rest are
/// plain functions over the return. <see cref="LeftOut"/> lists every catalogue code not checked and why.
/// </summary>
public static partial class Ssda903Rules
{
    private const string Header = "header";
    private const string Episodes = "episodes";
    private const string Reviews = "reviews";
    private const string Uasc = "uasc";
    private const string Oc2 = "oc2";
    private const string Oc3 = "oc3";
    private const string Ad1 = "ad1";
    private const string PlacedAdoption = "placed_adoption";
    private const string PrevPerm = "prev_perm";
    private const string Missing = "missing";
    private const string SocialWorker = "social_worker";

    private static readonly string[] Temporary = ["T0", "T1", "T2", "T3", "T4"];
    private static readonly string[] Continuation = ["P", "L", "T", "U", "B"];
    private static readonly string[] PlacedForAdoption = ["A3", "A4", "A5", "A6"];
    private static readonly string[] Adopted = ["E11", "E12"];
    private static readonly string[] Fostered = ["U1", "U2", "U3", "U4", "U5", "U6"];
    private static readonly string[] Couples = ["MM", "FF", "MF"];
    private static readonly string[] SameSex = ["MM", "FF"];
    private static readonly string[] Oc2HealthItems = ["IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"];
    private static readonly string[] Oc2Items = ["CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"];
    private static readonly string[] Oc3Items = ["IN_TOUCH", "ACTIV", "ACCOM"];
    private static readonly string[] Ad1Items = ["DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"];
    private static readonly DateOnly FreeingOrdersEnded = new(2005, 12, 30);

    /// <summary>Rules the DfE's messages describe as unusual rather than impossible ("appears", "in most circumstances"): reported as queries.</summary>
    public static readonly IReadOnlySet<string> Queries = new HashSet<string>(StringComparer.Ordinal) { "355", "582" };

    private static IReadOnlyList<Ssda903Rule>? all;

    /// <summary>Every rule implemented, in catalogue order.</summary>
    public static IReadOnlyList<Ssda903Rule> All => all ??= Build().Select(r => Queries.Contains(r.Code) ? r with { Severity = Ssda903Severity.Query } : r).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();

    internal static string FallbackMessage(string code) => $"SSDA903 rule {code}.";

    private static IEnumerable<Ssda903Rule> Build() =>
        [.. HeaderRules(), .. EpisodeRules(), .. ReviewRules(), .. MissingRules(), .. UascRules(), .. Oc2Rules(), .. Oc3Rules(), .. AdoptionRules(), .. PrevPermRules(), .. SocialWorkerRules(), .. IntegrityRules()];

    // ---- Builders ----------------------------------------------------------------------------------------------

    /// <summary>A rule that fails each row of a table for which the condition holds.</summary>
    private static Ssda903Rule Row(string code, string table, string[] fields, Func<Ssda903Data, Ssda903Row, bool> fails) =>
        new(code, Ssda903Severity.Error, table, fields, d => d.Rows(table).Where(r => fails(d, r)).Select(r => new Ssda903Hit(table, r.Index)));

    /// <summary>The field must hold one of the year's codes; a blank fails too when <paramref name="required"/>.</summary>
    private static Ssda903Rule Code(string code, string table, string field, bool required = false) =>
        Row(code, table, [field], (d, r) => d.Codes(table, field) is { Count: > 0 } codes && (r.Blank(field) ? required && d.HasTable(table) : !codes.Contains(r[field])));

    /// <summary>The field must hold a dd/mm/yyyy date; a blank fails too when <paramref name="required"/>.</summary>
    private static Ssda903Rule Date(string code, string table, string field, bool required = false) =>
        Row(code, table, [field], (_, r) => r.Blank(field) ? required : r.Date(field) is null);

    /// <summary>A rule over each child's episodes in date order, reporting the episodes it returns.</summary>
    private static Ssda903Rule ChildEpisodes(string code, string[] fields, Func<Ssda903Data, IReadOnlyList<Ssda903Row>, IEnumerable<Ssda903Row>> failing) =>
        new(code, Ssda903Severity.Error, Episodes, fields, d => d.Episodes.Values.SelectMany(e => failing(d, e)).Select(r => new Ssda903Hit(Episodes, r.Index)));

    /// <summary>A rule over each pair of a child's consecutive episodes, reporting the later one.</summary>
    private static Ssda903Rule Consecutive(string code, string[] fields, Func<Ssda903Row, Ssda903Row, bool> fails) =>
        ChildEpisodes(code, fields, (_, e) => e.Zip(e.Skip(1)).Where(p => fails(p.First, p.Second)).Select(p => p.Second));

    /// <summary>A rule over an episode's length in days (to its end, or the year's end when open).</summary>
    private static Ssda903Rule LastsAtMost(string code, string[] fields, Func<Ssda903Row, bool> applies, int days) =>
        Row(code, Episodes, fields, (d, r) => applies(r) && r.Date("DECOM") is { } from && (r.Date("DEC") ?? d.End).DayNumber - from.DayNumber > days);

    /// <summary>The child's age on the row's date must be at least (or under) a number of years for the row's codes.</summary>
    private static Ssda903Rule AgeAt(string code, string table, string[] fields, string dateField, Func<Ssda903Row, bool> applies, Func<int, bool> fails) =>
        Row(code, table, fields, (d, r) => applies(r) && r.Date(dateField) is { } on && d.AgeOn(r.Child, on) is { } age && fails(age));

    private static bool Is(this Ssda903Row row, string column, params string[] codes) => codes.Contains(row[column]);

    private static DateOnly? OwnOrHeaderBirth(Ssda903Data d, Ssda903Row r) => r.Date("DOB") ?? d.Born(r.Child);

    private static bool Within(this DateOnly date, Ssda903Data d) => date >= d.Start && date <= d.End;

    /// <summary>The child's last episode, when it ended the period of care (a reason other than X1) during or before the year's end.</summary>
    private static Ssda903Row? CeasedCare(Ssda903Data d, string child) =>
        d.EpisodesOf(child) is { Count: > 0 } e && e[^1].Has("REC") && e[^1]["REC"] != "X1" && e[^1].Date("DEC") is not null ? e[^1] : null;

    // ---- Header ------------------------------------------------------------------------------------------------

    private static IEnumerable<Ssda903Rule> HeaderRules() =>
    [
        Code("101", Header, "SEX", required: true),
        Date("102", Header, "DOB", required: true),
        Code("103", Header, "ETHNIC", required: true),
        Row("168", Header, ["UPN"], (_, r) => r.Has("UPN") && !ValidUpn(r["UPN"])),
        Date("171", Header, "MC_DOB"),
        Row("174", Header, ["MC_DOB", "SEX"], (_, r) => r.Has("MC_DOB") && r.Is("SEX", "M", "1")),
        Row("301", Header, ["DOB"], (d, r) => r.Date("DOB") > d.End),
        Row("351", Header, ["DOB"], (d, r) => r.Date("DOB") is { } born && born.AddYears(25) < d.Start),
        Row("209", Header, ["UPN", "DOB"], (d, r) => r["UPN"] == "UN1" && r.Date("DOB") is { } born && Ssda903Data.Age(born, d.Start) is >= 5 and < 16),
        Row("210", Header, ["UPN", "DECOM"], (d, r) => r["UPN"] == "UN4" && d.EpisodesOf(r.Child).Any(e => e.Date("DECOM") is { } from && d.End.DayNumber - from.DayNumber > 7 && (e.Date("DEC") is not { } to || to > d.End))),
        Row("442", Header, ["UPN"], (d, r) => r.Blank("UPN") && d.EpisodesOf(r.Child).Count > 0),
        Row("611", Header, ["MOTHER", "MC_DOB"], (_, r) => r["MOTHER"] == "1" && r.Blank("MC_DOB")),
        Row("612", Header, ["MOTHER", "MC_DOB", "SEX"], (_, r) => r.Has("MC_DOB") && r["MOTHER"] != "1" && r.Is("SEX", "F", "2")),
        Row("620", Header, ["MOTHER", "DOB"], (d, r) => r["MOTHER"] == "1" && r.Date("DOB") is { } born && Ssda903Data.Age(born, d.Start) < 11),
        Row("621", Header, ["DOB", "MC_DOB"], (_, r) => r.Date("MC_DOB") is { } baby && r.Date("DOB") is { } born && baby < born),
        Row("628", Header, ["MOTHER"], (d, r) => r.Has("MOTHER") && d.HasTable(Episodes) && d.Rows(Oc3, r.Child).Any() && d.EpisodesOf(r.Child).Count == 0),
        Row("625", Header, ["MC_DOB", "DEC"], (d, r) => r.Date("MC_DOB") is { } baby && (baby > d.End || (CeasedCare(d, r.Child) is { } last && last.Date("DEC") < baby))),
    ];

    /// <summary>A UPN: a letter other than I, O or S, then 12 digits or 11 digits and a letter; or UN1 to UN5 when unknown.</summary>
    private static bool ValidUpn(string upn)
    {
        if (upn is "UN1" or "UN2" or "UN3" or "UN4" or "UN5")
        {
            return true;
        }

        return upn.Length == 13 && char.IsAsciiLetterUpper(upn[0]) && upn[0] is not ('I' or 'O' or 'S')
            && upn[1..12].All(char.IsAsciiDigit) && (char.IsAsciiDigit(upn[12]) || char.IsAsciiLetterUpper(upn[12]));
    }

    // ---- Episodes ----------------------------------------------------------------------------------------------

    private static IEnumerable<Ssda903Rule> EpisodeRules() =>
    [
        Date("141", Episodes, "DECOM", required: true),
        Code("143", Episodes, "RNE", required: true),
        Code("144", Episodes, "LS", required: true),
        Code("145", Episodes, "CIN", required: true),
        Code("146", Episodes, "PLACE", required: true),
        Date("147", Episodes, "DEC"),
        Row("148", Episodes, ["DEC", "REC"], (_, r) => r.Blank("DEC") != r.Blank("REC")),
        Code("149", Episodes, "REC"),
        Code("1009", Episodes, "REASON_PLACE_CHANGE"),
        Code("178", Episodes, "PLACE_PROVIDER"),
        ChildEpisodes("142", ["DEC", "REC"], (_, e) => e.Take(e.Count - 1).Where(r => r.Blank("DEC"))),
        Row("302", Episodes, ["DECOM", "DOB"], (d, r) => r.Date("DECOM") is { } from && d.Born(r.Child) is { } born && from < born),
        AgeAt("352", Episodes, ["DECOM", "RNE"], "DECOM", r => r["RNE"] == "S", age => age >= 18),
        Row("353", Episodes, ["DECOM"], (_, r) => r.Date("DECOM") < new DateOnly(1991, 10, 14)),
        Row("354", Episodes, ["DECOM"], (d, r) => r.Date("DECOM") > d.End),
        Row("385", Episodes, ["DEC"], (d, r) => r.Date("DEC") > d.End),
        Row("355", Episodes, ["DECOM", "DEC"], (_, r) => r.Date("DECOM") is { } from && r.Date("DEC") == from),
        Row("356", Episodes, ["DECOM", "DEC"], (_, r) => r.Date("DECOM") is { } from && r.Date("DEC") < from),
        ChildEpisodes("357", ["RNE"], (d, e) => e.Take(1).Where(r => r.Date("DECOM") is { } from && from >= d.Start && r["RNE"] != "S")),
        AgeAt("358", Episodes, ["LS", "DECOM", "DOB"], "DECOM", r => r.Is("LS", "J1", "J2", "J3"), age => age < 10),
        LastsAtMost("361", ["LS", "DECOM", "DEC"], r => r["LS"] == "L1", 3),
        LastsAtMost("362", ["LS", "DECOM", "DEC"], r => r["LS"] == "L2", 21),
        LastsAtMost("363", ["LS", "DECOM", "DEC"], r => r["LS"] == "L3", 7),
        LastsAtMost("365", ["LS", "DECOM", "DEC"], r => r["LS"] == "V3", 17),
        Row("366", Episodes, ["LS", "RNE"], (_, r) => r["LS"] == "V3" && r["RNE"] == "P"),
        AgeAt("371", Episodes, ["DECOM", "PLACE"], "DECOM", r => r.Is("PLACE", "K3", "H5"), age => age < 16),
        AgeAt("372", Episodes, ["DECOM", "PLACE"], "DECOM", r => r["PLACE"] == "R5", age => age < 10),
        AgeAt("373", Episodes, ["DECOM", "PLACE"], "DECOM", r => r["PLACE"] == "S1", age => age < 4),
        AgeAt("374", Episodes, ["DECOM", "PLACE"], "DECOM", r => r["PLACE"] == "P3", age => age < 14),
        Row("375", Episodes, ["DECOM", "DEC", "PLACE"], (_, r) => r["PLACE"] == "T1" && r.Date("DECOM") is { } from && r.Date("DEC") is { } to && to.DayNumber - from.DayNumber > 42),
        Row("376", Episodes, ["DECOM", "DEC", "PLACE"], (_, r) => r["PLACE"] == "T3" && r.Date("DECOM") is { } from && r.Date("DEC") is { } to && to.DayNumber - from.DayNumber > 21),
        Row("379", Episodes, ["DECOM", "DEC", "PLACE"], (_, r) => r["PLACE"] == "T4" && r.Date("DECOM") is { } from && r.Date("DEC") is { } to && to.DayNumber - from.DayNumber > 7),
        ChildEpisodes("377", ["PLACE"], (d, e) => e.Where(r => r["PLACE"] == "T3" && r.Date("DECOM") is { } from && from.Within(d)).Skip(2)),
        Row("378", Episodes, ["LS", "PLACE"], (_, r) => r["PLACE"] == "P1" && r["LS"] == "V2"),
        Row("380", Episodes, ["PLACE", "RNE"], (_, r) => r.Is("PLACE", Temporary) && r.Has("RNE") && !r.Is("RNE", "P", "B")),
        Row("381", Episodes, ["PLACE", "REC"], (_, r) => r.Is("PLACE", Temporary) && r.Has("REC") && r["REC"] != "X1"),
        Row("382", Episodes, ["LS", "PLACE"], (_, r) => r.Is("LS", "V3", "V4") && r.Is("PLACE", Temporary)),
        ChildEpisodes("383", ["PLACE"], (_, e) => Enumerable.Range(1, Math.Max(0, e.Count - 2))
            .Where(i => e[i].Is("PLACE", Temporary) && !e[i - 1].Is("PLACE", Temporary) && !e[i + 1].Is("PLACE", Temporary) && e[i + 1].Has("PLACE")
                && (e[i + 1]["PLACE"] != e[i - 1]["PLACE"] || e[i + 1]["PL_POST"] != e[i - 1]["PL_POST"] || e[i + 1]["URN"] != e[i - 1]["URN"]))
            .Select(i => e[i])),
        Row("384", Episodes, ["LS", "PLACE"], (_, r) => r.Is("LS", "V3", "V4") && r.Is("PLACE", "U1", "U4")),
        AgeAt("386", Episodes, ["REC", "DEC"], "DEC", r => r.Is("REC", Adopted), age => age >= 18),
        AgeAt("387", Episodes, ["REC", "DEC"], "DEC", r => r.Is("REC", "E5", "E6"), age => age < 14),
        AgeAt("389", Episodes, ["REC", "DEC"], "DEC", r => r["REC"] == "E7", age => age < 16),
        AgeAt("407", Episodes, ["REC", "DEC", "DOB"], "DEC", r => r.Is("REC", "E45", "E46", "E47", "E48"), age => age >= 18),
        AgeAt("460", Episodes, ["REC", "DEC"], "DEC", r => r["REC"] == "E17", age => age < 18),
        ChildEpisodes("388", ["REC"], (d, e) => e.Where((r, i) => r["REC"] == "X1" && (i == e.Count - 1 ? r.Date("DEC") is { } to && to < d.End : e[i + 1].Date("DECOM") != r.Date("DEC")))),
        Row("390", Episodes, ["REC", "PLACE"], (_, r) => r.Is("REC", Adopted) && r.Has("PLACE") && !r.Is("PLACE", PlacedForAdoption)),
        Row("516", Episodes, ["REC", "PLACE"], (_, r) => r.Is("REC", "E45", "E46") && r.Has("PLACE") && !r.Is("PLACE", Fostered)),
        Row("408", Episodes, ["PLACE", "LS"], (_, r) => r.Is("PLACE", "A5", "A6") && r.Has("LS") && !r.Is("LS", "E1", "D1")),
        ChildEpisodes("437", ["REC"], (_, e) => e.Take(e.Count - 1).Where(r => r.Is("REC", "E2", "E15"))),
        Consecutive("431", ["RNE", "DECOM"], (before, r) => r["RNE"] == "S" && r.Date("DECOM") is { } from && before.Date("DEC") == from),
        Consecutive("432", ["RNE"], (before, r) => before.Has("REC") && before["REC"] != "X1" && r.Is("RNE", Continuation)),
        Consecutive("433", ["RNE", "DECOM"], (before, r) => r.Is("RNE", Continuation) && (before.Date("DEC") is not { } to || r.Date("DECOM") != to)),
        Consecutive("434", ["RNE", "LS", "PLACE", "PLACE_PROVIDER", "PL_POST", "URN"], (before, r) => r["RNE"] == "L" && (r["LS"] == before["LS"] || !SamePlacement(before, r))),
        Consecutive("435", ["RNE", "LS", "PLACE", "PLACE_PROVIDER", "PL_POST", "URN"], (before, r) => r.Is("RNE", "P", "T") && (r["LS"] != before["LS"] || SamePlacement(before, r))),
        Consecutive("436", ["RNE", "LS", "PLACE", "PLACE_PROVIDER", "PL_POST", "URN"], (before, r) => r.Is("RNE", "B", "U") && (r["LS"] == before["LS"] || SamePlacement(before, r))),
        Consecutive("501", ["DECOM", "DEC"], (before, r) => r.Date("DECOM") is { } from && before.Date("DEC") is { } to && from < to),
        Consecutive("504", ["CIN"], (before, r) => before["REC"] == "X1" && before.Date("DEC") is { } to && r.Date("DECOM") == to && r["CIN"] != before["CIN"]),
        Row("445", Episodes, ["LS", "DECOM"], (_, r) => r["LS"] == "D1" && r.Date("DECOM") > FreeingOrdersEnded),
        Row("446", Episodes, ["LS", "DECOM"], (_, r) => r["LS"] == "E1" && r.Date("DECOM") < FreeingOrdersEnded),
        Row("217", Episodes, ["PLACE", "RNE", "DECOM"], (d, r) => r.Is("PLACE", "A3", "A5") && r.Date("DECOM") is { } from && from.Within(d) && r.Has("RNE") && !r.Is("RNE", "S", "T", "U")),
        ChildEpisodes("225", ["REASON_PLACE_CHANGE"], (_, e) => e.Zip(e.Skip(1))
            .Where(p => p.First["REC"] == "X1" && p.First.Blank("REASON_PLACE_CHANGE") && !p.First.Is("PLACE", Temporary) && p.Second.Is("RNE", "P", "B", "T", "U") && !p.Second.Is("PLACE", Temporary))
            .Select(p => p.First)),
        ChildEpisodes("226", ["REASON_PLACE_CHANGE", "PLACE"], (_, e) => e.Where((r, i) => r.Is("PLACE", Temporary) && (r.Has("REASON_PLACE_CHANGE") || (i > 0 && e[i - 1].Has("REASON_PLACE_CHANGE"))))),
        Row("213", Episodes, ["PLACE_PROVIDER"], (_, r) => r.Is("PLACE", Temporary) && r.Has("PLACE_PROVIDER")),
        Row("526", Episodes, ["PLACE", "PLACE_PROVIDER"], (_, r) => r.Has("PLACE") && !r.Is("PLACE", Temporary) && !r["PLACE"].StartsWith("Z1", StringComparison.Ordinal) && r.Blank("PLACE_PROVIDER")),
        Row("527", Episodes, ["PLACE", "PLACE_PROVIDER"], (_, r) => r["PLACE_PROVIDER"] == "PR1" && r.Is("PLACE", "P1", "R2", "R5")),
        Row("528", Episodes, ["PLACE", "PLACE_PROVIDER"], (_, r) => r["PLACE_PROVIDER"] == "PR2" && r.Is("PLACE", "P1", "R2", "R5")),
        Row("529", Episodes, ["PLACE", "PLACE_PROVIDER"], (_, r) => r["PLACE_PROVIDER"] == "PR3" && r.Is("PLACE", ["P1", .. PlacedForAdoption, "K1", "K2", .. Fostered])),
        Row("530", Episodes, ["PLACE", "PLACE_PROVIDER"], (_, r) => r["PLACE_PROVIDER"] == "PR4" && r["PLACE"] == "P1"),
        Row("531", Episodes, ["PLACE", "PLACE_PROVIDER"], (_, r) => r["PLACE_PROVIDER"] == "PR5" && r["PLACE"] == "P1"),
        Row("550", Episodes, ["PLACE", "PLACE_PROVIDER"], (_, r) => r["PLACE_PROVIDER"] == "PR0" && r.Has("PLACE") && r["PLACE"] != "P1"),
        ChildEpisodes("199", ["CHILD"], (_, e) => e.SkipWhile(r => !r.Is("REC", Adopted)).Skip(1)),
        Row("398", Episodes, ["LS", "HOME_POST", "PL_POST"], (_, r) => r.Is("LS", "V3", "V4") && (r.Has("HOME_POST") || r.Has("PL_POST"))),
        Row("392d", Episodes, ["HOME_POST", "PL_POST", "PLACE"], (_, r) => r.Has("HOME_POST") && r["HOME_POST"].Replace(" ", "", StringComparison.Ordinal) == r["PL_POST"].Replace(" ", "", StringComparison.Ordinal) && r.Has("PLACE") && r["PLACE"] != "P1"),
        Consecutive("336", ["PLACE"], (before, r) => r.Is("PLACE", "A3", "A5") && before.Has("PLACE") && !before.Is("PLACE", [.. Fostered, "A3", "A5"])),
        Row("426", Episodes, ["LS"], (d, r) => r["LS"] == "V3" && d.EpisodesOf(r.Child).Any(e => e["LS"] == "V4")),
    ];

    private static bool SamePlacement(Ssda903Row a, Ssda903Row b) =>
        a["PLACE"] == b["PLACE"] && a["PLACE_PROVIDER"] == b["PLACE_PROVIDER"] && a["PL_POST"] == b["PL_POST"] && a["URN"] == b["URN"];

    // ---- Reviews -----------------------------------------------------------------------------------------------

    private static IEnumerable<Ssda903Rule> ReviewRules() =>
    [
        Date("166", Reviews, "REVIEW", required: true),
        Code("167", Reviews, "REVIEW_CODE", required: true),
        Row("440", Reviews, ["DOB", "REVIEW", "REVIEW_CODE"], (d, r) => r["REVIEW_CODE"] == "PN0" && r.Date("REVIEW") is { } on && OwnOrHeaderBirth(d, r) is { } born && Ssda903Data.Age(born, on) >= 4),
        Row("441", Reviews, ["DOB", "REVIEW", "REVIEW_CODE"], (d, r) => r.Has("REVIEW_CODE") && r["REVIEW_CODE"] != "PN0" && r.Date("REVIEW") is { } on && OwnOrHeaderBirth(d, r) is { } born && Ssda903Data.Age(born, on) < 4),
        Row("399", Reviews, ["LS", "REVIEW", "REVIEW_CODE"], (d, r) => ShortBreaksOnly(d, r.Child)),
    ];

    /// <summary>Every one of the child's episodes is a short break (legal status V3 or V4).</summary>
    private static bool ShortBreaksOnly(Ssda903Data d, string child) => d.EpisodesOf(child) is { Count: > 0 } e && e.All(r => r.Is("LS", "V3", "V4"));

    // ---- Missing -----------------------------------------------------------------------------------------------

    private static IEnumerable<Ssda903Rule> MissingRules() =>
    [
        Date("1004", Missing, "MIS_START"),
        Date("1005", Missing, "MIS_END"),
        Code("1006", Missing, "MISSING"),
        Row("564", Missing, ["MISSING", "MIS_START"], (_, r) => r.Has("MISSING") && r.Blank("MIS_START")),
        Row("565", Missing, ["MISSING", "MIS_START"], (_, r) => r.Has("MIS_START") && r.Blank("MISSING")),
        Row("566", Missing, ["MISSING", "MIS_END"], (_, r) => r.Has("MIS_END") && r.Blank("MISSING")),
        Row("567", Missing, ["MIS_START", "MIS_END"], (_, r) => r.Date("MIS_START") is { } from && r.Date("MIS_END") < from),
        Row("570", Missing, ["MIS_START"], (d, r) => r.Date("MIS_START") > d.End),
        Row("571", Missing, ["MIS_END"], (d, r) => r.Date("MIS_END") is { } to && !to.Within(d)),
        Row("586", Missing, ["MIS_START"], (d, r) => r.Date("MIS_START") is { } from && OwnOrHeaderBirth(d, r) is { } born && from < born),
        new("574", Ssda903Severity.Error, Missing, ["MIS_START", "MIS_END"], d => d.Rows(Missing).Where(r => r.Date("MIS_START") is not null).GroupBy(r => r.Child, StringComparer.Ordinal)
            .SelectMany(g => { var list = g.OrderBy(r => r.Date("MIS_START")).ToList(); return list.Zip(list.Skip(1)).Where(p => p.First.Date("MIS_END") is not { } to || p.Second.Date("MIS_START") < to).Select(p => p.Second); })
            .Select(r => new Ssda903Hit(Missing, r.Index))),
        Row("581", Missing, ["MIS_START"], (d, r) => r.Date("MIS_START") is { } from && d.EpisodesOf(r.Child) is { Count: > 0 } e && e[0].Date("DECOM") is { } first && from < first),
        Row("578", Missing, ["MIS_START"], (d, r) => r.Date("MIS_START") is { } from && CeasedCare(d, r.Child) is { } last && from > last.Date("DEC")),
        Row("577", Missing, ["MIS_END"], (d, r) => r.Blank("MIS_END") && r.Has("MIS_START") && CeasedCare(d, r.Child) is { } last && last.Date("DEC") is { } to && to.Within(d)),
    ];

    // ---- UASC --------------------------------------------------------------------------------------------------

    private static IEnumerable<Ssda903Rule> UascRules() =>
    [
        Date("104", Uasc, "DUC"),
        Row("304", Uasc, ["DUC"], (d, r) => r.Date("DUC") is { } ceased && OwnOrHeaderBirth(d, r) is { } born && ceased > born.AddYears(18)),
    ];

    // ---- OC2: children looked after for 12 months --------------------------------------------------------------

    private static IEnumerable<Ssda903Rule> Oc2Rules() =>
    [
        Row("180", Oc2, ["SDQ_SCORE"], (_, r) => r.Has("SDQ_SCORE") && !(int.TryParse(r["SDQ_SCORE"], out var score) && score is >= 0 and <= 40)),
        Code("196", Oc2, "SDQ_REASON"),
        Row("197a", Oc2, ["SDQ_SCORE", "SDQ_REASON"], (_, r) => r.Has("SDQ_SCORE") && r.Has("SDQ_REASON")),
        new("181", Ssda903Severity.Error, Oc2, Oc2Items, d => d.Rows(Oc2).Select(r => (r, bad: Oc2Items.Where(f => r.Has(f) && !r.Is(f, "0", "1")).ToList()))
            .Where(x => x.bad.Count > 0).Select(x => new Ssda903Hit(Oc2, x.r.Index, x.bad))),
        Row("182", Oc2, Oc2Items, (_, r) => Oc2Items.Any(r.Has) && Oc2HealthItems.Any(r.Blank)),
        Row("158", Oc2, ["INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"], (_, r) => r["INTERVENTION_RECEIVED"] == "1" && r.Has("INTERVENTION_OFFERED")),
        Row("159", Oc2, ["SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"], (_, r) => r["SUBSTANCE_MISUSE"] == "1" && r["INTERVENTION_RECEIVED"] == "0" && r.Blank("INTERVENTION_OFFERED")),
        Row("192", Oc2, ["SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED"], (_, r) => r["SUBSTANCE_MISUSE"] == "1" && r.Blank("INTERVENTION_RECEIVED")),
        Row("193", Oc2, ["SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"], (_, r) => r["SUBSTANCE_MISUSE"] != "1" && (r.Has("INTERVENTION_RECEIVED") || r.Has("INTERVENTION_OFFERED"))),
        Row("188", Oc2, ["SDQ_SCORE", "SDQ_REASON"], (d, r) => (r.Has("SDQ_SCORE") || r.Has("SDQ_REASON")) && OwnOrHeaderBirth(d, r) is { } born && Ssda903Data.Age(born, d.End) < 4),
        Row("189", Oc2, ["DOB", "SDQ_SCORE", "SDQ_REASON"], (d, r) => (r.Has("SDQ_SCORE") || r.Has("SDQ_REASON")) && OwnOrHeaderBirth(d, r) is { } born && Ssda903Data.Age(born, d.Start) >= 17),
        Row("542", Oc2, ["CONVICTED"], (d, r) => r.Has("CONVICTED") && OwnOrHeaderBirth(d, r) is { } born && Ssda903Data.Age(born, d.End) < 10),
        Row("546", Oc2, ["DOB", "HEALTH_CHECK"], (d, r) => r.Has("HEALTH_CHECK") && OwnOrHeaderBirth(d, r) is { } born && Ssda903Data.Age(born, d.End) >= 5),
        Row("190", Oc2, Oc2Items, (d, r) => d.HasTable(Episodes) && !LookedAfterFor12Months(d, r.Child) && Oc2Items.Any(r.Has)),
        Row("185", Oc2, ["SDQ_SCORE"], (d, r) => d.HasTable(Episodes) && !LookedAfterFor12Months(d, r.Child) && r.Has("SDQ_SCORE")),
        Row("198", Oc2, ["SDQ_REASON"], (d, r) => d.HasTable(Episodes) && !LookedAfterFor12Months(d, r.Child) && r.Has("SDQ_REASON")),
        Row("191", Oc2, ["CHILD", .. Oc2HealthItems], (d, r) => LookedAfterFor12Months(d, r.Child) && Oc2HealthItems.Any(r.Blank)),
        Row("186", Oc2, ["SDQ_SCORE"], (d, r) => LookedAfterFor12Months(d, r.Child) && r.Blank("SDQ_SCORE") && r.Blank("SDQ_REASON")
            && OwnOrHeaderBirth(d, r) is { } born && Ssda903Data.Age(born, d.Start) >= 4 && Ssda903Data.Age(born, d.End) < 17),
        Row("543", Oc2, ["CONVICTED", "DOB"], (d, r) => LookedAfterFor12Months(d, r.Child) && r.Blank("CONVICTED") && OwnOrHeaderBirth(d, r) is { } born && Ssda903Data.Age(born, d.End) >= 10),
        Row("545", Oc2, ["DOB", "HEALTH_CHECK"], (d, r) => LookedAfterFor12Months(d, r.Child) && r.Blank("HEALTH_CHECK") && OwnOrHeaderBirth(d, r) is { } born && Ssda903Data.Age(born, d.End) < 5),
        Row("157", Oc2, ["DOB", "SDQ_REASON"], (d, r) => r["SDQ_REASON"] == "SDQ1" && OwnOrHeaderBirth(d, r) is { } born && Ssda903Data.Age(born, d.Start) >= 4 && Ssda903Data.Age(born, d.End) <= 16),
        Row("215", Oc2, Oc2Items, (d, r) => Oc2Items.Any(r.Has) && d.Rows(Oc3, r.Child).Any(o => Oc3Items.Any(o.Has))),
        new("187", Ssda903Severity.Error, Ad1, [.. Ad1Items, .. Oc3Items], d => d.Rows(Ad1).Concat(d.Rows(Oc3)).Where(r => LookedAfterFor12Months(d, r.Child)).Select(r => new Ssda903Hit(r.Table.Name, r.Index))),
        Row("544", Oc2, ["CONVICTED", .. Oc2HealthItems], (_, r) => r.Has("CONVICTED") && Oc2HealthItems.Any(r.Blank)),
        Row("547", Oc2, ["HEALTH_CHECK", .. Oc2HealthItems], (_, r) => r.Has("HEALTH_CHECK") && Oc2HealthItems.Any(r.Blank)),
    ];

    /// <summary>
    /// Looked after continuously for at least 12 months at 31 March (the OC2 cohort): the current period of care (from
    /// the last episode with reason S, or the first episode in the return) began on or before 31 March a year earlier,
    /// no episode in it ended the period of care before 31 March, and it is not a series of short breaks (V3, V4).
    /// </summary>
    private static bool LookedAfterFor12Months(Ssda903Data d, string child)
    {
        var episodes = d.EpisodesOf(child);
        if (episodes.Count == 0 || episodes.Any(e => e.Is("LS", "V3", "V4")))
        {
            return false;
        }

        var start = episodes.Count - 1;
        while (start > 0 && !(episodes[start]["RNE"] == "S" && episodes[start].Date("DECOM") <= d.End))
        {
            start--;
        }

        var period = episodes.Skip(start).ToList();
        return period[0].Date("DECOM") is { } began && began <= d.End.AddYears(-1)
            && !period.Any(e => e.Has("REC") && e["REC"] != "X1" && e.Date("DEC") is { } ended && ended <= d.End)
            && !period.Skip(1).Any(e => e["RNE"] == "S" && e.Date("DECOM") <= d.End);
    }

    // ---- OC3: care leavers -------------------------------------------------------------------------------------

    private static IEnumerable<Ssda903Rule> Oc3Rules() =>
    [
        Code("131", Oc3, "IN_TOUCH"),
        Code("132", Oc3, "ACTIV"),
        Code("133", Oc3, "ACCOM"),
        Row("153", Oc3, ["IN_TOUCH", "ACTIV", "ACCOM"], (_, r) => Oc3Items.Count(r.Has) is 1 or 2),
        Row("344", Oc3, ["IN_TOUCH", "ACTIV", "ACCOM"], (_, r) => r.Is("IN_TOUCH", "DIED", "RHOM") && (r.Has("ACTIV") || r.Has("ACCOM"))),
        Row("345", Oc3, ["IN_TOUCH", "ACTIV", "ACCOM"], (_, r) => r["IN_TOUCH"] == "YES" && (r["ACTIV"] == "0" || r["ACCOM"] == "0")),
        Row("391", Oc3, ["DOB", "IN_TOUCH", "ACTIV", "ACCOM"], (d, r) => OwnOrHeaderBirth(d, r) is { } born && (born.AddYears(17) > d.End || born.AddYears(22) <= d.Start)),
        Row("1000", Oc3, Oc3Items, (d, r) => d.EpisodesOf(r.Child).Any(e => e["REC"] == "E2")),
        Row("1011", Oc3, Oc3Items, (d, r) => d.EpisodesOf(r.Child) is { Count: > 0 } e && e[^1]["REC"] == "E3"),
        Row("134", Oc3, ["IN_TOUCH", "ACTIV", "ACCOM"], (d, r) => d.Rows(Ad1, r.Child).Any()),
    ];

    // ---- Adoption: AD1 and placed for adoption -----------------------------------------------------------------

    private static IEnumerable<Ssda903Rule> AdoptionRules() =>
    [
        Date("112", Ad1, "DATE_INT"),
        Date("113", Ad1, "DATE_MATCH"),
        Code("114", Ad1, "FOSTER_CARE"),
        Row("175", Ad1, ["NB_ADOPTR"], (_, r) => r.Has("NB_ADOPTR") && !r.Is("NB_ADOPTR", "1", "2")),
        Code("176", Ad1, "SEX_ADOPTR"),
        Code("177", Ad1, "LS_ADOPTR"),
        Row("151", Ad1, Ad1Items, (_, r) => Ad1Items.Any(r.Has) && Ad1Items.Any(r.Blank)),
        Row("333", Ad1, ["DATE_INT", "DATE_MATCH"], (_, r) => r.Date("DATE_INT") is { } decided && r.Date("DATE_MATCH") < decided),
        Row("511", Ad1, ["NB_ADOPTR", "SEX_ADOPTR"], (_, r) => r["NB_ADOPTR"] == "2" && r.Has("SEX_ADOPTR") && !r.Is("SEX_ADOPTR", Couples)),
        Row("514", Ad1, ["LS_ADOPTR", "SEX_ADOPTR"], (_, r) => r["LS_ADOPTR"] == "L0" && r.Is("SEX_ADOPTR", Couples)),
        Row("517", Ad1, ["LS_ADOPTR", "SEX_ADOPTR"], (_, r) => r["LS_ADOPTR"] == "L3" && r.Has("SEX_ADOPTR") && r["SEX_ADOPTR"] != "MF"),
        Row("518", Ad1, ["LS_ADOPTR", "SEX_ADOPTR"], (_, r) => r["LS_ADOPTR"] == "L4" && r.Has("SEX_ADOPTR") && !r.Is("SEX_ADOPTR", SameSex)),
        Row("519", Ad1, ["LS_ADOPTR", "SEX_ADOPTR"], (_, r) => r["LS_ADOPTR"] == "L2" && r.Is("SEX_ADOPTR", "M1", "F1")),
        Row("520", Ad1, ["LS_ADOPTR", "SEX_ADOPTR"], (_, r) => r["LS_ADOPTR"] == "L11" && r.Is("SEX_ADOPTR", SameSex)),
        Row("524", Ad1, ["LS_ADOPTR", "SEX_ADOPTR"], (_, r) => r["LS_ADOPTR"] == "L12" && r.Has("SEX_ADOPTR") && !r.Is("SEX_ADOPTR", SameSex)),
        Row("582", Ad1, ["DATE_MATCH", "DEC"], (d, r) => r.Date("DATE_MATCH") is { } matched && d.EpisodesOf(r.Child).Any(e => e.Is("REC", Adopted) && e.Date("DEC") == matched)),
        Row("331", Ad1, ["DATE_MATCH", "DECOM", "REC"], (d, r) => r.Date("DATE_MATCH") is { } matched && d.EpisodesOf(r.Child).Any(e => e.Is("REC", Adopted)) && FirstPlacedForAdoption(d, r.Child) is { } placed && matched > placed),
        Row("521", Ad1, ["DATE_INT", "DECOM", "PLACE"], (d, r) => r.Date("DATE_INT") is { } decided && FirstPlacedForAdoption(d, r.Child) is { } placed && decided > placed),
        Row("334", Ad1, ["DATE_INT", "DECOM", "RNE"], (d, r) => r.Date("DATE_INT") is { } decided && LatestStart(d, r.Child) is { } started && decided < started),
        Row("525", Ad1, Ad1Items, (d, r) => d.Rows(PlacedAdoption, r.Child).Any(p => p.Has("DATE_PLACED_CEASED"))),
        Row("602", Ad1, ["CHILD"], (d, r) => d.HasTable(Episodes) && !d.EpisodesOf(r.Child).Any(e => e.Is("REC", Adopted) && e.Date("DEC") is { } to && to.Within(d))),
        Row("601", Episodes, ["REC", .. Ad1Items], (d, r) => r.Is("REC", Adopted) && r.Date("DEC") is { } to && to.Within(d) && !d.Rows(Ad1, r.Child).Any(a => Ad1Items.All(a.Has))),
        Date("115", PlacedAdoption, "DATE_PLACED", required: true),
        Date("116", PlacedAdoption, "DATE_PLACED_CEASED"),
        Row("119", PlacedAdoption, ["DATE_PLACED_CEASED", "REASON_PLACED_CEASED"], (_, r) => r.Blank("DATE_PLACED_CEASED") != r.Blank("REASON_PLACED_CEASED")),
        Code("120", PlacedAdoption, "REASON_PLACED_CEASED"),
        Row("184", PlacedAdoption, ["DATE_PLACED", "DOB"], (d, r) => r.Date("DATE_PLACED") is { } decided && (d.Born(r.Child) ?? r.Date("DOB")) is { } born && decided < born),
        Row("522", PlacedAdoption, ["DATE_PLACED", "DATE_PLACED_CEASED"], (_, r) => r.Date("DATE_PLACED") is { } decided && r.Date("DATE_PLACED_CEASED") < decided),
        Row("563", PlacedAdoption, ["DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"], (_, r) => r.Blank("DATE_PLACED") && (r.Has("DATE_PLACED_CEASED") || r.Has("REASON_PLACED_CEASED"))),
        new("579", Ssda903Severity.Error, PlacedAdoption, ["DATE_PLACED", "DATE_PLACED_CEASED"], d => d.Rows(PlacedAdoption).Where(r => r.Date("DATE_PLACED") is not null).GroupBy(r => r.Child, StringComparer.Ordinal)
            .SelectMany(g => { var list = g.OrderBy(r => r.Date("DATE_PLACED")).ToList(); return list.Zip(list.Skip(1)).Where(p => p.First.Date("DATE_PLACED_CEASED") is not { } ceased || p.Second.Date("DATE_PLACED") < ceased).Select(p => p.Second); })
            .Select(r => new Ssda903Hit(PlacedAdoption, r.Index))),
        Row("523", Ad1, ["DATE_INT", "DATE_PLACED"], (d, r) => r.Date("DATE_INT") is { } decided && d.Rows(PlacedAdoption, r.Child).Select(p => p.Date("DATE_PLACED")).Where(x => x is not null).ToList() is { Count: > 0 } dates && !dates.Contains(decided)),
        Row("554", PlacedAdoption, ["DATE_PLACED", "DECOM", "LS"], (d, r) => FirstDecision(d, r) && FirstWithLegalStatus(d, r.Child, "E1") is { } order && r.Date("DATE_PLACED") > order),
        Row("556", PlacedAdoption, ["DATE_PLACED", "DECOM"], (d, r) => FirstDecision(d, r) && FirstWithLegalStatus(d, r.Child, "D1") is { } order && r.Date("DATE_PLACED") > order),
        Row("1003", PlacedAdoption, ["DATE_PLACED", "DECOM", "RNE"], (d, r) => r.Date("DATE_PLACED") is { } decided && LatestStart(d, r.Child) is { } started && decided < started),
        Row("117", PlacedAdoption, ["DATE_PLACED", "DATE_PLACED_CEASED", "DEC", "REC"], (d, r) => new[] { r.Date("DATE_PLACED"), r.Date("DATE_PLACED_CEASED") }.Any(x => x > d.End || (x is { } decided && CeasedCare(d, r.Child) is { } last && decided > last.Date("DEC")))),
        Row("118", PlacedAdoption, ["DATE_PLACED_CEASED", "DECOM"], (d, r) => r.Date("DATE_PLACED_CEASED") is { } ceased && (ceased < d.Start || (LatestStart(d, r.Child) is { } started && ceased < started))),
        Row("335", Ad1, ["FOSTER_CARE", "PLACE"], (d, r) => d.EpisodesOf(r.Child).LastOrDefault(e => e.Is("REC", Adopted)) is { Table: not null } adopted
            && ((r["FOSTER_CARE"] == "0" && adopted.Is("PLACE", "A3", "A5")) || (r["FOSTER_CARE"] == "1" && adopted.Is("PLACE", "A4", "A6")))),
        Row("558", PlacedAdoption, ["DATE_PLACED_CEASED", "REC"], (d, r) => r.Has("DATE_PLACED_CEASED") && d.EpisodesOf(r.Child).Any(e => e.Is("REC", Adopted))),
        Row("551", Episodes, ["PLACE", "DATE_PLACED"], (d, r) => r.Is("PLACE", PlacedForAdoption) && d.HasTable(PlacedAdoption) && !d.Rows(PlacedAdoption, r.Child).Any(p => p.Has("DATE_PLACED"))),
        Row("553", Episodes, ["LS", "DATE_PLACED"], (d, r) => r["LS"] == "E1" && d.HasTable(PlacedAdoption) && !d.Rows(PlacedAdoption, r.Child).Any(p => p.Has("DATE_PLACED"))),
        Row("555", Episodes, ["LS", "DATE_PLACED"], (d, r) => r["LS"] == "D1" && d.HasTable(PlacedAdoption) && !d.Rows(PlacedAdoption, r.Child).Any(p => p.Has("DATE_PLACED"))),
        Row("552", PlacedAdoption, ["DATE_PLACED", "DECOM"], (d, r) => r.Date("DATE_PLACED") is { } decided && FirstPlacedForAdoption(d, r.Child) is { } placed && decided > placed),
    ];

    /// <summary>The start of the child's first placement for adoption (A3 to A6) in the return.</summary>
    private static DateOnly? FirstPlacedForAdoption(Ssda903Data d, string child) => d.EpisodesOf(child).Where(e => e.Is("PLACE", PlacedForAdoption)).Select(e => e.Date("DECOM")).FirstOrDefault(x => x is not null);

    /// <summary>The row holds the child's earliest decision to place for adoption.</summary>
    private static bool FirstDecision(Ssda903Data d, Ssda903Row r) =>
        r.Date("DATE_PLACED") is { } decided && d.Rows(PlacedAdoption, r.Child).All(p => p.Date("DATE_PLACED") is not { } other || other >= decided);

    /// <summary>The start of the child's first episode under a legal status.</summary>
    private static DateOnly? FirstWithLegalStatus(Ssda903Data d, string child, string legalStatus) => d.EpisodesOf(child).Where(e => e["LS"] == legalStatus).Select(e => e.Date("DECOM")).FirstOrDefault(x => x is not null);

    /// <summary>The start of the child's latest period of care (the last episode with reason S).</summary>
    private static DateOnly? LatestStart(Ssda903Data d, string child) => d.EpisodesOf(child).Where(e => e["RNE"] == "S").Select(e => e.Date("DECOM")).LastOrDefault(x => x is not null);

    // ---- Previous permanence -----------------------------------------------------------------------------------

    private static IEnumerable<Ssda903Rule> PrevPermRules() =>
    [
        Code("631", PrevPerm, "PREV_PERM", required: true),
        Row("635", PrevPerm, ["PREV_PERM", "LA_PERM", "DATE_PERM"], (_, r) => r["PREV_PERM"] == "Z1" && (r.Has("LA_PERM") || r.Has("DATE_PERM"))),
        Row("630", Episodes, ["RNE"], (d, r) => r["RNE"] == "S" && r.Date("DECOM") is { } from && from.Within(d) && !d.Rows(PrevPerm, r.Child).Any()),
        Row("634", PrevPerm, ["PREV_PERM", "LA_PERM", "DATE_PERM", "DECOM"], (d, r) => d.EpisodesOf(r.Child) is { Count: > 0 } e && e.All(x => x.Date("DECOM") < new DateOnly(2016, 4, 1))),
    ];

    // ---- Social worker episodes (from 2025-26) -----------------------------------------------------------------

    private static IEnumerable<Ssda903Rule> SocialWorkerRules() =>
    [
        Row("SW02STG1", SocialWorker, ["SW_ID"], (_, r) => r.Has("SW_ID") && !(r["SW_ID"].StartsWith("SW", StringComparison.Ordinal) || r["SW_ID"].StartsWith("XX", StringComparison.Ordinal))),
        Date("SW04STG1", SocialWorker, "SW_DECOM", required: true),
        Date("SW05STG1", SocialWorker, "SW_DEC"),
        Code("SW13STG1", SocialWorker, "SW_REASON"),
        Row("SW09STG2", SocialWorker, ["SW_DECOM", "SW_DEC"], (_, r) => r.Date("SW_DECOM") is { } from && r.Date("SW_DEC") == from),
        new("SW10STG2", Ssda903Severity.Error, SocialWorker, ["SW_DECOM"], d => SocialWorkerPairs(d).Where(p => p.Before.Date("SW_DEC") is { } to && p.After.Date("SW_DECOM") < to).Select(p => new Ssda903Hit(SocialWorker, p.After.Index))),
        new("SW108STG2", Ssda903Severity.Error, SocialWorker, ["SW_DEC"], d => SocialWorkerPairs(d).Where(p => p.Before.Blank("SW_DEC")).Select(p => new Ssda903Hit(SocialWorker, p.Before.Index))),
    ];

    private static IEnumerable<(Ssda903Row Before, Ssda903Row After)> SocialWorkerPairs(Ssda903Data d) =>
        d.Rows(SocialWorker).Where(r => r.Date("SW_DECOM") is not null).GroupBy(r => r.Child, StringComparer.Ordinal)
            .SelectMany(g => { var list = g.OrderBy(r => r.Date("SW_DECOM")).ToList(); return list.Zip(list.Skip(1)); });

    // ---- Integrity: every child in the header, once, with the same date of birth -------------------------------

    private static IEnumerable<Ssda903Rule> IntegrityRules() =>
    [
        InHeader("INT01", Ad1), InHeader("INT02", PlacedAdoption), InHeader("INT03", Episodes), InHeader("INT04", Missing), InHeader("INT05", Oc2),
        InHeader("INT06", Oc3), InHeader("INT07", PrevPerm), InHeader("INT08", Reviews), InHeader("INT09", Uasc),
        SameAsHeader("INT11", Ad1, "DOB"), SameAsHeader("INT12", PlacedAdoption, "DOB"), SameAsHeader("INT13", Missing, "DOB"), SameAsHeader("INT14", Oc2, "DOB"),
        SameAsHeader("INT15", Oc3, "DOB"), SameAsHeader("INT16", PrevPerm, "DOB"), SameAsHeader("INT17", Reviews, "DOB"), SameAsHeader("INT18", Uasc, "DOB"),
        SameAsHeader("INT21", Uasc, "SEX"),
        Once("INT31", Ad1), Once("INT32", Header), Once("INT33", Oc2), Once("INT34", Oc3), Once("INT35", PrevPerm), Once("INT36", Uasc),
    ];

    private static Ssda903Rule InHeader(string code, string table) =>
        Row(code, table, ["CHILD"], (d, r) => d.HasTable(Header) && !d.Rows(Header, r.Child).Any());

    private static Ssda903Rule SameAsHeader(string code, string table, string field) =>
        Row(code, table, [field], (d, r) => d.Rows(Header, r.Child).FirstOrDefault() is { Table: not null } h && h[field] != r[field]);

    private static Ssda903Rule Once(string code, string table) =>
        new(code, Ssda903Severity.Error, table, ["CHILD"], d => d.Rows(table).GroupBy(r => r.Child, StringComparer.Ordinal).SelectMany(g => g.Skip(1)).Select(r => new Ssda903Hit(table, r.Index)));
}
