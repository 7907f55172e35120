using System.Globalization;
using Commonweal.Application.Files;
using Commonweal.Application.Places.Import;
using DocumentFormat.OpenXml.Spreadsheet;
using static Commonweal.Application.Tests.Files.Cells;

namespace Commonweal.Application.Tests.Places.Import;

/// <summary>Helpers for small files made to match the publishers' layouts.</summary>
internal static class Layouts
{
    public static IReferenceFileReader Reader(string kind) => ReferenceReaders.Find(kind) ?? throw new ArgumentException($"no reader {kind}", nameof(kind));

    /// <summary>What the folder import would recognise the file as.</summary>
    public static string? Recognised(string path) => ReferenceReaders.Recognise(FileSniffer.Sniff(path)).Reader?.Kind;

    public static ImportBatch Read(string kind, string path) => Reader(kind).Read(path, PlaceLookup.Empty);

    public static FileProblem Refused(string kind, string path) =>
        Assert.IsType<FileProblemException>(Record.Exception(() => Read(kind, path))).Problem;

    /// <summary>A sheet row of text and number cells from column A on (numbers are cells holding digits).</summary>
    public static Row SheetRow(uint number, params string[] values) =>
        Row(number, [.. values.Select((v, i) => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? Number($"{SheetColumns.Letters(i + 1)}{number}", v)
            : Inline($"{SheetColumns.Letters(i + 1)}{number}", v))]);

    public static string Csv(params IEnumerable<string>[] rows) => string.Concat(rows.Select(r => string.Join(',', r.Select(Quote)) + "\r\n"));

    private static string Quote(string v) => v.Contains(',', StringComparison.Ordinal) ? $"\"{v}\"" : v;
}
