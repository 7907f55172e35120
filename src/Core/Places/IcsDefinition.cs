namespace Commonweal.Core.Places;

/// <summary>
/// How an integrated care system describes itself: its ICB, its districts (and the county over two-tier ones),
/// the alliances that group districts and the neighbourhoods that group LSOAs or practices.
/// Read from a small JSON file; Mid and South Essex ships as the default.
/// </summary>
public sealed record IcsDefinition(
    string Name,
    AreaCode IcbCode,
    string? IcbOnsCode,
    IReadOnlyList<IcsDistrict> Districts,
    IReadOnlyList<IcsAlliance> Alliances,
    IReadOnlyList<IcsNeighbourhood> Neighbourhoods,
    bool NeighbourhoodsFromPcns)
{
    /// <summary>The ICB's name, e.g. "NHS Mid and South Essex Integrated Care Board".</summary>
    public string IcbName { get; init; } = Name + " ICB";

    public IEnumerable<AreaCode> DistrictCodes => Districts.Select(d => d.Code);
}

/// <param name="County">The county council over a two-tier district; null for a unitary authority.</param>
public sealed record IcsDistrict(AreaCode Code, string Name, AreaCode? County, string? CountyName);

public sealed record IcsAlliance(AreaCode Code, string Name, IReadOnlyList<AreaCode> Districts);

/// <summary>A neighbourhood: a named group of LSOAs or of GP practices.</summary>
public sealed record IcsNeighbourhood(AreaCode Code, string Name, IReadOnlyList<AreaCode> Members);
