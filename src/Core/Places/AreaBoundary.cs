namespace Commonweal.Core.Places;

/// <summary>The outline of an area: one or more polygons, each a list of rings of (longitude, latitude) in WGS84.</summary>
public sealed record AreaBoundary(AreaCode Area, IReadOnlyList<Polygon> Polygons)
{
    public (double MinLon, double MinLat, double MaxLon, double MaxLat) Bounds()
    {
        double minLon = double.MaxValue, minLat = double.MaxValue, maxLon = double.MinValue, maxLat = double.MinValue;
        foreach (var polygon in Polygons)
        {
            foreach (var ring in polygon.Rings)
            {
                foreach (var (lon, lat) in ring)
                {
                    minLon = Math.Min(minLon, lon);
                    maxLon = Math.Max(maxLon, lon);
                    minLat = Math.Min(minLat, lat);
                    maxLat = Math.Max(maxLat, lat);
                }
            }
        }

        return (minLon, minLat, maxLon, maxLat);
    }
}

/// <summary>An outer ring followed by any holes; each ring is closed (first point = last point).</summary>
public sealed record Polygon(IReadOnlyList<IReadOnlyList<(double Lon, double Lat)>> Rings);
