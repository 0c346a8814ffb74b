using System.Collections.Frozen;
using YamlDotNet.RepresentationModel;

namespace Safeguarding.Core.Returns.AnnexA;

/// <summary>What a column of an Annex A list holds, as the specification types it.</summary>
public enum AnnexAColumnKind
{
    Text,
    Date,
    Number,
    Category,
}

/// <summary>One Annex A code and the other spellings local systems use for it (e.g. "a) White" for WBRI).</summary>
public sealed record AnnexACategory(string Code, IReadOnlyList<string> Synonyms);

/// <summary>One column of an Annex A list: its heading, kind, codes (for a category) and whether it may be blank.</summary>
public sealed record AnnexAColumn(string Heading, AnnexAColumnKind Kind, IReadOnlyList<AnnexACategory> Categories, bool CanBeBlank);

/// <summary>
/// Ofsted's Annex A lists as specified in the embedded Annex_A_schema.yml: the headings in order for
/// list_1 to list_11 and each coded column's codes, so the workbook's columns come from the
/// specification and our DfE codes are reported as the Annex A code the specification maps them to.
/// </summary>
public static class AnnexASpec
{
    private static readonly Lazy<FrozenDictionary<int, IReadOnlyList<AnnexAColumn>>> Lists = new(Load);

    /// <summary>The list numbers, 1 to 11.</summary>
    public static IEnumerable<int> Numbers => Lists.Value.Keys.Order();

    /// <summary>The columns of list <paramref name="number"/> in the specification's order.</summary>
    public static IReadOnlyList<AnnexAColumn> Columns(int number) =>
        Lists.Value.TryGetValue(number, out var columns) ? columns : throw new ArgumentOutOfRangeException(nameof(number), number, "Annex A has lists 1 to 11.");

    /// <summary>
    /// The Annex A code for one of our values in a coded column: the code itself, a code beginning
    /// "value:" (the activity codes read "F1: Full time in higher education"), or the code one of whose
    /// synonyms is the value, ignoring case. Null for a blank value or one the specification does not know.
    /// </summary>
    public static string? Code(int list, string heading, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var column = Columns(list).SingleOrDefault(c => c.Heading == heading) ?? throw new ArgumentException($"List {list} has no column '{heading}'.", nameof(heading));
        var wanted = value.Trim();
        return column.Categories.FirstOrDefault(c => c.Code.Trim().Equals(wanted, StringComparison.OrdinalIgnoreCase)
                || c.Code.StartsWith(wanted + ":", StringComparison.OrdinalIgnoreCase)
                || c.Synonyms.Any(s => s.Trim().Equals(wanted, StringComparison.OrdinalIgnoreCase)))?.Code;
    }

    private static FrozenDictionary<int, IReadOnlyList<AnnexAColumn>> Load()
    {
        using var stream = typeof(AnnexASpec).Assembly.GetManifestResourceStream("Safeguarding.Core.Returns.Schemas.Annex_A_schema.yml")
            ?? throw new InvalidOperationException("The Annex A specification is not embedded.");
        using var reader = new StreamReader(stream);
        var yaml = new YamlStream();
        yaml.Load(reader);
        var lists = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["column_map"];
        return lists.ToFrozenDictionary(
            l => int.Parse(((YamlScalarNode)l.Key).Value!["list_".Length..], System.Globalization.CultureInfo.InvariantCulture),
            l => (IReadOnlyList<AnnexAColumn>)((YamlMappingNode)l.Value).Select(c => Column(((YamlScalarNode)c.Key).Value!, (YamlMappingNode)c.Value)).ToList());
    }

    private static AnnexAColumn Column(string heading, YamlMappingNode field)
    {
        field = Merged(field);
        bool Has(string key) => field.Children.ContainsKey(new YamlScalarNode(key));
        var kind = Has("category") ? AnnexAColumnKind.Category
            : Has("date") ? AnnexAColumnKind.Date
            : Has("numeric") ? AnnexAColumnKind.Number
            : AnnexAColumnKind.Text;
        var categories = kind == AnnexAColumnKind.Category
            ? ((YamlSequenceNode)field["category"]).Cast<YamlMappingNode>().Select(Category).ToList()
            : [];
        // A column the specification does not say may be blank is taken as required.
        var canBeBlank = Has("canbeblank") && ((YamlScalarNode)field["canbeblank"]).Value is "true" or "yes";
        return new AnnexAColumn(heading, kind, categories, canBeBlank);
    }

    /// <summary>
    /// The field with YAML merge keys applied ("&lt;&lt;: *contact-referral-source" shares another column's
    /// codes): the representation model keeps "&lt;&lt;" as an ordinary key, so its entries are copied in
    /// under the field's own.
    /// </summary>
    private static YamlMappingNode Merged(YamlMappingNode field)
    {
        var mergeKey = new YamlScalarNode("<<");
        if (!field.Children.TryGetValue(mergeKey, out var merged))
        {
            return field;
        }

        var result = new YamlMappingNode();
        var sources = merged is YamlSequenceNode many ? many.Cast<YamlMappingNode>() : [(YamlMappingNode)merged];
        foreach (var (key, value) in sources.Select(Merged).SelectMany(m => m.Children).Concat(field.Children.Where(c => !c.Key.Equals(mergeKey))))
        {
            result.Children[key] = value;
        }

        return result;
    }

    private static AnnexACategory Category(YamlMappingNode category)
    {
        var synonyms = category.Children.TryGetValue(new YamlScalarNode("name"), out var names)
            ? names switch
            {
                YamlSequenceNode list => list.OfType<YamlScalarNode>().Select(n => n.Value ?? "").ToList(),
                YamlScalarNode one => [one.Value ?? ""],
                _ => [],
            }
            : (List<string>)[];
        return new AnnexACategory(((YamlScalarNode)category["code"]).Value!, synonyms);
    }
}
