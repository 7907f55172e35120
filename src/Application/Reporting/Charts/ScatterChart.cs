namespace Commonweal.Application.Reporting.Charts;

/// <summary>One point: its label, x and y, and an optional link.</summary>
public sealed record ScatterPoint(string Label, double X, double Y, string? Href = null);

/// <summary>
/// Points on two linear axes with an optional horizontal reference line, as SVG made on the server: e.g. each place's
/// allocation per head against its need index, against the equal per-head share. Points are labelled when there are few
/// enough to read; every point has a tooltip, and the page's table gives them all.
/// </summary>
public sealed record ScatterChart
{
    private const double Margin = 12;

    public required string IdPrefix { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    public required string XLabel { get; init; }

    public required string YLabel { get; init; }

    public required IReadOnlyList<ScatterPoint> Points { get; init; }

    /// <summary>A horizontal line across the chart (e.g. the equal per-head share) and its name.</summary>
    public (double Value, string Name)? Reference { get; init; }

    public int Width { get; init; } = 800;

    public int Height { get; init; } = 420;

    /// <summary>Label the points when there are at most this many.</summary>
    public int LabelUpTo { get; init; } = 16;

    public string ToSvg()
    {
        foreach (var p in Points)
            if (p.Href is { } href && !SvgChecks.IsSafeLink(href)) throw new ArgumentException($"point '{p.Label}' links to '{href}': only relative and http(s) links are allowed", nameof(Points));
        const double AxisLeft = 64, AxisBottom = 44;
        var left = Margin + AxisLeft;
        var right = Width - Margin - 8;
        var top = Margin + 8;
        var bottom = Height - Margin - AxisBottom;
        var x = LinearScale.Covering(Points.Select(p => p.X), left, right, includeZero: false, ticks: Width < 500 ? 3 : 6);
        var y = LinearScale.Covering(Points.Select(p => p.Y).Append(Reference?.Value ?? Points.Select(p => p.Y).DefaultIfEmpty(0).Min()), bottom, top, includeZero: true, ticks: 5);
        var linked = Points.Any(p => p.Href is not null);
        var svg = ChartSvg.Open(IdPrefix, "scatter-chart", Width, Height, Title, Description, linked);
        svg.Append("""<g class="scatter-axes" fill="#4c6272">""");
        foreach (var t in x.Ticks)
            svg.Append(ChartSvg.Invariant, $"""<line x1="{ChartSvg.N(x[t])}" x2="{ChartSvg.N(x[t])}" y1="{ChartSvg.N(top)}" y2="{ChartSvg.N(bottom)}" stroke="#e8edee"/><text x="{ChartSvg.N(x[t])}" y="{ChartSvg.N(bottom + 16)}" text-anchor="middle">{ChartSvg.Number(t, 2)}</text>""");
        foreach (var t in y.Ticks)
            svg.Append(ChartSvg.Invariant, $"""<line x1="{ChartSvg.N(left)}" x2="{ChartSvg.N(right)}" y1="{ChartSvg.N(y[t])}" y2="{ChartSvg.N(y[t])}" stroke="#e8edee"/><text x="{ChartSvg.N(left - 6)}" y="{ChartSvg.N(y[t] + 4)}" text-anchor="end">{ChartSvg.Number(t, 2)}</text>""");
        svg.Append(ChartSvg.Invariant, $"""<text x="{ChartSvg.N((left + right) / 2)}" y="{ChartSvg.N(Height - Margin - 4)}" text-anchor="middle" fill="#212b32">""").AppendEscaped(XLabel).Append("</text>");
        svg.Append(ChartSvg.Invariant, $"""<text transform="translate({ChartSvg.N(Margin + 10)},{ChartSvg.N((top + bottom) / 2)}) rotate(-90)" text-anchor="middle" fill="#212b32">""").AppendEscaped(YLabel).Append("</text>");
        svg.Append("</g>\n");
        if (Reference is { } r)
            svg.Append(ChartSvg.Invariant, $"""<g class="scatter-reference"><line x1="{ChartSvg.N(left)}" x2="{ChartSvg.N(right)}" y1="{ChartSvg.N(y[r.Value])}" y2="{ChartSvg.N(y[r.Value])}" stroke="#212b32" stroke-width="2" stroke-dasharray="6 3"/><text x="{ChartSvg.N(left + 6)}" y="{ChartSvg.N(y[r.Value] - 6)}" font-weight="bold" fill="#212b32" stroke="#ffffff" stroke-width="3" paint-order="stroke">""")
               .AppendEscaped(r.Name).Append("</text></g>\n");
        var labelled = Points.Count <= LabelUpTo;
        var placed = new List<(double From, double To, double Y)>();
        foreach (var p in Points)
        {
            svg.Append("""<g class="scatter-point">""");
            if (p.Href is not null) svg.Append("<a href=\"").AppendEscaped(p.Href).Append("\">");
            svg.Append(ChartSvg.Invariant, $"""<circle cx="{ChartSvg.N(x[p.X])}" cy="{ChartSvg.N(y[p.Y])}" r="{(labelled ? 5 : 3)}" fill="#005eb8" fill-opacity="0.8" stroke="#ffffff"><title>""")
               .AppendEscaped($"{p.Label}: {XLabel} {ChartSvg.Number(p.X, 3)}, {YLabel} {ChartSvg.Number(p.Y, 2)}").Append("</title></circle>");
            if (labelled)
            {
                // A label near the right edge goes to the left of its point; one that would overlap a label already placed moves up or down a line.
                var text = ChartSvg.Shorten(p.Label, 18);
                var leftOf = x[p.X] > left + (right - left) * 0.75;
                var from = leftOf ? x[p.X] - 7 - text.Length * ChartSvg.CharWidth : x[p.X] + 7;
                var to = from + text.Length * ChartSvg.CharWidth;
                var ly = y[p.Y] + 4;
                foreach (var shift in new[] { 0.0, -13, 13, -26, 26, -39, 39 })
                {
                    if (placed.All(b => b.To < from || b.From > to || Math.Abs(b.Y - (y[p.Y] + 4 + shift)) >= 13))
                    {
                        ly = y[p.Y] + 4 + shift;
                        break;
                    }
                }

                placed.Add((from, to, ly));
                svg.Append(ChartSvg.Invariant, $"""<text x="{ChartSvg.N(x[p.X] + (leftOf ? -7 : 7))}" y="{ChartSvg.N(ly)}"{(leftOf ? " text-anchor=\"end\"" : "")} fill="{(p.Href is null ? "#212b32" : "#005eb8")}" stroke="#ffffff" stroke-width="3" paint-order="stroke">""")
                   .AppendEscaped(text).Append("</text>");
            }

            if (p.Href is not null) svg.Append("</a>");
            svg.Append("</g>\n");
        }

        return svg.Append("</svg>").ToString();
    }
}
