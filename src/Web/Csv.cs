using System.Text;
using Commonweal.Application.Files;
using Commonweal.Application.Places;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commonweal.Web;

/// <summary>
/// Every table on a page can be downloaded as CSV (RFC 4180: a header row, fields quoted only when they must be, CRLF
/// line ends), written invariantly as the command line writes them: plain numbers, ISO dates, empty for "none".
/// </summary>
public static class Csv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static FileContentHttpResult File(string fileName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows) =>
        TypedResults.File(Encoding.UTF8.GetBytes(CsvWriting.Text(header, rows)), ContentType, fileName);

    public static FileContentHttpResult File(string fileName, TextTable table) => File(fileName, table.Header, table.Rows);

    public static string Number(long? value) => CsvWriting.Number(value);

    public static string Number(double? value) => CsvWriting.Number(value);

    public static string Date(DateOnly? date) => CsvWriting.Date(date);

    /// <summary>A file name of safe characters only: the parts joined by hyphens, e.g. "deprivation-iod2025-ics-mid-and-south-essex-2026-04-01.csv".</summary>
    public static string FileName(params string?[] parts)
    {
        var name = string.Join('-', parts.Where(p => !string.IsNullOrEmpty(p)).Select(p => new string(p!.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? char.ToLowerInvariant(c) : '-').ToArray())));
        return name + ".csv";
    }
}
