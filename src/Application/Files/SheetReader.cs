using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Commonweal.Application.Files;

/// <summary>
/// The rows of one worksheet as text cells, streamed with the Open XML SDK's SAX reader: shared and inline strings,
/// numbers in invariant culture shortest round-trip ("26525", "0.75", "94.223"), booleans as TRUE/FALSE (as Excel
/// writes them to CSV), errors and formula strings as stored, dates as their serial numbers. Cells are sparse in the
/// file; gaps become "". Rows carry the sheet's own numbers (the r attribute); rows the sheet leaves out are not read.
/// </summary>
internal sealed class SheetReader(OpenXmlReader reader, string[] sharedStrings) : IDisposable
{
    private readonly StringBuilder inline = new();
    private string[] cells = new string[16];

    /// <summary>The current row's number in the sheet.</summary>
    public int Row { get; private set; }

    /// <summary>Cells up to the last one with a value (0 for a row with no values).</summary>
    public int Count { get; private set; }

    public string this[int index] => index < Count ? cells[index] : string.Empty;

    public static SheetReader Open(WorksheetPart part, string[] sharedStrings) => new(OpenXmlReader.Create(part), sharedStrings);

    /// <summary>Moves to the next row the sheet has; false after the last.</summary>
    public bool Read()
    {
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            Row = Attribute("r") is { } r && int.TryParse(r, CultureInfo.InvariantCulture, out var number) ? number : Row + 1;
            ReadCells();
            return true;
        }

        return false;
    }

    public void Dispose() => reader.Dispose();

    private string? Attribute(string name)
    {
        foreach (var attribute in reader.Attributes)
        {
            if (attribute.LocalName == name) return attribute.Value;
        }

        return null;
    }

    private void ReadCells()
    {
        Count = 0;
        var column = 0; // 1-based, of the last cell read
        string? type = null;
        string? value = null;
        var inInlineString = false;
        var phonetic = false;
        while (reader.Read())
        {
            var element = reader.ElementType;
            if (element == typeof(Row)) return; // its end
            if (element == typeof(Cell))
            {
                if (reader.IsStartElement)
                {
                    string? reference = null;
                    type = null;
                    foreach (var attribute in reader.Attributes)
                    {
                        if (attribute.LocalName == "r") reference = attribute.Value;
                        else if (attribute.LocalName == "t") type = attribute.Value;
                    }

                    var number = reference is null ? 0 : SheetColumns.Number(reference);
                    column = number > 0 ? number : column + 1;
                    value = null;
                    inline.Clear();
                }
                else
                {
                    Put(column, CellText(type, value));
                }
            }
            else if (element == typeof(CellValue) && reader.IsStartElement)
            {
                value = reader.GetText();
            }
            else if (element == typeof(InlineString))
            {
                inInlineString = reader.IsStartElement;
            }
            else if (element == typeof(PhoneticRun))
            {
                phonetic = reader.IsStartElement;
            }
            else if (element == typeof(Text) && reader.IsStartElement && inInlineString && !phonetic)
            {
                inline.Append(reader.GetText());
            }
        }
    }

    private string CellText(string? type, string? value) => type switch
    {
        "s" => int.TryParse(value, CultureInfo.InvariantCulture, out var index) && (uint)index < (uint)sharedStrings.Length ? sharedStrings[index] : string.Empty,
        "inlineStr" => inline.ToString(),
        "b" => value switch { "1" => "TRUE", "0" => "FALSE", _ => value ?? string.Empty },
        "str" or "e" or "d" => value ?? string.Empty,
        _ => value is null ? string.Empty : Number(value),
    };

    /// <summary>A stored number in its shortest round-trip form; whole numbers as stored ("26525") are already that.</summary>
    private static string Number(string value)
    {
        if (value.Length is > 0 and <= 15 && (value[0] != '0' || value.Length == 1) && !value.AsSpan().ContainsAnyExceptInRange('0', '9')) return value;
        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number.ToString("R", CultureInfo.InvariantCulture)
            : value;
    }

    private void Put(int column, string text)
    {
        if (text.Length == 0 || column < 1) return;
        if (column > cells.Length) Array.Resize(ref cells, Math.Max(cells.Length * 2, column));
        for (var i = Count; i < column - 1; i++) cells[i] = string.Empty;
        cells[column - 1] = text;
        Count = Math.Max(Count, column);
    }
}
