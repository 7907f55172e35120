using System.Text;
using Commonweal.Application.Files;
using Commonweal.Application.Places;

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
    public static Task WriteAsync(TextWriter output, ListFormat format, TextTable table) => WriteAsync(output, format, table.Header, table.Rows);

    public static async Task WriteAsync(TextWriter output, ListFormat format, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        if (format == ListFormat.Csv)
        {
            var text = new StringBuilder();
            CsvWriting.Line(text, header);
            foreach (var row in rows) CsvWriting.Line(text, row);
            await output.WriteAsync(text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
            return;
        }

        var all = rows.Select(r => r.Select(v => v ?? string.Empty).ToList()).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, all.Count == 0 ? 0 : all.Max(r => r[i].Length))).ToList();
        await output.WriteLineAsync(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        foreach (var row in all) await output.WriteLineAsync(string.Join("  ", row.Select((v, i) => v.PadRight(widths[i]))).TrimEnd());
    }
}
