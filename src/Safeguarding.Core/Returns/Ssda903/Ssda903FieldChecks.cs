using System.Globalization;
using System.Text.RegularExpressions;

namespace Safeguarding.Core.Returns.Ssda903;

/// <summary>One field that does not meet the year's specification.</summary>
/// <param name="Table">The table (specification name, e.g. "episodes").</param>
/// <param name="Row">The data row, from 1 (the file's line is Row + 1, after the header row); 0 for a problem with the columns themselves.</param>
/// <param name="Column">The column, e.g. "PLACE".</param>
/// <param name="Value">The value as written ("" when blank).</param>
/// <param name="Message">What is wrong, in words a performance officer understands.</param>
public sealed record Ssda903FieldIssue(string Table, int Row, string Column, string Value, string Message);

/// <summary>
/// The SSDA903 field-level checks from the year's specification (<see cref="Ssda903Spec"/>): the table is one
/// of the year's, its columns are the specification's in order, a value that may not be blank is there,
/// a category value is one of the year's codes, a date is a real dd/mm/yyyy date, a number is a whole number,
/// an alphanumeric value is letters and digits, a postcode is a full or partial postcode. These are not the
/// DfE's validation rules (those relate fields and tables); they run first, on export and on import.
/// </summary>
public static partial class Ssda903FieldChecks
{
    /// <summary>Every field issue in the return's tables, table by table (in name order), row by row, column by column.</summary>
    public static IReadOnlyList<Ssda903FieldIssue> Check(Ssda903Return ssda903)
    {
        ArgumentNullException.ThrowIfNull(ssda903);
        return ssda903.Tables.Values.OrderBy(t => t.Name, StringComparer.Ordinal).SelectMany(t => Check(t, ssda903.CollectionYear)).ToList();
    }

    /// <summary>The field issues in one table against the year's specification.</summary>
    public static IReadOnlyList<Ssda903FieldIssue> Check(Ssda903Table table, int collectionYear)
    {
        ArgumentNullException.ThrowIfNull(table);
        var issues = new List<Ssda903FieldIssue>();
        if (!Ssda903Spec.For(collectionYear).TryGetValue(table.Name, out var spec))
        {
            issues.Add(new(table.Name, 0, "", "", $"{table.Name} is not a table of the {Years(collectionYear)} SSDA903 return"));
            return issues;
        }

        var expected = spec.Select(c => c.Name).ToList();
        if (!expected.SequenceEqual(table.Columns, StringComparer.Ordinal))
        {
            foreach (var missing in expected.Except(table.Columns, StringComparer.Ordinal))
            {
                issues.Add(new(table.Name, 0, missing, "", $"The {table.Name} table has no {missing} column"));
            }

            foreach (var extra in table.Columns.Except(expected, StringComparer.Ordinal))
            {
                issues.Add(new(table.Name, 0, extra, "", $"{extra} is not a column of the {table.Name} table in {Years(collectionYear)}"));
            }

            if (issues.Count == 0)
            {
                issues.Add(new(table.Name, 0, "", "", $"The {table.Name} table's columns should be in the order {string.Join(", ", expected)}"));
            }
        }

        var columns = table.Columns.Select(name => spec.FirstOrDefault(c => c.Name == name)).ToList();
        for (var row = 0; row < table.Rows.Count; row++)
        {
            var values = table.Rows[row];
            if (values.Count != table.Columns.Count)
            {
                issues.Add(new(table.Name, row + 1, "", "", $"The row has {values.Count} values for {table.Columns.Count} columns"));
                continue;
            }

            for (var i = 0; i < columns.Count; i++)
            {
                if (columns[i] is { } column && Problem(column, values[i] ?? "") is { } message)
                {
                    issues.Add(new(table.Name, row + 1, column.Name, values[i] ?? "", message));
                }
            }
        }

        return issues;
    }

    /// <summary>What is wrong with one value of a column, or null when it meets the specification.</summary>
    public static string? Problem(Ssda903Column column, string value)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            return column.CanBeBlank ? null : $"{column.Name} must not be blank";
        }

        return column.Kind switch
        {
            "category" when !column.Codes.Contains(value, StringComparer.Ordinal) =>
                $"{column.Name} '{value}' is not one of the codes: {string.Join(", ", column.Codes)}",
            "date" when !DateOnly.TryParseExact(value, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) =>
                $"{column.Name} '{value}' is not a date written dd/mm/yyyy",
            "numeric" when !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _) =>
                $"{column.Name} '{value}' is not a whole number",
            "string" when column.Name.EndsWith("_POST", StringComparison.Ordinal) && !Postcode().IsMatch(value) =>
                $"{column.Name} '{value}' is not a postcode: give the outward code and the first character of the inward code, like ZX1 4",
            "string" when !column.Name.EndsWith("_POST", StringComparison.Ordinal) && !value.All(char.IsAsciiLetterOrDigit) =>
                $"{column.Name} '{value}' must be letters and digits only",
            _ => null,
        };
    }

    private static string Years(int collectionYear) => $"{collectionYear - 1}-{collectionYear % 100:00}";

    /// <summary>A full postcode ("ZX1 4AB") or the 903's partial one ("ZX1 4").</summary>
    [GeneratedRegex(@"^[A-Z][A-Z0-9]{1,3} [0-9]([A-Z]{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Postcode();
}
