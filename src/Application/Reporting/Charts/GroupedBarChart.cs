using System.Globalization;
using System.Text;

namespace Commonweal.Application.Reporting.Charts;

/// <summary>A row of the chart: its label and one value per series, in the order of <see cref="GroupedBarChart.Series"/>.</summary>
public sealed record BarGroup(string Label, IReadOnlyList<double> Values);

/// <summary>
/// Horizontal bars in groups (e.g. Core20 LSOAs in 2019 and in 2025, for each district) as SVG made on the server.
/// Colour is never the only cue: every bar is introduced by its series' short name in text and ends with its value,
/// and the legend names the series in words. The SVG has a title and a description; pages show the table beside it.
/// </summary>
public sealed record GroupedBarChart
{
    private const double Margin = 10;
    private const double BarHeight = 16;
    private const double BarGap = 3;
    private const double GroupGap = 14;
    private const double FontSize = 13;

    /// <summary>A generous average glyph width at 13px, to lay out labels without measuring text.</summary>
    private const double CharWidth = 7.5;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public required string IdPrefix { get; init; }

    public required string Title { get; init; }

    /// <summary>The text alternative: what the chart shows and its main message, in words.</summary>
    public required string Description { get; init; }

    /// <summary>The series: the legend label (e.g. "IoD2019 (2011 LSOAs)") and the bars' colour.</summary>
    public required IReadOnlyList<LegendEntry> Series { get; init; }

    /// <summary>A short name per series written before each bar (e.g. "2019"), so bars are told apart without colour.</summary>
    public required IReadOnlyList<string> SeriesShortNames { get; init; }

    public required IReadOnlyList<BarGroup> Groups { get; init; }

    public int Width { get; init; } = 800;

    /// <summary>
    /// For a phone: each group's label on its own line above its bars (which then run the full width) and the legend one
    /// series to a line, so a chart about 360 wide keeps its text at full size.
    /// </summary>
    public bool Compact { get; init; }

    public string ToSvg()
    {
        Validate();
        // Group labels are bold, so wider than the average glyph.
        var labelWidth = Compact ? 0 : Math.Min(Width / 3.0, Groups.Select(g => g.Label.Length).DefaultIfEmpty(0).Max() * CharWidth * 1.15 + 12);
        var labelHeight = Compact ? FontSize + 6 : 0;
        var shortWidth = SeriesShortNames.Select(s => s.Length).DefaultIfEmpty(0).Max() * CharWidth + 8;
        var max = Groups.SelectMany(g => g.Values).DefaultIfEmpty(0).Max();
        var valueWidth = Math.Max(3, Format(max).Length) * CharWidth + 6;
        var barsLeft = Margin + labelWidth + shortWidth;
        var barSpan = Math.Max(10, Width - barsLeft - valueWidth - Margin);
        const double LegendLine = 20;
        // The legend's entries side by side, onto a new line where the next would run past the edge (each on its own when compact).
        var legend = new List<(double X, double Y)>(Series.Count);
        var (entryX, entryY) = (Margin, Margin);
        for (var s = 0; s < Series.Count; s++)
        {
            var width = 20 + (SeriesShortNames[s].Length + Series[s].Label.Length + 2) * CharWidth;
            if (s > 0 && (Compact || entryX + width > Width - Margin)) (entryX, entryY) = (Margin, entryY + LegendLine);
            legend.Add((entryX, entryY));
            entryX += width + 24;
        }

        var legendHeight = Compact ? Series.Count * LegendLine + 4 : entryY - Margin + 24.0;
        var barsHeight = Series.Count * (BarHeight + BarGap) - BarGap;
        var groupHeight = labelHeight + barsHeight;
        var height = Margin + legendHeight + Groups.Count * (groupHeight + GroupGap) + Margin;

        var svg = new StringBuilder(2048 + Groups.Count * 512);
        svg.Append(Invariant, $"""<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{IdPrefix}-title {IdPrefix}-desc" viewBox="0 0 {Width} {height:0.#}" width="{Width}" height="{height:0.#}" class="bar-chart" font-family="system-ui, sans-serif" font-size="{FontSize}">""").Append('\n');
        svg.Append(Invariant, $"""<title id="{IdPrefix}-title">""").AppendEscaped(Title).Append("</title>\n");
        svg.Append(Invariant, $"""<desc id="{IdPrefix}-desc">""").AppendEscaped(Description).Append("</desc>\n");

        svg.Append("""<g class="bar-chart-legend" fill="#1a1a1a">""").Append('\n');
        for (var s = 0; s < Series.Count; s++)
        {
            var (x, legendY) = legend[s];
            svg.Append(Invariant, $"""<g class="bar-chart-legend-entry"><rect x="{x:0.#}" y="{legendY:0.#}" width="14" height="14" fill="{Series[s].Colour}"/>""")
               .Append(Invariant, $"""<text x="{x + 20:0.#}" y="{legendY + 12:0.#}">""").AppendEscaped($"{SeriesShortNames[s]}: {Series[s].Label}").Append("</text></g>\n");
        }

        svg.Append("</g>\n");

        var y = Margin + legendHeight;
        foreach (var group in Groups)
        {
            svg.Append("""<g class="bar-chart-group">""");
            var lines = Compact ? [group.Label] : LabelLines(group.Label, labelWidth, barsHeight);
            var labelY = Compact ? y + FontSize : y + barsHeight / 2 + FontSize * 0.35 - (lines.Count - 1) * LabelLine / 2;
            svg.Append(Invariant, $"""<text class="bar-chart-label" x="{Margin:0.#}" y="{labelY:0.#}" fill="#1a1a1a" font-weight="bold">""").AppendEscaped(lines[0]);
            foreach (var more in lines.Skip(1)) svg.Append(Invariant, $"""<tspan x="{Margin:0.#}" dy="{LabelLine:0.#}">""").AppendEscaped(more).Append("</tspan>");
            svg.Append("</text>");
            for (var s = 0; s < Series.Count; s++)
            {
                var value = group.Values[s];
                var length = max > 0 ? value / max * barSpan : 0;
                var top = y + labelHeight + s * (BarHeight + BarGap);
                var middle = top + BarHeight / 2 + FontSize * 0.35;
                svg.Append(Invariant, $"""<text x="{Margin + labelWidth:0.#}" y="{middle:0.#}" fill="#4c6272">""").AppendEscaped(SeriesShortNames[s]).Append("</text>");
                svg.Append(Invariant, $"""<rect class="bar-chart-bar" data-series="{s}" x="{barsLeft:0.#}" y="{top:0.#}" width="{length:0.#}" height="{BarHeight}" fill="{Series[s].Colour}">""")
                   .Append("<title>").AppendEscaped($"{group.Label}, {Series[s].Label}: {Format(value)}").Append("</title></rect>");
                svg.Append(Invariant, $"""<text class="bar-chart-value" x="{barsLeft + length + 4:0.#}" y="{middle:0.#}" fill="#1a1a1a">""").Append(Format(value)).Append("</text>");
            }

            svg.Append("</g>\n");
            y += groupHeight + GroupGap;
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Format(double value) => value.ToString("#,0.##", Invariant);

    private void Validate()
    {
        SvgChecks.IdPrefix(IdPrefix, nameof(IdPrefix));
        if (SeriesShortNames.Count != Series.Count)
            throw new ArgumentException($"{Series.Count} series but {SeriesShortNames.Count} short names", nameof(SeriesShortNames));
        foreach (var entry in Series)
        {
            if (!SvgChecks.IsColour(entry.Colour))
                throw new ArgumentException($"the colour '{entry.Colour}' of '{entry.Label}' is not a #rgb or #rrggbb colour", nameof(Series));
        }

        foreach (var group in Groups)
        {
            if (group.Values.Count != Series.Count)
                throw new ArgumentException($"group '{group.Label}' has {group.Values.Count} values for {Series.Count} series", nameof(Groups));
            if (group.Values.Any(v => v < 0 || !double.IsFinite(v)))
                throw new ArgumentOutOfRangeException(nameof(Groups), $"group '{group.Label}' has a negative or non-finite value");
        }
    }

    private const double LabelLine = 15;

    /// <summary>A group's label beside its bars in as many lines as the bars are tall, the last cut short with "…" if it must be.</summary>
    private static IReadOnlyList<string> LabelLines(string label, double labelWidth, double barsHeight)
    {
        var chars = Math.Max(4, (int)((labelWidth - 12) / (CharWidth * 1.15)));
        var most = Math.Max(1, (int)((barsHeight + 4) / LabelLine));
        var lines = ChartSvg.Wrap(label, chars).Select(l => ChartSvg.Shorten(l, chars)).ToList();
        if (lines.Count <= most) return lines;
        var kept = lines.Take(most - 1).ToList();
        kept.Add(ChartSvg.Shorten(string.Join(' ', lines.Skip(most - 1)), chars));
        return kept;
    }
}
