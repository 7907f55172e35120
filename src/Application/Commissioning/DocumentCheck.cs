using System.IO.Compression;
using System.Text;

namespace Commonweal.Application.Commissioning;

/// <summary>
/// Whether an uploaded contract document may be stored (docs/methods/contract-register.md): at most
/// <see cref="MostBytes"/>, and by its content — not its name — a PDF, a Word or Excel document without macros (docx,
/// xlsx), an OpenDocument text or spreadsheet (odt, ods), or UTF-8 text (txt, csv). Anything else (executables, archives,
/// macro-enabled documents, HTML, images with scripts) is refused, so nothing stored can run; documents are only ever
/// served as downloads with their checked type.
/// </summary>
public static class DocumentCheck
{
    /// <summary>10 MB.</summary>
    public const long MostBytes = 10 * 1024 * 1024;

    /// <summary>The checked content type, or why the document is refused.</summary>
    public static (string? ContentType, string? Problem) Check(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (content.Length == 0) return (null, "the file is empty");
        if (content.Length > MostBytes) return (null, $"the file is {content.Length / 1024.0 / 1024.0:0.0} MB; the most a document may be is 10 MB");
        if (content.AsSpan().StartsWith("%PDF-"u8))
            return extension == ".pdf" ? ("application/pdf", null) : (null, $"the file is a PDF but is named {extension}: name it .pdf");
        if (content.AsSpan().StartsWith("PK\u0003\u0004"u8)) return Package(extension, content);
        if (extension is ".txt" or ".csv")
        {
            try
            {
                var text = new UTF8Encoding(false, true).GetString(content);
                if (text.Contains('\0', StringComparison.Ordinal)) return (null, "the text holds NUL characters: it is not a text file");
                return (extension == ".csv" ? "text/csv" : "text/plain", null);
            }
            catch (DecoderFallbackException)
            {
                return (null, "the text is not UTF-8");
            }
        }

        return (null, $"documents must be PDF, Word (.docx), Excel (.xlsx), OpenDocument (.odt, .ods) or text (.txt, .csv); this file is none of them");
    }

    private static (string?, string?) Package(string extension, byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase) || n.StartsWith("Basic/", StringComparison.OrdinalIgnoreCase)))
                return (null, "the document holds macros, which are not stored: save it without them");
            if (names.Contains("[Content_Types].xml"))
            {
                if (names.Contains("word/document.xml"))
                    return extension == ".docx" ? ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", null) : (null, "the file is a Word document: name it .docx");
                if (names.Contains("xl/workbook.xml"))
                    return extension == ".xlsx" ? ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", null) : (null, "the file is an Excel workbook: name it .xlsx");
            }

            if (zip.GetEntry("mimetype") is { } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open());
                var type = reader.ReadToEnd().Trim();
                if (type == "application/vnd.oasis.opendocument.text" && extension == ".odt") return (type, null);
                if (type == "application/vnd.oasis.opendocument.spreadsheet" && extension == ".ods") return (type, null);
            }

            return (null, "the file is a zip archive, not a Word, Excel or OpenDocument document");
        }
        catch (InvalidDataException)
        {
            return (null, "the file claims to be a document but is not a readable one");
        }
    }
}
