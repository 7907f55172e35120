using Commonweal.Core.Places;

namespace Commonweal.Application.Indicators;

/// <summary>
/// The levels of the ICS a value is added up to, and the lower levels each is added up from, lowest first: the NHS
/// hierarchy (practice → PCN → neighbourhood → sub-ICB location → ICB) and the local-government one (LSOA → ward or
/// MSOA → district → alliance → ICS). A place is added up from the lowest level that has counts within it; the ICS
/// itself from its LSOAs if any have counts (it is its districts), else from its practices (its registered patients).
/// </summary>
public static class AggregationLevels
{
    private static readonly (AreaType Target, AreaType[] From)[] Table =
    [
        (AreaType.Ics, [AreaType.Lsoa, AreaType.Practice, AreaType.Msoa, AreaType.Ward, AreaType.Pcn, AreaType.District, AreaType.SubIcb, AreaType.Alliance]),
        (AreaType.Icb, [AreaType.Practice, AreaType.Lsoa, AreaType.Pcn, AreaType.SubIcb]),
        (AreaType.SubIcb, [AreaType.Practice, AreaType.Lsoa, AreaType.Pcn]),
        (AreaType.Pcn, [AreaType.Practice]),
        (AreaType.Neighbourhood, [AreaType.Practice, AreaType.Lsoa]),
        (AreaType.Alliance, [AreaType.Lsoa, AreaType.Msoa, AreaType.Ward, AreaType.District]),
        (AreaType.District, [AreaType.Lsoa, AreaType.Msoa, AreaType.Ward]),
        (AreaType.Ward, [AreaType.Lsoa]),
        (AreaType.Msoa, [AreaType.Lsoa]),
    ];

    /// <summary>The types of place values are added up to, highest first.</summary>
    public static IReadOnlyList<AreaType> Targets { get; } = [.. Table.Select(t => t.Target)];

    /// <summary>The types a place of <paramref name="target"/> type may be added up from, lowest first; empty when it is not a level.</summary>
    public static IReadOnlyList<AreaType> From(AreaType target) => Array.Find(Table, t => t.Target == target).From ?? [];

    /// <summary>
    /// The type of an area's parent, for comparisons with the parent: practice → PCN → sub-ICB location → ICB;
    /// neighbourhood → sub-ICB location; LSOA → ward → district → alliance → ICS; MSOA → district. Null above.
    /// </summary>
    public static AreaType? ParentType(AreaType type) => type switch
    {
        AreaType.Practice => AreaType.Pcn,
        AreaType.Pcn or AreaType.Neighbourhood => AreaType.SubIcb,
        AreaType.SubIcb => AreaType.Icb,
        AreaType.Lsoa => AreaType.Ward,
        AreaType.Ward or AreaType.Msoa => AreaType.District,
        AreaType.District => AreaType.Alliance,
        AreaType.Alliance => AreaType.Ics,
        _ => null,
    };
}
