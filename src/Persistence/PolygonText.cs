using System.Globalization;
using System.Text;
using System.Text.Json;
using Commonweal.Core.Places;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Commonweal.Persistence;

/// <summary>Stores polygons as GeoJSON MultiPolygon coordinates text: [[[[lon,lat],...],...],...].</summary>
public static class PolygonText
{
    public static readonly ValueConverter<IReadOnlyList<Polygon>, string> Converter =
        new(p => Write(p), s => Read(s));

    public static readonly ValueComparer<IReadOnlyList<Polygon>> Comparer =
        new((a, b) => Write(a!) == Write(b!), p => Write(p).GetHashCode(StringComparison.Ordinal), p => Read(Write(p)));

    public static string Write(IReadOnlyList<Polygon> polygons)
    {
        var sb = new StringBuilder(polygons.Sum(p => p.Rings.Sum(r => r.Count)) * 22);
        sb.Append('[');
        for (var p = 0; p < polygons.Count; p++)
        {
            if (p > 0) sb.Append(',');
            sb.Append('[');
            var rings = polygons[p].Rings;
            for (var r = 0; r < rings.Count; r++)
            {
                if (r > 0) sb.Append(',');
                sb.Append('[');
                var ring = rings[r];
                for (var i = 0; i < ring.Count; i++)
                {
                    if (i > 0) sb.Append(',');
                    sb.Append('[')
                      .Append(ring[i].Lon.ToString("R", CultureInfo.InvariantCulture)).Append(',')
                      .Append(ring[i].Lat.ToString("R", CultureInfo.InvariantCulture)).Append(']');
                }

                sb.Append(']');
            }

            sb.Append(']');
        }

        return sb.Append(']').ToString();
    }

    public static IReadOnlyList<Polygon> Read(string text)
    {
        using var doc = JsonDocument.Parse(text);
        var polygons = new List<Polygon>();
        foreach (var polygon in doc.RootElement.EnumerateArray())
        {
            var rings = new List<IReadOnlyList<(double, double)>>();
            foreach (var ring in polygon.EnumerateArray())
            {
                var points = new List<(double, double)>(ring.GetArrayLength());
                foreach (var point in ring.EnumerateArray())
                    points.Add((point[0].GetDouble(), point[1].GetDouble()));
                rings.Add(points);
            }

            polygons.Add(new Polygon(rings));
        }

        return polygons;
    }
}
