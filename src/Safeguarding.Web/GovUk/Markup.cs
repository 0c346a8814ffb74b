using System.Text;

namespace Safeguarding.Web.GovUk;

/// <summary>One HTML attribute as govuk-frontend's <c>govukAttributes</c> macro understands it.</summary>
/// <param name="Value">A string, a bool or null.</param>
/// <param name="Optional">When true, null/false values are left out and true renders as a bare boolean attribute.</param>
public sealed record GovUkAttribute(string Name, object? Value, bool Optional = false);

/// <summary>Extra attributes for an element, rendered in the order given.</summary>
public sealed class GovUkAttributes : List<GovUkAttribute>
{
    public GovUkAttributes()
    {
    }

    public GovUkAttributes(IEnumerable<GovUkAttribute> items) : base(items)
    {
    }

    public void Add(string name, object? value, bool optional = false) => Add(new GovUkAttribute(name, value, optional));
}

/// <summary>Text or raw HTML, as govuk-frontend's <c>text</c>/<c>html</c> option pairs.</summary>
public class TextOrHtml
{
    public string? Text { get; set; }

    /// <summary>Trusted markup, rendered as is. Wins over <see cref="Text"/>.</summary>
    public string? Html { get; set; }

    internal bool HasContent => !string.IsNullOrEmpty(Html) || !string.IsNullOrEmpty(Text);
}

/// <summary>The shared bits of string building every renderer needs; mirrors Nunjucks semantics.</summary>
internal static class Markup
{
    // Nunjucks' escape filter: the five HTML-significant characters only, so output stays readable.
    public static string Encode(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return value;
        }

        var sb = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    public static bool Has(string? value) => !string.IsNullOrEmpty(value);

    /// <summary><c>html | safe | trim if html else text</c>.</summary>
    public static string Content(string? text, string? html) => Has(html) ? html!.Trim() : Encode(text);

    public static string Content(TextOrHtml? value) => value is null ? string.Empty : Content(value.Text, value.Html);

    public static string Classes(string baseClass, params string?[] extra)
    {
        var sb = new StringBuilder(baseClass);
        foreach (var e in extra)
        {
            if (Has(e))
            {
                sb.Append(' ').Append(e);
            }
        }

        return Encode(sb.ToString());
    }

    /// <summary>Renders <c> name="value"</c> only when the value is non-empty.</summary>
    public static string Attr(string name, string? value) => Has(value) ? $" {name}=\"{Encode(value)}\"" : string.Empty;

    /// <summary>Renders <c> name="value"</c> whenever a value is given, even an empty one (an optional govukAttributes entry).</summary>
    public static string OptAttr(string name, string? value) => value is null ? string.Empty : $" {name}=\"{Encode(value)}\"";

    public static string Attributes(IEnumerable<GovUkAttribute>? attributes)
    {
        if (attributes is null)
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        foreach (var a in attributes)
        {
            var value = a.Value;
            if (a.Optional && value is true)
            {
                sb.Append(' ').Append(Encode(a.Name));
            }
            else if (!a.Optional || (value is not null && value is not false))
            {
                var text = value switch
                {
                    null => string.Empty,
                    bool b => b ? "true" : "false",
                    _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
                };
                sb.Append(' ').Append(Encode(a.Name)).Append("=\"").Append(Encode(text)).Append('"');
            }
        }

        return sb.ToString();
    }

    /// <summary>Nunjucks' <c>capitalize</c>: first letter upper, the rest lower.</summary>
    public static string Capitalize(string value) =>
        value.Length == 0 ? value : char.ToUpperInvariant(value[0]) + value[1..].ToLowerInvariant();
}
