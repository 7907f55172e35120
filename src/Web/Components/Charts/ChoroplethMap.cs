using System.Buffers;
using System.Globalization;
using System.Text;
using Commonweal.Core.Places;

namespace Commonweal.Web.Components.Charts;

/// <summary>An area to shade: its outline (WGS84), its class in the legend (null = no data), its tooltip and, optionally, a link.</summary>
/// <param name="ClassIndex">0-based index into <see cref="ChoroplethMap.Legend"/>; null draws the hatched "no data" fill.</param>
/// <param name="Tooltip">Shown on hover and read as the area's accessible name, e.g. "Basildon 001A: IMD decile 2".</param>
public sealed record ChoroplethArea(AreaCode Code, string Name, IReadOnlyList<Polygon> Polygons, int? ClassIndex, string Tooltip, string? Href = null);

/// <summary>An outline drawn over the shaded areas without fill, e.g. district boundaries over LSOAs.</summary>
public sealed record ChoroplethOutline(AreaCode Code, string Name, IReadOnlyList<Polygon> Polygons);

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

    /// <summary>A generous average glyph width of a sans-serif face at 12px, to lay out legend columns without measuring text.</summary>
    private const double LegendCharWidth = 7;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    private static readonly SearchValues<char> PathStarts = SearchValues.Create("/?#");

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

    public IReadOnlyList<ChoroplethOutline> Outlines { get; init; } = [];

    public int Width { get; init; } = 800;

    public string NoDataPatternId => IdPrefix + "-no-data";

    public string TitleId => IdPrefix + "-title";

    public string DescriptionId => IdPrefix + "-desc";

    public string ToSvg()
    {
        Validate();
        var projection = Fit();
        var legendTop = Math.Ceiling(projection.Height);
        var legendHeight = LegendHeight();
        var height = legendTop + legendHeight;
        var hasLinks = false;
        foreach (var area in Areas)
            hasLinks |= area.Href is not null;

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
            svg.Append("""<g class="choropleth-outlines" fill="none" fill-rule="evenodd" stroke="#1a1a1a" stroke-width="1.5" stroke-linejoin="round" pointer-events="none">""").Append('\n');
            foreach (var outline in Outlines)
            {
                svg.Append("<path data-code=\"").AppendEscaped(outline.Code.Value).Append("\" d=\"");
                AppendPath(svg, outline.Polygons, projection, points);
                svg.Append("\"><title>").AppendEscaped(outline.Name).Append("</title></path>\n");
            }

            svg.Append("</g>\n");
        }

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

    /// <summary>One subpath (M…L…Z) per ring, so that with even-odd filling a hole is left unfilled.</summary>
    private static void AppendPath(StringBuilder svg, IReadOnlyList<Polygon> polygons, MapProjection projection, List<(double X, double Y)> points)
    {
        foreach (var polygon in polygons)
        {
            foreach (var ring in polygon.Rings)
            {
                Simplify(ring, projection, points);
                for (var i = 0; i < points.Count; i++)
                    svg.Append(i == 0 ? 'M' : 'L').Append(Invariant, $"{points[i].X:0.#} {points[i].Y:0.#}");
                if (points.Count > 0)
                    svg.Append('Z');
            }
        }
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
        double minLon = double.MaxValue, minLat = double.MaxValue, maxLon = double.MinValue, maxLat = double.MinValue;
        foreach (var area in Areas)
            Extend(area.Polygons, ref minLon, ref minLat, ref maxLon, ref maxLat);
        foreach (var outline in Outlines)
            Extend(outline.Polygons, ref minLon, ref minLat, ref maxLon, ref maxLat);

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
           .Append("""<rect width="6" height="6" fill="#eeeeee"/><line x1="0" y1="0" x2="0" y2="6" stroke="#8c8c8c" stroke-width="2"/></pattern></defs>""")
           .Append('\n');

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
        if (IdPrefix.Length == 0 || !char.IsAsciiLetter(IdPrefix[0]) || !IdPrefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new ArgumentException($"the id prefix '{IdPrefix}' must start with a letter and hold only letters, digits, '-' and '_'", nameof(IdPrefix));
        ArgumentOutOfRangeException.ThrowIfLessThan(Width, 100, nameof(Width));
        foreach (var entry in Legend)
        {
            if (!IsColour(entry.Colour))
                throw new ArgumentException($"the legend colour '{entry.Colour}' of '{entry.Label}' is not a #rgb or #rrggbb colour", nameof(Legend));
        }

        foreach (var area in Areas)
        {
            if (area.ClassIndex is { } index && (index < 0 || index >= Legend.Count))
                throw new ArgumentOutOfRangeException(nameof(Areas), index, $"area {area.Code} has class {index}, but the legend has {Legend.Count} classes");
            if (area.Href is not null && !IsSafeLink(area.Href))
                throw new ArgumentException($"area {area.Code} links to '{area.Href}': only relative and http(s) links are allowed", nameof(Areas));
        }
    }

    /// <summary>Colours go into attributes and CSS-like values unescaped by browsers, so only hex colours are taken.</summary>
    private static bool IsColour(string colour) =>
        colour.Length is 4 or 7 && colour[0] == '#' && !colour.AsSpan(1).ContainsAnyExcept(HexDigits);

    /// <summary>A relative link, or http(s); never javascript: or data:, which would run or show content from the map.</summary>
    private static bool IsSafeLink(string href)
    {
        var colon = href.IndexOf(':', StringComparison.Ordinal);
        var pathStart = href.AsSpan().IndexOfAny(PathStarts);
        var hasScheme = colon >= 0 && (pathStart < 0 || colon < pathStart);
        return !hasScheme
            || href.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
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
