using System.IO.Compression;

namespace Safeguarding.Core.FrontDoor;

/// <summary>
/// Which files a referrer may attach. The type is read from the file's first bytes (and, for Office
/// files, the parts inside the zip), not trusted from its name or the browser's content type.
/// </summary>
public static class AttachmentRules
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const string AllowedTypesText = "PDF, DOCX, XLSX, JPG or PNG";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
    };

    /// <summary>The content type to store, or the error message to show.</summary>
    public static (string? ContentType, string? Error) Check(string fileName, ReadOnlySpan<byte> content)
    {
        if (content.Length == 0)
        {
            return (null, "The selected file is empty");
        }

        if (content.Length > MaxBytes)
        {
            return (null, "The selected file must be smaller than 10MB");
        }

        var extension = Path.GetExtension(fileName);
        if (!ContentTypes.TryGetValue(extension, out var contentType))
        {
            return (null, $"The selected file must be a {AllowedTypesText}");
        }

        var matches = extension.ToLowerInvariant() switch
        {
            ".pdf" => content.StartsWith("%PDF-"u8),
            ".png" => content.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }),
            ".jpg" or ".jpeg" => content.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }),
            ".docx" => IsOfficeFile(content, "word/document.xml"),
            ".xlsx" => IsOfficeFile(content, "xl/workbook.xml"),
            _ => false,
        };
        return matches ? (contentType, null) : (null, $"The selected file's contents are not a real {extension.TrimStart('.').ToUpperInvariant()} file");
    }

    private static bool IsOfficeFile(ReadOnlySpan<byte> content, string mainPart)
    {
        if (!content.StartsWith("PK\u0003\u0004"u8))
        {
            return false;
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray()), ZipArchiveMode.Read);
            return zip.GetEntry(mainPart) is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
