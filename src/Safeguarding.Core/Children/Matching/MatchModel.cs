namespace Safeguarding.Core.Children.Matching;

/// <summary>
/// What the index holds about one person: a projection of <see cref="Person"/>, so the index can be
/// built from a database query as easily as from entities.
/// </summary>
public sealed record MatchRecord(
    Guid Id,
    string GivenName,
    string FamilyName,
    string? OtherNames,
    DateOnly? DateOfBirth,
    DateOnly? ExpectedDateOfBirth,
    PersonSex Sex,
    string? NhsNumber,
    string? AddressLine,
    string? Postcode,
    Guid? SchoolId)
{
    public static MatchRecord From(Person person) => new(
        person.Id, person.GivenName, person.FamilyName, person.OtherNames, person.DateOfBirth,
        person.ExpectedDateOfBirth, person.Sex, person.NhsNumber, person.AddressLine, person.Postcode, person.SchoolId);
}

/// <summary>A referral's details about a person; any subset may be given.</summary>
public sealed record MatchQuery
{
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }
    public string? OtherNames { get; init; }
    public DateOnly? DateOfBirth { get; init; }

    /// <summary>For an unborn or new-born child whose birth is not yet recorded.</summary>
    public DateOnly? ExpectedDateOfBirth { get; init; }
    public PersonSex Sex { get; init; }
    public string? NhsNumber { get; init; }
    public string? AddressLine { get; init; }
    public string? Postcode { get; init; }
    public Guid? SchoolId { get; init; }
}

public enum MatchBand
{
    LowConfidence,
    PossibleMatch,
    Match,
}

/// <summary>Score thresholds for the bands, as the DfE's matcher uses them; configurable per deployment.</summary>
public sealed record MatchBands
{
    /// <summary>At or above this a candidate can be linked without a person checking (automatic match).</summary>
    public double MatchThreshold { get; init; } = 0.95;

    /// <summary>At or above this a MASH worker should look at the candidate.</summary>
    public double PossibleMatchThreshold { get; init; } = 0.60;

    /// <summary>
    /// An automatic match also needs the NHS number or date of birth to agree (at least partly): names and
    /// an address alone cannot tell a father from a son of the same name, so such a candidate stays a possible match.
    /// </summary>
    public bool RequireNhsNumberOrDateOfBirthForMatch { get; init; } = true;

    public MatchBand BandFor(double score) =>
        score >= MatchThreshold ? MatchBand.Match
        : score >= PossibleMatchThreshold ? MatchBand.PossibleMatch
        : MatchBand.LowConfidence;
}

public enum MatchField
{
    NhsNumber,
    FamilyName,
    GivenName,
    DateOfBirth,
    Sex,
    Postcode,
    Address,
    School,
}

public enum ComparisonOutcome
{
    Agree,
    PartlyAgree,
    Disagree,
    Missing,
}

/// <summary>One field's comparison, with its log-likelihood weight and a plain-English reason.</summary>
public sealed record FieldComparison(MatchField Field, ComparisonOutcome Outcome, string Explanation, double Weight);

/// <summary>
/// A ranked candidate: <see cref="Score"/> is a posterior probability (0-1) that it is the same person.
/// <see cref="BandNote"/> says why the band is lower than the score alone would give, if it is.
/// </summary>
public sealed record MatchCandidate(MatchRecord Record, double Score, MatchBand Band, IReadOnlyList<FieldComparison> Comparisons, string? BandNote = null)
{
    public Guid PersonId => Record.Id;

    /// <summary>"Match (0.990): NHS number: agrees; Date of birth: day and month swapped; ..."</summary>
    public string Explain() =>
        $"{Band} ({Score:F3}{(BandNote is null ? "" : ", " + BandNote)}): "
        + string.Join("; ", Comparisons.Where(c => c.Outcome != ComparisonOutcome.Missing).Select(c => c.Explanation));
}
