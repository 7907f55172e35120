using System.IO.Compression;
using System.Text;
using Commonweal.Application.Files;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Commonweal.Application.Tests.Files;

/// <summary>Small hand-made files (CSV bytes, xlsx workbooks made with the Open XML SDK, zip files) in a folder deleted afterwards.</summary>
public sealed class TestFiles : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("commonweal-files-").FullName;

    /// <summary>Writes <paramref name="text"/> as UTF-8 exactly (no byte-order mark unless asked), and returns the path.</summary>
    public string Text(string name, string text, bool bom = false) =>
        Bytes(name, [.. (bom ? "\uFEFF"u8.ToArray() : []), .. Encoding.UTF8.GetBytes(text)]);

    public string Bytes(string name, byte[] bytes)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A zip file holding the given members (path in the zip file, UTF-8 text).</summary>
    public string Zip(string name, params (string Member, string Text)[] members)
    {
        var path = Path.Combine(Folder, name);
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (member, text) in members)
        {
            using var stream = archive.CreateEntry(member).Open();
            stream.Write(Encoding.UTF8.GetBytes(text));
        }

        return path;
    }

    /// <summary>An xlsx workbook with these sheets, made with the Open XML SDK; cells come from <see cref="Cells"/>.</summary>
    public string Workbook(string name, string[] sharedStrings, params (string Name, Row[] Rows)[] sheets)
    {
        var path = Path.Combine(Folder, name);
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook(new Sheets());
        if (sharedStrings.Length > 0)
        {
            var table = workbook.AddNewPart<SharedStringTablePart>();
            table.SharedStringTable = new SharedStringTable(sharedStrings.Select(s => new SharedStringItem(new Text(s))));
        }

        uint id = 1;
        foreach (var (sheetName, rows) in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            part.Worksheet = new Worksheet(new SheetData(rows));
            workbook.Workbook.Sheets!.Append(new Sheet { Name = sheetName, SheetId = id++, Id = workbook.GetIdOfPart(part) });
        }

        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

/// <summary>Worksheet rows and cells, written as Excel writes them (sparse, with r attributes).</summary>
public static class Cells
{
    public static Row Row(uint number, params Cell[] cells) => new(cells) { RowIndex = number };

    /// <summary>A row of inline strings from column A on.</summary>
    public static Row TextRow(uint number, params string[] texts) =>
        Row(number, [.. texts.Select((text, i) => Inline($"{(char)('A' + i)}{number}", text))]);

    public static Cell Inline(string reference, string text) =>
        new() { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };

    public static Cell Shared(string reference, int index) =>
        new() { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(System.Globalization.CultureInfo.InvariantCulture)) };

    /// <summary>A number cell holding exactly the text Excel stored.</summary>
    public static Cell Number(string reference, string stored) => new() { CellReference = reference, CellValue = new CellValue(stored) };

    public static Cell Boolean(string reference, bool value) =>
        new() { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(value ? "1" : "0") };

    /// <summary>A cell with a style and no value, as Excel leaves formatted empty cells.</summary>
    public static Cell Empty(string reference) => new() { CellReference = reference, StyleIndex = 1 };
}

/// <summary>The problem a file-layer call stopped with.</summary>
public static class FileAssert
{
    public static FileProblem Refused(Action action) => Assert.IsType<FileProblemException>(Record.Exception(action)).Problem;

    public static FileProblem Refused(Func<object> action) => Refused(() => { _ = action(); });
}
