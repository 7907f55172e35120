using Commonweal.Application.Files;

namespace Commonweal.Application.Indicators.Import;

/// <summary>Every indicator file layout Commonweal reads, and how a file is recognised among them by its header.</summary>
public static class IndicatorReaders
{
    /// <summary>A header that matches a layout this well (1 = exactly its columns) is taken to be that layout.</summary>
    public const double Threshold = 0.6;

    public static IReadOnlyList<IndicatorFileReader> All { get; } =
    [
        new FingertipsExportReader(),
        new PracticeScoreReader(),
        new ProfileExtractReader(),
        new QofModelledPrevalenceReader(),
        new DistrictProfileReader(),
        new ExploreLocalStatisticsReader(),
        new GenericCountsReader(),
        new GenericAgeBandsReader(),
    ];

    /// <summary>The reader for a file, by its content, or null with the reason it is not an indicator file Commonweal reads.</summary>
    public static (IndicatorFileReader? Reader, string? Reason) Recognise(FileSniff sniff)
    {
        var best = All.Select(r => (Reader: r, Score: r.Recognise(sniff))).MaxBy(s => s.Score);
        if (best.Score >= Threshold) return (best.Reader, null);
        return (null, sniff.Kind switch
        {
            SniffKind.Csv => $"the header is not one of an indicator file Commonweal reads ({Shorten(string.Join(",", sniff.CsvHeader!))}); see docs/indicator-formats.md",
            SniffKind.Other or SniffKind.Unreadable => sniff.Reason ?? "not a CSV file",
            _ => $"a {sniff.Kind.ToString().ToLowerInvariant()} file, not an indicator CSV file",
        });
    }

    /// <summary>Whether a file is an indicator file Commonweal reads.</summary>
    public static bool IsIndicatorFile(FileSniff sniff) => Recognise(sniff).Reader is not null;

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..100] + "…";
}
