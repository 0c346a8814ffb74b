using Safeguarding.Core.Children;

namespace Safeguarding.Core.Returns;

/// <summary>Rules on a child's identifiers (LA child id, UPN, dates of birth and death, sex) and characteristics.</summary>
public static partial class CinCensusRules
{
    /// <summary>Reasons a UPN may be missing that hold for a child of school age (UN1 says the child is not of school age).</summary>
    private static readonly HashSet<string> SchoolAgeUpnReasons = ["UN2", "UN3", "UN4", "UN5", "UN6", "UN7"];

    private static IEnumerable<CinCensusRule> ChildRules() =>
    [
        Child("8500", ["LAchildID"], "The child has no LA child ID.", (_, c) => c.LaChildId.Length == 0),
        new("8510", Identifiers, ["LAchildID"], "Another child in the return has the same LA child ID: each child must appear once, under one ID.",
            r => SharedBy(r, c => c.LaChildId.Length > 0 ? c.LaChildId : null)),
        Child("1570", ["LAchildID"], "The LA child ID is longer than 20 characters.", (_, c) => c.LaChildId.Length > 20),
        Child("1580", ["LAchildID"], "The LA child ID may only contain letters and digits.", (_, c) => !c.LaChildId.All(char.IsAsciiLetterOrDigit)),

        Child("8525", ["PersonBirthDate", "ExpectedPersonBirthDate"], "Give the date of birth or, for an unborn child, the expected date of birth: one of them, not both.",
            (_, c) => (c.Born is null) == (c.ExpectedBirth is null)),
        Child("8520", ["PersonBirthDate"], "The date of birth is after the end of the census year (31 March).", (r, c) => c.Born > r.End),
        Child("8530Q", ["ExpectedPersonBirthDate"], "The expected date of birth is not between early March and December after the census year ends: please check.",
            (r, c) => c.ExpectedBirth is { } due && (due < r.End.AddDays(-30) || due > r.End.AddMonths(9))),
        Child("8535Q", ["PersonDeathDate", "PersonBirthDate"], "The date of death is before the date of birth: please check.", (_, c) => c.Died < c.Born),
        Child("8545Q", ["PersonDeathDate"], "The date of death is outside the census year (1 April to 31 March): please check.", (r, c) => c.Died.Outside(r)),
        Child("8775Q", ["PersonBirthDate", "CINclosureDate"], "The child is over 25 and an episode was still open after their 25th birthday: please check.",
            (r, c) => c.Born is { } born && born < r.End.AddYears(-25) && c.Episodes.Any(e => e.Closed is not { } closed || closed > born.AddYears(25))),
        Child("4180", ["Sex"], "Sex must be given as M (male), F (female) or U (unknown).", (r, c) => c.Sex is null || !Codes(r, "sextype").Contains(c.Sex)),
        Child("8750", ["Sex", "PersonBirthDate", "ExpectedPersonBirthDate"], "An unborn child's sex must be U (unknown).",
            (_, c) => c.Born is null && c.ExpectedBirth is not null && c.Sex != "U"),

        // UPN: a check letter, a three-digit LA code, eight digits and a final digit or letter.
        Child("1510", ["UPN"], "The UPN's first character is not the check letter its other twelve characters give: the UPN has been mistyped.",
            (_, c) => c.Upn is { Length: 13 } upn && UpnFormat.CheckLetter(upn.AsSpan(1)) is { } check && check != upn[0]),
        Child("1530", ["UPN"], "Characters 2 to 4 of the UPN are not a local authority number the DfE recognises.",
            (_, c) => c.Upn is { Length: 13 } upn && !UpnLocalAuthorities.Contains(upn[1..4])),
        Child("1540", ["UPN"], "Characters 5 to 12 of the UPN must all be digits.", (_, c) => c.Upn is { Length: >= 12 } upn && !upn[4..12].All(char.IsAsciiDigit)),
        Child("1550", ["UPN"], "The UPN's last character must be a digit or a capital letter other than I, O and S.",
            (_, c) => c.Upn is { Length: 13 } upn && !(char.IsAsciiDigit(upn[12]) || (char.IsAsciiLetterUpper(upn[12]) && upn[12] is not ('I' or 'O' or 'S')))),
        Child("1560Q", ["FormerUPN"], "The former UPN is not in the UPN format (a letter, eleven digits, then a digit or letter): please check.",
            (_, c) => c.FormerUpn is { } former && !(former.Length == 13 && char.IsAsciiLetter(former[0]) && former[1..12].All(char.IsAsciiDigit) && char.IsAsciiLetterOrDigit(former[12]))),
        new("1520", Identifiers, ["UPN"], "Another child in the return has the same UPN: a UPN belongs to one child.", r => SharedBy(r, c => c.Upn)),
        Child("8770Q", ["UPN", "UPNunknown"], "The child is of school age and is being worked with, but has no UPN and no reason (UN2 to UN7) why not: please add the UPN or the reason.",
            (r, c) => c.Upn is null && !(c.UpnUnknown is { } why && SchoolAgeUpnReasons.Contains(why))
                // School age here: old enough to have started reception during the census year (born by 31 August five years before it ends).
                && c.Born is { } born && born <= new DateOnly(r.CollectionYear - 5, 8, 31)
                && c.Episodes.Any(e => e.FurtherAction())),
        Child("8772", ["UPNunknown", "ReferralNFA"], "The reason for no UPN is UN7 (referral with no further action), but at least one of the child's referrals went on to further action.",
            (_, c) => c.UpnUnknown == "UN7" && c.Episodes.Any(e => e.NoFurtherAction != true)),

        // Characteristics.
        Child("4220", ["Ethnicity"], "The ethnicity is missing or not one of the census's ethnicity codes.",
            (r, c) => c.Ethnicity is null || !Codes(r, "ethnicitytype").Contains(c.Ethnicity), Characteristics),
        PerChild("8540", Disabilities, ["Disability"], "A born child whose referral went on to further action needs a disability recorded (NONE when they have none), using the census's disability codes.",
            (r, c) => c.Born is null || !c.Episodes.Any(e => e.FurtherAction()) ? []
                : c.Disabilities.Count == 0 ? [new CensusCode("", c.IdentifiersLine)]
                : c.Disabilities.Where(d => !Codes(r, "disabilitytype").Contains(d.Code))),
        PerChild("8790", Disabilities, ["Disability"], "NONE is recorded as a disability alongside other disabilities: give NONE alone, or the disabilities alone.",
            (_, c) => c.Disabilities.Any(d => d.Code == "NONE") && c.Disabilities.Any(d => d.Code != "NONE") ? c.Disabilities.Where(d => d.Code != "NONE") : []),
        PerChild("8794", Disabilities, ["Disability"], "The same disability code is recorded twice for the child.",
            (_, c) => c.Disabilities.GroupBy(d => d.Code, StringComparer.Ordinal).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1))),
        Child("8590", ["LAchildID"], "The child has no child in need episode (CINdetails).", (_, c) => c.Episodes.Count == 0),

        // Dates of death against the child's activity.
        PerChild("8555", Details, ["CINreferralDate", "PersonDeathDate"], "The child is shown as referred after their date of death.",
            (_, c) => c.Died is { } died ? c.Episodes.Where(e => e.Referred > died) : []),
        PerChild("4008", CinPlanDates, ["CINPlanStartDate", "PersonDeathDate"], "A CIN plan is shown as starting after the child's date of death.",
            (_, c) => c.Died is { } died ? c.CinPlans.Where(p => p.Plan.Started > died).Select(p => p.Plan) : []),
        PerChild("4009", CinPlanDates, ["CINPlanEndDate", "PersonDeathDate"], "A CIN plan is shown as ending after the child's date of death.",
            (_, c) => c.Died is { } died ? c.CinPlans.Where(p => p.Plan.Ended > died).Select(p => p.Plan) : []),
        PerChild("8915", ProtectionPlans, ["CPPstartDate", "PersonDeathDate"], "A child protection plan is shown as starting after the child's date of death.",
            (_, c) => c.Died is { } died ? c.ProtectionPlans.Where(p => p.Plan.Started > died).Select(p => p.Plan) : []),
        PerChild("8920", ProtectionPlans, ["CPPendDate", "PersonDeathDate"], "A child protection plan is shown as ending after the child's date of death.",
            (_, c) => c.Died is { } died ? c.ProtectionPlans.Where(p => p.Plan.Ended > died).Select(p => p.Plan) : []),
        PerChild("8585Q", Details, ["ReasonForClosure", "PersonDeathDate"], "An episode was closed because the child died (RC2), but the child has no date of death: please add it or explain.",
            (_, c) => c.Died is null ? c.Episodes.Where(e => e.ClosureReason == "RC2") : []),
    ];

    /// <summary>
    /// Local authority numbers the DfE accepts in characters 2 to 4 of a UPN (post-1998 authorities and its pseudo
    /// authorities), as rule 1530 lists them for 2023-24 onwards.
    /// </summary>
    private static readonly HashSet<string> UpnLocalAuthorities = Ranges(
        (1, 5), (201, 213), (301, 320), (330, 336), (340, 344), (350, 359), (370, 373), (380, 384), (390, 394), (420, 420),
        (660, 681), (701, 708), (800, 803), (805, 808), (810, 813), (815, 816), (820, 823), (825, 826), (830, 831), (835, 841),
        (845, 846), (850, 852), (855, 857), (860, 861), (865, 896), (908, 909), (916, 916), (919, 919), (921, 921), (925, 926),
        (928, 929), (931, 931), (933, 933), (935, 938), (940, 943));

    /// <summary>Each child whose identifier (when it has one) another child in the return also has.</summary>
    private static IEnumerable<CinCensusHit> SharedBy(CinCensusReturn r, Func<CensusChild, string?> identifier) =>
        r.Children.Where(c => identifier(c) is not null).GroupBy(c => identifier(c)!, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .SelectMany(g => g).Select(c => new CinCensusHit(c.LaChildId, Identifiers, c.IdentifiersLine));

    private static HashSet<string> Ranges(params (int From, int To)[] ranges) =>
        ranges.SelectMany(r => Enumerable.Range(r.From, r.To - r.From + 1)).Select(n => n.ToString("000", System.Globalization.CultureInfo.InvariantCulture)).ToHashSet(StringComparer.Ordinal);
}
