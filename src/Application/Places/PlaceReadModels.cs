using Commonweal.Core.Places;

namespace Commonweal.Application.Places;

/// <param name="InForce">Whether the ICS description is in force on the date (NHS Essex only from 1 April 2026).</param>
/// <param name="Icb">The ICB holding the partnership on the date.</param>
public sealed record SystemOverview(
    IcsDefinition Ics,
    DatasetKind Dataset,
    VintagesUsed Used,
    bool InForce,
    PlaceSummary System,
    Area? Icb,
    IReadOnlyList<PlaceSummary> Districts,
    IReadOnlyList<PlaceSummary> Alliances,
    IReadOnlyDictionary<AreaType, int> Counts)
{
    public string IcsName => Ics.Name;
}

public sealed record ChildGroup(AreaType Type, IReadOnlyList<PlaceSummary> Places);

public sealed record DecileCount(int Decile, int Lsoas, long Population);

/// <param name="MostDeprived20">LSOAs in national deciles 1–2 of this domain.</param>
public sealed record DomainSummary(DeprivationDomain Domain, int Lsoas, int MostDeprived20, int? MedianDecile);

public sealed record AgeBandCount(AgeBand Band, long Count);

/// <param name="Kind">Residents (LSOA-based places) or registered patients (practices, PCNs, sub-ICB locations, ICBs).</param>
public sealed record AgeProfile(PopulationKind Kind, DateOnly Period, IReadOnlyList<AgeBandCount> Bands);

/// <summary>One period in which a place lay in a parent, and where that is known from.</summary>
public sealed record HistoryEntry(Area Parent, Validity Validity, string Source);

/// <summary>A link from an LSOA to one of the other Census, as ONS's lookups give it.</summary>
/// <param name="Other">The LSOA at the other end (2021 when <paramref name="Forward"/>, else 2011).</param>
/// <param name="Forward">Whether the LSOA shown is the 2011 end.</param>
public sealed record LsoaLinkView(LsoaLink Link, Area? Other, bool Forward);

/// <param name="InForce">Whether the place is in this view (in force on the date, or an LSOA of the view's Census).</param>
/// <param name="Icb">The ICB the place lay in on the date, through any of its parents.</param>
/// <param name="History">Every parent the place has had, with its period.</param>
/// <param name="Links">For an LSOA that changed in 2021: the LSOAs it became or came from.</param>
/// <param name="Listed">The releases that list the place (its vintages: LSOA 2011 and 2021, the practice maps…), oldest first, with the name each gives.</param>
public sealed record PlaceDetail(
    Area Area,
    VintagesUsed Used,
    bool InForce,
    PlaceSummary Summary,
    IReadOnlyList<Area> Parents,
    Area? Icb,
    IReadOnlyList<ChildGroup> Children,
    IReadOnlyList<DecileCount> Deciles,
    IReadOnlyList<DomainSummary> Domains,
    AgeProfile? Ages,
    LsoaDeprivation? Lsoa,
    IReadOnlyList<HistoryEntry> History,
    IReadOnlyList<LsoaLinkView> Links,
    IReadOnlyList<ReleasedArea> Listed);

/// <param name="Release">The boundary release drawn (Census day of the LSOAs' geography).</param>
public sealed record MapCell(Area Area, IReadOnlyList<Polygon> Polygons, int? ImdDecile, int? ImdRank, long? Residents, DateOnly Release);

public sealed record MapOutline(Area Area, IReadOnlyList<Polygon> Polygons);

/// <param name="WithoutBoundary">LSOAs of the area that have no boundary loaded (listed in the table, absent from the map).</param>
/// <param name="Districts">The districts the map's LSOAs lie in (each named and linked on the map when it has an outline).</param>
/// <param name="Outlines">The district outlines loaded.</param>
public sealed record PlaceMap(
    Area Area,
    VintagesUsed Used,
    IReadOnlyList<MapCell> Cells,
    int WithoutBoundary,
    IReadOnlyList<Area> Districts,
    IReadOnlyList<MapOutline> Outlines);

/// <summary>Places listed as at a date: the view they were read in, the place they are within (if any), the type asked for.</summary>
public sealed record PlaceList(PlaceGraph Graph, Area? Within, AreaType? Type, IReadOnlyList<Area> Places);
