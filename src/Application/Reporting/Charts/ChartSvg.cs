using System.Globalization;
using System.Text;

namespace Commonweal.Application.Reporting.Charts;

/// <summary>
/// What the indicator charts share: the opening of an accessible SVG (role img, title and description by id), a linear
/// scale with round ticks, and invariant numbers. Text goes in escaped (<see cref="SvgText.AppendEscaped"/>).
/// </summary>
internal static class ChartSvg
{
    public static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A generous average glyph width of a sans-serif face at the charts' 13px, to fit text without measuring it.</summary>
    public const double CharWidth = 7;

    /// <summary>
    /// Opens the SVG with its title and description; the caller closes it with &lt;/svg&gt;. A chart whose marks are links
    /// is a group (<paramref name="linked"/>), not an image: an image's content is presentational, so links in it would be
    /// interactive controls nested where assistive technology cannot reach them.
    /// </summary>
    public static StringBuilder Open(string idPrefix, string cssClass, double width, double height, string title, string description, bool linked = false)
    {
        SvgChecks.IdPrefix(idPrefix, nameof(idPrefix));
        var svg = new StringBuilder(4096);
        svg.Append(Invariant, $"""<svg xmlns="http://www.w3.org/2000/svg" role="{(linked ? "group" : "img")}" aria-labelledby="{idPrefix}-title {idPrefix}-desc" viewBox="0 0 {width:0.#} {height:0.#}" width="{width:0.#}" height="{height:0.#}" class="{cssClass}" font-family="system-ui, sans-serif" font-size="13">""").Append('\n');
        svg.Append(Invariant, $"""<title id="{idPrefix}-title">""").AppendEscaped(title).Append("</title>\n");
        svg.Append(Invariant, $"""<desc id="{idPrefix}-desc">""").AppendEscaped(description).Append("</desc>\n");
        return svg;
    }

    /// <summary>A number as a chart labels it: up to <paramref name="decimals"/> places, thousands separated.</summary>
    public static string Number(double value, int decimals = 1) => value.ToString("#,0." + new string('#', Math.Max(0, decimals)), Invariant);

    public static string N(double value) => value.ToString("0.#", Invariant);

    /// <summary>A label cut to <paramref name="max"/> characters with an ellipsis (the full text is in the tooltip and the table).</summary>
    public static string Shorten(string text, int max) => text.Length <= max || max < 4 ? text : text[..(max - 1)] + "…";

    /// <summary>How many characters of chart text fit in <paramref name="width"/> pixels (see <see cref="CharWidth"/>).</summary>
    public static int CharsIn(double width) => Math.Max(1, (int)(width / CharWidth));

    /// <summary>
    /// The text broken at spaces into lines of at most <paramref name="max"/> characters (a longer word on a line of its
    /// own), so that a legend or label stays inside a narrow chart instead of running off its edge.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, int max)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > max)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        if (line.Length > 0 || lines.Count == 0) lines.Add(line.ToString());
        return lines;
    }

    /// <summary>A &lt;text&gt; of several lines, one &lt;tspan&gt; each, the first with its baseline at <paramref name="y"/>.</summary>
    public static StringBuilder AppendLines(this StringBuilder svg, double x, double y, double lineHeight, IReadOnlyList<string> lines)
    {
        svg.Append(Invariant, $"""<text x="{N(x)}" y="{N(y)}">""");
        for (var i = 0; i < lines.Count; i++)
        {
            if (i == 0) svg.AppendEscaped(lines[i]);
            else svg.Append(Invariant, $"""<tspan x="{N(x)}" dy="{N(lineHeight)}">""").AppendEscaped(lines[i]).Append("</tspan>");
        }

        return svg.Append("</text>");
    }

    /// <summary>The path data of a line through the points, broken where a point has no value ("M x,y L x,y M …"); empty when none has.</summary>
    public static string Polyline(IEnumerable<(double X, double? Y)> points)
    {
        var d = new StringBuilder();
        var pen = false;
        foreach (var (x, y) in points)
        {
            if (y is not { } v || !double.IsFinite(v)) { pen = false; continue; }
            d.Append(pen ? " L" : (d.Length > 0 ? " M" : "M")).Append(N(x)).Append(',').Append(N(v));
            pen = true;
        }

        return d.ToString();
    }

    /// <summary>A colour that is not a #rgb or #rrggbb hex colour is refused: colours go into attributes unescaped.</summary>
    public static string Colour(string colour) =>
        SvgChecks.IsColour(colour) ? colour : throw new ArgumentException($"the colour '{colour}' is not a #rgb or #rrggbb colour", nameof(colour));
}

/// <summary>A linear scale from data to pixels over round ticks (1, 2 or 5 × 10ⁿ) that cover the data.</summary>
internal sealed record LinearScale(double Min, double Max, double From, double To, IReadOnlyList<double> Ticks)
{
    public static LinearScale Covering(IEnumerable<double> values, double from, double to, bool includeZero = false, int ticks = 5)
    {
        var finite = values.Where(double.IsFinite).ToList();
        if (includeZero) finite.Add(0);
        var min = finite.Count > 0 ? finite.Min() : 0;
        var max = finite.Count > 0 ? finite.Max() : 1;
        if (max - min < 1e-9)
        {
            min -= Math.Max(1, Math.Abs(min) * 0.1);
            max += Math.Max(1, Math.Abs(max) * 0.1);
        }

        var raw = (max - min) / Math.Max(1, ticks);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
        var lo = Math.Floor(min / step) * step;
        var hi = Math.Ceiling(max / step) * step;
        var list = new List<double>();
        for (var t = lo; t <= hi + step / 2; t += step) list.Add(Math.Round(t, 10));
        return new LinearScale(lo, hi, from, to, list);
    }

    public double this[double value] => From + (value - Min) / (Max - Min) * (To - From);
}
