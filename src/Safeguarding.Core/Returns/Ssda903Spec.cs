using System.Collections.Concurrent;
using YamlDotNet.RepresentationModel;

namespace Safeguarding.Core.Returns;

/// <summary>One column of an SSDA903 table: its kind (string, date, category, numeric), the codes a category allows, whether it may be blank.</summary>
public sealed record Ssda903Column(string Name, string Kind, IReadOnlyList<string> Codes, bool CanBeBlank);

/// <summary>
/// The SSDA903 return's field specification for a collection year, embedded in this assembly: the 2017
/// base with each year's patch applied in order (keys such as <c>column_map.episodes.PLACE.category</c>
/// add or replace a node). The return's export and checks, and the code sets the pages offer, come from it.
/// </summary>
public static class Ssda903Spec
{
    /// <summary>The years with a patch after the 2017 base.</summary>
    public static readonly IReadOnlyList<int> PatchYears = [2019, 2022, 2024, 2025, 2026];

    private static readonly ConcurrentDictionary<int, IReadOnlyDictionary<string, IReadOnlyList<Ssda903Column>>> Specs = new();

    /// <summary>Tables (header, episodes, reviews, ...) with their columns in file order, for the year (patches up to and including it).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<Ssda903Column>> For(int collectionYear) => Specs.GetOrAdd(collectionYear, Build);

    /// <summary>The codes a category column allows in the year.</summary>
    public static IReadOnlyList<string> Codes(int collectionYear, string table, string column) =>
        For(collectionYear)[table].Single(c => c.Name == column).Codes;

    private static IReadOnlyDictionary<string, IReadOnlyList<Ssda903Column>> Build(int collectionYear)
    {
        var root = (YamlMappingNode)Load("SSDA903_schema_2017.yml");
        foreach (var year in PatchYears.Where(y => y <= collectionYear))
        {
            foreach (var (key, change) in (YamlMappingNode)Load($"SSDA903_schema_{year}.diff.yml"))
            {
                var path = ((YamlScalarNode)key).Value!.Split('.');
                var node = root;
                foreach (var part in path[..^1])
                {
                    var child = new YamlScalarNode(part);
                    if (!node.Children.TryGetValue(child, out var next))
                    {
                        next = new YamlMappingNode();
                        node.Children[child] = next;
                    }

                    node = (YamlMappingNode)next;
                }

                node.Children[new YamlScalarNode(path[^1])] = ((YamlMappingNode)change)["value"];
            }
        }

        var tables = new Dictionary<string, IReadOnlyList<Ssda903Column>>(StringComparer.Ordinal);
        foreach (var (table, columns) in (YamlMappingNode)root["column_map"])
        {
            tables[((YamlScalarNode)table).Value!] = ((YamlMappingNode)columns).Select(c => Column(((YamlScalarNode)c.Key).Value!, (YamlMappingNode)c.Value)).ToList();
        }

        return tables;
    }

    private static Ssda903Column Column(string name, YamlMappingNode field)
    {
        var kind = field.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).First(k => k != "canbeblank");
        var codes = kind == "category" && field["category"] is YamlSequenceNode list
            ? list.Select(item => item is YamlMappingNode code ? ((YamlScalarNode)code["code"]).Value! : ((YamlScalarNode)item).Value!).ToList()
            : [];
        var canBeBlank = field.Children.TryGetValue(new YamlScalarNode("canbeblank"), out var blank) && ((YamlScalarNode)blank).Value is "yes" or "true";
        return new Ssda903Column(name, kind, codes, canBeBlank);
    }

    private static YamlNode Load(string file)
    {
        using var stream = typeof(Ssda903Spec).Assembly.GetManifestResourceStream($"Safeguarding.Core.Returns.Schemas.{file}")
            ?? throw new InvalidOperationException($"The SSDA903 specification {file} is not embedded.");
        using var reader = new StreamReader(stream);
        var yaml = new YamlStream();
        yaml.Load(reader);
        return yaml.Documents[0].RootNode;
    }
}
