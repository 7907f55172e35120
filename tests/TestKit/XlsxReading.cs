using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Commonweal.TestKit;

/// <summary>A downloaded workbook read back with the Open XML SDK, as a spreadsheet program would see it.</summary>
public static class XlsxReading
{
    /// <summary>Each sheet's name and its rows of cell text, in order.</summary>
    public static List<(string Name, List<List<string>> Rows)> Sheets(Stream workbook)
    {
        using var document = SpreadsheetDocument.Open(workbook, false);
        var part = document.WorkbookPart!;
        return [.. part.Workbook.Sheets!.Elements<Sheet>().Select(s => (s.Name!.Value!,
            ((WorksheetPart)part.GetPartById(s.Id!)).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Select(r => r.Elements<Cell>().Select(Text).ToList()).ToList()))];
    }

    public static string Text(Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? string.Empty;
    }
}
