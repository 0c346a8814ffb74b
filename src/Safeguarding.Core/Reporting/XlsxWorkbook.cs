using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Safeguarding.Core.Reporting;

/// <summary>What a column holds, which decides how its cells are stored and shown.</summary>
public enum XlsxColumnType
{
    /// <summary>Text, stored as an inline string (never a formula).</summary>
    Text,
    // CA1720: these are the spreadsheet's words for the kinds of column, not the .NET types.
#pragma warning disable CA1720
    /// <summary>A whole number, shown with thousands separators (1,234).</summary>
    Integer,
    /// <summary>A number shown to two decimal places (1,234.50).</summary>
    Decimal,
#pragma warning restore CA1720
    /// <summary>A fraction from 0 to 1, shown as a whole percentage (0.256 shows as 26%).</summary>
    Percent,
    /// <summary>A <see cref="DateOnly"/>, stored as an Excel date and shown dd/mm/yyyy.</summary>
    Date,
}

/// <summary>One column: its header, what it holds and its width in characters.</summary>
public sealed record XlsxColumn(string Header, XlsxColumnType Type = XlsxColumnType.Text, double Width = 15);

/// <summary>
/// A small spreadsheet writer for reports: each sheet is a header row (bold, frozen, with a filter)
/// over rows of typed values. Numbers and dates are stored as real numbers and dates, so people can
/// sort, filter and total them in Excel; text is never interpreted as a formula.
/// </summary>
public sealed class XlsxWorkbook
{
    /// <summary>Excel's limit on a sheet name's length.</summary>
    public const int MaxSheetNameLength = 31;

    /// <summary>Excel's limit on the characters in one cell.</summary>
    public const int MaxCellTextLength = 32_767;

    // Style indexes into the cellXfs list written by Styles(); the order there must match.
    private const uint HeaderStyle = 1;
    private const uint IntegerStyle = 2;
    private const uint DecimalStyle = 3;
    private const uint PercentStyle = 4;
    private const uint DateStyle = 5;
    private const uint DateFormatId = 164; // the first id free for custom number formats

    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    private readonly List<XlsxSheet> sheets = [];

    public IReadOnlyList<XlsxSheet> Sheets => sheets;

    /// <summary>Adds a sheet. Its name is made acceptable to Excel and unique in the workbook (see <see cref="XlsxSheet.Name"/>).</summary>
    public XlsxSheet AddSheet(string name, params XlsxColumn[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0)
        {
            throw new ArgumentException("A sheet needs at least one column.", nameof(columns));
        }

        if (columns.Length > 16_384)
        {
            throw new ArgumentException("Excel allows at most 16,384 columns.", nameof(columns));
        }

        var sheet = new XlsxSheet(UniqueName(SanitiseSheetName(name)), columns);
        sheets.Add(sheet);
        return sheet;
    }

    /// <summary>
    /// Makes a name Excel will accept: no [ ] : * ? / \ (each becomes a hyphen), no control characters,
    /// no apostrophe at either end, not blank, not the reserved "History", at most 31 characters.
    /// </summary>
    public static string SanitiseSheetName(string? name)
    {
        var cleaned = new StringBuilder(name?.Length ?? 0);
        foreach (var c in name ?? "")
        {
            if (c is '[' or ']' or ':' or '*' or '?' or '/' or '\\')
            {
                cleaned.Append('-');
            }
            else if (!char.IsControl(c))
            {
                cleaned.Append(c);
            }
        }

        var result = cleaned.ToString().Trim().Trim('\'').Trim();
        if (result.Length > MaxSheetNameLength)
        {
            result = Truncate(result, MaxSheetNameLength).TrimEnd().TrimEnd('\'');
        }

        if (result.Length == 0)
        {
            return "Sheet";
        }

        // Excel keeps "History" for its change tracking and refuses it as a sheet name.
        return result.Equals("History", StringComparison.OrdinalIgnoreCase) ? "History-" : result;
    }

    /// <summary>Writes the workbook as an .xlsx package.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (sheets.Count == 0)
        {
            throw new InvalidOperationException("A workbook needs at least one sheet.");
        }

        // The packaging layer wants a seekable stream; a response body is not one.
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = Styles();

            var sheetList = new Sheets();
            var filterNames = new DefinedNames();
            for (var i = 0; i < sheets.Count; i++)
            {
                var sheet = sheets[i];
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
                worksheetPart.Worksheet = Worksheet(sheet, selected: i == 0);
                sheetList.Append(new Sheet { Name = sheet.Name, SheetId = (uint)(i + 1), Id = workbookPart.GetIdOfPart(worksheetPart) });

                // Excel records every autofilter's range under this hidden name; without it some readers ignore the filter.
                filterNames.Append(new DefinedName($"'{sheet.Name.Replace("'", "''", StringComparison.Ordinal)}'!{FilterRange(sheet, absolute: true)}")
                {
                    Name = "_xlnm._FilterDatabase",
                    LocalSheetId = (uint)i,
                    Hidden = true,
                });
            }

            workbookPart.Workbook = new Workbook(sheetList, filterNames);
        }

        buffer.Position = 0;
        buffer.CopyTo(stream);
    }

    /// <summary>Writes the workbook to a byte array.</summary>
    public byte[] ToArray()
    {
        using var stream = new MemoryStream();
        Save(stream);
        return stream.ToArray();
    }

    private string UniqueName(string name)
    {
        var candidate = name;
        for (var n = 2; sheets.Any(s => s.Name.Equals(candidate, StringComparison.OrdinalIgnoreCase)); n++)
        {
            var suffix = $" ({n})";
            candidate = Truncate(name, MaxSheetNameLength - suffix.Length) + suffix;
        }

        return candidate;
    }

    // Cuts at a length without splitting a surrogate pair.
    private static string Truncate(string value, int length) =>
        value.Length <= length ? value : value[..(char.IsHighSurrogate(value[length - 1]) ? length - 1 : length)];

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Arial" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Arial" }))
        { Count = 2 },
        // The first two fills are reserved by the format (none and gray125).
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = 3, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true }, // #,##0
            new CellFormat { NumberFormatId = 4, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true }, // #,##0.00
            new CellFormat { NumberFormatId = 9, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true }, // 0%
            new CellFormat { NumberFormatId = DateFormatId, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true })
        { Count = 6 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private static Worksheet Worksheet(XlsxSheet sheet, bool selected)
    {
        var lastColumn = ColumnName(sheet.Columns.Count - 1);
        var lastRow = sheet.Rows.Count + 1;

        // The header stays in view as people scroll.
        var view = new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { WorkbookViewId = 0, TabSelected = selected };

        var columns = new Columns();
        for (var i = 0; i < sheet.Columns.Count; i++)
        {
            columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = sheet.Columns[i].Width, CustomWidth = true });
        }

        var data = new SheetData();
        var header = new Row { RowIndex = 1 };
        for (var i = 0; i < sheet.Columns.Count; i++)
        {
            header.Append(TextCell(ColumnName(i) + "1", sheet.Columns[i].Header, HeaderStyle));
        }

        data.Append(header);
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var rowNumber = (uint)(r + 2);
            var row = new Row { RowIndex = rowNumber };
            var values = sheet.Rows[r];
            for (var c = 0; c < values.Length; c++)
            {
                // A null is no cell at all, which Excel shows as empty and counts as blank.
                if (values[c] is { } value)
                {
                    row.Append(ValueCell(ColumnName(c) + rowNumber.ToString(CultureInfo.InvariantCulture), sheet.Columns[c].Type, value));
                }
            }

            data.Append(row);
        }

        return new Worksheet(
            new SheetDimension { Reference = $"A1:{lastColumn}{lastRow}" },
            new SheetViews(view),
            new SheetFormatProperties { DefaultRowHeight = 15 },
            columns,
            data,
            new AutoFilter { Reference = FilterRange(sheet, absolute: false) });
    }

    private static string FilterRange(XlsxSheet sheet, bool absolute)
    {
        var lastColumn = ColumnName(sheet.Columns.Count - 1);
        var lastRow = (sheet.Rows.Count + 1).ToString(CultureInfo.InvariantCulture);
        return absolute ? $"$A$1:${lastColumn}${lastRow}" : $"A1:{lastColumn}{lastRow}";
    }

    private static Cell ValueCell(string reference, XlsxColumnType type, object value) => type switch
    {
        XlsxColumnType.Text => TextCell(reference, (string)value, style: null),
        XlsxColumnType.Integer => NumberCell(reference, Number(value), IntegerStyle),
        XlsxColumnType.Decimal => NumberCell(reference, Number(value), DecimalStyle),
        XlsxColumnType.Percent => NumberCell(reference, Number(value), PercentStyle),
        // Excel counts days from 30 December 1899 (its 1900 leap-year bug is why dates start in March 1900).
        XlsxColumnType.Date => NumberCell(reference, (((DateOnly)value).DayNumber - ExcelEpoch.DayNumber).ToString(CultureInfo.InvariantCulture), DateStyle),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    // Invariant culture: the file format's numbers use a full stop whatever the server's locale.
    private static string Number(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        _ => Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
    };

    private static Cell NumberCell(string reference, string number, uint style) => new()
    {
        CellReference = reference,
        StyleIndex = style,
        CellValue = new CellValue(number),
    };

    private static Cell TextCell(string reference, string text, uint? style)
    {
        var cell = new Cell(new InlineString(new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }))
        {
            CellReference = reference,
            DataType = CellValues.InlineString,
        };
        if (style is { } index)
        {
            cell.StyleIndex = index;
        }

        return cell;
    }

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    internal static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>Removes characters XML cannot carry (most control characters), which would otherwise fail the save.</summary>
    internal static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                safe.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                safe.Append(text, i, 2);
                i++;
            }
        }

        return safe.ToString();
    }
}

/// <summary>One sheet of an <see cref="XlsxWorkbook"/>: fixed columns and the rows added to it.</summary>
public sealed class XlsxSheet
{
    private readonly List<object?[]> rows = [];

    internal XlsxSheet(string name, IReadOnlyList<XlsxColumn> columns)
    {
        Name = name;
        Columns = columns;
    }

    /// <summary>The name as written: sanitised for Excel and unique in the workbook (a second "KPIs" is "KPIs (2)").</summary>
    public string Name { get; }

    public IReadOnlyList<XlsxColumn> Columns { get; }

    internal IReadOnlyList<object?[]> Rows => rows;

    public int RowCount => rows.Count;

    /// <summary>
    /// Adds a row, one value a column (fewer leave the last cells empty; null is an empty cell). Values are
    /// checked here, so a wrong type fails where the row is built: Text takes strings; Integer any
    /// integer type; Decimal and Percent any number; Date a <see cref="DateOnly"/>.
    /// </summary>
    public XlsxSheet AddRow(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length > Columns.Count)
        {
            throw new ArgumentException($"The row has {values.Length} values but sheet '{Name}' has {Columns.Count} columns.", nameof(values));
        }

        if (rows.Count >= 1_048_575)
        {
            throw new InvalidOperationException("Excel allows at most 1,048,576 rows, header included.");
        }

        var checkedValues = new object?[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            checkedValues[i] = Check(Columns[i], values[i], i);
        }

        rows.Add(checkedValues);
        return this;
    }

    private object? Check(XlsxColumn column, object? value, int index)
    {
        if (value is null)
        {
            return null;
        }

        var ok = column.Type switch
        {
            XlsxColumnType.Text => value is string,
            XlsxColumnType.Integer => value is byte or sbyte or short or ushort or int or uint or long or ulong,
            XlsxColumnType.Decimal or XlsxColumnType.Percent =>
                value is byte or sbyte or short or ushort or int or uint or long or ulong or decimal
                || (value is double d && double.IsFinite(d))
                || (value is float f && float.IsFinite(f)),
            XlsxColumnType.Date => value is DateOnly date && date >= new DateOnly(1900, 3, 1),
            _ => false,
        };
        if (!ok)
        {
            throw new ArgumentException(
                $"Column {index + 1} ('{column.Header}') of sheet '{Name}' is {column.Type} and cannot hold {value.GetType().Name} '{value}'.",
                nameof(value));
        }

        if (value is string text)
        {
            text = XlsxWorkbook.XmlSafe(text);
            if (text.Length > XlsxWorkbook.MaxCellTextLength)
            {
                throw new ArgumentException($"Column {index + 1} ('{column.Header}') of sheet '{Name}': Excel allows at most 32,767 characters in a cell.", nameof(value));
            }

            return text;
        }

        return value;
    }
}
