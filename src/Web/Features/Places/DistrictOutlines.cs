using Commonweal.Application.Places;
using Commonweal.Application.Reporting.Charts;
using Commonweal.Core.Places;

namespace Commonweal.Web.Features.Places;

/// <summary>The districts (local authorities) of a map, to draw over its shading: each outlined, named and linked.</summary>
public static class DistrictOutlines
{
    /// <summary>
    /// The loaded outline of each district of the map; a district whose boundary is not loaded is outlined by the edges its
    /// LSOAs do not share, when they tile exactly (the demo's), and named at its LSOA nearest the middle.
    /// </summary>
    /// <param name="href">The link of a district's outline and name (its page).</param>
    public static List<ChoroplethOutline> Of(PlaceMap map, PlaceGraph graph, Func<Area, string> href)
    {
        var outlines = map.Outlines.Select(o => new ChoroplethOutline(o.Area.Code, o.Area.Name, o.Polygons, href(o.Area))).ToList();
        var missing = map.Districts.Where(d => outlines.All(o => o.Code != d.Code)).ToList();
        if (missing.Count == 0) return outlines;
        var cellsOf = map.Cells.ToLookup(c => graph.Parents(c.Area.Code).FirstOrDefault(p => p.Type == AreaType.District)?.Code);
        foreach (var district in missing)
        {
            var cells = cellsOf[district.Code].ToList();
            if (cells.Count == 0 || SharedEdges.Outline(cells.SelectMany(c => c.Polygons)) is not { } edges) continue;
            var centres = cells.Select(c => Centre(c.Polygons)).ToList();
            var middle = (Lon: centres.Average(p => p.Lon), Lat: centres.Average(p => p.Lat));
            var label = centres.MinBy(p => Math.Pow(p.Lon - middle.Lon, 2) + Math.Pow(p.Lat - middle.Lat, 2));
            outlines.Add(new ChoroplethOutline(district.Code, district.Name, edges, href(district), label));
        }

        return outlines;
    }

    private static (double Lon, double Lat) Centre(IReadOnlyList<Polygon> polygons)
    {
        var ring = polygons[0].Rings[0];
        return (ring.Average(p => p.Lon), ring.Average(p => p.Lat));
    }
}
