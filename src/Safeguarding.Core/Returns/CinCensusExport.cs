using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;

namespace Safeguarding.Core.Returns;

/// <summary>
/// The CIN census for a collection year (1 April to 31 March), built from the pathway records.
/// In scope: every child in need episode open at any point in the year (referred in it, or referred
/// before and not closed before it starts), with the assessments, plans, enquiries and child
/// protection plans of each episode that fall in or run through the year. Records merged into
/// another child are reported under the surviving record.
/// </summary>
public sealed class CinCensusExport(SafeguardingDbContext db)
{
    public const string SoftwareCode = "Safeguarding";

    public async Task<CinCensusFile> ExportAsync(int collectionYear, string localAuthorityCode, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var (start, end) = CollectionYear.Of(collectionYear);
        var episodes = await db.CinEpisodes.AsNoTracking()
            .Where(e => e.ReferralDate <= end && (e.ClosureDate == null || e.ClosureDate >= start))
            .ToListAsync(cancellationToken);
        var episodeIds = db.CinEpisodes.Where(e => e.ReferralDate <= end && (e.ClosureDate == null || e.ClosureDate >= start)).Select(e => e.Id);

        var assessments = (await db.Assessments.AsNoTracking()
            .Where(a => episodeIds.Contains(a.EpisodeId) && a.StartDate <= end && (a.AuthorisationDate == null || a.AuthorisationDate >= start))
            .ToListAsync(cancellationToken)).ToLookup(a => a.EpisodeId);
        var cinPlans = (await db.CinPlans.AsNoTracking()
            .Where(p => episodeIds.Contains(p.EpisodeId) && p.StartDate <= end && (p.EndDate == null || p.EndDate >= start))
            .ToListAsync(cancellationToken)).ToLookup(p => p.EpisodeId);
        var enquiries = (await db.Section47Enquiries.AsNoTracking()
            .Where(s => episodeIds.Contains(s.EpisodeId) && s.StartDate <= end && (s.OutcomeDate == null || s.OutcomeDate >= start))
            .ToListAsync(cancellationToken)).ToLookup(s => s.EpisodeId);
        var conferences = await db.ChildProtectionConferences.AsNoTracking()
            .Where(c => episodeIds.Contains(c.EpisodeId))
            .Select(c => new { c.Id, c.EpisodeId, c.Kind, c.PlanId, c.HeldOn })
            .ToListAsync(cancellationToken);
        var initialConferenceDates = conferences.Where(c => c.Kind == ConferenceKind.Initial).ToDictionary(c => c.Id, c => c.HeldOn);
        var initialConferencesInYear = conferences.Where(c => c.Kind == ConferenceKind.Initial && c.HeldOn >= start && c.HeldOn <= end).ToLookup(c => c.EpisodeId, c => (c.Id, c.HeldOn));
        var reviewsByPlan = conferences.Where(c => c.Kind == ConferenceKind.Review && c.PlanId != null && c.HeldOn >= start && c.HeldOn <= end)
            .ToLookup(c => c.PlanId!.Value, c => c.HeldOn);
        var plans = (await db.ChildProtectionPlans.AsNoTracking()
            .Where(p => episodeIds.Contains(p.EpisodeId) && p.StartDate <= end && (p.EndDate == null || p.EndDate >= start))
            .ToListAsync(cancellationToken)).ToLookup(p => p.EpisodeId);

        var survivors = await ReturnChildren.SurvivorsAsync(db, episodes.Select(e => e.PersonId), cancellationToken);
        var children = await ReturnChildren.ChildrenAsync(db, survivors.Values, cancellationToken);

        var childElements = new List<XElement>();
        foreach (var child in episodes.GroupBy(e => survivors[e.PersonId]).Select(g => (Person: children[g.Key], Episodes: g.OrderBy(e => e.ReferralDate).ThenBy(e => e.Id).ToList()))
            .OrderBy(c => c.Person.LaChildId, StringComparer.Ordinal))
        {
            childElements.Add(new XElement("Child",
                Identifiers(child.Person),
                new XElement("ChildCharacteristics",
                    new XElement("Ethnicity", child.Person.Ethnicity ?? "NOBT")),
                child.Episodes.Select(e => Details(e))));
        }

        XElement Details(CinEpisode e)
        {
            var episodeEnquiries = enquiries[e.Id].OrderBy(s => s.StartDate).ThenBy(s => s.Id).ToList();
            // The census records an initial conference once (rule 2884): under its section 47 when that is in the file,
            // on the episode only when it is not (the enquiry ended before the year).
            var reportedWithEnquiry = episodeEnquiries.Select(s => s.InitialConferenceId).OfType<Guid>().ToHashSet();
            var firstInitialConference = initialConferencesInYear[e.Id].Where(c => !reportedWithEnquiry.Contains(c.Id))
                .Select(c => (DateOnly?)c.HeldOn).Order().FirstOrDefault();
            return new XElement("CINdetails",
                new XElement("CINreferralDate", Date(e.ReferralDate)),
                new XElement("ReferralSource", e.ReferralSource),
                Optional("PrimaryNeedCode", e.PrimaryNeed),
                Optional("CINclosureDate", e.ClosureDate is { } closed && closed <= end ? Date(closed) : null),
                Optional("ReasonForClosure", e.ClosureDate is { } c && c <= end ? e.ClosureReason : null),
                Optional("DateOfInitialCPC", firstInitialConference is { } icpc ? Date(icpc) : null),
                assessments[e.Id].OrderBy(a => a.StartDate).ThenBy(a => a.Id).Select(a => new XElement("Assessments",
                    new XElement("AssessmentActualStartDate", Date(a.StartDate)),
                    Optional("AssessmentAuthorisationDate", a.AuthorisationDate is { } authorised && authorised <= end ? Date(authorised) : null),
                    string.IsNullOrWhiteSpace(a.Factors) || a.AuthorisationDate is null || a.AuthorisationDate > end
                        ? null
                        : new XElement("FactorsIdentifiedAtAssessment",
                            a.Factors.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => new XElement("AssessmentFactors", f))))),
                cinPlans[e.Id].OrderBy(p => p.StartDate).ThenBy(p => p.Id).Select(p => new XElement("CINPlanDates",
                    new XElement("CINPlanStartDate", Date(p.StartDate)),
                    Optional("CINPlanEndDate", p.EndDate is { } ended && ended <= end ? Date(ended) : null))),
                episodeEnquiries.Select(s => new XElement("Section47",
                    new XElement("S47ActualStartDate", Date(s.StartDate)),
                    new XElement("InitialCPCtarget", Date(s.InitialConferenceTarget)),
                    Optional("DateOfInitialCPC", s.InitialConferenceId is { } id && initialConferenceDates.TryGetValue(id, out var held) && held <= end ? Date(held) : null),
                    new XElement("ICPCnotRequired", YesNo(s.ConferenceNotRequired)))),
                new XElement("ReferralNFA", YesNo(e.NoFurtherAction)),
                plans[e.Id].OrderBy(p => p.StartDate).ThenBy(p => p.Id).Select(p => new XElement("ChildProtectionPlans",
                    new XElement("CPPstartDate", Date(p.StartDate)),
                    Optional("CPPendDate", p.EndDate is { } ended && ended <= end ? Date(ended) : null),
                    new XElement("InitialCategoryOfAbuse", p.InitialCategory),
                    new XElement("LatestCategoryOfAbuse", p.LatestCategory),
                    new XElement("NumberOfPreviousCPP", p.PreviousPlans),
                    reviewsByPlan[p.Id].Any()
                        ? new XElement("Reviews", reviewsByPlan[p.Id].Order().Select(r => new XElement("CPPreviewDate", Date(r))))
                        : null)));
        }

        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement("Message",
                new XElement("Header",
                    new XElement("CollectionDetails",
                        new XElement("Collection", "CIN"),
                        new XElement("Year", collectionYear.ToString(CultureInfo.InvariantCulture)),
                        new XElement("ReferenceDate", Date(end))),
                    new XElement("Source",
                        new XElement("SourceLevel", "L"),
                        new XElement("LEA", localAuthorityCode),
                        new XElement("SoftwareCode", SoftwareCode),
                        new XElement("Release", "1"),
                        new XElement("SerialNo", "001"),
                        new XElement("DateTime", now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)))),
                new XElement("Children", childElements)));
        return new CinCensusFile(collectionYear, document, childElements.Count, episodes.Count);
    }

    /// <summary>Schema errors for the file against its year's DfE schema; empty when it is valid.</summary>
    public static IReadOnlyList<string> SchemaErrors(XDocument document, int collectionYear)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new List<string>();
        document.Validate(CinCensusSchema.For(collectionYear), (_, e) => errors.Add($"{e.Severity}: {e.Message}"), addSchemaInfo: false);
        return errors;
    }

    /// <summary>Writes the file as the DfE expects it: UTF-8 without a byte order mark, indented.</summary>
    public static async Task WriteAsync(XDocument document, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        await using var writer = XmlWriter.Create(stream, new XmlWriterSettings { Async = true, Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        await document.SaveAsync(writer, cancellationToken);
    }

    private static XElement Identifiers(ReturnChild child) =>
        new("ChildIdentifiers",
            new XElement("LAchildID", child.LaChildId),
            Optional("UPN", child.Upn is { } upn && UpnFormat.IsValid(upn) ? upn : null),
            Optional("PersonBirthDate", child.DateOfBirth is { } born ? Date(born) : null),
            Optional("ExpectedPersonBirthDate", child.DateOfBirth is null && child.ExpectedDateOfBirth is { } expected ? Date(expected) : null),
            new XElement("Sex", child.Sex switch { PersonSex.Male => "M", PersonSex.Female => "F", _ => "U" }));

    private static XElement? Optional(string name, object? value) => value is null ? null : new XElement(name, value);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string YesNo(bool value) => value ? "1" : "0";
}

/// <param name="Children">Children in the file.</param>
/// <param name="Episodes">Child in need episodes in the file.</param>
public sealed record CinCensusFile(int CollectionYear, XDocument Document, int Children, int Episodes);

/// <summary>A DfE collection year: 2026 is 1 April 2025 to 31 March 2026.</summary>
public static class CollectionYear
{
    public static (DateOnly Start, DateOnly End) Of(int collectionYear) => (new DateOnly(collectionYear - 1, 4, 1), new DateOnly(collectionYear, 3, 31));
}
