using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Safeguarding.Web.GovUk;

namespace Safeguarding.Web.Tests.GovUk;

/// <summary>Loads govuk-frontend's shipped fixtures.json and compares our rendering with it.</summary>
internal static class GovUkFixtures
{
    private const string Missing = "(govuk-frontend is not installed)";

    private static readonly Lazy<string?> RepoRoot = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "package.json")))
            {
                return dir.FullName;
            }
        }

        return null;
    });

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        Converters = { new LenientStringConverter(), new AttributesConverter() },
    };

    private static readonly Dictionary<string, JsonArray> Cache = [];

    private static string FixturesPath(string component) =>
        Path.Combine(RepoRoot.Value ?? ".", "node_modules", "govuk-frontend", "dist", "govuk", "components", component, "fixtures.json");

    private static JsonArray Load(string component)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(component, out var fixtures))
            {
                var path = FixturesPath(component);
                if (RepoRoot.Value is null || !File.Exists(path))
                {
                    throw new InvalidOperationException(
                        $"govuk-frontend fixtures not found at {path}. Run `npm ci` in the repository root (./test does this) before running these tests.");
                }

                fixtures = JsonNode.Parse(File.ReadAllText(path))!["fixtures"]!.AsArray();
                Cache[component] = fixtures;
            }

            return fixtures;
        }
    }

    /// <summary>Fixture names for a theory. When node_modules is missing, one case that fails with instructions.</summary>
    public static TheoryData<string> Names(string component, IReadOnlyDictionary<string, string> skipped)
    {
        var data = new TheoryData<string>();
        if (!File.Exists(FixturesPath(component)))
        {
            data.Add(Missing);
            return data;
        }

        foreach (var f in Load(component))
        {
            var name = (string)f!["name"]!;
            if (!skipped.ContainsKey(name))
            {
                data.Add(name);
            }
        }

        return data;
    }

    public static IReadOnlyList<string> AllNames(string component) =>
        Load(component).Select(f => (string)f!["name"]!).ToList();

    public static void Verify<TOptions>(string component, string fixtureName, Func<TOptions, string> render, Func<JsonNode, JsonNode>? adapt = null)
    {
        var fixture = Load(component).Single(f => (string)f!["name"]! == fixtureName)!;
        var options = WithoutFalseListItems(fixture["options"]!.DeepClone());
        if (adapt is not null)
        {
            options = adapt(options);
        }

        var model = options.Deserialize<TOptions>(Json)!;
        var expected = Normalise((string)fixture["html"]!);
        var actual = Normalise(render(model));
        Assert.Equal(expected, actual);
    }

    // Nunjucks templates skip falsy list entries (`{% if item %}`); null keeps that meaning in C#.
    private static JsonNode WithoutFalseListItems(JsonNode node)
    {
        if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is JsonValue v && (v.GetValueKind() == JsonValueKind.False || (v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length == 0)))
                {
                    array[i] = null;
                }
                else if (array[i] is { } child)
                {
                    WithoutFalseListItems(child);
                }
            }
        }
        else if (node is JsonObject obj)
        {
            foreach (var (name, child) in obj.ToList())
            {
                // A value is printed, not tested: Nunjucks renders `value: false` as "false".
                if (name == "value" && child is JsonValue { } b && b.GetValueKind() == JsonValueKind.False)
                {
                    obj[name] = "false";
                }
                else if (child is not null)
                {
                    WithoutFalseListItems(child);
                }
            }
        }

        return node;
    }

    /// <summary>A canonical, line-per-node form: whitespace collapsed, attributes and class names sorted.</summary>
    public static string Normalise(string html)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        var sb = new StringBuilder();
        foreach (var child in document.Body!.ChildNodes)
        {
            Write(child, 0, sb);
        }

        return sb.ToString();
    }

    private static void Write(INode node, int depth, StringBuilder sb)
    {
        switch (node)
        {
            case IElement element:
                sb.Append(' ', depth * 2).Append('<').Append(element.LocalName);
                foreach (var attr in element.Attributes.OrderBy(a => a.Name, StringComparer.Ordinal))
                {
                    var value = attr.Name == "class"
                        ? string.Join(' ', attr.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal))
                        : Collapse(attr.Value);
                    sb.Append(' ').Append(attr.Name).Append("=\"").Append(value).Append('"');
                }

                sb.Append(">\n");
                var content = element is AngleSharp.Html.Dom.IHtmlTemplateElement template ? template.Content.ChildNodes : element.ChildNodes;
                foreach (var child in content)
                {
                    Write(child, depth + 1, sb);
                }

                break;
            case IText text:
                var collapsed = Collapse(text.Data);
                if (collapsed.Length > 0)
                {
                    sb.Append(' ', depth * 2).Append(collapsed).Append('\n');
                }

                break;
        }
    }

    private static string Collapse(string value) =>
        string.Join(' ', value.Split([' ', '\n', '\r', '\t', '\f'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Nunjucks prints numbers and booleans as text; <c>false</c> is falsy, so it means "not given".</summary>
    private sealed class LenientStringConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
            JsonTokenType.True => "true",
            JsonTokenType.False or JsonTokenType.Null => null,
            _ => throw new JsonException($"Cannot read {reader.TokenType} as a string"),
        };

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class AttributesConverter : JsonConverter<GovUkAttributes>
    {
        public override GovUkAttributes Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var result = new GovUkAttributes();
            foreach (var (name, node) in JsonNode.Parse(ref reader)!.AsObject())
            {
                if (node is JsonObject item)
                {
                    result.Add(name, Scalar(item["value"]), item["optional"]?.GetValue<bool>() ?? false);
                }
                else
                {
                    result.Add(name, Scalar(node));
                }
            }

            return result;
        }

        private static object? Scalar(JsonNode? node) => node?.GetValueKind() switch
        {
            null or JsonValueKind.Null => null,
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => node.GetValue<string>(),
            _ => node.ToJsonString(),
        };

        public override void Write(Utf8JsonWriter writer, GovUkAttributes value, JsonSerializerOptions options) => throw new NotSupportedException();
    }
}
