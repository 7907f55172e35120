using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Import;

/// <summary>What a reader carries from row to row.</summary>
public sealed class ReaderContext(ImportBatch batch, PlaceLookup lookup)
{
    private readonly Dictionary<string, int> seen = new(StringComparer.Ordinal);

    public ImportBatch Batch { get; } = batch;

    public PlaceLookup Lookup { get; } = lookup;

    public int Skipped { get; set; }

    /// <summary>Rejects a second row with the same key, naming the line of the first.</summary>
    public void Unique(CsvRow row, int column, string key)
    {
        if (seen.TryGetValue(key, out var first))
            throw row.Reject(column, $"duplicate key '{key}': already given on line {first}");
        seen[key] = row.Line;
    }

    private readonly HashSet<(AreaCode, AreaType)> memberships = [];

    /// <summary>Adds a membership once, however many rows repeat it (a ward is named on every one of its LSOAs' rows).</summary>
    public void Member(AreaCode child, AreaType childType, AreaCode parent, AreaType parentType, DateOnly from)
    {
        if (memberships.Add((child, parentType)))
            Batch.Memberships.Add(new AreaMembership(child, childType, parent, parentType, from));
    }

    private readonly HashSet<AreaCode> areas = [];

    public void Area(AreaCode code, string name, AreaType type, string? alternate = null, bool ifMissing = false)
    {
        if (areas.Add(code))
            (ifMissing ? Batch.AreasIfMissing : Batch.Areas).Add(new Area(code, name, type, alternate));
    }
}
