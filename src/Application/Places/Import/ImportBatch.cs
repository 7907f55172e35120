using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Import;

/// <summary>
/// Everything one official file says, read and validated in full before anything is written, so that a bad
/// file changes nothing. The writer stores a batch in one transaction.
/// </summary>
public sealed class ImportBatch
{
    /// <summary>Areas the file names: added when missing. Names, second codes and validity come from the releases.</summary>
    public List<Area> Areas { get; } = [];

    /// <summary>The complete lists of places of one type on one date that the file gives (see <see cref="GeographyRelease"/>).</summary>
    public List<GeographyRelease> Releases { get; } = [];

    /// <summary>The places each of those lists, with the names they give them.</summary>
    public List<ReleasedArea> ReleasedAreas { get; } = [];

    public List<AreaMembership> Memberships { get; } = [];

    public List<PopulationCount> Populations { get; } = [];

    public List<LsoaDeprivation> Deprivation { get; } = [];

    /// <summary>Which <see cref="LsoaDeprivation"/> properties this file fills; others are left as stored.</summary>
    public List<string> DeprivationColumns { get; } = [];

    public List<AreaBoundary> Boundaries { get; } = [];

    public List<LsoaLink> LsoaLinks { get; } = [];

    /// <summary>Which <see cref="LsoaLink"/> properties this file fills (the exact lookup the change code, the best-fit one the flag).</summary>
    public List<string> LsoaLinkColumns { get; } = [];

    /// <summary>Rows deliberately not loaded, and why (e.g. Welsh LSOAs in a UK-wide file). Reported to the user.</summary>
    public List<string> Notes { get; } = [];

    public int Rows { get; set; }
}
