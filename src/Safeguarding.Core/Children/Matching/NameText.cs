using System.Globalization;
using System.Text;

namespace Safeguarding.Core.Children.Matching;

/// <summary>How names and addresses are normalised before comparison: upper case, no accents, no punctuation.</summary>
public static class NameText
{
    /// <summary>Letters A-Z only: "O'Brien" → "OBRIEN", "Zoë" → "ZOE".</summary>
    public static string Letters(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetter(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>The parts of a name: "Smith-Jones" and "Smith Jones" both give SMITH, JONES.</summary>
    public static string[] Parts(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        return text.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Letters)
            .Where(p => p.Length > 0)
            .ToArray();
    }

    /// <summary>An address line as words in upper case ("12 Mill Lane" → "12 MILL LANE"), for comparing.</summary>
    public static string Address(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return "";
        }

        var builder = new StringBuilder(line.Length);
        var space = false;
        foreach (var c in line)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToUpperInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>A postcode without spaces, upper case ("zx4 7qd" → "ZX47QD"), or "" if blank.</summary>
    public static string Postcode(string? postcode) =>
        string.IsNullOrWhiteSpace(postcode) ? "" : string.Concat(postcode.Where(char.IsAsciiLetterOrDigit)).ToUpper(CultureInfo.InvariantCulture);
}
