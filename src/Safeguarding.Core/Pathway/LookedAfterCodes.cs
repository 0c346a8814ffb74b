namespace Safeguarding.Core.Pathway;

/// <summary>A code from a DfE code set and what it means to the person choosing it.</summary>
public sealed record CodeOption(string Code, string Label);

/// <summary>
/// The SSDA903 code sets the looked-after pages offer, in the 2026-27 specification
/// (../shared/data/ssda903 with its diffs applied). Labels are the DfE's meanings in plain words;
/// where the specification lists a code without a published meaning here, the label says so.
/// </summary>
public static class LookedAfterCodes
{
    /// <summary>Reasons for a new episode (RNE). S starts a care period; the rest continue one.</summary>
    public static readonly IReadOnlyList<CodeOption> ReasonsNewEpisode =
    [
        new("S", "Started to be looked after"),
        new("L", "Change of legal status only"),
        new("P", "Change of placement and carer only"),
        new("T", "Change of both legal status and placement and carer"),
        new("B", "Change of placement, carer stayed the same"),
        new("U", "Change of both legal status and placement, carer stayed the same"),
    ];

    /// <summary>New episodes that change who the child lives with: the placement moves of KPIs 6 and 7.</summary>
    public static readonly IReadOnlySet<string> CarerChanges = new HashSet<string>(["P", "T"], StringComparer.Ordinal);

    public static readonly IReadOnlyList<CodeOption> LegalStatuses =
    [
        new("C1", "Interim care order"),
        new("C2", "Full care order"),
        new("D1", "Freeing order granted"),
        new("E1", "Placement order granted"),
        new("V2", "Single period of accommodation under section 20"),
        new("V3", "Agreed series of short-term breaks (individual episodes recorded)"),
        new("V4", "Agreed series of short-term breaks (agreements recorded)"),
        new("L1", "Under police protection and in local authority accommodation"),
        new("L2", "Emergency protection order"),
        new("L3", "Child assessment order and in local authority accommodation"),
        new("J1", "Remanded to local authority or youth detention accommodation"),
        new("J2", "Placed in local authority accommodation under PACE"),
        new("J3", "Sentenced to a supervision order with a residence requirement"),
    ];

    public static readonly IReadOnlyList<CodeOption> CategoriesOfNeed =
    [
        new("N1", "Abuse or neglect"),
        new("N2", "Child's disability"),
        new("N3", "Parental illness or disability"),
        new("N4", "Family in acute stress"),
        new("N5", "Family dysfunction"),
        new("N6", "Socially unacceptable behaviour"),
        new("N7", "Low income"),
        new("N8", "Absent parenting"),
    ];

    public static readonly IReadOnlyList<CodeOption> PlacementTypes =
    [
        new("U1", "Foster placement with a relative or friend, long term"),
        new("U2", "Foster placement with a relative or friend who is also an approved adopter"),
        new("U3", "Foster placement with a relative or friend, not long term"),
        new("U4", "Foster placement with another carer, long term"),
        new("U5", "Foster placement with another carer who is also an approved adopter"),
        new("U6", "Foster placement with another carer, not long term"),
        new("A3", "Placed for adoption with consent, with current foster carers"),
        new("A4", "Placed for adoption with consent, not with current foster carers"),
        new("A5", "Placed for adoption with a placement order, with current foster carers"),
        new("A6", "Placed for adoption with a placement order, not with current foster carers"),
        new("P1", "Placed with parents or others with parental responsibility"),
        new("P3", "Residential employment"),
        new("K1", "Secure children's home"),
        new("K2", "Children's home"),
        new("K3", "Supported accommodation"),
        new("R1", "Residential care home"),
        new("R2", "NHS or health trust establishment"),
        new("R3", "Family centre or mother and baby unit"),
        new("R5", "Young offender institution or prison"),
        new("S1", "All residential schools, except where dual-registered as a school and children's home"),
        new("T0", "Temporary placement: all types"),
        new("T1", "Temporary: periods in hospital"),
        new("T2", "Temporary: holiday away from usual placement"),
        new("T3", "Temporary: accommodation while the usual carer is unavailable"),
        new("T4", "Temporary: other temporary move"),
        new("Z1", "Other placements"),
        new("Z11", "Other placement (Z11)"),
        new("Z12", "Other placement (Z12)"),
        new("Z13", "Other placement (Z13)"),
        new("Z14", "Other placement (Z14)"),
    ];

    /// <summary>Placement types that mean the child is placed for adoption (KPI 6's "or placed for adoption").</summary>
    public static readonly IReadOnlySet<string> PlacedForAdoption = new HashSet<string>(["A3", "A4", "A5", "A6"], StringComparer.Ordinal);

    public static readonly IReadOnlyList<CodeOption> PlacementProviders =
    [
        new("PR0", "Parent or other person with parental responsibility"),
        new("PR1", "Own provision (by the local authority)"),
        new("PR2", "Other local authority provision"),
        new("PR3", "Other public provision (e.g. a health trust or school)"),
        new("PR4", "Private provision"),
        new("PR5", "Voluntary or third sector provision"),
    ];

    public static readonly IReadOnlyList<CodeOption> ReasonsPlaceChange =
    [
        new("CARPL", "Change to, or implementation of, the care plan"),
        new("CLOSE", "Resignation or closure of the provision"),
        new("ALLEG", "Allegation (section 47 enquiry) against the carer"),
        new("STAND", "Standards of care concern"),
        new("APPRR", "Approval removed"),
        new("CREQB", "Carer requests the placement ends because of the child's behaviour"),
        new("CREQO", "Carer requests the placement ends for other reasons"),
        new("CHILD", "Child requests the placement ends"),
        new("LAREQ", "Responsible or area authority requests the placement ends"),
        new("PLACE", "Change in the status of the placement only"),
        new("CUSTOD", "Custody arrangement"),
        new("OTHER", "Other reason"),
    ];

    /// <summary>Reasons an episode ceased (REC). X1 continues the care period; the others end it.</summary>
    public static readonly IReadOnlyList<CodeOption> EndReasons =
    [
        new("X1", "Episode ceases and a new episode begins"),
        new("E11", "Adopted: application for an adoption order unopposed"),
        new("E12", "Adopted: consent dispensed with by the court"),
        new("E2", "Died"),
        new("E3", "Care taken over by another local authority in the UK"),
        new("E4A", "Returned home to parents or others with parental responsibility, as part of the care plan"),
        new("E4B", "Returned home to parents or others with parental responsibility, not as part of the care plan"),
        new("E13", "Left care to live with parents or relatives without parental responsibility"),
        new("E41", "Residence order or child arrangements order granted"),
        new("E45", "Special guardianship order made to former foster carers"),
        new("E46", "Special guardianship order made to carers other than former foster carers"),
        new("E47", "Child arrangements order made to former foster carers"),
        new("E48", "Child arrangements order made to carers other than former foster carers"),
        new("E5", "Moved into independent living with formal advice and support"),
        new("E6", "Moved into independent living without formal advice and support"),
        new("E7", "Transferred to residential care funded by adult social care"),
        new("E9", "Sentenced to custody"),
        new("E14", "Accommodation on remand ended"),
        new("E15", "Age assessment found the child to be 18 or over"),
        new("E16", "Child moved abroad"),
        new("E17", "Aged 18 or over and stayed with current carers (staying put)"),
        new("E8", "Care ceased for any other reason"),
    ];

    /// <summary>Care ended by an adoption order: KPI 12 counts these, A1 (KPI 11) measures them.</summary>
    public static readonly IReadOnlySet<string> Adopted = new HashSet<string>(["E11", "E12"], StringComparer.Ordinal);

    public static readonly IReadOnlyList<CodeOption> ReviewParticipation =
    [
        new("PN0", "Child aged under 4 at the time of the review"),
        new("PN1", "Child attended and spoke for themselves"),
        new("PN2", "Child attended and an advocate spoke for them"),
        new("PN3", "Child attended and conveyed their views symbolically"),
        new("PN4", "Child attended but did not take part"),
        new("PN5", "Child did not attend but briefed an advocate"),
        new("PN6", "Child did not attend but conveyed their views another way"),
        new("PN7", "Child did not attend or convey their views"),
    ];

    public static readonly IReadOnlyList<CodeOption> InTouch =
    [
        new("YES", "In touch"),
        new("NO", "Not in touch"),
        new("DIED", "Died"),
        new("REFU", "Refused contact"),
        new("NREQ", "No longer needs or wants support"),
        new("RHOM", "Returned home for more than 6 months"),
    ];

    public static readonly IReadOnlyList<CodeOption> Activities =
    [
        new("F1", "Full-time higher education"),
        new("P1", "Part-time higher education"),
        new("F2", "Full-time education other than higher education"),
        new("P2", "Part-time education other than higher education"),
        new("F4", "Full-time apprenticeship or training"),
        new("P4", "Part-time apprenticeship or training"),
        new("F5", "Full-time employment"),
        new("P5", "Part-time employment"),
        new("G4", "Not in education, training or employment: illness or disability"),
        new("G5", "Not in education, training or employment: other reasons"),
        new("G6", "Not in education, training or employment: pregnancy or parenting"),
        new("0", "Information not known"),
    ];

    /// <summary>Activities that are education, employment or training (KPI 9's numerator).</summary>
    public static readonly IReadOnlySet<string> InEducationEmploymentOrTraining = new HashSet<string>(["F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5"], StringComparer.Ordinal);

    /// <summary>Accommodation types; each is recorded with 1 (suitable) or 2 (not suitable) after the letter.</summary>
    public static readonly IReadOnlyList<CodeOption> AccommodationTypes =
    [
        new("B", "With parents or relatives"),
        new("C", "Community home or other residential care"),
        new("D", "Semi-independent, transitional accommodation"),
        new("E", "Supported lodgings"),
        new("G", "Gone abroad"),
        new("H", "Deported"),
        new("K", "Ordinary lodgings, without formal support"),
        new("R", "Residence not known"),
        new("S", "No fixed abode or homeless"),
        new("T", "Foyers and similar supported accommodation"),
        new("U", "Independent living"),
        new("V", "Emergency accommodation"),
        new("W", "Bed and breakfast"),
        new("X", "In custody"),
        new("Y", "Other accommodation"),
        new("Z", "With former foster carers"),
    ];

    /// <summary>Accommodation recorded as suitable (the code's second character is 1): KPI 10's numerator.</summary>
    public static bool IsSuitable(string accommodation) =>
        accommodation is { Length: 2 } && accommodation[1] == '1';

    public static readonly IReadOnlyList<CodeOption> AdopterSexes =
    [
        new("M1", "Single male adopter"),
        new("F1", "Single female adopter"),
        new("MM", "Male couple"),
        new("FF", "Female couple"),
        new("MF", "Male and female couple"),
    ];

    public static readonly IReadOnlyList<CodeOption> AdopterLegalStatuses =
    [
        new("L0", "Single person"),
        new("L11", "Married couple"),
        new("L12", "Civil partners"),
        new("L2", "Unmarried couple"),
        new("L3", "Married or civil partner adopting alone"),
        new("L4", "Unmarried person adopting alone"),
    ];

    public static readonly IReadOnlyList<CodeOption> AdoptionCeasedReasons =
    [
        new("RD1", "The child's needs changed after the decision"),
        new("RD2", "The court did not make a placement order"),
        new("RD3", "Prospective adopters could not be found"),
        new("RD4", "Any other reason"),
    ];

    /// <summary>The label of a code in a set, or the code itself when it is not in the set (e.g. an older year's code).</summary>
    public static string LabelOf(IReadOnlyList<CodeOption> set, string? code)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (code is null)
        {
            return "";
        }

        foreach (var option in set)
        {
            if (option.Code == code)
            {
                return option.Label;
            }
        }

        return code;
    }

    public static bool IsIn(IReadOnlyList<CodeOption> set, string? code)
    {
        ArgumentNullException.ThrowIfNull(set);
        return code is not null && set.Any(o => o.Code == code);
    }
}
