using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Safeguarding.Core.Returns;

/// <summary>Something in the census file the rules can point at: the line its element starts on.</summary>
public interface ICensusElement
{
    int Line { get; }
}

/// <summary>
/// A CIN census file read into the shape the validation rules ask questions of: the header, then each child with
/// their identifiers, characteristics and child in need episodes (CINdetails), each episode with its assessments, CIN
/// plans, section 47 enquiries and child protection plans. Dates are parsed; each part keeps the line it starts on so
/// an issue can say where it is. The reader is forgiving (a missing or unreadable value is null): the schema check, not
/// the reader, is what rejects a malformed file.
/// </summary>
public sealed class CinCensusReturn
{
    private CinCensusReturn(int collectionYear, DateOnly? referenceDate, int headerLine, int childrenLine, IReadOnlyList<CensusChild> children)
    {
        CollectionYear = collectionYear;
        (Start, End) = global::Safeguarding.Core.Returns.CollectionYear.Of(collectionYear);
        ReferenceDate = referenceDate;
        HeaderLine = headerLine;
        ChildrenLine = childrenLine;
        Children = children;
    }

    /// <summary>The collection year, named by the year it ends in (2026 is 2025-26).</summary>
    public int CollectionYear { get; }

    /// <summary>1 April at the start of the census year.</summary>
    public DateOnly Start { get; }

    /// <summary>31 March at its end: the reference date the file should carry.</summary>
    public DateOnly End { get; }

    /// <summary>The reference date the file's header gives, if any.</summary>
    public DateOnly? ReferenceDate { get; }

    public int HeaderLine { get; }

    /// <summary>The line of the Children element, where issues about the whole return are reported.</summary>
    public int ChildrenLine { get; }

    public IReadOnlyList<CensusChild> Children { get; }

    public static CinCensusReturn Read(XDocument document, int collectionYear)
    {
        ArgumentNullException.ThrowIfNull(document);
        var root = document.Root;
        var header = root?.Element("Header");
        var children = root?.Element("Children");
        return new CinCensusReturn(
            collectionYear,
            Date(header?.Element("CollectionDetails")?.Element("ReferenceDate")),
            LineOf(header),
            LineOf(children),
            children?.Elements("Child").Select(Child).ToList() ?? []);
    }

    private static CensusChild Child(XElement child)
    {
        var ids = child.Element("ChildIdentifiers");
        var characteristics = child.Element("ChildCharacteristics");
        return new CensusChild(
            LineOf(child),
            LineOf(ids),
            Text(ids?.Element("LAchildID")) ?? "",
            Text(ids?.Element("UPN")),
            Text(ids?.Element("FormerUPN")),
            Text(ids?.Element("UPNunknown")),
            Date(ids?.Element("PersonBirthDate")),
            Date(ids?.Element("ExpectedPersonBirthDate")),
            Text(ids?.Element("Sex")),
            Date(ids?.Element("PersonDeathDate")),
            Text(characteristics?.Element("Ethnicity")),
            characteristics?.Element("Disabilities")?.Elements("Disability").Select(d => new CensusCode(d.Value.Trim(), LineOf(d))).ToList() ?? [],
            child.Elements("CINdetails").Select(Episode).ToList());
    }

    private static CensusEpisode Episode(XElement e) =>
        new(
            LineOf(e),
            Date(e.Element("CINreferralDate")),
            Text(e.Element("ReferralSource")),
            Text(e.Element("PrimaryNeedCode")),
            Date(e.Element("CINclosureDate")),
            Text(e.Element("ReasonForClosure")),
            Date(e.Element("DateOfInitialCPC")),
            YesNo(e.Element("ReferralNFA")),
            Text(e.Element("ReferralNFA")),
            e.Elements("Assessments").Select(a => new CensusAssessment(
                LineOf(a),
                Date(a.Element("AssessmentActualStartDate")),
                Date(a.Element("AssessmentAuthorisationDate")),
                a.Element("FactorsIdentifiedAtAssessment")?.Elements("AssessmentFactors").Select(f => new CensusCode(f.Value.Trim(), LineOf(f))).ToList() ?? [])).ToList(),
            e.Elements("CINPlanDates").Select(p => new CensusCinPlan(LineOf(p), Date(p.Element("CINPlanStartDate")), Date(p.Element("CINPlanEndDate")))).ToList(),
            e.Elements("Section47").Select(s => new CensusSection47(
                LineOf(s),
                Date(s.Element("S47ActualStartDate")),
                Date(s.Element("InitialCPCtarget")),
                Date(s.Element("DateOfInitialCPC")),
                YesNo(s.Element("ICPCnotRequired")))).ToList(),
            e.Elements("ChildProtectionPlans").Select(p => new CensusProtectionPlan(
                LineOf(p),
                Date(p.Element("CPPstartDate")),
                Date(p.Element("CPPendDate")),
                Text(p.Element("InitialCategoryOfAbuse")),
                Text(p.Element("LatestCategoryOfAbuse")),
                int.TryParse(p.Element("NumberOfPreviousCPP")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var previous) ? previous : null,
                p.Element("Reviews")?.Elements("CPPreviewDate").Select(r => new CensusReview(LineOf(r), Date(r))).ToList() ?? [])).ToList());

    private static int LineOf(XElement? element) => (element as IXmlLineInfo)?.LineNumber ?? 0;

    private static string? Text(XElement? element) => element is null || string.IsNullOrWhiteSpace(element.Value) ? null : element.Value.Trim();

    private static DateOnly? Date(XElement? element) =>
        DateOnly.TryParseExact(Text(element), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>The census's yes/no: 1 or true, 0 or false (any case); null when absent or anything else.</summary>
    private static bool? YesNo(XElement? element) => Text(element)?.ToUpperInvariant() switch
    {
        "1" or "TRUE" => true,
        "0" or "FALSE" => false,
        _ => null,
    };
}

/// <summary>A code that stands alone in the file (a disability, an assessment factor), with its line.</summary>
public sealed record CensusCode(string Code, int Line) : ICensusElement;

/// <summary>One child: identifiers (line <see cref="IdentifiersLine"/>), characteristics and episodes.</summary>
public sealed record CensusChild(
    int Line,
    int IdentifiersLine,
    string LaChildId,
    string? Upn,
    string? FormerUpn,
    string? UpnUnknown,
    DateOnly? Born,
    DateOnly? ExpectedBirth,
    string? Sex,
    DateOnly? Died,
    string? Ethnicity,
    IReadOnlyList<CensusCode> Disabilities,
    IReadOnlyList<CensusEpisode> Episodes) : ICensusElement
{
    /// <summary>Every CIN plan, section 47 and child protection plan of the child, with the episode it belongs to.</summary>
    public IEnumerable<(CensusEpisode Episode, CensusCinPlan Plan)> CinPlans => Episodes.SelectMany(e => e.CinPlans.Select(p => (e, p)));

    public IEnumerable<(CensusEpisode Episode, CensusProtectionPlan Plan)> ProtectionPlans => Episodes.SelectMany(e => e.ProtectionPlans.Select(p => (e, p)));

    public IEnumerable<(CensusEpisode Episode, CensusSection47 Enquiry)> Section47s => Episodes.SelectMany(e => e.Section47s.Select(s => (e, s)));
}

/// <summary>A child in need episode (the CINdetails group). <see cref="NoFurtherActionText"/> is the value as written.</summary>
public sealed record CensusEpisode(
    int Line,
    DateOnly? Referred,
    string? ReferralSource,
    string? PrimaryNeed,
    DateOnly? Closed,
    string? ClosureReason,
    DateOnly? InitialConference,
    bool? NoFurtherAction,
    string? NoFurtherActionText,
    IReadOnlyList<CensusAssessment> Assessments,
    IReadOnlyList<CensusCinPlan> CinPlans,
    IReadOnlyList<CensusSection47> Section47s,
    IReadOnlyList<CensusProtectionPlan> ProtectionPlans) : ICensusElement;

public sealed record CensusAssessment(int Line, DateOnly? Started, DateOnly? Authorised, IReadOnlyList<CensusCode> Factors) : ICensusElement;

public sealed record CensusCinPlan(int Line, DateOnly? Started, DateOnly? Ended) : ICensusElement;

public sealed record CensusSection47(int Line, DateOnly? Started, DateOnly? ConferenceTarget, DateOnly? InitialConference, bool? ConferenceNotRequired) : ICensusElement;

public sealed record CensusProtectionPlan(int Line, DateOnly? Started, DateOnly? Ended, string? InitialCategory, string? LatestCategory, int? PreviousPlans, IReadOnlyList<CensusReview> Reviews) : ICensusElement;

public sealed record CensusReview(int Line, DateOnly? Date) : ICensusElement;
