using System.Text;
using Safeguarding.Core.Returns;
using Safeguarding.Core.Returns.Ssda903;

namespace Safeguarding.Core.Tests.Returns;

/// <summary>Reading a return's CSV files: tables known by their header rows, and a bad file named with its line, column and fault.</summary>
public sealed class Ssda903ReaderTests : IDisposable
{
    private const int Year = 2026;
    private readonly string folder = Directory.CreateTempSubdirectory("ssda903-read-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Columns(string table) => string.Join(",", Ssda903Spec.For(Year)[table].Select(c => c.Name));

    [Fact]
    public async Task ReadsEachTable_ByItsHeaderRow_NotItsFileName()
    {
        // The episodes file has a name that says nothing, a byte order mark, Windows line ends and a quoted field.
        await File.WriteAllTextAsync(Path.Combine(folder, "export-1.csv"), "\uFEFF" + Columns("episodes") + "\r\n1,01/05/2025,S,C2,N1,U1,PR1,,,,\"B1 1AA\",\"B29, 6AA\",\r\n", new UTF8Encoding(false));
        // The header file has its columns in another order.
        await File.WriteAllTextAsync(Path.Combine(folder, "children.csv"), "DOB,CHILD,SEX,ETHNIC,UPN,MOTHER,MC_DOB\n01/01/2012,1,F,WBRI,UN1,0,\n");

        var read = await Ssda903Reader.ReadAsync(folder, Year);

        Assert.Equal(Year, read.CollectionYear);
        Assert.Equal(["episodes", "header"], read.Tables.Keys.Order(StringComparer.Ordinal));
        var episodes = read.Tables["episodes"];
        Assert.Equal("B29, 6AA", episodes.Value(0, "PL_POST"));
        Assert.Equal("S", episodes.Value(0, "RNE"));
        var header = read.Tables["header"];
        Assert.Equal(["DOB", "CHILD", "SEX", "ETHNIC", "UPN", "MOTHER", "MC_DOB"], header.Columns);
        Assert.Equal("01/01/2012", header.Value(0, "DOB"));
    }

    [Fact]
    public async Task ReadsNamedStreams()
    {
        using var reviews = new MemoryStream(Encoding.UTF8.GetBytes(Columns("reviews") + "\n1,01/01/2012,01/06/2025,PN1\n2,01/01/2013,02/06/2025,PN0\n"));

        var read = await Ssda903Reader.ReadAsync([("reviews.csv", (Stream)reviews)], Year);

        Assert.Equal(2, read.Tables["reviews"].Rows.Count);
    }

    [Theory]
    [InlineData("FOO,BAR\n1,2\n", 1, 0, "matches no SSDA903 table")]
    [InlineData("CHILD,DOB,REVIEW\n1,01/01/2012,01/06/2025\n", 1, 0, "the reviews table is missing column(s) REVIEW_CODE")]
    [InlineData("CHILD,DOB,REVIEW,REVIEW_CODE,NOTES\n1,01/01/2012,01/06/2025,PN1,x\n", 1, 5, "unknown column NOTES")]
    [InlineData("CHILD,DOB,REVIEW,REVIEW_CODE\n1,01/01/2012,01/06/2025,PN1\n2,01/01/2012,01/06/2025\n", 3, 0, "3 field(s) where the header row has 4 columns")]
    [InlineData("CHILD,DOB,REVIEW,REVIEW_CODE\n1,01/01/2012,\"01/06/2025,PN1\n", 2, 0, "a quote left open")]
    [InlineData("CHILD,DOB,REVIEW,REVIEW_CODE\n1,01/01/2012,\"01/06\"/2025,PN1\n", 2, 3, "text after a closing quote")]
    [InlineData("CHILD,DOB,REVIEW,REVIEW_CODE\n\n1,01/01/2012,01/06/2025,PN1\n", 2, 0, "an empty line inside the table")]
    [InlineData("", 0, 0, "the file is empty")]
    public async Task ABadFile_IsNamedWithTheLineColumnAndFault(string content, int line, int column, string fault)
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "reviews.csv"), content);

        var error = await Assert.ThrowsAsync<Ssda903FileException>(() => Ssda903Reader.ReadAsync(folder, Year));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(("reviews.csv", line, column), (problem.File, problem.Line, problem.Column));
        Assert.Contains(fault, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileThatIsNotUtf8_IsRefusedAtTheLineWithTheBadBytes()
    {
        var bytes = Encoding.UTF8.GetBytes(Columns("reviews") + "\n1,01/01/2012,01/06/2025,PN1\n").Concat(new byte[] { 0x32, 0x2C, 0xE9, 0x0A }).ToArray();
        await File.WriteAllBytesAsync(Path.Combine(folder, "reviews.csv"), bytes);

        var error = await Assert.ThrowsAsync<Ssda903FileException>(() => Ssda903Reader.ReadAsync(folder, Year));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains("not UTF-8", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoFilesForOneTable_AndEveryProblemInEveryFile_AreReported()
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "a.csv"), Columns("reviews") + "\n1,01/01/2012,01/06/2025,PN1\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "b.csv"), Columns("reviews") + "\n2,01/01/2012,01/06/2025,PN1\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "c.csv"), Columns("missing") + "\n1,01/01/2012\n");

        var error = await Assert.ThrowsAsync<Ssda903FileException>(() => Ssda903Reader.ReadAsync(folder, Year));

        Assert.Equal(2, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.File == "b.csv" && p.Message.Contains("a.csv already holds it", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.File == "c.csv" && p.Line == 2);
    }

    [Fact]
    public async Task AFolderWithNoFiles_IsRefused()
    {
        var error = await Assert.ThrowsAsync<Ssda903FileException>(() => Ssda903Reader.ReadAsync(folder, Year));
        Assert.Contains("no .csv files", error.Message, StringComparison.Ordinal);
    }
}
