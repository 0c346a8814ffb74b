using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Safeguarding.Core.Reporting;

namespace Safeguarding.Core.Tests.Reporting;

/// <summary>Workbooks written, then read back with the Open XML SDK as Excel would see them.</summary>
public sealed class XlsxWorkbookTests
{
    private static readonly XlsxColumn[] KpiColumns =
    [
        new("Measure", XlsxColumnType.Text, 40),
        new("Count", XlsxColumnType.Integer),
        new("Average days", XlsxColumnType.Decimal),
        new("Within timescale", XlsxColumnType.Percent),
        new("Period end", XlsxColumnType.Date, 12),
    ];

    private static SpreadsheetDocument Write(XlsxWorkbook book)
    {
        var stream = new MemoryStream();
        book.Save(stream);
        stream.Position = 0;
        return SpreadsheetDocument.Open(stream, isEditable: false);
    }

    private static Worksheet SheetNamed(SpreadsheetDocument document, string name)
    {
        var workbookPart = document.WorkbookPart!;
        var sheet = workbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)workbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    private static Cell CellAt(Worksheet sheet, string reference) =>
        sheet.Descendants<Cell>().Single(c => c.CellReference == reference);

    private static string NumberFormatOf(SpreadsheetDocument document, Cell cell)
    {
        var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);
        var id = format.NumberFormatId!.Value;
        var custom = styles.NumberingFormats?.Elements<NumberingFormat>().SingleOrDefault(f => f.NumberFormatId!.Value == id);
        // Built-in formats have no code in the file; these are the ones the writer uses.
        return custom?.FormatCode?.Value ?? id switch { 3 => "#,##0", 4 => "#,##0.00", 9 => "0%", _ => $"builtin {id}" };
    }

    [Fact]
    public void Cells_AreStoredAsNumbersDatesAndText_WithTheirFormats()
    {
        var book = new XlsxWorkbook();
        book.AddSheet("KPIs", KpiColumns)
            .AddRow("Contacts decided within one working day", 1234, 1.5m, 0.256, new DateOnly(2026, 10, 31))
            .AddRow("=HYPERLINK(\"http://x\")", null, null, null, null)
            .AddRow("Short row", 7);

        using var document = Write(book);
        var sheet = SheetNamed(document, "KPIs");

        var header = CellAt(sheet, "A1");
        Assert.Equal(CellValues.InlineString, header.DataType!.Value);
        Assert.Equal("Measure", header.InnerText);
        var headerFormat = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)header.StyleIndex!.Value);
        var headerFont = document.WorkbookPart.WorkbookStylesPart.Stylesheet.Fonts!.Elements<Font>().ElementAt((int)headerFormat.FontId!.Value);
        Assert.NotNull(headerFont.Bold);

        var text = CellAt(sheet, "A2");
        Assert.Equal(CellValues.InlineString, text.DataType!.Value);
        Assert.Equal("Contacts decided within one working day", text.InnerText);

        // Numbers: no data type means a number; the value is the number itself.
        var count = CellAt(sheet, "B2");
        Assert.Null(count.DataType);
        Assert.Equal("1234", count.CellValue!.Text);
        Assert.Equal("#,##0", NumberFormatOf(document, count));
        Assert.Equal("1.5", CellAt(sheet, "C2").CellValue!.Text);
        Assert.Equal("#,##0.00", NumberFormatOf(document, CellAt(sheet, "C2")));
        var percent = CellAt(sheet, "D2");
        Assert.Null(percent.DataType);
        Assert.Equal("0.256", percent.CellValue!.Text);
        Assert.Equal("0%", NumberFormatOf(document, percent));

        // 31 October 2026 is day 46,326 counting from Excel's 30 December 1899.
        var date = CellAt(sheet, "E2");
        Assert.Null(date.DataType);
        Assert.Equal("46326", date.CellValue!.Text);
        Assert.Equal(new DateTime(2026, 10, 31), DateTime.FromOADate(46326));
        Assert.Equal("dd/mm/yyyy", NumberFormatOf(document, date));

        // Text that looks like a formula stays text; nulls and missing values are no cell at all.
        var formulaLike = CellAt(sheet, "A3");
        Assert.Equal(CellValues.InlineString, formulaLike.DataType!.Value);
        Assert.Null(formulaLike.CellFormula);
        Assert.Empty(sheet.Descendants<CellFormula>());
        Assert.Equal(["A3"], sheet.Descendants<Row>().Single(r => r.RowIndex! == 3).Elements<Cell>().Select(c => c.CellReference!.Value));
        Assert.Equal(["A4", "B4"], sheet.Descendants<Row>().Single(r => r.RowIndex! == 4).Elements<Cell>().Select(c => c.CellReference!.Value));
    }

    [Fact]
    public void TheHeader_IsFrozen_AndFilteredOverTheData_AndColumnsHaveTheirWidths()
    {
        var book = new XlsxWorkbook();
        var kpis = book.AddSheet("KPIs", KpiColumns);
        kpis.AddRow("One", 1).AddRow("Two", 2);

        using var document = Write(book);
        var sheet = SheetNamed(document, "KPIs");

        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1, pane.VerticalSplit!.Value);
        Assert.Null(pane.HorizontalSplit);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
        Assert.Equal("A1:E3", sheet.Elements<AutoFilter>().Single().Reference!.Value);
        var filterName = document.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>().Single();
        Assert.Equal("_xlnm._FilterDatabase", filterName.Name!.Value);
        Assert.Equal("'KPIs'!$A$1:$E$3", filterName.Text);
        Assert.Equal([40d, 15, 15, 15, 12], sheet.Descendants<Column>().Select(c => c.Width!.Value));
    }

    [Theory]
    [InlineData("KPIs", "KPIs")]
    [InlineData("Q1/Q2 [draft]: a*b?c\\d", "Q1-Q2 -draft-- a-b-c-d")]
    [InlineData("Contacts decided within one working day by locality", "Contacts decided within one wor")]
    [InlineData("'Quoted'", "Quoted")]
    [InlineData("   ", "Sheet")]
    [InlineData("history", "History-")]
    public void SheetNames_AreMadeAcceptableToExcel(string name, string expected)
    {
        Assert.Equal(expected, XlsxWorkbook.SanitiseSheetName(name));
        Assert.True(expected.Length <= XlsxWorkbook.MaxSheetNameLength);
    }

    [Fact]
    public void SheetNames_AreUniqueInTheWorkbook_AndTheFileValidates()
    {
        var book = new XlsxWorkbook();
        var first = book.AddSheet("Contacts decided within one working day", KpiColumns);
        var second = book.AddSheet("Contacts decided within one working day", KpiColumns);
        var third = book.AddSheet("contacts DECIDED within one working day", KpiColumns);
        var tricky = book.AddSheet("Partner's view", new XlsxColumn("Agency"));
        first.AddRow("Row", 1, 2.25, 0.5m, new DateOnly(2026, 4, 1));
        tricky.AddRow("Bell\u0007 removed");

        Assert.Equal("Contacts decided within one wor", first.Name);
        Assert.Equal("Contacts decided within one (2)", second.Name);
        Assert.Equal("contacts DECIDED within one (3)", third.Name);

        using var document = Write(book);
        Assert.Equal(
            [first.Name, second.Name, third.Name, "Partner's view"],
            document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
        Assert.Equal("Bell removed", CellAt(SheetNamed(document, "Partner's view"), "A2").InnerText);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
    }

    [Fact]
    public void AValueOfTheWrongType_FailsWhereTheRowIsAdded()
    {
        var sheet = new XlsxWorkbook().AddSheet("KPIs", KpiColumns);

        Assert.Throws<ArgumentException>(() => sheet.AddRow("Text", "12"));
        Assert.Throws<ArgumentException>(() => sheet.AddRow("Text", 1, double.NaN));
        Assert.Throws<ArgumentException>(() => sheet.AddRow("Text", 1, 1m, 0.5, new DateTime(2026, 1, 1)));
        Assert.Throws<ArgumentException>(() => sheet.AddRow("a", 1, 1m, 0.5, new DateOnly(2026, 1, 1), "one too many"));
        Assert.Equal(0, sheet.RowCount);
    }
}
