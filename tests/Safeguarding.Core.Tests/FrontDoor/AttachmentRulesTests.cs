using System.IO.Compression;
using Safeguarding.Core.FrontDoor;

namespace Safeguarding.Core.Tests.FrontDoor;

public sealed class AttachmentRulesTests
{
    public static byte[] OfficeFile(string mainPart)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(mainPart).Open());
            writer.Write("<xml/>");
        }

        return stream.ToArray();
    }

    [Theory]
    [InlineData("tool.pdf", "application/pdf")]
    [InlineData("photo.PNG", "image/png")]
    [InlineData("photo.jpg", "image/jpeg")]
    public void RealFiles_AreAccepted(string name, string contentType)
    {
        byte[] content = Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".pdf" => "%PDF-1.4\n"u8.ToArray(),
            ".png" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0],
            _ => [0xFF, 0xD8, 0xFF, 0xE0, 0, 0],
        };

        Assert.Equal((contentType, null), AttachmentRules.Check(name, content));
    }

    [Fact]
    public void OfficeFiles_AreAccepted_OnlyWithTheirMainPart()
    {
        Assert.Null(AttachmentRules.Check("chronology.docx", OfficeFile("word/document.xml")).Error);
        Assert.Null(AttachmentRules.Check("checks.xlsx", OfficeFile("xl/workbook.xml")).Error);
        Assert.NotNull(AttachmentRules.Check("checks.xlsx", OfficeFile("word/document.xml")).Error);
    }

    [Fact]
    public void ARenamedFile_IsRefused_ByItsContents()
    {
        Assert.Equal("The selected file's contents are not a real PDF file", AttachmentRules.Check("tool.pdf", "MZ\u0090"u8.ToArray()).Error);
    }

    [Fact]
    public void OtherTypes_EmptyFiles_AndLargeFiles_AreRefused()
    {
        Assert.Equal("The selected file must be a PDF, DOCX, XLSX, JPG or PNG", AttachmentRules.Check("run.exe", [1, 2]).Error);
        Assert.Equal("The selected file is empty", AttachmentRules.Check("a.pdf", []).Error);
        Assert.Equal("The selected file must be smaller than 10MB", AttachmentRules.Check("a.pdf", new byte[AttachmentRules.MaxBytes + 1]).Error);
    }
}
