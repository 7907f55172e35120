using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Ics;

/// <summary>
/// The places an ICS defines for itself, with the periods of their memberships: the partnership (its own place, in
/// each of its ICBs for that ICB's period), its districts (and the county over two-tier ones), alliances, sub-ICB
/// locations, and neighbourhoods (groups of LSOAs or practices, or one per PCN of its sub-ICB locations for as long as
/// that PCN is in one of them). Worked out in memory from the description and the stored data each time the place
/// read model is built, so changing the description changes nothing stored.
/// </summary>
public static class IcsStructure
{
    public const string Source = "ICS description";

    /// <param name="find">A stored area by its code or its second code (sub-ICB locations are stored by their GSS code, listed by their ODS code), if any.</param>
    /// <param name="periods">The stored membership periods (to find the PCNs of the ICS's sub-ICB locations over time).</param>
    public static (List<Area> Areas, List<MembershipPeriod> Periods) Build(
        IcsDefinition ics, Func<AreaCode, Area?> find, IReadOnlyCollection<MembershipPeriod> periods)
    {
        var areas = new List<Area>();
        var links = new List<MembershipPeriod>();
        void Add(Area area)
        {
            if (find(area.Code) is null && areas.TrueForAll(a => a.Code != area.Code)) areas.Add(area);
        }

        void Link(AreaCode child, AreaType childType, AreaCode parent, AreaType parentType, Validity validity)
        {
            if (!validity.IsEmpty) links.Add(new MembershipPeriod(child, childType, parent, parentType, validity, Source));
        }

        var always = ics.Validity;
        areas.Add(new Area(ics.Code, ics.Name, AreaType.Ics) { ValidFrom = always.From, ValidTo = always.To });
        foreach (var icb in ics.Icbs)
        {
            Add(new Area(icb.Code, icb.Name, AreaType.Icb, icb.OnsCode) { ValidFrom = icb.Validity.From, ValidTo = icb.Validity.To });
            Link(ics.Code, AreaType.Ics, icb.Code, AreaType.Icb, icb.Validity.Intersect(always));
        }

        foreach (var district in ics.Districts)
        {
            Add(new Area(district.Code, district.Name, AreaType.District));
            Link(district.Code, AreaType.District, ics.Code, AreaType.Ics, always);
            if (district.County is { } county)
            {
                Add(new Area(county, district.CountyName ?? county.Value, AreaType.County));
                Link(district.Code, AreaType.District, county, AreaType.County, always);
            }
        }

        foreach (var alliance in ics.Alliances)
        {
            areas.Add(new Area(alliance.Code, alliance.Name, AreaType.Alliance) { ValidFrom = always.From, ValidTo = always.To });
            Link(alliance.Code, AreaType.Alliance, ics.Code, AreaType.Ics, always);
            foreach (var district in alliance.Districts)
                Link(district, AreaType.District, alliance.Code, AreaType.Alliance, always);
        }

        var footprint = SubIcbPeriods(ics, periods).Select(f => (find(f.SubIcb)?.Code ?? f.SubIcb, f.Validity)).ToList();
        foreach (var (subIcb, validity) in footprint)
            Link(subIcb, AreaType.SubIcb, ics.Code, AreaType.Ics, validity);

        foreach (var neighbourhood in ics.Neighbourhoods)
        {
            areas.Add(new Area(neighbourhood.Code, neighbourhood.Name, AreaType.Neighbourhood) { ValidFrom = always.From, ValidTo = always.To });
            Link(neighbourhood.Code, AreaType.Neighbourhood, ics.Code, AreaType.Ics, always);
            foreach (var member in neighbourhood.Members)
                Link(member, member.Scheme == AreaCodeScheme.OdsPractice ? AreaType.Practice : AreaType.Lsoa, neighbourhood.Code, AreaType.Neighbourhood, always);
        }

        if (ics.NeighbourhoodsFromPcns)
            AddPcnNeighbourhoods(ics, find, periods, footprint, areas, Link);

        return (areas, links);
    }

    /// <summary>The code of the neighbourhood that follows a PCN's footprint, e.g. neighbourhood-u12345.</summary>
    public static AreaCode NeighbourhoodCodeFor(AreaCode pcn) => AreaCode.Parse("neighbourhood-" + pcn.Value.ToLowerInvariant());

    /// <summary>The ICS's sub-ICB locations with the periods they are in it: as listed, or those of its ICB in each ICB's period.</summary>
    private static List<(AreaCode SubIcb, Validity Validity)> SubIcbPeriods(IcsDefinition ics, IReadOnlyCollection<MembershipPeriod> periods)
    {
        if (ics.SubIcbs.Count > 0) return ics.SubIcbs.Select(s => (s, ics.Validity)).ToList();
        var result = new List<(AreaCode, Validity)>();
        foreach (var icb in ics.Icbs)
        {
            foreach (var p in periods.Where(p => p.Parent == icb.Code && p.ChildType == AreaType.SubIcb))
            {
                var validity = p.Validity.Intersect(icb.Validity).Intersect(ics.Validity);
                if (!validity.IsEmpty) result.Add((p.Child, validity));
            }
        }

        return result;
    }

    private static void AddPcnNeighbourhoods(
        IcsDefinition ics,
        Func<AreaCode, Area?> find,
        IReadOnlyCollection<MembershipPeriod> periods,
        List<(AreaCode SubIcb, Validity Validity)> footprint,
        List<Area> areas,
        Action<AreaCode, AreaType, AreaCode, AreaType, Validity> link)
    {
        var inFootprint = footprint.ToLookup(f => f.SubIcb, f => f.Validity);
        var practicesByPcn = periods.Where(p => p.ChildType == AreaType.Practice && p.ParentType == AreaType.Pcn).ToLookup(p => p.Parent);
        var added = new HashSet<AreaCode>();
        foreach (var pcnLink in periods.Where(p => p.ChildType == AreaType.Pcn && p.ParentType == AreaType.SubIcb && inFootprint.Contains(p.Parent)))
        {
            if (find(pcnLink.Child) is not { } pcn) continue;
            var neighbourhood = NeighbourhoodCodeFor(pcn.Code);
            foreach (var within in inFootprint[pcnLink.Parent])
            {
                var validity = pcnLink.Validity.Intersect(within);
                if (validity.IsEmpty) continue;
                if (added.Add(neighbourhood))
                    areas.Add(new Area(neighbourhood, pcn.Name, AreaType.Neighbourhood) { ValidFrom = pcn.ValidFrom, ValidTo = pcn.ValidTo });
                link(neighbourhood, AreaType.Neighbourhood, ics.Code, AreaType.Ics, validity);
                foreach (var practice in practicesByPcn[pcn.Code])
                    link(practice.Child, AreaType.Practice, neighbourhood, AreaType.Neighbourhood, practice.Validity.Intersect(validity));
            }
        }
    }
}
