namespace Commonweal.Application.Reporting.Charts;

/// <summary>One bar: its label, value and 95 % limits (null where none or suppressed), colour and the word for it, an optional link, and whether it is the chosen area.</summary>
public sealed record IntervalBar(string Label, double? Value, double? Lower, double? Upper, string Colour, string Words, string? Href = null, bool Chosen = false);

/// <summary>
/// Horizontal bars with 95 % confidence-interval whiskers and a comparator line (England's value), as SVG made on the
/// server: the areas of a type compared (each bar coloured by its comparison, the word written after its value) or an
/// indicator by deprivation decile. Colour is never the only cue; a bar without a value says why in words.
/// </summary>
public sealed record IntervalBarChart
{
    private const double Margin = 10;
    private const double BarHeight = 14;
    private const double RowGap = 6;

    public required string IdPrefix { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    public required IReadOnlyList<IntervalBar> Bars { get; init; }

    /// <summary>The comparator's value and name (e.g. England 14.7), drawn as a vertical line; null for none.</summary>
    public (double Value, string Name)? Comparator { get; init; }

    public int Width { get; init; } = 800;

    /// <summary>For a phone: each label on its own line above its bar.</summary>
    public bool Compact { get; init; }

    public string ToSvg()
    {
        foreach (var b in Bars)
        {
            ChartSvg.Colour(b.Colour);
            if (b.Href is { } href && !SvgChecks.IsSafeLink(href)) throw new ArgumentException($"bar '{b.Label}' links to '{href}': only relative and http(s) links are allowed", nameof(Bars));
        }

        var longest = Bars.Select(b => b.Label.Length).DefaultIfEmpty(0).Max();
        var labelWidth = Compact ? 0 : Math.Min(Width * 0.34, longest * ChartSvg.CharWidth + 12);
        var labelHeight = Compact ? 16 : 0;
        var valueWidth = Bars.Select(b => Tail(b).Length).DefaultIfEmpty(8).Max() * ChartSvg.CharWidth + 8;
        var left = Margin + labelWidth;
        var right = Width - Margin - valueWidth;
        const double AxisHeight = 22;
        var top = Margin + AxisHeight + (Comparator is null ? 0 : 16);
        var row = labelHeight + BarHeight + RowGap;
        var height = top + Bars.Count * row + Margin;
        var x = LinearScale.Covering(Bars.SelectMany(b => new[] { b.Value, b.Upper, b.Lower }).OfType<double>().Append(Comparator?.Value ?? 0), left, right, includeZero: true, ticks: Compact ? 3 : 5);

        var svg = ChartSvg.Open(IdPrefix, "interval-bar-chart", Width, height, Title, Description, linked: Bars.Any(b => b.Href is not null));
        svg.Append("""<g class="interval-axis" fill="#4c6272">""");
        foreach (var t in x.Ticks)
        {
            svg.Append(ChartSvg.Invariant, $"""<line x1="{ChartSvg.N(x[t])}" x2="{ChartSvg.N(x[t])}" y1="{ChartSvg.N(top - 4)}" y2="{ChartSvg.N(height - Margin)}" stroke="#e8edee"/>""")
               .Append(ChartSvg.Invariant, $"""<text x="{ChartSvg.N(x[t])}" y="{ChartSvg.N(Margin + 12)}" text-anchor="middle">{ChartSvg.Number(t, 2)}</text>""");
        }

        svg.Append("</g>\n");
        var y = top;
        foreach (var bar in Bars)
        {
            svg.Append(ChartSvg.Invariant, $"""<g class="interval-bar{(bar.Chosen ? " interval-bar--chosen" : string.Empty)}">""");
            var labelY = Compact ? y + 12 : y + BarHeight - 2;
            if (bar.Href is not null) svg.Append("<a href=\"").AppendEscaped(bar.Href).Append("\">");
            svg.Append(ChartSvg.Invariant, $"""<text x="{ChartSvg.N(Margin)}" y="{ChartSvg.N(labelY)}" fill="{(bar.Href is null ? "#212b32" : "#005eb8")}"{(bar.Chosen ? " font-weight=\"bold\"" : string.Empty)}>""")
               .AppendEscaped(ChartSvg.Shorten(bar.Label, Compact ? ChartSvg.CharsIn(Width - 2 * Margin) : (int)((labelWidth - 12) / ChartSvg.CharWidth))).Append("</text>");
            if (bar.Href is not null) svg.Append("</a>");
            var barTop = y + labelHeight;
            if (bar.Value is { } v)
            {
                var from = Math.Min(x[0], x[v]);
                svg.Append(ChartSvg.Invariant, $"""<rect x="{ChartSvg.N(from)}" y="{ChartSvg.N(barTop)}" width="{ChartSvg.N(Math.Abs(x[v] - x[0]))}" height="{BarHeight}" fill="{bar.Colour}"{(bar.Chosen ? " stroke=\"#212b32\" stroke-width=\"2\"" : string.Empty)}><title>""")
                   .AppendEscaped($"{bar.Label}: {ChartSvg.Number(v, 2)}{Interval(bar)}, {bar.Words}").Append("</title></rect>");
                if (bar.Lower is { } lo && bar.Upper is { } hi)
                {
                    var mid = barTop + BarHeight / 2;
                    svg.Append(ChartSvg.Invariant, $"""<path class="interval-whisker" stroke="#212b32" stroke-width="1.5" fill="none" d="M{ChartSvg.N(x[lo])},{ChartSvg.N(mid)} H{ChartSvg.N(x[hi])} M{ChartSvg.N(x[lo])},{ChartSvg.N(mid - 4)} V{ChartSvg.N(mid + 4)} M{ChartSvg.N(x[hi])},{ChartSvg.N(mid - 4)} V{ChartSvg.N(mid + 4)}"/>""");
                }
            }

            var end = Math.Max(bar.Value is { } vv ? Math.Max(x[vv], x[0]) : x[0], bar.Upper is { } u ? x[u] : 0);
            svg.Append(ChartSvg.Invariant, $"""<text class="interval-value" x="{ChartSvg.N(end + 5)}" y="{ChartSvg.N(barTop + BarHeight - 2)}" fill="#212b32" stroke="#ffffff" stroke-width="3" paint-order="stroke">""").AppendEscaped(Tail(bar)).Append("</text>");
            svg.Append("</g>\n");
            y += row;
        }

        if (Comparator is { } c)
        {
            svg.Append(ChartSvg.Invariant, $"""<g class="interval-comparator"><line x1="{ChartSvg.N(x[c.Value])}" x2="{ChartSvg.N(x[c.Value])}" y1="{ChartSvg.N(top - 6)}" y2="{ChartSvg.N(height - Margin)}" stroke="#212b32" stroke-width="2" stroke-dasharray="6 3"/>""")
               .Append(ChartSvg.Invariant, $"""<text x="{ChartSvg.N(x[c.Value])}" y="{ChartSvg.N(top - 9)}" text-anchor="middle" font-weight="bold">""").AppendEscaped($"{c.Name} {ChartSvg.Number(c.Value, 2)}").Append("</text></g>\n");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Tail(IntervalBar bar) => bar.Value is { } v ? $"{ChartSvg.Number(v, 1)} {bar.Words}" : bar.Words;

    private static string Interval(IntervalBar bar) =>
        bar.Lower is { } l && bar.Upper is { } u ? $" (95 % CI {ChartSvg.Number(l, 2)}–{ChartSvg.Number(u, 2)})" : string.Empty;
}
