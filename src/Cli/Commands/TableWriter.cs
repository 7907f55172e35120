using System.Globalization;

namespace Commonweal.Cli.Commands;

/// <summary>How a listing command writes its rows: CSV (RFC 4180, a header row) or a table aligned for reading.</summary>
public enum ListFormat
{
    Table,
    Csv,
}

/// <summary>Writes the rows of a listing command in the format asked for; every value is written invariantly.</summary>
public static class TableWriter
{
    public static async Task WriteAsync(TextWriter output, ListFormat format, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        if (format == ListFormat.Csv)
        {
            await output.WriteLineAsync(string.Join(',', header.Select(Quote)));
            foreach (var row in rows) await output.WriteLineAsync(string.Join(',', row.Select(v => Quote(v ?? string.Empty))));
            return;
        }

        var all = rows.Select(r => r.Select(v => v ?? string.Empty).ToList()).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, all.Count == 0 ? 0 : all.Max(r => r[i].Length))).ToList();
        await output.WriteLineAsync(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        foreach (var row in all) await output.WriteLineAsync(string.Join("  ", row.Select((v, i) => v.PadRight(widths[i]))).TrimEnd());
    }

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
