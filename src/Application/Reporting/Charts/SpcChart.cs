using Commonweal.Core.Statistics.Spc;

namespace Commonweal.Application.Reporting.Charts;

/// <summary>One point of an XmR chart: its period, value (NaN when missing), its segment's mean and process limits, and its Making Data Count point type.</summary>
public sealed record SpcChartPoint(string Label, double Value, double Mean, double Lower, double Upper, PointType Type);

/// <summary>
/// A Making Data Count XmR chart as SVG made on the server: the values joined by a grey line, each point coloured by its
/// type (special cause improvement blue, concern orange, neutral purple, common cause grey) and named in a tooltip, the
/// mean as a solid line and the process limits dashed. The legend says every colour in words.
/// </summary>
public sealed record SpcChart
{
    private const double Margin = 12;
    private const double AxisWidth = 52;
    private const double LegendHeight = 44;
    private const double LabelHeight = 30;

    public required string IdPrefix { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    public required IReadOnlyList<SpcChartPoint> Points { get; init; }

    public int Width { get; init; } = 800;

    public int Height { get; init; } = 320;

    public string ToSvg()
    {
        var top = Margin + LegendHeight;
        var bottom = Height - LabelHeight;
        var left = Margin + AxisWidth;
        var right = Width - Margin;
        var y = LinearScale.Covering(Points.SelectMany(p => new[] { p.Value, p.Mean, p.Lower, p.Upper }), bottom, top);
        var step = Points.Count > 0 ? (right - left) / Points.Count : 0;
        double X(int i) => left + step * (i + 0.5);
        var svg = ChartSvg.Open(IdPrefix, "spc-chart", Width, Height, Title, Description);

        svg.Append("""<g class="spc-legend">""");
        var lx = Margin;
        var ly = Margin + 8;
        foreach (var (colour, words) in new[] { (BenchmarkColours.CommonCause, "common cause"), (BenchmarkColours.Improvement, "improvement"), (BenchmarkColours.Concern, "concern"), (BenchmarkColours.Neutral, "special cause, no judgement") })
        {
            if (lx + words.Length * 7 + 30 > Width) { lx = Margin; ly += 18; }
            svg.Append(ChartSvg.Invariant, $"""<circle cx="{ChartSvg.N(lx + 6)}" cy="{ChartSvg.N(ly)}" r="5" fill="{colour}"/><text x="{ChartSvg.N(lx + 15)}" y="{ChartSvg.N(ly + 4)}">""").AppendEscaped(words).Append("</text>");
            lx += words.Length * 7 + 34;
        }

        ly += 18;
        svg.Append(ChartSvg.Invariant, $"""<line x1="{ChartSvg.N(Margin)}" x2="{ChartSvg.N(Margin + 20)}" y1="{ChartSvg.N(ly)}" y2="{ChartSvg.N(ly)}" stroke="#212b32" stroke-width="1.5"/><text x="{ChartSvg.N(Margin + 25)}" y="{ChartSvg.N(ly + 4)}">mean</text>""")
           .Append(ChartSvg.Invariant, $"""<line x1="{ChartSvg.N(Margin + 70)}" x2="{ChartSvg.N(Margin + 90)}" y1="{ChartSvg.N(ly)}" y2="{ChartSvg.N(ly)}" stroke="#4c6272" stroke-width="1.5" stroke-dasharray="5 3"/><text x="{ChartSvg.N(Margin + 95)}" y="{ChartSvg.N(ly + 4)}">process limits</text></g>""").Append('\n');

        svg.Append("""<g class="spc-axis" fill="#4c6272">""");
        foreach (var t in y.Ticks)
        {
            svg.Append(ChartSvg.Invariant, $"""<line x1="{ChartSvg.N(left)}" x2="{ChartSvg.N(right)}" y1="{ChartSvg.N(y[t])}" y2="{ChartSvg.N(y[t])}" stroke="#e8edee"/><text x="{ChartSvg.N(left - 6)}" y="{ChartSvg.N(y[t] + 4)}" text-anchor="end">{ChartSvg.Number(t, 2)}</text>""");
        }

        var every = Math.Max(1, (int)Math.Ceiling(Points.Count * 62.0 / Math.Max(1, right - left)));
        for (var i = 0; i < Points.Count; i += every)
            svg.Append(ChartSvg.Invariant, $"""<text x="{ChartSvg.N(X(i))}" y="{ChartSvg.N(bottom + 18)}" text-anchor="middle">""").AppendEscaped(Points[i].Label).Append("</text>");
        svg.Append("</g>\n");

        Line(svg, p => p.Mean, X, y, "spc-mean", "#212b32", null);
        Line(svg, p => p.Upper, X, y, "spc-upper", "#4c6272", "5 3");
        Line(svg, p => p.Lower, X, y, "spc-lower", "#4c6272", "5 3");
        Line(svg, p => p.Value, X, y, "spc-values", "#aeb7bd", null);
        for (var i = 0; i < Points.Count; i++)
        {
            var p = Points[i];
            if (!double.IsFinite(p.Value)) continue;
            svg.Append(ChartSvg.Invariant, $"""<circle class="spc-point" data-type="{p.Type.Code()}" cx="{ChartSvg.N(X(i))}" cy="{ChartSvg.N(y[p.Value])}" r="5" fill="{BenchmarkColours.Of(p.Type)}" stroke="#ffffff"><title>""")
               .AppendEscaped($"{p.Label}: {ChartSvg.Number(p.Value, 2)}, {BenchmarkColours.Words(p.Type)}").Append("</title></circle>");
        }

        return svg.Append("\n</svg>").ToString();
    }

    private void Line(System.Text.StringBuilder svg, Func<SpcChartPoint, double> value, Func<int, double> x, LinearScale y, string cssClass, string colour, string? dash)
    {
        var d = ChartSvg.Polyline(Points.Select((p, i) => (x(i), double.IsFinite(value(p)) ? y[value(p)] : (double?)null)));
        if (d.Length == 0) return;
        svg.Append(ChartSvg.Invariant, $"""<path class="{cssClass}" fill="none" stroke="{colour}" stroke-width="1.5"{(dash is null ? string.Empty : $" stroke-dasharray=\"{dash}\"")} d="{d}"/>""").Append('\n');
    }
}
