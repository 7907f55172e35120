namespace Commonweal.Application.Reporting.Charts;

/// <summary>One period of a trend: the area's value with its 95 % limits (null where none or suppressed), the comparator's value, and the comparison (colour and word).</summary>
public sealed record TrendPoint(string Label, double? Value, double? Lower, double? Upper, double? Comparator, string Colour, string Words);

/// <summary>
/// An area's values over time as SVG made on the server: each value a dot coloured by its comparison, with its 95 %
/// confidence interval as a bar, and the comparator's values (England) as a dark line. Every dot says its period, value,
/// interval and comparison in a tooltip; the legend names both series in words; pages show the table beside it.
/// </summary>
public sealed record TrendChart
{
    private const double Margin = 12;
    private const double AxisWidth = 52;
    private const double LegendHeight = 44;

    /// <summary>The height of a line of the legend; a legend of more lines than its two (or three) entries pushes the plot down.</summary>
    private const double LineHeight = 16;
    private const double LabelHeight = 34;

    public required string IdPrefix { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    public required IReadOnlyList<TrendPoint> Points { get; init; }

    public required string AreaName { get; init; }

    public string ComparatorName { get; init; } = "England";

    /// <summary>A path the values are expected to follow (a target's trajectory), one value per point (null where none), drawn dashed; null for none.</summary>
    public (string Name, IReadOnlyList<double?> Values)? Trajectory { get; init; }

    public int Width { get; init; } = 800;

    public int Height { get; init; } = 320;

    public string ToSvg()
    {
        foreach (var p in Points) ChartSvg.Colour(p.Colour);
        if (Trajectory is { } given && given.Values.Count != Points.Count) throw new ArgumentException("the trajectory gives one value per point", nameof(Trajectory));
        // The legend: one entry to a line (two or more where a name is too long for the width), so none runs into another
        // or off the edge of a narrow chart.
        var chars = ChartSvg.CharsIn(Width - 2 * Margin - 18);
        var entries = new List<IReadOnlyList<string>> { ChartSvg.Wrap($"{AreaName} (bars: 95 % confidence interval)", chars), ChartSvg.Wrap(ComparatorName, chars) };
        if (Trajectory is { } named) entries.Add(ChartSvg.Wrap(named.Name, chars));
        var top = Margin + LegendHeight + (entries.Sum(e => e.Count) - 2) * LineHeight;
        var bottom = Height - LabelHeight;
        var left = Margin + AxisWidth;
        var right = Width - Margin;
        var y = LinearScale.Covering(Points.SelectMany(p => new[] { p.Value, p.Lower, p.Upper, p.Comparator })
            .Concat(Trajectory?.Values ?? []).OfType<double>(), bottom, top);
        var step = Points.Count > 0 ? (right - left) / Points.Count : 0;
        double X(int i) => left + step * (i + 0.5);

        var svg = ChartSvg.Open(IdPrefix, "trend-chart", Width, Height, Title, Description);
        svg.Append("""<g class="trend-legend">""");
        var line = Margin;
        for (var i = 0; i < entries.Count; i++)
        {
            var middle = line + 6;
            svg.Append(i switch
            {
                0 => $"""<circle cx="{ChartSvg.N(Margin + 7)}" cy="{ChartSvg.N(middle)}" r="5" fill="#005eb8" stroke="#212b32"/>""",
                1 => $"""<line x1="{ChartSvg.N(Margin)}" y1="{ChartSvg.N(middle)}" x2="{ChartSvg.N(Margin + 14)}" y2="{ChartSvg.N(middle)}" stroke="#212b32" stroke-width="2.5"/>""",
                _ => $"""<line x1="{ChartSvg.N(Margin)}" y1="{ChartSvg.N(middle)}" x2="{ChartSvg.N(Margin + 14)}" y2="{ChartSvg.N(middle)}" stroke="#007f3b" stroke-width="2.5" stroke-dasharray="6 3"/>""",
            });
            svg.AppendLines(Margin + 18, line + 10, LineHeight, entries[i]);
            line += entries[i].Count * LineHeight + 2;
        }

        svg.Append("</g>\n");

        svg.Append("""<g class="trend-axis" fill="#4c6272" stroke="none">""");
        foreach (var t in y.Ticks)
        {
            svg.Append(ChartSvg.Invariant, $"""<line x1="{ChartSvg.N(left)}" x2="{ChartSvg.N(right)}" y1="{ChartSvg.N(y[t])}" y2="{ChartSvg.N(y[t])}" stroke="#d8dde0"/>""")
               .Append(ChartSvg.Invariant, $"""<text x="{ChartSvg.N(left - 6)}" y="{ChartSvg.N(y[t] + 4)}" text-anchor="end">{ChartSvg.Number(t, 2)}</text>""");
        }

        var every = Math.Max(1, (int)Math.Ceiling(Points.Count * 62.0 / Math.Max(1, right - left)));
        for (var i = 0; i < Points.Count; i++)
        {
            // Every n-th label, and the last unless it would run into the one before it.
            if (i % every != 0 && (i != Points.Count - 1 || i % every < (every + 1) / 2 + 1)) continue;
            // Kept inside the chart: with many points the last label's middle is nearer the edge than half its width.
            var x = Math.Min(X(i), Width - 2 - Points[i].Label.Length * ChartSvg.CharWidth * 0.6);
            svg.Append(ChartSvg.Invariant, $"""<text x="{ChartSvg.N(x)}" y="{ChartSvg.N(bottom + 18)}" text-anchor="middle">""").AppendEscaped(Points[i].Label).Append("</text>");
        }

        svg.Append("</g>\n");

        // The comparator: a line through its values (broken where it has none).
        var path = ChartSvg.Polyline(Points.Select((p, i) => (X(i), p.Comparator is { } c ? y[c] : (double?)null)));
        if (path.Length > 0) svg.Append("<path class=\"trend-comparator\" fill=\"none\" stroke=\"#212b32\" stroke-width=\"2.5\" d=\"").Append(path).Append("\"/>\n");
        for (var i = 0; i < Points.Count; i++)
        {
            if (Points[i].Comparator is { } c)
                svg.Append(ChartSvg.Invariant, $"""<circle class="trend-comparator-point" cx="{ChartSvg.N(X(i))}" cy="{ChartSvg.N(y[c])}" r="3" fill="#212b32"><title>""")
                   .AppendEscaped($"{ComparatorName}, {Points[i].Label}: {ChartSvg.Number(c, 2)}").Append("</title></circle>");
        }

        if (Trajectory is { } expected)
        {
            var dashed = ChartSvg.Polyline(expected.Values.Select((v, i) => (X(i), v is { } t ? y[t] : (double?)null)));
            if (dashed.Length > 0) svg.Append("<path class=\"trend-trajectory\" fill=\"none\" stroke=\"#007f3b\" stroke-width=\"2.5\" stroke-dasharray=\"6 3\" d=\"").Append(dashed).Append("\"/>\n");
            for (var i = 0; i < Points.Count; i++)
            {
                if (expected.Values[i] is { } t)
                    svg.Append(ChartSvg.Invariant, $"""<circle class="trend-trajectory-point" cx="{ChartSvg.N(X(i))}" cy="{ChartSvg.N(y[t])}" r="2.5" fill="#007f3b"><title>""")
                       .AppendEscaped($"{expected.Name}, {Points[i].Label}: {ChartSvg.Number(t, 2)}").Append("</title></circle>");
            }
        }

        svg.Append("""<g class="trend-points">""");
        for (var i = 0; i < Points.Count; i++)
        {
            var p = Points[i];
            if (p.Value is not { } v) continue;
            if (p.Lower is { } lo && p.Upper is { } hi)
                svg.Append(ChartSvg.Invariant, $"""<line class="trend-ci" x1="{ChartSvg.N(X(i))}" x2="{ChartSvg.N(X(i))}" y1="{ChartSvg.N(y[lo])}" y2="{ChartSvg.N(y[hi])}" stroke="#4c6272" stroke-width="2"/>""")
                   .Append(ChartSvg.Invariant, $"""<line x1="{ChartSvg.N(X(i) - 5)}" x2="{ChartSvg.N(X(i) + 5)}" y1="{ChartSvg.N(y[lo])}" y2="{ChartSvg.N(y[lo])}" stroke="#4c6272" stroke-width="2"/><line x1="{ChartSvg.N(X(i) - 5)}" x2="{ChartSvg.N(X(i) + 5)}" y1="{ChartSvg.N(y[hi])}" y2="{ChartSvg.N(y[hi])}" stroke="#4c6272" stroke-width="2"/>""");
            var interval = p.Lower is { } l && p.Upper is { } u ? $" (95 % CI {ChartSvg.Number(l, 2)}–{ChartSvg.Number(u, 2)})" : string.Empty;
            svg.Append(ChartSvg.Invariant, $"""<circle class="trend-point" data-period="{i}" cx="{ChartSvg.N(X(i))}" cy="{ChartSvg.N(y[v])}" r="6" fill="{p.Colour}" stroke="#212b32"><title>""")
               .AppendEscaped($"{AreaName}, {p.Label}: {ChartSvg.Number(v, 2)}{interval}, {p.Words}").Append("</title></circle>\n");
        }

        svg.Append("</g>\n");
        return svg.Append("</svg>").ToString();
    }
}
