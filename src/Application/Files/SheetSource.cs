using System.Text;

namespace Commonweal.Application.Files;

/// <summary>
/// A worksheet's rows as a table's records, from its header row on. A row the sheet leaves out between two rows is
/// a blank record (one for the whole gap), so that the table reports or skips it as it does a CSV's blank line.
/// </summary>
internal sealed class SheetSource : RecordSource
{
    private readonly Workbook workbook;
    private readonly SheetReader rows;
    private readonly int headerRow;
    private int lastRow;
    private bool held;

    public SheetSource(Workbook workbook, string sheetName, int headerRow)
        : base(workbook.FileName, sheetName, FilePartKind.Sheet)
    {
        this.workbook = workbook;
        this.headerRow = headerRow;
        rows = SheetReader.Open(workbook.Worksheet(sheetName), workbook.SharedStrings());
        lastRow = headerRow - 1;
        while (ReadRow())
        {
            if (rows.Row < headerRow) continue;
            held = true;
            break;
        }
    }

    public override int FirstLine => headerRow;

    public override string BlankRule => "an empty row";

    public override string EmptyRule(string expected) => $"row {headerRow} of the sheet, where the header belongs, is empty ({expected})";

    public override bool MoveNext()
    {
        if (!held && !ReadRow()) return false;
        held = false;
        if (rows.Row > lastRow + 1)
        {
            held = true; // the row after the gap comes next
            Line = lastRow + 1;
            lastRow = rows.Row - 1;
            FieldCount = 0;
            IsBlank = true;
            return true;
        }

        Line = lastRow = rows.Row;
        FieldCount = Header is { } header ? Math.Max(header.Count, rows.Count) : rows.Count;
        IsBlank = rows.Count == 0;
        return true;
    }

    public override ReadOnlySpan<char> Span(int index) => Text(index);

    public override string Text(int index) =>
        (uint)index < (uint)FieldCount ? rows[index] : throw new ArgumentOutOfRangeException(nameof(index), index, $"the row has {FieldCount} fields");

    public override string RawRecord()
    {
        var record = new StringBuilder();
        for (var i = 0; i < FieldCount; i++)
        {
            if (i > 0) record.Append(',');
            var cell = rows[i];
            if (cell.AsSpan().IndexOfAny(",\"\r\n") < 0) record.Append(cell);
            else record.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }

        return record.ToString();
    }

    private bool ReadRow()
    {
        try
        {
            return rows.Read();
        }
        catch (System.Xml.XmlException e)
        {
            throw Reject(0, null, $"the sheet cannot be read ({e.Message})");
        }
    }

    public override void Dispose()
    {
        rows.Dispose();
        workbook.Dispose();
    }
}
