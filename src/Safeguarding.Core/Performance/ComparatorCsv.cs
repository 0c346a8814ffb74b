using System.Globalization;
using System.Text;

namespace Safeguarding.Core.Performance;

/// <summary>
/// Reads published comparators from CSV with a header row: indicator, comparator, year, value, source.
/// Comparator is England, Statistical neighbours (or SN) or Region; year is 2019 or 2019/20; values are
/// as published (23 or 23% for a percentage, 545 for a rate per 10,000).
/// </summary>
public static class ComparatorCsv
{
    public const string Header = "indicator,comparator,year,value,source";

    public static (List<(int Line, ComparatorForm Form)> Forms, Dictionary<string, string> Errors) Parse(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var forms = new List<(int, ComparatorForm)>();
        var errors = new Dictionary<string, string>();
        var rows = Rows(csv.TrimStart('\uFEFF')).ToList();
        foreach (var (line, fields) in rows)
        {
            if (line == 1 && fields.Count > 0 && fields[0].Trim().Equals("indicator", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (fields.Count != 5)
            {
                errors[$"line{line}"] = $"Line {line}: expected 5 columns ({Header}) but found {fields.Count}";
                continue;
            }

            var definition = DefaultIndicators.Find(fields[0].Trim());
            if (definition is null)
            {
                errors[$"line{line}"] = $"Line {line}: there is no indicator called {fields[0].Trim()}";
                continue;
            }

            if (Kind(fields[1]) is not { } kind)
            {
                errors[$"line{line}"] = $"Line {line}: the comparator must be England, Statistical neighbours or Region, not {fields[1].Trim()}";
                continue;
            }

            var yearText = fields[2].Trim();
            var slash = yearText.IndexOfAny(['/', '-']);
            if (!int.TryParse(slash > 0 ? yearText[..slash] : yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                errors[$"line{line}"] = $"Line {line}: the year must look like 2019 or 2019/20, not {yearText}";
                continue;
            }

            var valueText = fields[3].Trim().TrimEnd('%').Replace(",", "", StringComparison.Ordinal);
            if (!decimal.TryParse(valueText, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                errors[$"line{line}"] = $"Line {line}: the value must be a number, not {fields[3].Trim()}";
                continue;
            }

            forms.Add((line, new ComparatorForm(definition.Code, kind, year, definition.Format == IndicatorFormat.Percent ? value / 100 : value, fields[4])));
        }

        return (forms, errors);
    }

    private static ComparatorKind? Kind(string text) => text.Trim().ToLowerInvariant() switch
    {
        "england" or "national" => ComparatorKind.England,
        "statistical neighbours" or "statistical neighbour" or "sn" => ComparatorKind.StatisticalNeighbours,
        "region" or "regional" => ComparatorKind.Region,
        _ => null,
    };

    /// <summary>RFC 4180 rows with their starting line numbers: quoted fields may hold commas, quotes ("") and line breaks.</summary>
    private static IEnumerable<(int Line, List<string> Fields)> Rows(string csv)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var rowLine = 1;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                yield return (rowLine, fields);
                fields = [];
                line++;
                rowLine = line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (rowLine, fields);
        }
    }
}
