using Commonweal.Application.Files;
using Commonweal.Application.Indicators.Import;

namespace Commonweal.Application.Places.Import;

/// <summary>Every official file Commonweal reads, and how a file is recognised among them by its content.</summary>
public static class ReferenceReaders
{
    /// <summary>A file whose content matches a kind this well (1 = exactly) is taken to be that kind.</summary>
    public const double Threshold = 0.6;

    public static IReadOnlyList<IReferenceFileReader> All { get; } =
    [
        .. IodFileReader.All,
        new IodScoreReader(),
        new Iod2025ConversionReader(),
        new OnsWardLookupReader(),
        new OnsCcgLookupReader(),
        new OnsCcgStpLookupReader(),
        new LsoaExactLookupReader(),
        new LsoaBestFitLookupReader(),
        new OnsLsoaIcbLookupReader(),
        new OnsPopulationReader(),
        new SapeWorkbookReader(),
        new CensusAgeReader(),
        new CensusTs007aReader(),
        new PracticeMapReader(),
        new PracticeListSizeReader(),
        new RegisteredAgesReader(),
        .. GeoJsonBoundaryReader.All,
    ];

    public static IReferenceFileReader? Find(string kind) =>
        All.FirstOrDefault(r => string.Equals(r.Kind, kind, StringComparison.OrdinalIgnoreCase));

    /// <summary>The reader for a file, by its content, or null with the reason it is not one Commonweal reads.</summary>
    public static (IReferenceFileReader? Reader, string? Reason) Recognise(FileSniff sniff)
    {
        var scored = All.Select(r => (Reader: r, Score: r.Recognise(sniff))).Where(s => s.Score >= Threshold).ToList();
        if (scored.Count > 0) return (scored.MaxBy(s => s.Score).Reader, null);
        return (null, WhyNot(sniff));
    }

    private static string WhyNot(FileSniff sniff) => sniff.Kind switch
    {
        SniffKind.Csv when sniff.CsvHeader![0].StartsWith('#') => "a text document, not a data file",
        SniffKind.Csv when IndicatorReaders.Recognise(sniff).Reader is { } indicators =>
            $"an indicator file ({indicators.Description}): indicators are not places; import it with `commonweal indicators import <file-or-folder>`",
        SniffKind.Csv => $"a CSV file whose header is not one Commonweal reads ({Shorten(string.Join(",", sniff.CsvHeader!))})",
        SniffKind.Xlsx => $"a workbook with no sheet Commonweal reads (sheets: {string.Join(", ", sniff.Sheets.Select(s => s.Name))})",
        SniffKind.Zip => sniff.Members.Count == 0 ? "an empty zip file" : $"a zip file holding nothing Commonweal reads ({string.Join(", ", sniff.Members.Select(m => Path.GetFileName(m.Path)).Take(5))})",
        SniffKind.Json => "a JSON file that is not a boundary file Commonweal reads (no LSOA11CD, LSOA21CD, MSOA11CD, WD..CD or LAD..CD property)",
        _ when sniff.Path.EndsWith(".shp", StringComparison.OrdinalIgnoreCase) || sniff.Path.EndsWith(".dbf", StringComparison.OrdinalIgnoreCase)
            || sniff.Path.EndsWith(".shx", StringComparison.OrdinalIgnoreCase) || sniff.Path.EndsWith(".prj", StringComparison.OrdinalIgnoreCase) =>
            "part of a shapefile: Commonweal reads boundaries as GeoJSON (download the same layer's GeoJSON from the Open Geography Portal)",
        _ => sniff.Reason ?? "not a file Commonweal reads",
    };

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
