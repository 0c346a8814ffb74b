using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Safeguarding.Core.Reporting;

/// <summary>
/// Writes RFC 4180 CSV (comma-separated, CRLF line ends, fields quoted when they must be) in UTF-8
/// with a byte order mark, which is what Excel needs to read anything beyond ASCII correctly.
/// Text that a spreadsheet would run as a formula is defused with a leading apostrophe.
/// </summary>
public sealed partial class CsvWriter : IDisposable, IAsyncDisposable
{
    private readonly StreamWriter writer;

    /// <summary>Starts a CSV file on the stream; the byte order mark is written at once.</summary>
    public CsvWriter(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen) { NewLine = "\r\n" };
        // StreamWriter writes the preamble only with its first character; an empty report should still carry it.
        writer.Flush();
    }

    /// <summary>The media type to serve a file from this writer with.</summary>
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>Writes one record: null is an empty field, numbers are written invariantly, dates as yyyy-MM-dd.</summary>
    public void WriteRow(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            writer.Write(Field(values[i]));
        }

        writer.WriteLine();
    }

    public void Flush() => writer.Flush();

    /// <summary>One value as a CSV field, defused and quoted as needed.</summary>
    public static string Field(object? value) => value switch
    {
        null => "",
        // Real numbers are data, not text a person typed, so they are never prefixed ("-5" stays -5).
        sbyte or byte or short or ushort or int or uint or long or ulong or decimal => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
        double d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : throw new ArgumentException("CSV cannot hold a non-finite number.", nameof(value)),
        float f => float.IsFinite(f) ? f.ToString("R", CultureInfo.InvariantCulture) : throw new ArgumentException("CSV cannot hold a non-finite number.", nameof(value)),
        // ISO dates: Excel in any locale reads them as dates, and they sort as text.
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        bool flag => flag ? "TRUE" : "FALSE",
        IFormattable formattable => Text(formattable.ToString(null, CultureInfo.InvariantCulture)),
        _ => Text(value.ToString() ?? ""),
    };

    private static string Text(string text)
    {
        // Spreadsheets run a cell starting with = + - @ (and tab or CR, which some strip first) as a
        // formula: a name like "=HYPERLINK(...)" in a referral would become a live link or command.
        // The apostrophe makes Excel show it as text. A plain number such as "-12.5" is left alone.
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !PlainNumber().IsMatch(text))
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;
    }

    [GeneratedRegex(@"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();

    public void Dispose() => writer.Dispose();

    public ValueTask DisposeAsync() => writer.DisposeAsync();
}
