namespace Commonweal.Core.Places;

/// <summary>
/// The outline of an area as one release of its boundaries draws it: one or more polygons, each a list of rings of
/// (longitude, latitude) in WGS84. An LSOA unchanged in 2021 has an outline from the 2011 files and one from the 2021 ones.
/// </summary>
/// <param name="Release">The date of the geography the outline belongs to: Census day 2011 or 2021 for LSOAs, 1 May 2025 for May 2025 wards, 1 December 2023 for the December 2023 districts.</param>
public sealed record AreaBoundary(AreaCode Area, DateOnly Release, IReadOnlyList<Polygon> Polygons)
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
