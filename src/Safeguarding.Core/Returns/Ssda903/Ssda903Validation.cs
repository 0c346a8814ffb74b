using System.Collections.Concurrent;
using System.Globalization;

namespace Safeguarding.Core.Returns.Ssda903;

/// <summary>An error must be fixed before the DfE accepts the return; a query is a plausibility check the authority may confirm instead.</summary>
public enum Ssda903Severity
{
    Error,
    Query,
}

/// <summary>One failure of one rule: where (table, row as the file numbers its lines, the header being line 1), whose (CHILD) and which fields, in the DfE's words.</summary>
public sealed record Ssda903Issue(string Rule, Ssda903Severity Severity, string Table, int Row, string Child, IReadOnlyList<string> Fields, string Message);

/// <summary>How often a rule failed in a return.</summary>
public sealed record Ssda903RuleCount(string Rule, Ssda903Severity Severity, int Count, string Message);

/// <summary>The issues found in a return, in rule then table then row order, and the count per rule.</summary>
public sealed record Ssda903Validation(int CollectionYear, IReadOnlyList<Ssda903Issue> Issues, IReadOnlyList<Ssda903RuleCount> Counts)
{
    public int Errors => Issues.Count(i => i.Severity == Ssda903Severity.Error);

    public int Queries => Issues.Count(i => i.Severity == Ssda903Severity.Query);
}

/// <summary>A DfE rule as the catalogue publishes it: code, message, the fields and tables it names.</summary>
public sealed record Ssda903RuleInfo(string Code, string Message, IReadOnlyList<string> Fields, IReadOnlyList<string> Tables);

/// <summary>Where a rule failed: a row of a table (0-based index into its rows) and, when they differ from the rule's own, the fields at fault.</summary>
public sealed record Ssda903Hit(string Table, int Index, IReadOnlyList<string>? Fields = null);

/// <summary>
/// One validation rule: its DfE code, whether it is an error or a query, the table and fields it reports against and
/// its check. The message comes from the year's catalogue, so the wording is the DfE's.
/// </summary>
public sealed record Ssda903Rule(string Code, Ssda903Severity Severity, string Table, IReadOnlyList<string> Fields, Func<Ssda903Data, IEnumerable<Ssda903Hit>> Check);

/// <summary>The DfE's published rule catalogue for a collection year, embedded in this assembly (see Returns/Schemas/SOURCE.md).</summary>
public static class Ssda903RuleCatalogue
{
    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, Ssda903RuleInfo>> Loaded = new();

    /// <summary>The catalogue that applies to the year: 2023-24's for 2024 and earlier, 2024-25's after (the latest published as a list).</summary>
    public static IReadOnlyDictionary<string, Ssda903RuleInfo> For(int collectionYear) =>
        Loaded.GetOrAdd(collectionYear <= 2024 ? "903_2023_24_rule_info.csv" : "903_2024_25_rule_info.csv", Load);

    private static IReadOnlyDictionary<string, Ssda903RuleInfo> Load(string file)
    {
        using var stream = typeof(Ssda903RuleCatalogue).Assembly.GetManifestResourceStream($"Safeguarding.Core.Returns.Schemas.{file}")
            ?? throw new InvalidOperationException($"The SSDA903 rule catalogue {file} is not embedded.");
        var rows = Ssda903Reader.ParseCsv(new StreamReader(stream).ReadToEnd());
        var rules = new Dictionary<string, Ssda903RuleInfo>(StringComparer.Ordinal);
        foreach (var row in rows.Skip(1).Where(r => r.Count >= 4))
        {
            rules[row[0].Trim()] = new Ssda903RuleInfo(row[0].Trim(), row[1].Trim(), List(row[2]), List(row[3]));
        }

        return rules;
    }

    /// <summary>A Python-style list of quoted names: ['DEC', 'REC'].</summary>
    private static List<string> List(string text) =>
        text.Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.Trim('\'', '"')).Where(s => s.Length > 0).ToList();
}

/// <summary>A row of a table as the rules see it: values by column ("" when blank or when the table lacks the column), dates parsed.</summary>
public readonly record struct Ssda903Row(Ssda903Table Table, int Index)
{
    public string this[string column]
    {
        get
        {
            var i = Table.IndexOf(column);
            return i < 0 ? "" : Table.Rows[Index][i];
        }
    }

    public string Child => this["CHILD"];

    /// <summary>The line in the file: the header is line 1, so the first row is line 2.</summary>
    public int Line => Index + 2;

    public bool Blank(string column) => this[column].Length == 0;

    public bool Has(string column) => !Blank(column);

    /// <summary>The column as a date (dd/mm/yyyy), or null when blank or not a date.</summary>
    public DateOnly? Date(string column) => Ssda903Data.ParseDate(this[column]);

    /// <summary>The column holds something that is not a dd/mm/yyyy date.</summary>
    public bool BadDate(string column) => Has(column) && Date(column) is null;
}

/// <summary>A return prepared for the rules: rows by table and child, each child's episodes in date order, dates of birth, the collection year's bounds.</summary>
public sealed class Ssda903Data
{
    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy"];
    private readonly Dictionary<string, IReadOnlyList<Ssda903Row>> rows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ILookup<string, Ssda903Row>> byChild = new(StringComparer.Ordinal);
    private Dictionary<string, IReadOnlyList<Ssda903Row>>? episodes;
    private Dictionary<string, DateOnly>? births;

    public Ssda903Data(Ssda903Return @return)
    {
        Return = @return;
        Year = @return.CollectionYear;
        Start = new DateOnly(Year - 1, 4, 1);
        End = new DateOnly(Year, 3, 31);
    }

    public Ssda903Return Return { get; }

    public int Year { get; }

    /// <summary>1 April at the start of the collection year.</summary>
    public DateOnly Start { get; }

    /// <summary>31 March at its end.</summary>
    public DateOnly End { get; }

    public static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>Whole years between a birth date and a day.</summary>
    public static int Age(DateOnly born, DateOnly on) => on.Year - born.Year - (on.Month < born.Month || (on.Month == born.Month && on.Day < born.Day) ? 1 : 0);

    public bool HasTable(string table) => Return.Tables.ContainsKey(table);

    /// <summary>The table's rows; none when the return does not have the table.</summary>
    public IReadOnlyList<Ssda903Row> Rows(string table)
    {
        if (!rows.TryGetValue(table, out var list))
        {
            list = Return.Tables.TryGetValue(table, out var t) ? Enumerable.Range(0, t.Rows.Count).Select(i => new Ssda903Row(t, i)).ToList() : [];
            rows[table] = list;
        }

        return list;
    }

    /// <summary>The table's rows for a child.</summary>
    public IEnumerable<Ssda903Row> Rows(string table, string child)
    {
        if (!byChild.TryGetValue(table, out var lookup))
        {
            lookup = Rows(table).ToLookup(r => r.Child, StringComparer.Ordinal);
            byChild[table] = lookup;
        }

        return lookup[child];
    }

    /// <summary>Children with episodes, each with the episodes ordered by start date (undated ones last).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Ssda903Row>> Episodes => episodes ??= Rows("episodes")
        .GroupBy(r => r.Child, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => (IReadOnlyList<Ssda903Row>)g.OrderBy(r => r.Date("DECOM") ?? DateOnly.MaxValue).ThenBy(r => r.Index).ToList(), StringComparer.Ordinal);

    /// <summary>The child's episodes in date order; none when the child has none.</summary>
    public IReadOnlyList<Ssda903Row> EpisodesOf(string child) => Episodes.TryGetValue(child, out var list) ? list : [];

    /// <summary>The child's date of birth from the header, when it holds a valid one.</summary>
    public DateOnly? Born(string child)
    {
        births ??= Rows("header").Where(r => r.Date("DOB") is not null).GroupBy(r => r.Child, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Date("DOB")!.Value, StringComparer.Ordinal);
        return births.TryGetValue(child, out var born) ? born : null;
    }

    /// <summary>The child's age on a day, from the header's date of birth.</summary>
    public int? AgeOn(string child, DateOnly on) => Born(child) is { } born ? Age(born, on) : null;

    /// <summary>The codes the year's specification allows in a column; null when the specification has no such column.</summary>
    public IReadOnlyList<string>? Codes(string table, string column) =>
        Ssda903Spec.For(Year).TryGetValue(table, out var columns) ? columns.FirstOrDefault(c => c.Name == column)?.Codes : null;
}

/// <summary>Runs the rules over a return and reports the issues with the DfE's messages and the counts per rule.</summary>
public static class Ssda903Validator
{
    public static Ssda903Validation Validate(Ssda903Return @return, IEnumerable<Ssda903Rule>? rules = null)
    {
        var data = new Ssda903Data(@return);
        var catalogue = Ssda903RuleCatalogue.For(@return.CollectionYear);
        var issues = new List<Ssda903Issue>();
        var counts = new List<Ssda903RuleCount>();
        foreach (var rule in rules ?? Ssda903Rules.All)
        {
            var message = catalogue.TryGetValue(rule.Code, out var info) ? info.Message : Ssda903Rules.FallbackMessage(rule.Code);
            var count = 0;
            foreach (var hit in rule.Check(data).Distinct())
            {
                if (!@return.Tables.TryGetValue(hit.Table, out var table) || hit.Index < 0 || hit.Index >= table.Rows.Count)
                {
                    continue;
                }

                var row = new Ssda903Row(table, hit.Index);
                issues.Add(new Ssda903Issue(rule.Code, rule.Severity, hit.Table, row.Line, row.Child, hit.Fields ?? rule.Fields, message));
                count++;
            }

            if (count > 0)
            {
                counts.Add(new Ssda903RuleCount(rule.Code, rule.Severity, count, message));
            }
        }

        return new Ssda903Validation(@return.CollectionYear, issues, counts);
    }
}
