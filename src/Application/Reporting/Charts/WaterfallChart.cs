namespace Commonweal.Application.Reporting.Charts;

/// <summary>One step of a waterfall: its label and the amount it adds (negative: takes away).</summary>
public sealed record WaterfallStep(string Label, double Amount);

/// <summary>
/// A waterfall as SVG made on the server: a starting bar, then each step floating from the running total (an increase
/// in blue, a decrease in grey, each written with its sign so colour is not the only cue), then the final bar.
/// </summary>
public sealed record WaterfallChart
{
    private const double Margin = 10;
    private const double BarHeight = 16;
    private const double RowGap = 8;

    public required string IdPrefix { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    /// <summary>The starting bar's label and value.</summary>
    public required (string Label, double Value) Start { get; init; }

    public required IReadOnlyList<WaterfallStep> Steps { get; init; }

    /// <summary>The final bar's label (its value is the start plus the steps).</summary>
    public required string End { get; init; }

    /// <summary>How each value is written (e.g. pounds).</summary>
    public Func<double, string> Format { get; init; } = v => ChartSvg.Number(v, 0);

    public int Width { get; init; } = 800;

    /// <summary>For a phone: each label on its own line above its bar.</summary>
    public bool Compact { get; init; }

    public string ToSvg()
    {
        var rows = new List<(string Label, double From, double To, string Text, string Colour)> { (Start.Label, 0, Start.Value, Format(Start.Value), "#005eb8") };
        var running = Start.Value;
        foreach (var step in Steps)
        {
            var text = (step.Amount > 0 ? "+" : step.Amount < 0 ? "−" : "±") + Format(Math.Abs(step.Amount));
            rows.Add((step.Label, running, running + step.Amount, text, step.Amount >= 0 ? "#41b6e6" : "#768692"));
            running += step.Amount;
        }

        rows.Add((End, 0, running, Format(running), "#003087"));
        var longest = rows.Max(r => r.Label.Length);
        var labelWidth = Compact ? 0 : Math.Min(Width * 0.36, longest * ChartSvg.CharWidth + 12);
        var labelHeight = Compact ? 16 : 0;
        var valueWidth = rows.Max(r => r.Text.Length) * ChartSvg.CharWidth + 10;
        var left = Margin + labelWidth;
        var right = Width - Margin - valueWidth;
        const double AxisHeight = 22;
        var top = Margin + AxisHeight;
        var row = labelHeight + BarHeight + RowGap;
        var height = top + rows.Count * row + Margin;
        var x = LinearScale.Covering(rows.SelectMany(r => new[] { r.From, r.To }), left, right, includeZero: true, ticks: Compact ? 3 : 5);

        var svg = ChartSvg.Open(IdPrefix, "waterfall-chart", Width, height, Title, Description);
        svg.Append("""<g class="waterfall-axis" fill="#4c6272">""");
        foreach (var t in x.Ticks)
            svg.Append(ChartSvg.Invariant, $"""<line x1="{ChartSvg.N(x[t])}" x2="{ChartSvg.N(x[t])}" y1="{ChartSvg.N(top - 4)}" y2="{ChartSvg.N(height - Margin)}" stroke="#e8edee"/>""")
               .Append(ChartSvg.Invariant, $"""<text x="{ChartSvg.N(x[t])}" y="{ChartSvg.N(Margin + 12)}" text-anchor="middle">""").AppendEscaped(Format(t)).Append("</text>");
        svg.Append("</g>\n");
        var y = top;
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, from, to, text, colour) = rows[i];
            var barTop = y + labelHeight;
            svg.Append("""<g class="waterfall-step">""");
            svg.Append(ChartSvg.Invariant, $"""<text x="{ChartSvg.N(Margin)}" y="{ChartSvg.N(Compact ? y + 12 : barTop + BarHeight - 3)}" fill="#212b32"{(i == 0 || i == rows.Count - 1 ? " font-weight=\"bold\"" : "")}>""")
               .AppendEscaped(ChartSvg.Shorten(label, Compact ? ChartSvg.CharsIn(Width - 2 * Margin) : (int)((labelWidth - 12) / ChartSvg.CharWidth))).Append("</text>");
            var (a, b) = (Math.Min(x[from], x[to]), Math.Max(x[from], x[to]));
            svg.Append(ChartSvg.Invariant, $"""<rect x="{ChartSvg.N(a)}" y="{ChartSvg.N(barTop)}" width="{ChartSvg.N(Math.Max(1, b - a))}" height="{BarHeight}" fill="{colour}"><title>""")
               .AppendEscaped($"{label}: {text}").Append("</title></rect>");
            if (i > 0 && i < rows.Count - 1)
                svg.Append(ChartSvg.Invariant, $"""<line x1="{ChartSvg.N(x[from])}" x2="{ChartSvg.N(x[from])}" y1="{ChartSvg.N(barTop - RowGap - labelHeight)}" y2="{ChartSvg.N(barTop)}" stroke="#212b32" stroke-dasharray="2 2"/>""");
            svg.Append(ChartSvg.Invariant, $"""<text x="{ChartSvg.N(b + 5)}" y="{ChartSvg.N(barTop + BarHeight - 3)}" fill="#212b32" stroke="#ffffff" stroke-width="3" paint-order="stroke">""").AppendEscaped(text).Append("</text>");
            svg.Append("</g>\n");
            y += row;
        }

        return svg.Append("</svg>").ToString();
    }
}
