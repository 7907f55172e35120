using Commonweal.Application.Places.Import;
using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Ics;

/// <summary>
/// The places an ICS defines for itself, as an <see cref="ImportBatch"/>: the ICB, the county over its two-tier
/// districts, its alliances (groups of districts) and neighbourhoods (groups of LSOAs or practices), with their
/// memberships. Applied after every import and by the demo, so real and demo data share one structure.
/// </summary>
public static class IcsStructure
{
    /// <summary>When the ICS's own groupings took effect: ICBs became statutory on 1 July 2022.</summary>
    public static readonly DateOnly EffectiveFrom = new(2022, 7, 1);

    /// <param name="pcnsOfIcb">The ICB's PCNs with their practices, used when neighbourhoods follow PCN footprints.</param>
    public static ImportBatch Build(IcsDefinition ics, IReadOnlyList<(Area Pcn, IReadOnlyList<AreaCode> Practices)> pcnsOfIcb)
    {
        var batch = new ImportBatch();
        batch.Areas.Add(new Area(ics.IcbCode, ics.IcbName, AreaType.Icb, ics.IcbOnsCode));

        foreach (var district in ics.Districts)
        {
            batch.AreasIfMissing.Add(new Area(district.Code, district.Name, AreaType.District));
            if (district.County is { } county)
                batch.Memberships.Add(new AreaMembership(district.Code, AreaType.District, county, AreaType.County, EffectiveFrom));
        }

        foreach (var county in ics.Districts.Where(d => d.County is not null).DistinctBy(d => d.County))
            batch.Areas.Add(new Area(county.County!.Value, county.CountyName ?? county.County.Value.Value, AreaType.County));

        foreach (var alliance in ics.Alliances)
        {
            batch.Areas.Add(new Area(alliance.Code, alliance.Name, AreaType.Alliance));
            batch.Memberships.Add(new AreaMembership(alliance.Code, AreaType.Alliance, ics.IcbCode, AreaType.Icb, EffectiveFrom));
            foreach (var district in alliance.Districts)
                batch.Memberships.Add(new AreaMembership(district, AreaType.District, alliance.Code, AreaType.Alliance, EffectiveFrom));
        }

        foreach (var neighbourhood in ics.Neighbourhoods)
            AddNeighbourhood(batch, neighbourhood.Code, neighbourhood.Name, neighbourhood.Members, ics.IcbCode);

        if (ics.NeighbourhoodsFromPcns)
        {
            foreach (var (pcn, practices) in pcnsOfIcb)
                AddNeighbourhood(batch, NeighbourhoodCodeFor(pcn.Code), pcn.Name, practices, ics.IcbCode);
        }

        batch.Rows = batch.Areas.Count;
        return batch;
    }

    /// <summary>The code of the neighbourhood that follows a PCN's footprint, e.g. neighbourhood-u12345.</summary>
    public static AreaCode NeighbourhoodCodeFor(AreaCode pcn) => AreaCode.Parse("neighbourhood-" + pcn.Value.ToLowerInvariant());

    private static void AddNeighbourhood(ImportBatch batch, AreaCode code, string name, IReadOnlyList<AreaCode> members, AreaCode icb)
    {
        batch.Areas.Add(new Area(code, name, AreaType.Neighbourhood));
        batch.Memberships.Add(new AreaMembership(code, AreaType.Neighbourhood, icb, AreaType.Icb, EffectiveFrom));
        foreach (var member in members)
        {
            var type = member.Scheme == AreaCodeScheme.OdsPractice ? AreaType.Practice : AreaType.Lsoa;
            batch.Memberships.Add(new AreaMembership(member, type, code, AreaType.Neighbourhood, EffectiveFrom));
        }
    }
}
