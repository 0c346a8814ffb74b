using System.Globalization;
using System.Text;
using Safeguarding.Core.Reporting;

namespace Safeguarding.Core.Tests.Reporting;

/// <summary>CSV as Excel reads it: RFC 4180 quoting, UTF-8 with a byte order mark, and no formulas smuggled in through text.</summary>
public sealed class CsvWriterTests
{
    private static byte[] Write(params object?[][] rows)
    {
        using var stream = new MemoryStream();
        using (var csv = new CsvWriter(stream, leaveOpen: true))
        {
            foreach (var row in rows)
            {
                csv.WriteRow(row);
            }
        }

        return stream.ToArray();
    }

    [Fact]
    public void TheFile_IsUtf8WithAByteOrderMark_AndCrlfLineEnds()
    {
        var bytes = Write(["Agency", "Contacts"], ["Ysgol Gymraeg Åshbridge", 12]);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("Agency,Contacts\r\nYsgol Gymraeg Åshbridge,12\r\n", Encoding.UTF8.GetString(bytes.AsSpan(3)));
        Assert.Equal([0xEF, 0xBB, 0xBF], Write());
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("Smith, Alex", "\"Smith, Alex\"")]
    [InlineData("She said \"no\"", "\"She said \"\"no\"\"\"")]
    [InlineData("line one\nline two", "\"line one\nline two\"")]
    [InlineData("line one\r\nline two", "\"line one\r\nline two\"")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Fields_AreQuotedOnlyWhenTheyMustBe(string? value, string expected) =>
        Assert.Equal(expected, CsvWriter.Field(value));

    [Theory]
    [InlineData("=HYPERLINK(\"http://example.com\",\"Click\")", "\"'=HYPERLINK(\"\"http://example.com\"\",\"\"Click\"\")\"")]
    [InlineData("+44 121 496 0000", "'+44 121 496 0000")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A2)", "'@SUM(A1:A2)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("+7", "+7")]
    [InlineData("-1e3", "-1e3")]
    [InlineData("a=b", "a=b")]
    [InlineData("-١٢", "'-١٢")] // digits of another script are not a plain number to a spreadsheet
    public void TextThatWouldRunAsAFormula_IsDefused_ButPlainNumbersAreNot(string value, string expected) =>
        Assert.Equal(expected, CsvWriter.Field(value));

    [Fact]
    public void Numbers_AndDates_AreWrittenTheSameWhateverTheServersCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("fr-FR");
        try
        {
            Assert.Equal("-5", CsvWriter.Field(-5));
            Assert.Equal("1234.5", CsvWriter.Field(1234.5m));
            Assert.Equal("0.256", CsvWriter.Field(0.256));
            Assert.Equal("9007199254740993", CsvWriter.Field(9007199254740993L));
            Assert.Equal("2026-10-31", CsvWriter.Field(new DateOnly(2026, 10, 31)));
            Assert.Equal("TRUE", CsvWriter.Field(true));
            Assert.Throws<ArgumentException>(() => CsvWriter.Field(double.PositiveInfinity));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
