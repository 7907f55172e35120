using System.Globalization;
using System.Text.RegularExpressions;
using Commonweal.Application.Places;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Commonweal.Application.Files;

/// <summary>
/// The one way a table is written as an xlsx workbook (Open XML SDK): a first sheet named after the table, its header row
/// bold and frozen, numbers as numbers; a second sheet "About" that says what the table is (source, licence, period, the
/// disclosure note, when it was made). A cell is written as a number when it is a plain number as <see cref="CsvWriting"/>
/// writes one and its column is not one of codes, ids or periods (E07000066, 2019 and 06Q stay text).
/// </summary>
public static partial class XlsxWriting
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The workbook of one table and its "About" lines (label, text), as bytes.</summary>
    public static byte[] Write(string sheetName, TextTable table, IReadOnlyList<(string Label, string? Text)> about)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(about);
        var rows = table.Rows.ToList();
        var numeric = table.Header.Select(IsNumericColumn).ToArray();
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheets = workbook.Workbook.AppendChild(new Sheets());

            var data = new SheetData();
            data.Append(Row(1, table.Header.Select(h => Text(h, bold: true))));
            var r = 1u;
            foreach (var row in rows)
            {
                r++;
                data.Append(Row(r, row.Select((value, i) => i < numeric.Length && numeric[i] && IsNumber(value)
                    ? new Cell { DataType = CellValues.Number, CellValue = new CellValue(value!) }
                    : Text(value ?? string.Empty, bold: false))));
            }

            AddSheet(workbook, sheets, 1, SheetName(sheetName), data, freezeHeader: true);

            var aboutData = new SheetData();
            var a = 0u;
            foreach (var (label, text) in about)
            {
                if (text is null) continue;
                a++;
                aboutData.Append(Row(a, [Text(label, bold: true), Text(text, bold: false)]));
            }

            AddSheet(workbook, sheets, 2, "About", aboutData, freezeHeader: false);
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>Excel's rules for a sheet name: at most 31 characters, none of : \ / ? * [ ].</summary>
    public static string SheetName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var clean = new string([.. name.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? '-' : c)]).Trim('\'');
        if (clean.Length == 0) clean = "Table";
        return clean.Length > 31 ? clean[..31] : clean;
    }

    private static bool IsNumericColumn(string header) =>
        !(header.EndsWith("code", StringComparison.OrdinalIgnoreCase) || header.EndsWith("_id", StringComparison.OrdinalIgnoreCase)
          || header.Equals("id", StringComparison.OrdinalIgnoreCase) || header.Contains("period", StringComparison.OrdinalIgnoreCase));

    private static bool IsNumber(string? value) => !string.IsNullOrEmpty(value) && PlainNumber().IsMatch(value)
        && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x);

    [GeneratedRegex(@"^-?\d+(\.\d+)?([eE][+-]?\d+)?$")]
    private static partial Regex PlainNumber();

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, uint id, string name, SheetData data, bool freezeHeader)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var worksheet = new Worksheet();
        if (freezeHeader)
        {
            worksheet.Append(new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
            { TabSelected = true, WorkbookViewId = 0 }));
        }

        worksheet.Append(data);
        part.Worksheet = worksheet;
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name });
    }

    private static Row Row(uint index, IEnumerable<Cell> cells)
    {
        var row = new Row { RowIndex = index };
        var column = 0;
        foreach (var cell in cells)
        {
            cell.CellReference = Column(column++) + index.ToString(CultureInfo.InvariantCulture);
            row.Append(cell);
        }

        return row;
    }

    /// <summary>Text inline (no shared-string table to keep in step), style 1 bold.</summary>
    private static Cell Text(string text, bool bold) => new(new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve }))
    {
        DataType = CellValues.InlineString,
        StyleIndex = bold ? 1u : null,
    };

    private static string Column(int index)
    {
        var name = string.Empty;
        for (var i = index + 1; i > 0; i = (i - 1) / 26) name = (char)('A' + (i - 1) % 26) + name;
        return name;
    }

    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });
}
