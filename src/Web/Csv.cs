using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commonweal.Web;

/// <summary>
/// Every table on a page can be downloaded as CSV (RFC 4180: a header row, fields quoted only when they must be, CRLF
/// line ends), written invariantly as the command line writes them: plain numbers, ISO dates, empty for "none".
/// </summary>
public static class Csv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static FileContentHttpResult File(string fileName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var text = new StringBuilder();
        Line(text, header);
        foreach (var row in rows) Line(text, row);
        return TypedResults.File(Encoding.UTF8.GetBytes(text.ToString()), ContentType, fileName);
    }

    public static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>A file name of safe characters only: the parts joined by hyphens, e.g. "deprivation-iod2025-ics-mid-and-south-essex-2026-04-01.csv".</summary>
    public static string FileName(params string?[] parts)
    {
        var name = string.Join('-', parts.Where(p => !string.IsNullOrEmpty(p)).Select(p => new string(p!.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? char.ToLowerInvariant(c) : '-').ToArray())));
        return name + ".csv";
    }

    private static void Line(StringBuilder text, IReadOnlyList<string?> fields)
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
}
