using System.Collections.Concurrent;
using System.Xml;
using System.Xml.Schema;

namespace Safeguarding.Core.Returns;

/// <summary>
/// The DfE's CIN census schema for a collection year, embedded in this assembly: it validates the
/// census XML the system produces or imports, and is the reference the code lists are tested against.
/// </summary>
public static class CinCensusSchema
{
    /// <summary>Collection years (the year the collection ends, e.g. 2026 for 2025-26) with a schema.</summary>
    public static readonly IReadOnlyList<int> Years = [2025, 2026];

    private static readonly ConcurrentDictionary<int, XmlSchemaSet> Sets = new();

    /// <summary>The compiled schema for the year, or the nearest earlier one (the schema changes rarely).</summary>
    public static XmlSchemaSet For(int collectionYear) => Sets.GetOrAdd(YearFor(collectionYear), Load);

    /// <summary>The codes an enumerated simple type allows, with the schema's label for each.</summary>
    public static IReadOnlyList<(string Code, string Label)> Enumeration(int collectionYear, string simpleTypeName)
    {
        var set = For(collectionYear);
        var type = set.GlobalTypes[new XmlQualifiedName(simpleTypeName)] as XmlSchemaSimpleType
            ?? throw new ArgumentException($"The CIN census schema has no simple type '{simpleTypeName}'.", nameof(simpleTypeName));
        var restriction = (XmlSchemaSimpleTypeRestriction)type.Content!;
        return restriction.Facets.OfType<XmlSchemaEnumerationFacet>()
            .Select(f => (f.Value!, Label(f)))
            .ToList();
    }

    private static int YearFor(int collectionYear)
    {
        var year = Years.LastOrDefault(y => y <= collectionYear);
        return year == 0 ? Years[0] : year;
    }

    private static XmlSchemaSet Load(int year)
    {
        var name = $"Safeguarding.Core.Returns.Schemas.CIN_schema_{year}.xsd";
        using var stream = typeof(CinCensusSchema).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing.");
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var set = new XmlSchemaSet { XmlResolver = null };
        set.Add(null, reader);
        set.Compile();
        return set;
    }

    private static string Label(XmlSchemaEnumerationFacet facet) =>
        facet.Annotation?.Items.OfType<XmlSchemaDocumentation>().SelectMany(d => d.Markup ?? []).Select(n => n?.Value?.Trim()).FirstOrDefault(v => !string.IsNullOrEmpty(v)) ?? "";
}
