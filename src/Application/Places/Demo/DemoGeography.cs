using Commonweal.Core.Places;
using Commonweal.Core.Statistics;

namespace Commonweal.Application.Places.Demo;

/// <summary>
/// Synthetic geometry for the demo: a grid of equal hexagons in WGS84, one per LSOA. Districts grow as compact,
/// contiguous blobs of cells around their real approximate centres and share borders with their neighbours, as
/// real districts do; wards and MSOAs are contiguous groups of a district's cells.
/// </summary>
internal static class DemoGeography
{
    /// <summary>
    /// Centre-to-corner size of a cell. Each cell then covers about 2.1 km², so 705 cells span about 50 × 60 km,
    /// close to the real extent of Mid and South Essex (some 0.7° of longitude by 0.6° of latitude).
    /// </summary>
    public const double CellSizeKm = 0.9;

    /// <summary>Where the grid is anchored: the middle of Mid and South Essex, near Chelmsford.</summary>
    private const double OriginLat = 51.65;
    private const double OriginLon = 0.55;

    private const double KmPerDegreeLat = 111.2;

    // One scale for the whole grid (that of the origin's latitude) keeps the cells an exact tiling, so that
    // neighbouring cells share their corners to the last digit and ward outlines can be traced by shared edges.
    private static readonly double KmPerDegreeLon = 111.32 * Math.Cos(OriginLat * Math.PI / 180);

    // Corners of a pointy-top hexagon on the integer lattice of half-widths (x) and half-sizes (y), counter-clockwise
    // from 30°, so that every ring is anticlockwise as GeoJSON (RFC 7946) wants outer rings to be.
    private static readonly (int X, int Y)[] Corners = [(1, 1), (0, 2), (-1, 1), (-1, -1), (0, -2), (1, -1)];

    public static (double Lat, double Lon) CentreOf(Hex cell)
    {
        var (x, y) = KmOf(cell);
        return (OriginLat + y / KmPerDegreeLat, OriginLon + x / KmPerDegreeLon);
    }

    public static Hex CellAt(double lat, double lon)
    {
        var x = (lon - OriginLon) * KmPerDegreeLon;
        var y = (lat - OriginLat) * KmPerDegreeLat;
        var q = (Math.Sqrt(3) / 3 * x - y / 3) / CellSizeKm;
        var r = 2.0 / 3 * y / CellSizeKm;
        return Round(q, r);
    }

    /// <summary>The cell's outline: one closed ring of seven points.</summary>
    public static Polygon Hexagon(Hex cell) => CornersOf(cell, 0, Corners.Length);

    /// <summary>
    /// One half of the cell, cut through a pair of opposite corners (<paramref name="cut"/> 0, 1 or 2 picks the pair,
    /// <paramref name="side"/> 0 or 1 the half): a closed ring of five points. The two halves share the cut exactly.
    /// </summary>
    public static Polygon HalfHexagon(Hex cell, int cut, int side) => CornersOf(cell, cut + 3 * side, 4);

    /// <summary>A ring through <paramref name="count"/> consecutive corners of the cell from <paramref name="first"/>, closed.</summary>
    private static Polygon CornersOf(Hex cell, int first, int count)
    {
        var (cx, cy) = LatticeCentre(cell);
        var ring = new List<(double Lon, double Lat)>(count + 1);
        for (var k = 0; k < count; k++)
        {
            var (dx, dy) = Corners[(first + k) % Corners.Length];
            ring.Add(ToLonLat(cx + dx, cy + dy));
        }

        ring.Add(ring[0]);
        return new Polygon([ring]);
    }

    /// <summary>
    /// The outline of a group of cells: the edges that only one of its cells has, chained into rings. A connected
    /// group gives one polygon (with a hole wherever it surrounds another area's cells); a scattered group one per part.
    /// </summary>
    public static IReadOnlyList<Polygon> Outline(IReadOnlyList<Hex> cells)
    {
        var edges = new List<((int X, int Y) From, (int X, int Y) To)>(cells.Count * 6);
        var all = new HashSet<((int X, int Y) From, (int X, int Y) To)>();
        foreach (var cell in cells)
        {
            var (cx, cy) = LatticeCentre(cell);
            for (var k = 0; k < Corners.Length; k++)
            {
                var from = (cx + Corners[k].X, cy + Corners[k].Y);
                var to = (cx + Corners[(k + 1) % 6].X, cy + Corners[(k + 1) % 6].Y);
                edges.Add((from, to));
                all.Add((from, to));
            }
        }

        // In a hexagonal tiling three cells meet at each corner, so a corner on the outline has exactly one outline
        // edge leaving it: the chain never has to choose.
        var next = new Dictionary<(int X, int Y), (int X, int Y)>();
        var starts = new List<(int X, int Y)>();
        foreach (var (from, to) in edges)
        {
            if (all.Contains((to, from))) continue;
            next.Add(from, to);
            starts.Add(from);
        }

        var outers = new List<List<(int X, int Y)>>();
        var holes = new List<List<(int X, int Y)>>();
        var visited = new HashSet<(int X, int Y)>();
        foreach (var start in starts)
        {
            if (!visited.Add(start)) continue;
            var ring = new List<(int X, int Y)> { start };
            for (var corner = next[start]; corner != start; corner = next[corner])
            {
                visited.Add(corner);
                ring.Add(corner);
            }

            ring.Add(start);
            (SignedArea(ring) > 0 ? outers : holes).Add(ring);
        }

        var polygons = outers.Select(outer => new List<List<(int X, int Y)>> { outer }).ToList();
        foreach (var hole in holes)
        {
            var around = polygons.FindIndex(p => Contains(p[0], hole[0]));
            if (around < 0) throw new InvalidOperationException("a hole in an outline lies in none of its parts");
            polygons[around].Add(hole);
        }

        return polygons
            .Select(rings => new Polygon(rings.Select(ring => (IReadOnlyList<(double Lon, double Lat)>)ring.Select(c => ToLonLat(c.X, c.Y)).ToList()).ToList()))
            .ToList();
    }

    /// <summary>
    /// Grows each district from the cell at its centre, one cell at a time, always feeding the district furthest from
    /// its size, which takes the free neighbouring cell nearest its centre (jittered, so borders are not straight).
    /// Districts therefore grow at the same pace, meet along shared borders and never overlap.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<Hex>> GrowDistricts(IReadOnlyList<(double Lat, double Lon, int Cells)> districts, Random rng)
    {
        var owner = new Dictionary<Hex, int>();
        var claimed = districts.Select(_ => new List<Hex>()).ToArray();
        var frontier = districts.Select(_ => new PriorityQueue<Hex, double>()).ToArray();
        var queued = districts.Select(_ => new HashSet<Hex>()).ToArray();
        var centres = districts.Select(d => CellAt(d.Lat, d.Lon)).ToArray();
        var centresKm = districts
            .Select(d => ((d.Lon - OriginLon) * KmPerDegreeLon, (d.Lat - OriginLat) * KmPerDegreeLat))
            .ToArray();

        void Claim(int district, Hex cell)
        {
            owner.Add(cell, district);
            claimed[district].Add(cell);
            foreach (var neighbour in cell.Neighbours())
            {
                if (!owner.ContainsKey(neighbour) && queued[district].Add(neighbour))
                    frontier[district].Enqueue(neighbour, DistanceKm(centresKm[district], neighbour) + rng.NextDouble() * 1.5 * CellSizeKm);
            }
        }

        Hex NearestFree(Hex from)
        {
            for (var radius = 0; ; radius++)
            {
                foreach (var cell in from.Ring(radius))
                {
                    if (!owner.ContainsKey(cell)) return cell;
                }
            }
        }

        for (var d = 0; d < districts.Count; d++)
        {
            if (districts[d].Cells > 0) Claim(d, NearestFree(centres[d]));
        }

        while (true)
        {
            var hungriest = -1;
            var least = double.MaxValue;
            for (var d = 0; d < districts.Count; d++)
            {
                var done = claimed[d].Count / (double)districts[d].Cells;
                if (claimed[d].Count < districts[d].Cells && done < least)
                {
                    hungriest = d;
                    least = done;
                }
            }

            if (hungriest < 0) break;
            Hex? next = null;
            while (frontier[hungriest].TryDequeue(out var cell, out _))
            {
                if (!owner.ContainsKey(cell))
                {
                    next = cell;
                    break;
                }
            }

            // A district hemmed in by its neighbours carries on in the nearest free cell (an exclave) rather than stop short.
            Claim(hungriest, next ?? NearestFree(centres[hungriest]));
        }

        return claimed;
    }

    /// <summary>
    /// Splits a district's cells into <paramref name="parts"/> contiguous groups of about equal size (wards, MSOAs):
    /// seeds spread by farthest-point sampling and a few rounds of Lloyd relaxation, then balanced growth from them.
    /// Returns the group of each cell.
    /// </summary>
    public static int[] Partition(IReadOnlyList<Hex> cells, int parts, Random rng)
    {
        var n = cells.Count;
        parts = Math.Clamp(parts, 1, n);
        var indexOf = new Dictionary<Hex, int>(n);
        for (var i = 0; i < n; i++) indexOf.Add(cells[i], i);

        var seeds = SpreadSeeds(cells, parts, rng);
        var group = new int[n];
        Array.Fill(group, -1);
        var sizes = new int[parts];
        var targets = Apportionment.LargestRemainder(n, Enumerable.Repeat(1.0, parts).ToArray());
        var frontier = Enumerable.Range(0, parts).Select(_ => new PriorityQueue<int, double>()).ToArray();
        var seedKm = seeds.Select(s => KmOf(cells[s])).ToArray();

        void Claim(int part, int cell)
        {
            group[cell] = part;
            sizes[part]++;
            foreach (var neighbour in cells[cell].Neighbours())
            {
                if (indexOf.TryGetValue(neighbour, out var j) && group[j] < 0)
                    frontier[part].Enqueue(j, DistanceKm(seedKm[part], cells[j]) + rng.NextDouble() * 0.5 * CellSizeKm);
            }
        }

        bool HasFreeFrontier(int part)
        {
            while (frontier[part].TryPeek(out var cell, out _) && group[cell] >= 0) frontier[part].Dequeue();
            return frontier[part].Count > 0;
        }

        for (var p = 0; p < parts; p++) Claim(p, seeds[p]);
        for (var remaining = n - parts; remaining > 0; remaining--)
        {
            // Feed the group furthest from its share; once every group with room to grow is full, any group may grow.
            var chosen = Hungriest(p => sizes[p] < targets[p] && HasFreeFrontier(p)) ?? Hungriest(HasFreeFrontier);
            if (chosen is not { } part)
            {
                // Cells cut off from every seed (only in a district with an exclave) join the nearest group.
                for (var i = 0; i < n; i++)
                {
                    if (group[i] < 0)
                        group[i] = Enumerable.Range(0, parts).MinBy(p => cells[i].DistanceTo(cells[seeds[p]]));
                }

                break;
            }

            Claim(part, frontier[part].Dequeue());
        }

        return group;

        int? Hungriest(Func<int, bool> eligible)
        {
            int? best = null;
            for (var p = 0; p < parts; p++)
            {
                if (eligible(p) && (best is null || sizes[p] / (double)targets[p] < sizes[best.Value] / (double)targets[best.Value]))
                    best = p;
            }

            return best;
        }
    }

    /// <summary>The mean position of a group of cells, in degrees.</summary>
    public static (double Lat, double Lon) CentreOf(IEnumerable<Hex> cells)
    {
        var centres = cells.Select(c => CentreOf(c)).ToList();
        return (centres.Average(c => c.Lat), centres.Average(c => c.Lon));
    }

    private static int[] SpreadSeeds(IReadOnlyList<Hex> cells, int parts, Random rng)
    {
        var seeds = new List<int> { rng.Next(cells.Count) };
        var nearest = cells.Select(c => c.DistanceTo(cells[seeds[0]])).ToArray();
        while (seeds.Count < parts)
        {
            var far = 0;
            for (var i = 1; i < cells.Count; i++)
            {
                if (nearest[i] > nearest[far]) far = i;
            }

            seeds.Add(far);
            for (var i = 0; i < cells.Count; i++) nearest[i] = Math.Min(nearest[i], cells[i].DistanceTo(cells[far]));
        }

        // Farthest-point seeds sit on the edge of the district; move each to the middle of the cells nearest it.
        for (var round = 0; round < 4; round++)
        {
            var members = seeds.Select(_ => new List<int>()).ToArray();
            for (var i = 0; i < cells.Count; i++)
                members[Enumerable.Range(0, parts).MinBy(p => cells[i].DistanceTo(cells[seeds[p]]))].Add(i);
            for (var p = 0; p < parts; p++)
            {
                if (members[p].Count == 0) continue;
                var mx = members[p].Average(i => KmOf(cells[i]).X);
                var my = members[p].Average(i => KmOf(cells[i]).Y);
                var middle = members[p].MinBy(i => DistanceKm((mx, my), cells[i]));
                if (!seeds.Contains(middle)) seeds[p] = middle;
            }
        }

        return [.. seeds];
    }

    private static (int X, int Y) LatticeCentre(Hex cell) => (2 * cell.Q + cell.R, 3 * cell.R);

    private static (double X, double Y) KmOf(Hex cell) =>
        (CellSizeKm * Math.Sqrt(3) * (cell.Q + cell.R / 2.0), CellSizeKm * 1.5 * cell.R);

    private static double DistanceKm((double X, double Y) from, Hex cell)
    {
        var (x, y) = KmOf(cell);
        return Math.Sqrt((x - from.X) * (x - from.X) + (y - from.Y) * (y - from.Y));
    }

    private static (double Lon, double Lat) ToLonLat(int x, int y) =>
        (Math.Round(OriginLon + x * CellSizeKm * Math.Sqrt(3) / 2 / KmPerDegreeLon, 6),
         Math.Round(OriginLat + y * CellSizeKm / 2 / KmPerDegreeLat, 6));

    private static double SignedArea(List<(int X, int Y)> ring)
    {
        double area = 0;
        for (var i = 0; i + 1 < ring.Count; i++) area += (double)ring[i].X * ring[i + 1].Y - (double)ring[i + 1].X * ring[i].Y;
        return area / 2;
    }

    private static bool Contains(List<(int X, int Y)> ring, (int X, int Y) point)
    {
        var inside = false;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
        {
            var (xi, yi) = ring[i];
            var (xj, yj) = ring[j];
            if ((yi > point.Y) != (yj > point.Y) && point.X < (double)(xj - xi) * (point.Y - yi) / (yj - yi) + xi)
                inside = !inside;
        }

        return inside;
    }

    private static Hex Round(double q, double r)
    {
        var s = -q - r;
        var (rq, rr, rs) = (Math.Round(q), Math.Round(r), Math.Round(s));
        var (dq, dr, ds) = (Math.Abs(rq - q), Math.Abs(rr - r), Math.Abs(rs - s));
        if (dq > dr && dq > ds) rq = -rr - rs;
        else if (dr > ds) rr = -rq - rs;
        return new Hex((int)rq, (int)rr);
    }
}

/// <summary>A cell of the demo's hexagonal grid, in axial coordinates (q to the east, r to the north-east).</summary>
internal readonly record struct Hex(int Q, int R)
{
    private static readonly Hex[] Directions = [new(1, 0), new(1, -1), new(0, -1), new(-1, 0), new(-1, 1), new(0, 1)];

    public IEnumerable<Hex> Neighbours()
    {
        foreach (var d in Directions) yield return new Hex(Q + d.Q, R + d.R);
    }

    public int DistanceTo(Hex other)
    {
        var dq = Q - other.Q;
        var dr = R - other.R;
        return (Math.Abs(dq) + Math.Abs(dr) + Math.Abs(dq + dr)) / 2;
    }

    /// <summary>The cells exactly <paramref name="radius"/> steps away, in a fixed order.</summary>
    public IEnumerable<Hex> Ring(int radius)
    {
        if (radius == 0)
        {
            yield return this;
            yield break;
        }

        var cell = new Hex(Q + Directions[4].Q * radius, R + Directions[4].R * radius);
        foreach (var d in Directions)
        {
            for (var step = 0; step < radius; step++)
            {
                yield return cell;
                cell = new Hex(cell.Q + d.Q, cell.R + d.R);
            }
        }
    }
}
