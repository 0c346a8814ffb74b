using Safeguarding.Core.Access;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Pathway;

/// <summary>
/// A period of care: from the day a child starts to be looked after (SSDA903 reason for new episode
/// "S") to the day they cease (an episode ending with a reason other than X1). Its episodes are the
/// 903 rows; KPIs 6 to 8, 11 and 12 and the rate of children in care are counted from them.
/// </summary>
public sealed class CarePeriod : IPartnershipOwned, IConcurrencyVersioned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid PersonId { get; set; }

    /// <summary>The child in need episode the child came into care from, when there was one.</summary>
    public Guid? CinEpisodeId { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }

    /// <summary>SSDA903 reason episode ceased (REC) of the last episode, e.g. E11 adopted, E4A returned home.</summary>
    public string? EndReason { get; set; }

    /// <summary>Unaccompanied asylum-seeking child (SSDA903 UASC) during this period.</summary>
    public bool IsUnaccompaniedAsylumSeeker { get; set; }

    /// <summary>The date the child stopped being an unaccompanied asylum-seeking child (SSDA903 DUC), if so.</summary>
    public DateOnly? UnaccompaniedCeasedOn { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid? RecordedByUserId { get; set; }

    /// <summary>Where the record came from when it was not recorded here (e.g. "SSDA903 2025-26 import"); null when recorded in the system.</summary>
    public string? Source { get; set; }
    public long Version { get; set; }

    public bool IsOpen => EndDate is null;
}

/// <summary>
/// One SSDA903 episode: a stretch of a care period with the same legal status and placement. A new
/// episode starts whenever either changes (its reason for new episode says which).
/// </summary>
public sealed class CareEpisode : IPartnershipOwned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid CarePeriodId { get; set; }
    public Guid PersonId { get; set; }

    /// <summary>SSDA903 DECOM.</summary>
    public DateOnly StartDate { get; set; }

    /// <summary>SSDA903 RNE: S started, L legal status only, P placement and carer, T both, B placement (same carer), U both (same carer).</summary>
    public required string ReasonNewEpisode { get; set; }

    /// <summary>SSDA903 LS, e.g. C2 interim care order, V2 section 20, E1 placement order.</summary>
    public required string LegalStatus { get; set; }

    /// <summary>SSDA903 CIN: category of need N1 to N8.</summary>
    public required string CategoryOfNeed { get; set; }

    /// <summary>SSDA903 PLACE, e.g. U1 foster placement with a relative, U4 with another foster carer, A3 placed for adoption.</summary>
    public required string PlacementType { get; set; }

    /// <summary>SSDA903 PLACE_PROVIDER, PR0 to PR5.</summary>
    public string? PlacementProvider { get; set; }

    /// <summary>SSDA903 PL_POST: the placement's postcode.</summary>
    public string? PlacementPostcode { get; set; }

    /// <summary>SSDA903 HOME_POST: the child's home postcode when they came into care.</summary>
    public string? HomePostcode { get; set; }

    /// <summary>SSDA903 URN: Ofsted's unique reference number of the placement, when it has one.</summary>
    public string? Urn { get; set; }

    /// <summary>SSDA903 REASON_PLACE_CHANGE, when this episode began with a placement change.</summary>
    public string? ReasonPlaceChange { get; set; }

    /// <summary>SSDA903 DEC.</summary>
    public DateOnly? EndDate { get; set; }

    /// <summary>SSDA903 REC: X1 when the child stays looked after in a new episode, else why care ended.</summary>
    public string? EndReason { get; set; }

    /// <summary>Where the record came from when it was not recorded here; null when recorded in the system.</summary>
    public string? Source { get; set; }
}

/// <summary>A looked-after review (SSDA903 reviews): CW-9 first within 20 working days, CW-10 three months, CW-11 six months.</summary>
public sealed class LookedAfterReview : IPartnershipOwned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid CarePeriodId { get; set; }
    public Guid PersonId { get; set; }
    public DateOnly HeldOn { get; set; }

    /// <summary>SSDA903 REVIEW_CODE: how the child took part, PN0 (under 4) to PN7.</summary>
    public required string Participation { get; set; }
    public string? ReasonLate { get; set; }

    /// <summary>Where the record came from when it was not recorded here; null when recorded in the system.</summary>
    public string? Source { get; set; }
}

public enum MissingKind
{
    /// <summary>SSDA903 "M": missing from placement, whereabouts unknown.</summary>
    Missing,

    /// <summary>SSDA903 "A": away from placement without authorisation, whereabouts known.</summary>
    Away,
}

/// <summary>
/// A missing (or away) episode and its return home interview: offered within 72 hours of the child's
/// return (CW-12). Any child can go missing; a looked-after child's episode belongs to their care period.
/// </summary>
public sealed class MissingEpisode : IPartnershipOwned, IConcurrencyVersioned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid PersonId { get; set; }
    public Guid? CarePeriodId { get; set; }
    public MissingKind Kind { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? ReturnedAt { get; set; }
    public DateTimeOffset? InterviewOfferedAt { get; set; }

    /// <summary>Whether the child accepted the interview they were offered; null until they answer.</summary>
    public bool? InterviewAccepted { get; set; }
    public DateTimeOffset? InterviewCompletedAt { get; set; }

    /// <summary>Where the record came from when it was not recorded here; null when recorded in the system.</summary>
    public string? Source { get; set; }
    public long Version { get; set; }

    public bool IsOngoing => ReturnedAt is null;
}

/// <summary>
/// How a care leaver is doing around a birthday from 17 to 21 (SSDA903 OC3): in touch, activity and
/// accommodation. KPIs 9 and 10 count those aged 19 to 21.
/// </summary>
public sealed class CareLeaverContact : IPartnershipOwned, IConcurrencyVersioned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid PersonId { get; set; }

    /// <summary>The birthday this information is about (17 to 21).</summary>
    public int Age { get; set; }

    /// <summary>The day the birthday fell; kept so a year's figures need no date-of-birth arithmetic.</summary>
    public DateOnly Birthday { get; set; }

    /// <summary>SSDA903 IN_TOUCH: YES, NO, DIED, REFU, NREQ, RHOM.</summary>
    public required string InTouch { get; set; }

    /// <summary>SSDA903 ACTIV: F1/P1 higher education, F2/P2 other education, F4/P4 apprenticeship or training, F5/P5 employment, G4-G6 not in EET, 0 unknown.</summary>
    public required string Activity { get; set; }

    /// <summary>SSDA903 ACCOM: a letter for the type and 1 suitable or 2 not suitable; 0 unknown.</summary>
    public required string Accommodation { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>Where the record came from when it was not recorded here; null when recorded in the system.</summary>
    public string? Source { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// A looked-after child's route to adoption (SSDA903 AD1 and placed for adoption): the decision that
/// they should be placed, the court's authority (placement order), the match, the day they moved in,
/// and the adoption order (the care period ending E11 or E12). A1 and A2 are the intervals between.
/// </summary>
public sealed class AdoptionRecord : IPartnershipOwned, IConcurrencyVersioned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid PersonId { get; set; }
    public Guid CarePeriodId { get; set; }

    /// <summary>SSDA903 DATE_INT / DATE_PLACED in "should be placed": the decision that the child should be placed for adoption.</summary>
    public DateOnly DecisionDate { get; set; }

    /// <summary>The court's authority to place (placement order or consent): A2 runs from here to the match.</summary>
    public DateOnly? PlacementOrderDate { get; set; }

    /// <summary>SSDA903 DATE_MATCH: matched with the adopters.</summary>
    public DateOnly? MatchDate { get; set; }

    /// <summary>The day the child moved in with the adoptive family: A1 runs from entering care to here.</summary>
    public DateOnly? PlacedDate { get; set; }

    /// <summary>SSDA903 FOSTER_CARE: adopted by their foster carers.</summary>
    public bool? AdoptedByFosterCarers { get; set; }

    /// <summary>SSDA903 NB_ADOPTR: one or two adopters.</summary>
    public int? NumberOfAdopters { get; set; }

    /// <summary>SSDA903 SEX_ADOPTR: M1, F1, MM, FF, MF.</summary>
    public string? AdopterSex { get; set; }

    /// <summary>SSDA903 LS_ADOPTR: L0, L11, L12, L2, L3, L4.</summary>
    public string? AdopterLegalStatus { get; set; }

    /// <summary>When the child is no longer to be placed for adoption (SSDA903 DATE_PLACED_CEASED), and why (RD1 to RD4).</summary>
    public DateOnly? CeasedDate { get; set; }
    public string? CeasedReason { get; set; }

    /// <summary>Where the record came from when it was not recorded here; null when recorded in the system.</summary>
    public string? Source { get; set; }
    public long Version { get; set; }
}
