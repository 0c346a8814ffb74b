using System.Xml;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;
using Safeguarding.Core.Returns.Ssda903;

namespace Safeguarding.Core.Returns;

/// <summary>The statutory returns a performance officer checks before submitting.</summary>
public enum StatutoryReturn
{
    CinCensus,
    Ssda903,
}

/// <summary>
/// One thing a check found, in the same shape for both returns so one page can show them.
/// </summary>
/// <param name="Rule">The DfE rule code, or <see cref="ReturnCheck.SpecificationRule"/> for a field that breaks the return's specification.</param>
/// <param name="Child">The child's LA child id as the return names them ("" when the finding is about no one child).</param>
/// <param name="Where">Where in the file: a table and line for the SSDA903, a section and line for the CIN census.</param>
/// <param name="Fields">The fields at fault, by the return's own names.</param>
public sealed record ReturnFinding(string Rule, bool IsError, string Child, string Where, IReadOnlyList<string> Fields, string Message);

/// <summary>How often one rule failed.</summary>
public sealed record ReturnRuleSummary(string Rule, bool IsError, string Message, int Count);

/// <summary>
/// The outcome of checking a return: problems that stopped the file being read at all (nothing else is checked
/// then), or the findings of the specification's field checks and the DfE's validation rules.
/// </summary>
public sealed record ReturnCheck(StatutoryReturn Return, int CollectionYear, IReadOnlyList<string> FileProblems, IReadOnlyList<ReturnFinding> Findings)
{
    /// <summary>The code under which a field that does not meet the specification (code list, date format, blank) is reported.</summary>
    public const string SpecificationRule = "Specification";

    /// <summary>What the specification's field checks have in common; each finding says what is wrong with its value.</summary>
    public const string SpecificationMessage = "A value does not meet the year's specification: not one of the codes, not a date in the right form, or blank where a value is needed.";

    public int Errors => Findings.Count(f => f.IsError);

    public int Queries => Findings.Count(f => !f.IsError);

    /// <summary>Distinct children with a finding.</summary>
    public int Children => Findings.Where(f => f.Child.Length > 0).Select(f => f.Child).Distinct(StringComparer.Ordinal).Count();

    /// <summary>Each rule that failed with its count: errors first, then the most frequent.</summary>
    public IReadOnlyList<ReturnRuleSummary> Rules { get; } = Findings.GroupBy(f => f.Rule, StringComparer.Ordinal)
        .Select(g => new ReturnRuleSummary(g.Key, g.First().IsError, g.Key == SpecificationRule ? SpecificationMessage : g.First().Message, g.Count()))
        .OrderByDescending(r => r.IsError).ThenByDescending(r => r.Count).ThenBy(r => r.Rule, StringComparer.Ordinal)
        .ToList();
}

/// <summary>
/// Checks a return before it is submitted: built from the records for a collection year, or uploaded as files
/// (a CIN census XML file, or the SSDA903's CSV files).
/// </summary>
public static class ReturnChecks
{
    /// <summary>The DfE number a generated census is checked under: the checks do not depend on it, and 999 is never a real authority.</summary>
    private const string CheckedLocalAuthority = "999";

    /// <summary>Builds the return from the partnership's records, as the export would, and checks it.</summary>
    public static async Task<ReturnCheck> OfRecordsAsync(SafeguardingDbContext db, StatutoryReturn kind, int collectionYear, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (kind == StatutoryReturn.Ssda903)
        {
            return Of(await new Ssda903Export(db).ExportAsync(collectionYear, cancellationToken));
        }

        var file = await new CinCensusExport(db).ExportAsync(collectionYear, CheckedLocalAuthority, now, cancellationToken);
        // Read back as the export writes it, so each finding gives the line it has in the exported file.
        using var written = new MemoryStream();
        await CinCensusExport.WriteAsync(file.Document, written, cancellationToken);
        written.Position = 0;
        return OfCinCensus(XDocument.Load(written, LoadOptions.SetLineInfo), collectionYear);
    }

    /// <summary>Checks uploaded files: one XML file for the CIN census, the CSV files of the SSDA903.</summary>
    public static ReturnCheck OfFiles(StatutoryReturn kind, int collectionYear, IReadOnlyList<(string Name, byte[] Content)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (kind == StatutoryReturn.Ssda903)
        {
            try
            {
                return Of(Ssda903Reader.Read(files, collectionYear));
            }
            catch (Ssda903FileException e)
            {
                return new ReturnCheck(kind, collectionYear, [.. e.Problems.Select(p => p.ToString())], []);
            }
        }

        if (files.Count != 1)
        {
            return new ReturnCheck(kind, collectionYear, ["A CIN census is one XML file: choose just that file"], []);
        }

        var (name, content) = files[0];
        XDocument document;
        try
        {
            // An uploaded file has no business declaring a DTD; refusing one shuts out entity expansion attacks.
            using var reader = XmlReader.Create(new MemoryStream(content), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            var at = e.LineNumber > 0 ? $", line {e.LineNumber}, column {e.LinePosition}" : "";
            return new ReturnCheck(kind, collectionYear, [$"{name}{at}: this is not a well-formed XML file ({e.Message})"], []);
        }

        var year = document.Root?.Element("Header")?.Element("CollectionDetails")?.Element("Year")?.Value;
        if (year != collectionYear.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            return new ReturnCheck(kind, collectionYear, [$"{name} is not a census for {collectionYear - 1}-{collectionYear % 100:00}: its Header/CollectionDetails/Year is '{year}'"], []);
        }

        return OfCinCensus(document, collectionYear);
    }

    /// <summary>The SSDA903's field checks then the DfE's rules; a field check names its row's child.</summary>
    public static ReturnCheck Of(Ssda903Return ssda903)
    {
        ArgumentNullException.ThrowIfNull(ssda903);
        var findings = new List<ReturnFinding>();
        foreach (var issue in Ssda903FieldChecks.Check(ssda903))
        {
            var child = issue.Row > 0 && ssda903.Tables.TryGetValue(issue.Table, out var table) ? table.Value(issue.Row - 1, "CHILD") : "";
            var where = issue.Row > 0 ? $"{issue.Table}, line {issue.Row + 1}" : $"{issue.Table}, header row";
            findings.Add(new ReturnFinding(ReturnCheck.SpecificationRule, true, child, where, issue.Column.Length > 0 ? [issue.Column] : [], issue.Message));
        }

        foreach (var issue in Ssda903Validator.Validate(ssda903).Issues)
        {
            findings.Add(new ReturnFinding(issue.Rule, issue.Severity == Ssda903Severity.Error, issue.Child, $"{issue.Table}, line {issue.Row}", issue.Fields, issue.Message));
        }

        return new ReturnCheck(StatutoryReturn.Ssda903, ssda903.CollectionYear, [], findings);
    }

    /// <summary>The census against the year's schema, then the DfE's rules: only a file that passes the schema is worth checking further.</summary>
    private static ReturnCheck OfCinCensus(XDocument document, int collectionYear)
    {
        var schemaErrors = CinCensusExport.SchemaErrors(document, collectionYear);
        if (schemaErrors.Count > 0)
        {
            return new ReturnCheck(StatutoryReturn.CinCensus, collectionYear, schemaErrors, []);
        }

        var findings = CinCensusValidator.Validate(document, collectionYear).Issues
            .Select(i => new ReturnFinding(i.Rule, i.Severity == CinCensusSeverity.Error, i.Child, i.Line > 0 ? $"{i.Section}, line {i.Line}" : i.Section, i.Fields, i.Message))
            .ToList();
        return new ReturnCheck(StatutoryReturn.CinCensus, collectionYear, [], findings);
    }

    /// <summary>
    /// The record each child id in a return names, so a finding links to the child's record: a recorded LA child id,
    /// or the id the returns derive from a record that has none. Merged records lead to the record they were merged into.
    /// </summary>
    public static async Task<Dictionary<string, Guid>> RecordsAsync(SafeguardingDbContext db, IEnumerable<string> childIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var wanted = childIds.Where(c => c.Length > 0).ToHashSet(StringComparer.Ordinal);
        var found = new Dictionary<string, Guid>(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return found;
        }

        var recorded = await db.PersonIdentifiers.AsNoTracking().Where(i => i.Type == PersonIdentifierType.LocalAuthorityChildId)
            .Select(i => new { i.PersonId, i.Value, i.RecordedAt }).ToListAsync(cancellationToken);
        foreach (var identifier in recorded.Where(i => wanted.Contains(i.Value)).OrderBy(i => i.RecordedAt))
        {
            found[identifier.Value] = identifier.PersonId;
        }

        if (found.Count < wanted.Count)
        {
            var withId = recorded.Select(i => i.PersonId).ToHashSet();
            var people = await db.People.AsNoTracking().Where(p => p.MergedIntoId == null).Select(p => p.Id).ToListAsync(cancellationToken);
            foreach (var person in people.Where(p => !withId.Contains(p)))
            {
                var derived = ReturnChildren.SystemChildId(person);
                if (wanted.Contains(derived))
                {
                    found.TryAdd(derived, person);
                }
            }
        }

        var survivors = await ReturnChildren.SurvivorsAsync(db, found.Values, cancellationToken);
        return found.ToDictionary(f => f.Key, f => survivors[f.Value], StringComparer.Ordinal);
    }
}
