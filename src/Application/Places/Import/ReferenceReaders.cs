namespace Commonweal.Application.Places.Import;

/// <summary>Every official file Commonweal reads, in the order a folder is imported (areas before what hangs on them).</summary>
public static class ReferenceReaders
{
    public static IReadOnlyList<IReferenceFileReader> All { get; } =
    [
        new IodImdReader(),
        new IodDomainsReader(),
        new IodScoreReader(),
        new IodPopulationReader(),
        new OnsWardLookupReader(),
        new OnsCcgLookupReader(),
        new OnsCcgStpLookupReader(),
        new OnsPopulationReader(),
        new CensusAgeReader(),
        new PracticeMapReader(),
        new PracticeListSizeReader(),
        .. GeoJsonBoundaryReader.All,
    ];

    public static IReferenceFileReader? Find(string kind) =>
        All.FirstOrDefault(r => string.Equals(r.Kind, kind, StringComparison.OrdinalIgnoreCase));

    /// <summary>The files in <paramref name="folder"/> that a reader reads, in import order.</summary>
    public static IEnumerable<(IReferenceFileReader Reader, string Path)> FilesIn(string folder)
    {
        foreach (var reader in All)
        {
            var pattern = reader.FolderPattern.Replace('/', Path.DirectorySeparatorChar);
            var directory = Path.Combine(folder, Path.GetDirectoryName(pattern) ?? string.Empty);
            if (!Directory.Exists(directory)) continue;
            foreach (var file in Directory.EnumerateFiles(directory, Path.GetFileName(pattern)).Order(StringComparer.Ordinal))
                yield return (reader, file);
        }
    }
}
