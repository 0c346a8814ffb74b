namespace Safeguarding.Core.FrontDoor;

/// <summary>A CIN census code and the DfE's description of it.</summary>
public sealed record CinCode(string Code, string Description);

/// <summary>
/// The referral source and primary need codes a referral carries in the CIN census, with the
/// descriptions from the DfE schema (CIN_schema_2026.xsd), so the return needs no recoding.
/// </summary>
public static partial class CinCensusCodes
{
    public static readonly IReadOnlyList<CinCode> ReferralSources =
    [
        new("1A", "Individual – family member, relative or carer"),
        new("1B", "Individual – acquaintance (including neighbours and child minders)"),
        new("1C", "Individual – self"),
        new("1D", "Individual – other (including strangers)"),
        new("2A", "Schools"),
        new("2B", "Education services"),
        new("3A", "Health services – general practitioner (GP)"),
        new("3B", "Health services – health visitor"),
        new("3C", "Health services – school nurse"),
        new("3D", "Health services – other primary health services"),
        new("3E", "Health services – A&E (accident and emergency department)"),
        new("3F", "Health services – other (for example hospice)"),
        new("4", "Housing – local authority housing or housing association"),
        new("5A", "LA services – social care, for example adults social care services"),
        new("5B", "LA services – other internal, for example youth offending (excluding housing)"),
        new("5C", "LA services – external, for example another local authority's adults social care services"),
        new("5D", "LA services – early help"),
        new("6", "Police"),
        new("7", "Other legal agency – including courts, probation, immigration, CAFCASS or prison"),
        new("8", "Other – including children's centres, independent agency providers or voluntary organisations"),
        new("9", "Anonymous"),
        new("10", "Unknown"),
    ];

    /// <summary>N0 ("not stated") is left out: a front door decision always states the need.</summary>
    public static readonly IReadOnlyList<CinCode> PrimaryNeeds =
    [
        new("N1", "Abuse, neglect and exploitation"),
        new("N2", "Child's disability"),
        new("N3", "Parental disability or illness"),
        new("N4", "Family in acute stress"),
        new("N5", "Family dysfunction"),
        new("N6", "Socially unacceptable behaviour"),
        new("N7", "Low income"),
        new("N8", "Absent parenting"),
        new("N9", "Cases other than children in need"),
    ];

    public static bool IsReferralSource(string? code) => ReferralSources.Any(c => c.Code == code);

    public static bool IsPrimaryNeed(string? code) => PrimaryNeeds.Any(c => c.Code == code);
}
