using System.Globalization;
using System.Text.Json;
using Commonweal.Application.Files;
using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Import;

/// <summary>
/// Reads the coordinates of a GeoJSON Polygon or MultiPolygon (RFC 7946 §3.1.6–3.1.7) into Core
/// <see cref="Polygon"/>s, checking every ring and position, and naming the offending one by line and field path.
/// </summary>
internal static class GeoJsonGeometry
{
    public const string PolygonType = "Polygon";
    public const string MultiPolygonType = "MultiPolygon";

    /// <summary>Reads the value of a "coordinates" member; <paramref name="reader"/> stands on its first token.</summary>
    /// <param name="path">The field path of the coordinates, e.g. <c>features[12].geometry.coordinates</c>.</param>
    public static List<Polygon> ReadCoordinates(ref Utf8JsonReader reader, string geometryType, string path, GeoJsonSource source)
    {
        if (geometryType == PolygonType)
            return [ReadPolygon(ref reader, path, source)];

        var start = reader.TokenStartIndex;
        if (reader.TokenType != JsonTokenType.StartArray)
            throw source.Problem(start, path, "the coordinates of a MultiPolygon must be an array of polygons");
        var polygons = new List<Polygon>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            polygons.Add(ReadPolygon(ref reader, Indexed(path, polygons.Count), source));
        if (polygons.Count == 0)
            throw source.Problem(start, path, "a MultiPolygon needs at least one polygon");
        return polygons;
    }

    private static Polygon ReadPolygon(ref Utf8JsonReader reader, string path, GeoJsonSource source)
    {
        var start = reader.TokenStartIndex;
        if (reader.TokenType != JsonTokenType.StartArray)
            throw source.Problem(start, path, "a polygon must be an array of rings (an outer boundary, then any holes)");
        var rings = new List<IReadOnlyList<(double Lon, double Lat)>>(1);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            rings.Add(ReadRing(ref reader, path, rings.Count, source));
        if (rings.Count == 0)
            throw source.Problem(start, path, "a polygon needs at least one ring (its outer boundary)");
        return new Polygon(rings);
    }

    private static List<(double Lon, double Lat)> ReadRing(ref Utf8JsonReader reader, string polygonPath, int ringIndex, GeoJsonSource source)
    {
        var start = reader.TokenStartIndex;
        if (reader.TokenType != JsonTokenType.StartArray)
            throw source.Problem(start, Indexed(polygonPath, ringIndex), "a ring must be an array of positions");
        var ring = new List<(double Lon, double Lat)>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            ring.Add(ReadPosition(ref reader, polygonPath, ringIndex, ring.Count, source));

        // A closed ring repeats its first position at the end, so a triangle, the smallest area, takes four.
        if (ring.Count < 4)
            throw source.Problem(start, Indexed(polygonPath, ringIndex),
                $"a ring needs at least 4 positions (a closed triangle), found {ring.Count}");
        if (ring[0] != ring[^1])
            throw source.Problem(start, Indexed(polygonPath, ringIndex),
                $"the ring is not closed: its first position {Show(ring[0])} differs from its last {Show(ring[^1])}");
        return ring;
    }

    private static (double Lon, double Lat) ReadPosition(ref Utf8JsonReader reader, string polygonPath, int ringIndex, int index, GeoJsonSource source)
    {
        var start = reader.TokenStartIndex;
        if (reader.TokenType != JsonTokenType.StartArray)
            throw source.Problem(start, PositionPath(polygonPath, ringIndex, index), "a position must be an array of 2 or 3 numbers [longitude, latitude]");

        // Longitude, latitude and an optional altitude, which a map does not need and so is read and dropped.
        Span<double> values = stackalloc double[3];
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (count == 3)
                throw source.Problem(start, PositionPath(polygonPath, ringIndex, index), "a position must be an array of 2 or 3 numbers, found more than 3");
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var value) || !double.IsFinite(value))
                throw source.Problem(reader.TokenStartIndex, PositionPath(polygonPath, ringIndex, index),
                    $"a position must be an array of 2 or 3 finite numbers; element {count} is not one");
            values[count++] = value;
        }

        if (count < 2)
            throw source.Problem(start, PositionPath(polygonPath, ringIndex, index), $"a position must be an array of 2 or 3 numbers, found {count}");
        var (lon, lat) = (values[0], values[1]);
        if (lon is < -180 or > 180)
            throw source.Problem(start, PositionPath(polygonPath, ringIndex, index),
                $"longitude {Number(lon)} is outside −180..180 (are the coordinates in WGS84 longitude, latitude order?)");
        if (lat is < -90 or > 90)
            throw source.Problem(start, PositionPath(polygonPath, ringIndex, index),
                $"latitude {Number(lat)} is outside −90..90 (are the coordinates in WGS84 longitude, latitude order?)");
        return (lon, lat);
    }

    // Paths are built only when a problem is reported, so the happy path allocates no strings per position.
    private static string PositionPath(string polygonPath, int ringIndex, int index) => Indexed(Indexed(polygonPath, ringIndex), index);

    private static string Indexed(string path, int index) => $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]";

    private static string Show((double Lon, double Lat) position) => $"[{Number(position.Lon)}, {Number(position.Lat)}]";

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>The UTF-8 text of one GeoJSON file, to turn a byte offset into the 1-based line a problem names.</summary>
internal sealed class GeoJsonSource(string fileName, ReadOnlyMemory<byte> utf8)
{
    public string FileName { get; } = fileName;

    public ReadOnlyMemory<byte> Utf8 { get; } = utf8;

    public int LineAt(long offset) => Utf8.Span[..(int)Math.Min(offset, Utf8.Length)].Count((byte)'\n') + 1;

    public FileProblemException Problem(long offset, string? field, string rule) =>
        new(new FileProblem(FileName, null, LineAt(offset), null, field, rule));
}
