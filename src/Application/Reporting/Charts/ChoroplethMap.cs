using System.Globalization;
using System.Text;
using Commonweal.Core.Places;

namespace Commonweal.Application.Reporting.Charts;

/// <summary>An area to shade: its outline (WGS84), its class in the legend (null = no data), its tooltip and, optionally, a link.</summary>
/// <param name="ClassIndex">0-based index into <see cref="ChoroplethMap.Legend"/>; null draws the hatched "no data" fill.</param>
/// <param name="Tooltip">Shown on hover and read as the area's accessible name, e.g. "Basildon 001A: IMD decile 2".</param>
public sealed record ChoroplethArea(AreaCode Code, string Name, IReadOnlyList<Polygon> Polygons, int? ClassIndex, string Tooltip, string? Href = null);

/// <summary>
/// An outline drawn over the shaded areas without fill, e.g. district boundaries over LSOAs, named by a label inside it
/// (at the centre of its largest part) and, optionally, a link on both the outline and the label.
/// </summary>
/// <param name="LabelAt">Where to put the label (WGS84), when the polygons cannot say: e.g. an outline given as loose edges.</param>
public sealed record ChoroplethOutline(AreaCode Code, string Name, IReadOnlyList<Polygon> Polygons, string? Href = null, (double Lon, double Lat)? LabelAt = null);

/// <summary>One class of a legend: its label, always shown as text beside the swatch, and its fill colour.</summary>
public sealed record LegendEntry(string Label, string Colour);

/// <summary>
/// A choropleth map as SVG markup, made on the server so that the page, the printed board paper and the exported
/// document show the same map. Accessible: the SVG has a title and a description, every area a text tooltip, and
/// the legend labels every class in words (colour is never the only cue). Emit with <c>MarkupString</c>.
/// </summary>
public sealed record ChoroplethMap
{
    private const double Margin = 10;

    /// <summary>Points closer than this to the last one drawn add nothing visible at 1:1 and are dropped.</summary>
    private const double MinStep = 0.4;

    private const double SwatchSize = 14;
    private const double LegendRowHeight = 20;
    private const double LegendFontSize = 12;

    /// <summary>Outline labels: large enough to read over the shading, with a white halo that keeps them legible on any fill.</summary>
    private const double LabelFontSize = 14;

    /// <summary>A generous average glyph width of a sans-serif face at 12px, to lay out legend columns without measuring text.</summary>
    private const double LegendCharWidth = 7;

    private const string NoDataBackground = "#eeeeee";
    private const string NoDataHatch = "#8c8c8c";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Makes the element ids unique on the page (title, description, hatch pattern): letters, digits, '-' or '_', starting with a letter.</summary>
    public required string IdPrefix { get; init; }

    public required string Title { get; init; }

    /// <summary>The text alternative: what the map shows and its main message, in words.</summary>
    public required string Description { get; init; }

    public required IReadOnlyList<ChoroplethArea> Areas { get; init; }

    /// <summary>The classes, in order; an area's <see cref="ChoroplethArea.ClassIndex"/> points into this list.</summary>
    public required IReadOnlyList<LegendEntry> Legend { get; init; }

    /// <summary>Shown above the legend swatches, e.g. "IMD 2019 decile".</summary>
    public string? LegendTitle { get; init; }

    public string NoDataLabel { get; init; } = "No data";

    /// <summary>
    /// Whether the legend is drawn below the map (for a document). A page that writes the legend in HTML beside the map
    /// (<see cref="Swatch"/>), where it keeps the body's text size however far the drawing is scaled down, leaves it out.
    /// </summary>
    public bool LegendInSvg { get; init; } = true;

    public IReadOnlyList<ChoroplethOutline> Outlines { get; init; } = [];

    public int Width { get; init; } = 800;

    public string NoDataPatternId => IdPrefix + "-no-data";

    public string TitleId => IdPrefix + "-title";

    public string DescriptionId => IdPrefix + "-desc";

    /// <summary>The map's own area, to which outlines are cut so that they never run over the legend.</summary>
    public string ClipId => IdPrefix + "-clip";

    public string ToSvg()
    {
        Validate();
        var projection = Fit();
        var legendTop = Math.Ceiling(projection.Height);
        var legendHeight = LegendInSvg ? LegendHeight() : 0;
        var height = legendTop + legendHeight;
        var hasLinks = false;
        foreach (var area in Areas)
            hasLinks |= area.Href is not null;
        foreach (var outline in Outlines)
            hasLinks |= outline.Href is not null;

        var svg = new StringBuilder(4096 + Areas.Count * 1024);

        // role="img" makes the children presentational, which would hide the links from assistive technology, so a
        // map with links is a labelled group instead; the table view beside the map is the full text alternative.
        svg.Append(Invariant, $"""<svg xmlns="http://www.w3.org/2000/svg" role="{(hasLinks ? "group" : "img")}" aria-labelledby="{TitleId} {DescriptionId}" """)
           .Append(Invariant, $"""viewBox="0 0 {Width} {height}" width="{Width}" height="{height}" class="choropleth" font-family="system-ui, sans-serif">""")
           .Append('\n');
        svg.Append(Invariant, $"""<title id="{TitleId}">""").AppendEscaped(Title).Append("</title>\n");
        svg.Append(Invariant, $"""<desc id="{DescriptionId}">""").AppendEscaped(Description).Append("</desc>\n");
        AppendNoDataPattern(svg);

        if (Areas.Count == 0)
        {
            svg.Append(Invariant, $"""<text x="{Width / 2}" y="{legendTop / 2}" text-anchor="middle" font-size="14">No areas to show</text>""").Append('\n');
        }

        var points = new List<(double X, double Y)>(256);
        svg.Append("""<g class="choropleth-areas" fill-rule="evenodd" stroke="#ffffff" stroke-width="0.5" stroke-linejoin="round">""").Append('\n');
        foreach (var area in Areas)
            AppendArea(svg, area, projection, points);
        svg.Append("</g>\n");

        if (Outlines.Count > 0)
        {
            svg.Append(Invariant, $"""<defs><clipPath id="{ClipId}"><rect x="0" y="0" width="{Width}" height="{legendTop}"/></clipPath></defs>""").Append('\n');
            svg.Append(Invariant, $"""<g class="choropleth-outlines" clip-path="url(#{ClipId})" fill="none" fill-rule="evenodd" stroke="#1a1a1a" stroke-width="1.5" stroke-linejoin="round" pointer-events="none">""").Append('\n');
            foreach (var outline in Outlines)
            {
                if (outline.Href is not null)
                    svg.Append("<a href=\"").AppendEscaped(outline.Href).Append("\" aria-label=\"").AppendEscaped(outline.Name).Append("\">");
                svg.Append("<path class=\"choropleth-outline\" data-code=\"").AppendEscaped(outline.Code.Value).Append('"');
                if (outline.Href is not null)
                    svg.Append(" pointer-events=\"visibleStroke\"");
                svg.Append(" d=\"");
                AppendPath(svg, outline.Polygons, projection, points);
                svg.Append("\"><title>").AppendEscaped(outline.Name).Append("</title></path>");
                if (outline.Href is not null)
                    svg.Append("</a>");
                svg.Append('\n');
            }

            svg.Append("</g>\n");
            AppendLabels(svg, projection, legendTop);
        }

        if (LegendInSvg)
            AppendLegend(svg, legendTop);
        return svg.Append("</svg>").ToString();
    }

    private void AppendArea(StringBuilder svg, ChoroplethArea area, MapProjection projection, List<(double X, double Y)> points)
    {
        if (area.Href is not null)
            svg.Append("<a href=\"").AppendEscaped(area.Href).Append("\">");
        svg.Append("<path data-code=\"").AppendEscaped(area.Code.Value).Append("\" ");
        if (area.ClassIndex is { } index)
            svg.Append(Invariant, $"class=\"choropleth-area choropleth-class-{index}\" fill=\"{Legend[index].Colour}\" d=\"");
        else
            svg.Append(Invariant, $"class=\"choropleth-area choropleth-no-data\" fill=\"url(#{NoDataPatternId})\" d=\"");
        AppendPath(svg, area.Polygons, projection, points);
        svg.Append("\"><title>").AppendEscaped(string.IsNullOrWhiteSpace(area.Tooltip) ? area.Name : area.Tooltip).Append("</title></path>");
        if (area.Href is not null)
            svg.Append("</a>");
        svg.Append('\n');
    }

    /// <summary>Each outline's name inside it, centred, over a white halo (paint-order draws the stroke under the fill).</summary>
    private void AppendLabels(StringBuilder svg, MapProjection projection, double mapHeight)
    {
        svg.Append(Invariant, $"""<g class="choropleth-labels" font-size="{LabelFontSize}" font-weight="bold" text-anchor="middle" fill="#1a1a1a" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">""").Append('\n');
        foreach (var outline in Outlines)
        {
            if (LabelPoint(outline, projection) is not { } at)
                continue;

            // Kept inside the map: a label's width is estimated, as the legend's is, without measuring text.
            var half = outline.Name.Length * LabelFontSize * 0.3;
            var x = Math.Clamp(at.X, Margin + half, Math.Max(Margin + half, Width - Margin - half));
            var y = Math.Clamp(at.Y, Margin + LabelFontSize, Math.Max(Margin + LabelFontSize, mapHeight - Margin - LabelFontSize));
            if (outline.Href is not null)
                svg.Append("<a href=\"").AppendEscaped(outline.Href).Append("\">");
            svg.Append(Invariant, $"""<text class="choropleth-label" data-code="{Escape(outline.Code.Value)}" x="{x:0.#}" y="{y + LabelFontSize * 0.35:0.#}">""")
               .AppendEscaped(outline.Name).Append("</text>");
            if (outline.Href is not null)
                svg.Append("</a>");
            svg.Append('\n');
        }

        svg.Append("</g>\n");
    }

    private static string Escape(string text) => new StringBuilder(text.Length).AppendEscaped(text).ToString();

    /// <summary>
    /// A point inside the outline for its label: the centroid of its largest part, or, where that falls outside the part
    /// (a crescent, a coast with a bay), the middle of the widest stretch of the part along the centroid's row.
    /// </summary>
    internal static (double X, double Y)? LabelPoint(ChoroplethOutline outline, MapProjection projection)
    {
        if (outline.LabelAt is { } given)
            return projection.Project(given.Lon, given.Lat);

        List<(double X, double Y)>[]? largest = null;
        var largestArea = 0.0;
        foreach (var polygon in outline.Polygons)
        {
            if (polygon.Rings.Count == 0 || polygon.Rings[0].Count < 3)
                continue;
            var rings = polygon.Rings.Select(r => r.Select(p => projection.Project(p.Lon, p.Lat)).ToList()).ToArray();
            var area = Math.Abs(SignedArea(rings[0]));
            if (largest is null || area > largestArea)
                (largest, largestArea) = (rings, area);
        }

        if (largest is null)
            return null;
        var centroid = Centroid(largest[0]);
        if (Inside(largest, centroid))
            return centroid;

        var crossings = new List<double>();
        foreach (var ring in largest)
        {
            for (var i = 0; i < ring.Count; i++)
            {
                var (a, b) = (ring[i], ring[(i + 1) % ring.Count]);
                if ((a.Y > centroid.Y) != (b.Y > centroid.Y))
                    crossings.Add(a.X + (centroid.Y - a.Y) / (b.Y - a.Y) * (b.X - a.X));
            }
        }

        crossings.Sort();
        var best = centroid;
        var widest = 0.0;
        for (var i = 0; i + 1 < crossings.Count; i += 2)
        {
            if (crossings[i + 1] - crossings[i] > widest)
                (widest, best) = (crossings[i + 1] - crossings[i], ((crossings[i] + crossings[i + 1]) / 2, centroid.Y));
        }

        return best;
    }

    private static double SignedArea(List<(double X, double Y)> ring)
    {
        var sum = 0.0;
        for (var i = 0; i < ring.Count; i++)
        {
            var (a, b) = (ring[i], ring[(i + 1) % ring.Count]);
            sum += a.X * b.Y - b.X * a.Y;
        }

        return sum / 2;
    }

    private static (double X, double Y) Centroid(List<(double X, double Y)> ring)
    {
        var area = SignedArea(ring);
        if (Math.Abs(area) < 1e-9)
            return (ring.Average(p => p.X), ring.Average(p => p.Y));
        double cx = 0, cy = 0;
        for (var i = 0; i < ring.Count; i++)
        {
            var (a, b) = (ring[i], ring[(i + 1) % ring.Count]);
            var cross = a.X * b.Y - b.X * a.Y;
            cx += (a.X + b.X) * cross;
            cy += (a.Y + b.Y) * cross;
        }

        return (cx / (6 * area), cy / (6 * area));
    }

    /// <summary>Even-odd point in polygon, over every ring (so a point in a hole is outside).</summary>
    private static bool Inside(List<(double X, double Y)>[] rings, (double X, double Y) point)
    {
        var inside = false;
        foreach (var ring in rings)
        {
            for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
            {
                if ((ring[i].Y > point.Y) != (ring[j].Y > point.Y)
                    && point.X < (ring[j].X - ring[i].X) * (point.Y - ring[i].Y) / (ring[j].Y - ring[i].Y) + ring[i].X)
                    inside = !inside;
            }
        }

        return inside;
    }

    /// <summary>
    /// One subpath per ring, so that with even-odd filling a hole is left unfilled: its first point absolute, the others as
    /// steps from the one before ("M x y l dx dy dx dy … z"), each number as short as it can be written (".4", "-1.2", the
    /// minus sign its own separator). Small steps between neighbouring points are much shorter to write than absolute
    /// coordinates: about 40 % less path data, and a third less compressed, on the real map of an ICS's 720 LSOAs.
    /// </summary>
    private static void AppendPath(StringBuilder svg, IReadOnlyList<Polygon> polygons, MapProjection projection, List<(double X, double Y)> points)
    {
        foreach (var polygon in polygons)
        {
            foreach (var ring in polygon.Rings)
            {
                Simplify(ring, projection, points);
                if (points.Count == 0)
                    continue;

                // In tenths of a pixel, as whole numbers: the points are rounded to a tenth, so the steps add up exactly.
                var (x, y) = (Tenths(points[0].X), Tenths(points[0].Y));
                svg.Append('M');
                AppendTenths(svg, x, separate: false);
                AppendTenths(svg, y, separate: true);
                for (var i = 1; i < points.Count; i++)
                {
                    var (nextX, nextY) = (Tenths(points[i].X), Tenths(points[i].Y));
                    if (i == 1)
                        svg.Append('l');
                    AppendTenths(svg, nextX - x, separate: i > 1);
                    AppendTenths(svg, nextY - y, separate: true);
                    (x, y) = (nextX, nextY);
                }

                svg.Append('z');
            }
        }
    }

    private static long Tenths(double value) => (long)Math.Round(value * 10);

    /// <summary>A number of tenths as the shortest decimal: 4 → ".4", -12 → "-1.2", 30 → "3"; a space before it when needed.</summary>
    private static void AppendTenths(StringBuilder svg, long tenths, bool separate)
    {
        if (tenths < 0)
        {
            svg.Append('-');
            tenths = -tenths;
        }
        else if (separate)
        {
            svg.Append(' ');
        }

        var (whole, tenth) = (tenths / 10, tenths % 10);
        if (whole != 0 || tenth == 0)
            svg.Append(Invariant, $"{whole}");
        if (tenth != 0)
            svg.Append('.').Append((char)('0' + tenth));
    }

    /// <summary>
    /// Projects a ring to pixels rounded to 0.1 and drops points closer than <see cref="MinStep"/> to the last one kept,
    /// which shrinks a generalised LSOA map by about half with no visible change; keeps at least three corners
    /// (four points with the closing one) so that a tiny area stays a shape.
    /// </summary>
    private static void Simplify(IReadOnlyList<(double Lon, double Lat)> ring, MapProjection projection, List<(double X, double Y)> points)
    {
        points.Clear();

        // GeoJSON repeats the first position at the end; Z closes the subpath instead.
        var count = ring.Count > 1 && ring[0] == ring[^1] ? ring.Count - 1 : ring.Count;
        for (var i = 0; i < count; i++)
        {
            var point = Rounded(projection, ring[i]);
            if (points.Count == 0 || Distance(points[^1], point) >= MinStep)
                points.Add(point);
        }

        if (points.Count > 3 && Distance(points[^1], points[0]) < MinStep)
            points.RemoveAt(points.Count - 1);
        if (points.Count >= 3 || count < 3)
            return;

        points.Clear();
        for (var i = 0; i < count; i++)
            points.Add(Rounded(projection, ring[i]));
    }

    private static (double X, double Y) Rounded(MapProjection projection, (double Lon, double Lat) position)
    {
        var (x, y) = projection.Project(position.Lon, position.Lat);
        return (Math.Round(x, 1), Math.Round(y, 1));
    }

    private static double Distance((double X, double Y) a, (double X, double Y) b)
    {
        var (dx, dy) = (a.X - b.X, a.Y - b.Y);
        return Math.Sqrt(dx * dx + dy * dy);
    }

    private MapProjection Fit()
    {
        // Fitted to the shaded areas: an outline drawn for context (the district around a ward) is cut at the map's edge.
        double minLon = double.MaxValue, minLat = double.MaxValue, maxLon = double.MinValue, maxLat = double.MinValue;
        foreach (var area in Areas)
            Extend(area.Polygons, ref minLon, ref minLat, ref maxLon, ref maxLat);
        if (minLon > maxLon)
        {
            foreach (var outline in Outlines)
                Extend(outline.Polygons, ref minLon, ref minLat, ref maxLon, ref maxLat);
        }

        // Nothing to draw: a blank map half as high as it is wide, which leaves room for the message.
        if (minLon > maxLon)
            return MapProjection.Fit(0, 0, 2, 1, Width, Margin);
        return MapProjection.Fit(minLon, minLat, maxLon, maxLat, Width, Margin);
    }

    private static void Extend(IReadOnlyList<Polygon> polygons, ref double minLon, ref double minLat, ref double maxLon, ref double maxLat)
    {
        foreach (var polygon in polygons)
        {
            foreach (var ring in polygon.Rings)
            {
                for (var i = 0; i < ring.Count; i++)
                {
                    var (lon, lat) = ring[i];
                    minLon = Math.Min(minLon, lon);
                    maxLon = Math.Max(maxLon, lon);
                    minLat = Math.Min(minLat, lat);
                    maxLat = Math.Max(maxLat, lat);
                }
            }
        }
    }

    private void AppendNoDataPattern(StringBuilder svg) =>
        svg.Append(Invariant, $"""<defs><pattern id="{NoDataPatternId}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">""")
           .Append(Invariant, $"""<rect width="6" height="6" fill="{NoDataBackground}"/><line x1="0" y1="0" x2="0" y2="6" stroke="{NoDataHatch}" stroke-width="2"/></pattern></defs>""")
           .Append('\n');

    /// <summary>
    /// A legend's swatch as a small SVG of its own, for a legend written in HTML: the class's colour, or (null) the map's
    /// hatching of "no data", drawn with lines so that it needs no pattern with an id. Hidden from screen readers: the words
    /// beside it say the class.
    /// </summary>
    public static string Swatch(string? colour)
    {
        var svg = new StringBuilder(320).Append("""<svg class="choropleth-swatch" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">""");
        if (colour is null)
            svg.Append(Invariant, $"""<rect width="16" height="16" fill="{NoDataBackground}"/><path d="M0 4L4 0M0 12L12 0M4 16L16 4M12 16L16 12" stroke="{NoDataHatch}" stroke-width="2"/>""");
        else
            svg.Append(Invariant, $"""<rect width="16" height="16" fill="{ChartSvg.Colour(colour)}"/>""");
        return svg.Append("""<rect x=".5" y=".5" width="15" height="15" fill="none" stroke="#595959"/></svg>""").ToString();
    }

    // The legend is a grid below the map: as many columns as the longest label allows, the classes in order, then "No data".
    private (int Columns, double ColumnWidth) LegendGrid()
    {
        var longest = NoDataLabel.Length;
        foreach (var entry in Legend)
            longest = Math.Max(longest, entry.Label.Length);
        var columnWidth = SwatchSize + 6 + longest * LegendCharWidth + 16;
        var columns = Math.Max(1, (int)((Width - 2 * Margin) / columnWidth));
        return (columns, columnWidth);
    }

    private double LegendHeight()
    {
        var (columns, _) = LegendGrid();
        var rows = (Legend.Count + 1 + columns - 1) / columns;
        return (LegendTitle is null ? 0 : LegendRowHeight) + rows * LegendRowHeight + Margin;
    }

    private void AppendLegend(StringBuilder svg, double top)
    {
        var (columns, columnWidth) = LegendGrid();
        svg.Append(Invariant, $"""<g class="choropleth-legend" font-size="{LegendFontSize}" fill="#1a1a1a">""").Append('\n');
        var y = top;
        if (LegendTitle is not null)
        {
            svg.Append(Invariant, $"""<text x="{Margin}" y="{y + LegendFontSize}" font-weight="bold">""").AppendEscaped(LegendTitle).Append("</text>\n");
            y += LegendRowHeight;
        }

        for (var i = 0; i <= Legend.Count; i++)
        {
            var x = Margin + i % columns * columnWidth;
            var rowY = y + i / columns * LegendRowHeight;
            var (label, fill, cssClass) = i < Legend.Count
                ? (Legend[i].Label, Legend[i].Colour, "choropleth-class-" + i.ToString(Invariant))
                : (NoDataLabel, $"url(#{NoDataPatternId})", "choropleth-no-data");
            svg.Append(Invariant, $"""<g class="choropleth-legend-entry {cssClass}"><rect x="{x}" y="{rowY}" width="{SwatchSize}" height="{SwatchSize}" fill="{fill}" stroke="#595959" stroke-width="0.5"/>""")
               .Append(Invariant, $"""<text x="{x + SwatchSize + 6}" y="{rowY + SwatchSize - 3}">""").AppendEscaped(label).Append("</text></g>\n");
        }

        svg.Append("</g>\n");
    }

    private void Validate()
    {
        SvgChecks.IdPrefix(IdPrefix, nameof(IdPrefix));
        ArgumentOutOfRangeException.ThrowIfLessThan(Width, 100, nameof(Width));
        foreach (var entry in Legend)
        {
            if (!SvgChecks.IsColour(entry.Colour))
                throw new ArgumentException($"the legend colour '{entry.Colour}' of '{entry.Label}' is not a #rgb or #rrggbb colour", nameof(Legend));
        }

        foreach (var area in Areas)
        {
            if (area.ClassIndex is { } index && (index < 0 || index >= Legend.Count))
                throw new ArgumentOutOfRangeException(nameof(Areas), index, $"area {area.Code} has class {index}, but the legend has {Legend.Count} classes");
            if (area.Href is not null && !SvgChecks.IsSafeLink(area.Href))
                throw new ArgumentException($"area {area.Code} links to '{area.Href}': only relative and http(s) links are allowed", nameof(Areas));
        }

        foreach (var outline in Outlines)
        {
            if (outline.Href is not null && !SvgChecks.IsSafeLink(outline.Href))
                throw new ArgumentException($"outline {outline.Code} links to '{outline.Href}': only relative and http(s) links are allowed", nameof(Outlines));
        }
    }
}

/// <summary>XML escaping for text and attribute values written into SVG.</summary>
internal static class SvgText
{
    public static StringBuilder AppendEscaped(this StringBuilder svg, string text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': svg.Append("&amp;"); break;
                case '<': svg.Append("&lt;"); break;
                case '>': svg.Append("&gt;"); break;
                case '"': svg.Append("&quot;"); break;
                case '\'': svg.Append("&apos;"); break;

                // Control characters other than tab and newlines are not allowed in XML 1.0 at all, even escaped.
                case < ' ' and not ('\t' or '\n' or '\r'): svg.Append('\uFFFD'); break;
                default: svg.Append(c); break;
            }
        }

        return svg;
    }
}
