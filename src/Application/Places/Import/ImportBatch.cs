using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Import;

/// <summary>
/// Everything one official file says, read and validated in full before anything is written, so that a bad
/// file changes nothing. The writer stores a batch in one transaction.
/// </summary>
public sealed class ImportBatch
{
    /// <summary>Areas the file is authoritative for (name, type, alternate code are written).</summary>
    public List<Area> Areas { get; } = [];

    /// <summary>Areas the file only mentions: added when missing, never overwritten.</summary>
    public List<Area> AreasIfMissing { get; } = [];

    public List<AreaMembership> Memberships { get; } = [];

    public List<PopulationCount> Populations { get; } = [];

    public List<LsoaDeprivation> Deprivation { get; } = [];

    /// <summary>Which <see cref="LsoaDeprivation"/> properties this file fills; others are left as stored.</summary>
    public List<string> DeprivationColumns { get; } = [];

    public List<AreaBoundary> Boundaries { get; } = [];

    /// <summary>Rows deliberately not loaded, and why (e.g. Welsh LSOAs in a UK-wide file). Reported to the user.</summary>
    public List<string> Notes { get; } = [];

    public int Rows { get; set; }
}
