using System.Text;

namespace Safeguarding.Core.Returns.Ssda903;

/// <summary>
/// An SSDA903 return as files: one CSV a table, named by the specification's table name
/// (<c>header.csv</c>, <c>episodes.csv</c>, <c>reviews.csv</c>, <c>uasc.csv</c>, <c>oc2.csv</c>, <c>oc3.csv</c>,
/// <c>ad1.csv</c>, <c>placed_adoption.csv</c>, <c>prev_perm.csv</c>, <c>missing.csv</c>, <c>social_worker.csv</c>),
/// the first row the column names. UTF-8 without a byte order mark, CRLF line ends, fields quoted only when
/// RFC 4180 needs it. Unlike <see cref="Reporting.CsvWriter"/> (made for spreadsheets) there is no byte order
/// mark and no formula defusing: the DfE's loaders and validator read the first column's name and every
/// value literally, and a file read back must give exactly the values written.
/// </summary>
public static class Ssda903Files
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The file a table is written to: its specification name with ".csv".</summary>
    public static string FileName(string table) => table + ".csv";

    /// <summary>Writes every table of the return into the directory (created if missing), replacing files of the same names; returns the paths written, in table-name order.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(Ssda903Return ssda903, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ssda903);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        foreach (var table in ssda903.Tables.Values.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var path = Path.Combine(directory, FileName(table.Name));
            await using (var stream = File.Create(path))
            {
                await WriteTableAsync(table, stream, cancellationToken);
            }

            paths.Add(path);
        }

        return paths;
    }

    /// <summary>Writes one table: the header row of column names, then each row.</summary>
    public static async Task WriteTableAsync(Ssda903Table table, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        await using var writer = new StreamWriter(stream, Utf8, bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(Line(table.Columns).AsMemory(), cancellationToken);
        foreach (var row in table.Rows)
        {
            await writer.WriteLineAsync(Line(row).AsMemory(), cancellationToken);
        }
    }

    private static string Line(IReadOnlyList<string> values)
    {
        var line = new StringBuilder();
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            var value = values[i] ?? "";
            if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                line.Append(value);
            }
        }

        return line.ToString();
    }
}
