using Commonweal.Core.Places;

namespace Commonweal.Application.Reporting.Charts;

/// <summary>
/// The outline of a group of areas that tile the ground edge to edge (the demo's hexagonal LSOAs): the edges that only
/// one of them has, each as a two-point ring an outline layer strokes. For a place whose own boundary is not loaded.
/// </summary>
public static class SharedEdges
{
    /// <summary>Points this close (in degrees, about a centimetre) are the same corner.</summary>
    private const double Tolerance = 1e-7;

    /// <summary>
    /// The group's outline, or null when its areas do not share their edges exactly (real generalised boundaries often
    /// do not), in which case drawing the unshared edges would trace every area instead of the group.
    /// </summary>
    public static IReadOnlyList<Polygon>? Outline(IEnumerable<Polygon> polygons)
    {
        var all = polygons.ToList();
        if (all.Count == 1) return all;
        var edges = new List<((long, long) From, (long, long) To, (double, double) A, (double, double) B)>();
        foreach (var polygon in all)
        {
            foreach (var ring in polygon.Rings)
            {
                for (var i = 0; i + 1 < ring.Count; i++)
                    edges.Add((Key(ring[i]), Key(ring[i + 1]), ring[i], ring[i + 1]));
            }
        }

        var count = new Dictionary<((long, long), (long, long)), int>();
        foreach (var (from, to, _, _) in edges)
        {
            var key = Undirected(from, to);
            count[key] = count.GetValueOrDefault(key) + 1;
        }

        // In a tiling most edges are shared (two squares side by side share a quarter of theirs; a district of hexagons
        // most); areas drawn independently share next to none.
        var outline = edges.Where(e => count[Undirected(e.From, e.To)] == 1).ToList();
        if (edges.Count == 0 || (edges.Count - outline.Count) * 4 < edges.Count) return null;
        return [.. outline.Select(e => new Polygon([new List<(double Lon, double Lat)> { e.A, e.B }]))];
    }

    private static (long, long) Key((double Lon, double Lat) p) => ((long)Math.Round(p.Lon / Tolerance), (long)Math.Round(p.Lat / Tolerance));

    private static ((long, long), (long, long)) Undirected((long, long) a, (long, long) b) => a.CompareTo(b) <= 0 ? (a, b) : (b, a);
}
