using System.Text;

namespace Safeguarding.Core.Returns.Ssda903;

/// <summary>One thing wrong with an SSDA903 file: the file, the line (1 = the header row), the column (1-based, 0 when the whole line or file) and what is wrong.</summary>
public sealed record Ssda903FileProblem(string File, int Line, int Column, string Message)
{
    public override string ToString() => Column > 0 ? $"{File}, line {Line}, column {Column}: {Message}" : Line > 0 ? $"{File}, line {Line}: {Message}" : $"{File}: {Message}";
}

/// <summary>The files could not be read as an SSDA903 return; nothing was read. Every problem found is listed.</summary>
public sealed class Ssda903FileException(IReadOnlyList<Ssda903FileProblem> problems)
    : Exception(problems.Count == 1 ? problems[0].ToString() : $"{problems.Count} problems in the SSDA903 files; the first: {problems[0]}")
{
    public IReadOnlyList<Ssda903FileProblem> Problems { get; } = problems;
}

/// <summary>
/// Reads the SSDA903 return's CSV files (one per table, as the DfE's upload takes them) into an <see cref="Ssda903Return"/>.
/// Each file's table is recognised by its header row, not its name: a file whose columns are exactly a table's columns in
/// the year's specification (in any order) is that table. A bad file stops the read with every problem found: the file,
/// the line and column, and what is wrong (not UTF-8, a table no specification knows, a missing or unknown column, a row
/// with the wrong number of fields, a quote left open, two files for one table).
/// </summary>
public static class Ssda903Reader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads every *.csv file in the folder.</summary>
    public static async Task<Ssda903Return> ReadAsync(string directory, int collectionYear, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(directory))
        {
            throw new Ssda903FileException([new Ssda903FileProblem(directory, 0, 0, "no such folder")]);
        }

        var paths = Directory.EnumerateFiles(directory, "*.csv").Order(StringComparer.Ordinal).ToList();
        if (paths.Count == 0)
        {
            throw new Ssda903FileException([new Ssda903FileProblem(directory, 0, 0, "the folder has no .csv files")]);
        }

        var files = new List<(string Name, byte[] Content)>();
        foreach (var path in paths)
        {
            files.Add((Path.GetFileName(path), await File.ReadAllBytesAsync(path, cancellationToken)));
        }

        return Read(files, collectionYear);
    }

    /// <summary>Reads the named streams (an upload's files, for instance); each stream is read to its end.</summary>
    public static async Task<Ssda903Return> ReadAsync(IEnumerable<(string Name, Stream Content)> files, int collectionYear, CancellationToken cancellationToken = default)
    {
        var read = new List<(string Name, byte[] Content)>();
        foreach (var (name, stream) in files)
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            read.Add((name, buffer.ToArray()));
        }

        return Read(read, collectionYear);
    }

    /// <summary>Reads files already in memory.</summary>
    public static Ssda903Return Read(IEnumerable<(string Name, byte[] Content)> files, int collectionYear)
    {
        var spec = Ssda903Spec.For(collectionYear);
        var problems = new List<Ssda903FileProblem>();
        var tables = new Dictionary<string, Ssda903Table>(StringComparer.Ordinal);
        var fileOfTable = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, content) in files)
        {
            var table = ReadFile(name, content, spec, collectionYear, problems);
            if (table is null)
            {
                continue;
            }

            if (fileOfTable.TryGetValue(table.Name, out var earlier))
            {
                problems.Add(new Ssda903FileProblem(name, 1, 0, $"a second {table.Name} table: {earlier} already holds it"));
                continue;
            }

            fileOfTable[table.Name] = name;
            tables[table.Name] = table;
        }

        return problems.Count > 0 ? throw new Ssda903FileException(problems) : new Ssda903Return(collectionYear, tables);
    }

    private static Ssda903Table? ReadFile(string file, byte[] content, IReadOnlyDictionary<string, IReadOnlyList<Ssda903Column>> spec, int year, List<Ssda903FileProblem> problems)
    {
        string text;
        try
        {
            var start = content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
            text = StrictUtf8.GetString(content, start, content.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            var at = Math.Clamp(e.Index, 0, content.Length);
            var line = 1 + content.AsSpan(0, at).Count((byte)'\n');
            problems.Add(new Ssda903FileProblem(file, line, 0, "not UTF-8 text: save the file as CSV UTF-8"));
            return null;
        }

        var lines = SplitLines(text);
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        if (lines.Count == 0)
        {
            problems.Add(new Ssda903FileProblem(file, 0, 0, "the file is empty: it needs a header row naming the columns"));
            return null;
        }

        var before = problems.Count;
        var header = ParseLine(lines[0], file, 1, problems);
        if (header is null)
        {
            return null;
        }

        header = header.Select(h => h.Trim()).ToList();
        var table = Recognise(file, header, spec, year, problems);
        if (table is null)
        {
            return null;
        }

        var rows = new List<IReadOnlyList<string>>(lines.Count - 1);
        for (var i = 1; i < lines.Count; i++)
        {
            var line = i + 1;
            if (lines[i].Length == 0)
            {
                problems.Add(new Ssda903FileProblem(file, line, 0, "an empty line inside the table"));
                continue;
            }

            var fields = ParseLine(lines[i], file, line, problems);
            if (fields is null)
            {
                continue;
            }

            if (fields.Count != header.Count)
            {
                problems.Add(new Ssda903FileProblem(file, line, 0, $"{fields.Count} field(s) where the header row has {header.Count} columns"));
                continue;
            }

            rows.Add(fields.Select(f => f.Trim()).ToList());
        }

        return problems.Count > before ? null : new Ssda903Table(table, header, rows);
    }

    /// <summary>The table whose columns the header row names; a near miss is reported with the columns missing or unknown.</summary>
    private static string? Recognise(string file, IReadOnlyList<string> header, IReadOnlyDictionary<string, IReadOnlyList<Ssda903Column>> spec, int year, List<Ssda903FileProblem> problems)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i].Length == 0)
            {
                problems.Add(new Ssda903FileProblem(file, 1, i + 1, "a column with no name in the header row"));
                return null;
            }

            if (header.Take(i).Contains(header[i], StringComparer.Ordinal))
            {
                problems.Add(new Ssda903FileProblem(file, 1, i + 1, $"column {header[i]} appears twice"));
                return null;
            }
        }

        var given = header.ToHashSet(StringComparer.Ordinal);
        var exact = spec.Where(t => t.Value.Count == given.Count && t.Value.All(c => given.Contains(c.Name))).Select(t => t.Key).FirstOrDefault();
        if (exact is not null)
        {
            return exact;
        }

        // The nearest table: most columns in common, then fewest differences.
        var nearest = spec
            .Select(t => (Table: t.Key, Common: t.Value.Count(c => given.Contains(c.Name)), Differences: t.Value.Count(c => !given.Contains(c.Name)) + given.Count(g => t.Value.All(c => c.Name != g))))
            .OrderByDescending(t => t.Common).ThenBy(t => t.Differences).ThenBy(t => t.Table, StringComparer.Ordinal)
            .First();
        var columns = spec[nearest.Table];
        var distinctive = columns.Count(c => c.Name is not ("CHILD" or "DOB" or "SEX") && given.Contains(c.Name));
        if (distinctive == 0 || nearest.Common * 2 < columns.Count)
        {
            problems.Add(new Ssda903FileProblem(file, 1, 0, $"the header row ({string.Join(",", header)}) matches no SSDA903 table for {year - 1}-{year % 100:00}; the tables are {string.Join(", ", spec.Keys)}"));
            return null;
        }

        for (var i = 0; i < header.Count; i++)
        {
            if (columns.All(c => c.Name != header[i]))
            {
                problems.Add(new Ssda903FileProblem(file, 1, i + 1, $"unknown column {header[i]}: the {nearest.Table} table has {string.Join(",", columns.Select(c => c.Name))}"));
            }
        }

        var missing = columns.Where(c => !given.Contains(c.Name)).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new Ssda903FileProblem(file, 1, 0, $"the {nearest.Table} table is missing column(s) {string.Join(", ", missing)}"));
        }

        return null;
    }

    /// <summary>Every non-empty line of CSV text as its fields (lines that do not parse are left out).</summary>
    internal static List<List<string>> ParseCsv(string text)
    {
        var ignored = new List<Ssda903FileProblem>();
        return SplitLines(text.TrimStart('\uFEFF')).Where(l => l.Length > 0).Select((l, i) => ParseLine(l.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\n', ' '), "", i + 1, ignored)).OfType<List<string>>().ToList();
    }

    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == '\n' && !quoted)
            {
                lines.Add(text[start..(i > start && text[i - 1] == '\r' ? i - 1 : i)]);
                start = i + 1;
            }
        }

        lines.Add(text[start..].TrimEnd('\r'));
        return lines;
    }

    /// <summary>The fields of one CSV line: commas separate, double quotes enclose a field that holds a comma, "" is a quote.</summary>
    private static List<string>? ParseLine(string line, string file, int number, List<Ssda903FileProblem> problems)
    {
        if (line.Contains('\n', StringComparison.Ordinal))
        {
            problems.Add(new Ssda903FileProblem(file, number, 0, "a quoted field runs over more than one line (a quote left open?)"));
            return null;
        }

        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (true)
        {
            var column = fields.Count + 1;
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        problems.Add(new Ssda903FileProblem(file, number, column, "a quote is opened and never closed"));
                        return null;
                    }

                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(line[i++]);
                }

                if (i < line.Length && line[i] != ',')
                {
                    problems.Add(new Ssda903FileProblem(file, number, column, "text after a closing quote: a quote inside a field must be doubled"));
                    return null;
                }
            }
            else
            {
                while (i < line.Length && line[i] != ',')
                {
                    if (line[i] == '"')
                    {
                        problems.Add(new Ssda903FileProblem(file, number, column, "a quote inside an unquoted field"));
                        return null;
                    }

                    field.Append(line[i++]);
                }
            }

            fields.Add(field.ToString());
            field.Clear();
            if (i >= line.Length)
            {
                return fields;
            }

            i++; // the comma
        }
    }
}
