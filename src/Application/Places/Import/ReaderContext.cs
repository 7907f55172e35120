using Commonweal.Application.Files;
using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Import;

/// <summary>What a reader carries from row to row, and the ways it adds to the batch.</summary>
public sealed class ReaderContext(ImportBatch batch, PlaceLookup lookup)
{
    private readonly Dictionary<string, int> seen = new(StringComparer.Ordinal);
    private readonly HashSet<(AreaCode, AreaType, DateOnly)> memberships = [];
    private readonly HashSet<AreaCode> areas = [];
    private readonly HashSet<(AreaCode, AreaType, DateOnly)> listed = [];
    private int tableStart;

    public ImportBatch Batch { get; } = batch;

    public PlaceLookup Lookup { get; } = lookup;

    /// <summary>The layout the file turned out to have.</summary>
    public TableLayout Layout { get; internal set; } = null!;

    /// <summary>The table being read (a workbook may give several sheets, one after another).</summary>
    public Table Table { get; internal set; } = null!;

    /// <summary>The reference date of the table being read, for readers whose date comes from the sheet or the file.</summary>
    public DateOnly? Date { get; set; }

    /// <summary>Whole numbers as the file writes them: plain in a workbook, else as the publisher's CSV does.</summary>
    public NumberStyle Style(NumberStyle csv) => Layout.IsWorkbook ? NumberStyle.Plain : csv;

    /// <summary>Rows deliberately not loaded (counted for a note).</summary>
    public int Skipped { get; set; }

    /// <summary>Rows read from the current table (a workbook may give several sheets).</summary>
    internal int RowsOfThisTable(int rowsSoFar) => rowsSoFar - tableStart;

    internal void EndTable(int rowsSoFar)
    {
        tableStart = rowsSoFar;
        seen.Clear();
    }

    /// <summary>Rejects a second row with the same key, naming the line of the first.</summary>
    public void Unique(TableRow row, int column, string key)
    {
        if (seen.TryGetValue(key, out var first))
            throw row.Reject(column, $"duplicate key '{key}': already given on line {first}");
        seen[key] = row.Line;
    }

    /// <summary>Adds an observation once, however many rows repeat it (a ward is named on every one of its LSOAs' rows).</summary>
    public void Member(AreaCode child, AreaType childType, AreaCode parent, AreaType parentType, DateOnly observedOn)
    {
        if (memberships.Add((child, parentType, observedOn)))
            Batch.Memberships.Add(new AreaMembership(child, childType, parent, parentType, observedOn));
    }

    /// <summary>Names an area: added to the store when missing, never overwriting (names come from releases).</summary>
    public void Area(AreaCode code, string name, AreaType type, string? alternate = null)
    {
        if (areas.Add(code)) Batch.Areas.Add(new Area(code, name, type, alternate));
    }

    /// <summary>Declares that the file lists every place of <paramref name="type"/> in force on <paramref name="date"/> (in England, or in one district).</summary>
    public void Release(AreaType type, DateOnly date, AreaCode? scope = null)
    {
        var release = new GeographyRelease(type, date, scope ?? GeographyRelease.England);
        if (!Batch.Releases.Contains(release)) Batch.Releases.Add(release);
    }

    /// <summary>
    /// A place as the file's release of its type lists it, and names it (null when the file gives its code alone): see
    /// <see cref="Release"/>.
    /// </summary>
    public void Listed(AreaCode code, AreaType type, DateOnly release, string? name, string? alternate = null)
    {
        Area(code, name ?? code.Value, type, alternate);
        if (listed.Add((code, type, release)))
            Batch.ReleasedAreas.Add(new ReleasedArea(code, type, release, name ?? ReleasedArea.Unnamed, alternate));
    }
}
