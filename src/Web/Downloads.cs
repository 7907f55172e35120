using System.Globalization;
using System.Text;
using Commonweal.Application.Files;
using Commonweal.Application.Places;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commonweal.Web;

/// <summary>A download's file type: <c>.csv</c> (<see cref="Csv"/>) or <c>.xlsx</c> (<see cref="XlsxWriting"/>).</summary>
public enum DownloadFormat
{
    Csv,
    Xlsx,
}

/// <summary>What a download says about itself in its workbook's "About" sheet.</summary>
/// <param name="Title">What the table is, in words.</param>
/// <param name="DisclosureNote">Why values are suppressed or rounded (null when none are).</param>
public sealed record DownloadAbout(string Title, string? Source = null, string? Licence = null, string? Period = null, string? DisclosureNote = null);

/// <summary>
/// The one place a table becomes a file: the same <see cref="TextTable"/> as CSV or as an xlsx workbook (a sheet named after
/// the table, a second sheet "About"), named after what it holds. Routes take the format as the path's extension
/// (<c>/indicators/91547/areas.xlsx</c>) through <see cref="FormatRoute"/>.
/// </summary>
public static class Downloads
{
    /// <summary>The route constraint of the extension parameter <c>{format}</c>.</summary>
    public const string FormatRoute = "{format:regex(^(csv|xlsx)$)}";

    public static DownloadFormat Parse(string format) =>
        string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase) ? DownloadFormat.Xlsx : DownloadFormat.Csv;

    /// <summary>"/indicators/91547/areas.xlsx" from "/indicators/91547/areas".</summary>
    public static string Extension(DownloadFormat format) => format == DownloadFormat.Xlsx ? ".xlsx" : ".csv";

    public static FileContentHttpResult File(string format, string sheetName, TextTable table, DownloadAbout about, DateTimeOffset generated, params string?[] nameParts)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(about);
        var kind = Parse(format);
        var name = Path.ChangeExtension(Csv.FileName(nameParts), Extension(kind));
        if (kind == DownloadFormat.Csv) return TypedResults.File(Encoding.UTF8.GetBytes(CsvWriting.Text(table.Header, table.Rows)), Csv.ContentType, name);
        var workbook = XlsxWriting.Write(sheetName, table,
        [
            ("Table", about.Title),
            ("Source", about.Source),
            ("Licence", about.Licence),
            ("Period", about.Period),
            ("Disclosure", about.DisclosureNote ?? "No value is suppressed or rounded in this table."),
            ("Generated", generated.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)),
            ("Made by", "Commonweal"),
        ]);
        return TypedResults.File(workbook, XlsxWriting.ContentType, name);
    }
}
