namespace Commonweal.Application.Reporting.Charts;

/// <summary>
/// An equirectangular projection fitted to a width: x is longitude shrunk by the cosine of the middle latitude
/// (so that, at the scale of a county, a kilometre east is as long on screen as a kilometre north), y is latitude
/// flipped so that north is up. Good enough for areas the size of an ICB; not for continents.
/// </summary>
public sealed class MapProjection
{
    private readonly double minLon;
    private readonly double maxLat;
    private readonly double lonScale;
    private readonly double scale;
    private readonly double margin;

    private MapProjection(double minLon, double maxLat, double lonScale, double scale, double margin, double width, double height)
    {
        this.minLon = minLon;
        this.maxLat = maxLat;
        this.lonScale = lonScale;
        this.scale = scale;
        this.margin = margin;
        Width = width;
        Height = height;
    }

    public double Width { get; }

    /// <summary>The height the bounds take at this width, margins included: follows from their aspect ratio.</summary>
    public double Height { get; }

    /// <summary>Fits the bounds (WGS84 degrees) into <paramref name="width"/> pixels, leaving <paramref name="margin"/> on every side.</summary>
    public static MapProjection Fit(double minLon, double minLat, double maxLon, double maxLat, double width, double margin)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(width, 2 * margin);
        var lonScale = Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
        var spanX = (maxLon - minLon) * lonScale;
        var spanY = maxLat - minLat;

        // A single point or a line has no aspect ratio; any scale draws it.
        var span = spanX > 0 ? spanX : spanY > 0 ? spanY : 1;
        var scale = (width - 2 * margin) / span;
        return new MapProjection(minLon, maxLat, lonScale, scale, margin, width, spanY * scale + 2 * margin);
    }

    public (double X, double Y) Project(double lon, double lat) =>
        (margin + (lon - minLon) * lonScale * scale, margin + (maxLat - lat) * scale);
}
