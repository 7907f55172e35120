using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Commonweal.Application.Files;

/// <summary>An xlsx workbook opened for reading with the Open XML SDK: its worksheets by name and its shared strings.</summary>
internal sealed class Workbook : IDisposable
{
    private readonly SpreadsheetDocument document;
    private string[]? sharedStrings;

    private Workbook(SpreadsheetDocument document, string fileName)
    {
        this.document = document;
        FileName = fileName;
        var part = document.WorkbookPart;
        Sheets = part?.Workbook?.Sheets?.Elements<Sheet>()
            .Select(sheet => (sheet.Name?.Value ?? string.Empty, sheet.Id?.Value is { } id ? part.GetPartById(id) as WorksheetPart : null))
            .ToList() ?? [];
    }

    public string FileName { get; }

    /// <summary>The sheets in the workbook's order; the part is null for a chart sheet.</summary>
    public IReadOnlyList<(string Name, WorksheetPart? Part)> Sheets { get; }

    /// <summary>Opens a workbook; a file that is not one is a problem, not an exception of the SDK's.</summary>
    public static Workbook Open(string path)
    {
        var fileName = Path.GetFileName(path);
        try
        {
            return new Workbook(SpreadsheetDocument.Open(path, isEditable: false), fileName);
        }
        catch (Exception e) when (IsMalformed(e))
        {
            throw new FileProblemException(new FileProblem(fileName, null, 0, null, null, $"the file is not a readable xlsx workbook ({e.Message})"));
        }
    }

    /// <summary>
    /// What the SDK throws for a file that is not a sound workbook (a zip without the parts, broken relationships, bad
    /// XML) — as opposed to a file that cannot be read at all (missing, locked), which stays an <see cref="IOException"/>.
    /// </summary>
    public static bool IsMalformed(Exception e) =>
        e is OpenXmlPackageException or FileFormatException or InvalidDataException or InvalidOperationException
            or System.Xml.XmlException or KeyNotFoundException or ArgumentException or NotSupportedException;

    /// <summary>The worksheet of this name; a missing one is a problem that names the sheets the workbook has.</summary>
    public WorksheetPart Worksheet(string name)
    {
        var match = Sheets.FirstOrDefault(s => s.Name == name);
        if (match.Name is null)
        {
            var sheets = string.Join(", ", Sheets.Select(s => $"'{s.Name}'"));
            throw new FileProblemException(new FileProblem(FileName, null, 0, null, null, $"the workbook has no sheet '{name}' (its sheets: {sheets})"));
        }

        return match.Part ?? throw new FileProblemException(
            new FileProblem(FileName, name, 0, null, null, "the sheet is a chart, not a worksheet of cells") { PartKind = FilePartKind.Sheet });
    }

    /// <summary>The shared string table, read once (rich text runs joined, phonetic guides left out).</summary>
    public string[] SharedStrings() => sharedStrings ??= ReadSharedStrings(document.WorkbookPart?.SharedStringTablePart);

    public void Dispose() => document.Dispose();

    private static string[] ReadSharedStrings(SharedStringTablePart? part)
    {
        if (part is null) return [];
        var strings = new List<string>();
        var item = new StringBuilder();
        var phonetic = false;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem))
            {
                if (reader.IsStartElement) item.Clear();
                else strings.Add(item.ToString());
            }
            else if (reader.ElementType == typeof(PhoneticRun))
            {
                phonetic = reader.IsStartElement;
            }
            else if (reader.ElementType == typeof(Text) && reader.IsStartElement && !phonetic)
            {
                item.Append(reader.GetText());
            }
        }

        return [.. strings];
    }
}
