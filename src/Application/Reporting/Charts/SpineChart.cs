namespace Commonweal.Application.Reporting.Charts;

/// <summary>
/// One indicator of a spine chart: its name (and link), the area's value, the comparator's, the worst, 25th percentile,
/// 75th percentile and best of the areas it is set among, and its comparison (colour and word).
/// </summary>
public sealed record SpineRow(string Label, double? Value, double Comparator, double Worst, double Percentile25, double Percentile75, double Best, string Colour, string Words, string? Href = null);

/// <summary>
/// A Fingertips-style spine chart as SVG made on the server: one row per indicator, the comparator (England) at the centre
/// line, worst to the left and best to the right (the range light grey, the 25th to 75th percentiles dark grey), and the
/// area's value as a dot coloured by its comparison, with the value and the word written beside the row.
/// </summary>
public sealed record SpineChart
{
    private const double Margin = 10;
    private const double RowHeight = 24;

    public required string IdPrefix { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    public required IReadOnlyList<SpineRow> Rows { get; init; }

    public string ComparatorName { get; init; } = "England";

    public int Width { get; init; } = 800;

    /// <summary>For a phone: each indicator's name on its own line above its spine.</summary>
    public bool Compact { get; init; }

    public string ToSvg()
    {
        foreach (var r in Rows)
        {
            ChartSvg.Colour(r.Colour);
            if (r.Href is { } href && !SvgChecks.IsSafeLink(href)) throw new ArgumentException($"row '{r.Label}' links to '{href}': only relative and http(s) links are allowed", nameof(Rows));
        }

        var labelWidth = Compact ? 0 : Math.Min(Width * 0.4, Rows.Select(r => r.Label.Length).DefaultIfEmpty(0).Max() * ChartSvg.CharWidth + 12);
        var labelHeight = Compact ? 16 : 0;
        const double TailWidth = 130;
        var left = Margin + labelWidth;
        var right = Width - Margin - TailWidth;
        var centre = (left + right) / 2;
        var half = (right - left) / 2;
        const double HeadHeight = 34;
        var row = labelHeight + RowHeight;
        var height = Margin + HeadHeight + Rows.Count * row + Margin;
        var svg = ChartSvg.Open(IdPrefix, "spine-chart", Width, height, Title, Description, linked: Rows.Any(r => r.Href is not null));
        svg.Append(ChartSvg.Invariant, $"""<g class="spine-head" fill="#4c6272"><text x="{ChartSvg.N(left)}" y="{ChartSvg.N(Margin + 12)}">Worst</text><text x="{ChartSvg.N(centre)}" y="{ChartSvg.N(Margin + 12)}" text-anchor="middle">""")
           .AppendEscaped(ComparatorName).Append(ChartSvg.Invariant, $"""</text><text x="{ChartSvg.N(right)}" y="{ChartSvg.N(Margin + 12)}" text-anchor="end">Best</text>""")
           .Append(ChartSvg.Invariant, $"""<text x="{ChartSvg.N(right + 8)}" y="{ChartSvg.N(Margin + 12)}">Value</text></g>""").Append('\n');
        var y = Margin + HeadHeight;
        foreach (var r in Rows)
        {
            // Each row is scaled so that the comparator is at the centre and the farther of worst and best at the edge.
            var reach = Math.Max(Math.Abs(r.Worst - r.Comparator), Math.Abs(r.Best - r.Comparator));
            double X(double v)
            {
                if (reach <= 0) return centre;
                var towardsBest = Math.Sign(r.Best - r.Worst) * (v - r.Comparator) / reach;
                return centre + Math.Clamp(towardsBest, -1, 1) * half;
            }

            svg.Append("""<g class="spine-row">""");
            if (r.Href is not null) svg.Append("<a href=\"").AppendEscaped(r.Href).Append("\">");
            svg.Append(ChartSvg.Invariant, $"""<text x="{ChartSvg.N(Margin)}" y="{ChartSvg.N(Compact ? y + 12 : y + 15)}" fill="{(r.Href is null ? "#212b32" : "#005eb8")}">""")
               .AppendEscaped(ChartSvg.Shorten(r.Label, Compact ? ChartSvg.CharsIn(Width - 2 * Margin) : (int)((labelWidth - 12) / ChartSvg.CharWidth))).Append("</text>");
            if (r.Href is not null) svg.Append("</a>");
            var top = y + labelHeight + 3;
            var (a, b) = (X(r.Worst), X(r.Best));
            var (c, d) = (X(r.Percentile25), X(r.Percentile75));
            svg.Append(ChartSvg.Invariant, $"""<rect class="spine-range" x="{ChartSvg.N(Math.Min(a, b))}" y="{ChartSvg.N(top)}" width="{ChartSvg.N(Math.Abs(b - a))}" height="16" fill="#d8dde0"><title>""")
               .AppendEscaped($"{r.Label}: worst {ChartSvg.Number(r.Worst, 2)}, best {ChartSvg.Number(r.Best, 2)}").Append("</title></rect>");
            svg.Append(ChartSvg.Invariant, $"""<rect class="spine-iqr" x="{ChartSvg.N(Math.Min(c, d))}" y="{ChartSvg.N(top)}" width="{ChartSvg.N(Math.Abs(d - c))}" height="16" fill="#768692"><title>""")
               .AppendEscaped($"{r.Label}: 25th percentile {ChartSvg.Number(r.Percentile25, 2)}, 75th percentile {ChartSvg.Number(r.Percentile75, 2)}").Append("</title></rect>");
            svg.Append(ChartSvg.Invariant, $"""<line x1="{ChartSvg.N(centre)}" x2="{ChartSvg.N(centre)}" y1="{ChartSvg.N(top - 3)}" y2="{ChartSvg.N(top + 19)}" stroke="#212b32" stroke-width="2"/>""");
            if (r.Value is { } v)
            {
                svg.Append(ChartSvg.Invariant, $"""<circle class="spine-marker" cx="{ChartSvg.N(X(v))}" cy="{ChartSvg.N(top + 8)}" r="7" fill="{r.Colour}" stroke="#212b32"><title>""")
                   .AppendEscaped($"{r.Label}: {ChartSvg.Number(v, 2)} ({r.Words}; {ComparatorName} {ChartSvg.Number(r.Comparator, 2)})").Append("</title></circle>");
            }

            svg.Append(ChartSvg.Invariant, $"""<text x="{ChartSvg.N(right + 8)}" y="{ChartSvg.N(top + 13)}" fill="#212b32">""")
               .AppendEscaped(r.Value is { } value ? $"{ChartSvg.Number(value, 1)} {r.Words}" : r.Words).Append("</text></g>\n");
            y += row;
        }

        return svg.Append("</svg>").ToString();
    }
}
