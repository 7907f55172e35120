using System.Globalization;
using System.Text;

namespace Commonweal.Application.Files;

/// <summary>
/// The one way tables are written as CSV (RFC 4180: fields quoted only when they must be, CRLF line ends), with values
/// written invariantly: plain numbers (shortest round-trip for decimals), ISO dates, empty for "none".
/// </summary>
public static class CsvWriting
{
    public static void Line(StringBuilder text, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) text.Append(',');
            var value = fields[i] ?? string.Empty;
            if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0) text.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            else text.Append(value);
        }

        text.Append("\r\n");
    }

    /// <summary>A whole table: its header row, then its rows.</summary>
    public static string Text(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var text = new StringBuilder();
        Line(text, header);
        foreach (var row in rows) Line(text, row);
        return text.ToString();
    }

    public static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
}
