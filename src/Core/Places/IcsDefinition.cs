namespace Commonweal.Core.Places;

/// <summary>
/// How an integrated care system describes itself: the partnership's own place (<see cref="Code"/>), the ICB that
/// hosts it over time, the sub-ICB locations that make up its NHS footprint, its districts (and the county over
/// two-tier ones), the alliances that group districts and the neighbourhoods that group LSOAs or practices. Read from
/// a small JSON file; Mid and South Essex (the partnership the seeds describe, in NHS Mid and South Essex ICB until
/// March 2026 and in NHS Essex ICB since) ships as the default, and NHS Essex ICB (from April 2026) beside it.
/// </summary>
/// <param name="Validity">When the partnership existed (the ICS's places are in force only then).</param>
/// <param name="Icbs">The ICBs that held the partnership, each for its period; the periods do not overlap.</param>
/// <param name="SubIcbs">The sub-ICB locations of its NHS footprint; empty to take every sub-ICB location of its ICB.</param>
public sealed record IcsDefinition(
    string Name,
    AreaCode Code,
    Validity Validity,
    IReadOnlyList<IcsIcb> Icbs,
    IReadOnlyList<AreaCode> SubIcbs,
    IReadOnlyList<IcsDistrict> Districts,
    IReadOnlyList<IcsAlliance> Alliances,
    IReadOnlyList<IcsNeighbourhood> Neighbourhoods,
    bool NeighbourhoodsFromPcns)
{
    public IEnumerable<AreaCode> DistrictCodes => Districts.Select(d => d.Code);

    /// <summary>The ICB that held the partnership on <paramref name="date"/>, if any.</summary>
    public IcsIcb? IcbOn(DateOnly date) =>
        Validity.Contains(date) ? Icbs.FirstOrDefault(i => i.Validity.Contains(date)) : null;
}

/// <param name="OnsCode">The ICB's GSS code (E54…).</param>
public sealed record IcsIcb(AreaCode Code, string Name, string? OnsCode, Validity Validity);

/// <param name="County">The county council over a two-tier district; null for a unitary authority.</param>
public sealed record IcsDistrict(AreaCode Code, string Name, AreaCode? County, string? CountyName);

public sealed record IcsAlliance(AreaCode Code, string Name, IReadOnlyList<AreaCode> Districts);

/// <summary>A neighbourhood: a named group of LSOAs or of GP practices.</summary>
public sealed record IcsNeighbourhood(AreaCode Code, string Name, IReadOnlyList<AreaCode> Members);
