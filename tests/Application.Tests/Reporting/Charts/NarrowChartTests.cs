using System.Globalization;
using System.Xml.Linq;
using Commonweal.Application.Reporting.Charts;

namespace Commonweal.Application.Tests.Reporting.Charts;

/// <summary>Charts drawn for a phone (360 wide) keep their words inside the drawing, where nothing beyond its edge is seen.</summary>
public sealed class NarrowChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>The widest a glyph of the charts' 13px sans-serif face may be on average for the text to fit: see ChartSvg.</summary>
    private const double CharWidth = 7;

    [Fact]
    public void A_narrow_trend_chart_wraps_a_long_legend_onto_lines_that_fit_and_moves_the_plot_below_them()
    {
        var chart = new TrendChart
        {
            IdPrefix = "trend",
            Title = "Trend",
            Description = "Trend",
            AreaName = "NHS Mid and South Essex Integrated Care Board",
            Width = 360,
            Points = [new TrendPoint("2023", 10, 9, 11, 12, "#005eb8", "Better"), new TrendPoint("2024", 11, 10, 12, 12, "#005eb8", "Similar")],
        };

        var root = XDocument.Parse(chart.ToSvg()).Root!;

        var legend = root.Elements(Svg + "g").Single(g => (string?)g.Attribute("class") == "trend-legend");
        var first = legend.Elements(Svg + "text").First();
        var lines = first.Nodes().Select(n => n is XElement e ? e.Value : ((XText)n).Value).ToList();
        Assert.Equal(["NHS Mid and South Essex Integrated Care Board", "(bars: 95 % confidence interval)"], lines);
        foreach (var text in legend.Elements(Svg + "text"))
        {
            var x = double.Parse((string)text.Attribute("x")!, CultureInfo.InvariantCulture);
            Assert.All(text.Nodes(), n => Assert.True(x + (n is XElement e ? e.Value : ((XText)n).Value).Length * CharWidth <= 360, $"'{text.Value}' runs off the chart"));
        }

        var highestGridLine = root.Descendants(Svg + "line").Where(l => (string?)l.Parent?.Attribute("class") == "trend-axis")
            .Min(l => double.Parse((string)l.Attribute("y1")!, CultureInfo.InvariantCulture));
        var legendBottom = double.Parse((string)legend.Elements(Svg + "text").Last().Attribute("y")!, CultureInfo.InvariantCulture);
        Assert.True(highestGridLine > legendBottom + 8, $"the plot starts at {highestGridLine}, under the legend ending at {legendBottom}");
    }

    [Theory]
    [InlineData(800, 41)]
    [InlineData(360, 24)]
    public void A_trend_chart_of_many_periods_keeps_its_last_period_label_inside_the_drawing(int width, int months)
    {
        var chart = new TrendChart
        {
            IdPrefix = "trend",
            Title = "Trend",
            Description = "Trend",
            AreaName = "IWS-2021",
            Width = width,
            Points = [.. Enumerable.Range(0, months).Select(m => new TrendPoint(new DateOnly(2023, 1, 1).AddMonths(m).ToString("MMM-yy", CultureInfo.InvariantCulture), m, null, null, null, "#005eb8", "Similar"))],
        };

        var labels = XDocument.Parse(chart.ToSvg()).Root!.Elements(Svg + "g").Single(g => (string?)g.Attribute("class") == "trend-axis")
            .Elements(Svg + "text").Where(t => (string?)t.Attribute("text-anchor") == "middle").ToList();

        Assert.Equal(new DateOnly(2023, 1, 1).AddMonths(months - 1).ToString("MMM-yy", CultureInfo.InvariantCulture), labels[^1].Value);
        foreach (var label in labels)
        {
            var x = double.Parse((string)label.Attribute("x")!, CultureInfo.InvariantCulture);
            Assert.True(x + label.Value.Length * (CharWidth + 1) / 2 <= width, $"'{label.Value}' at {x} runs off a chart {width} wide");
        }
    }

    [Fact]
    public void A_compact_spine_chart_cuts_a_long_name_to_the_width_of_the_chart()
    {
        var name = "Emergency admissions due to falls in people aged 65 and over, directly standardised rate per 100,000";
        var chart = new SpineChart
        {
            IdPrefix = "spine",
            Title = "Spine",
            Description = "Spine",
            Compact = true,
            Width = 360,
            Rows = [new SpineRow(name, 2000, 1900, 3000, 2200, 1700, 1200, "#005eb8", "Similar")],
        };

        var label = XDocument.Parse(chart.ToSvg()).Descendants(Svg + "text").Single(t => t.Value.StartsWith("Emergency", StringComparison.Ordinal));

        Assert.EndsWith("…", label.Value, StringComparison.Ordinal);
        var x = double.Parse((string)label.Attribute("x")!, CultureInfo.InvariantCulture);
        Assert.True(x + label.Value.Length * CharWidth <= 360, $"'{label.Value}' runs off the chart");
    }
}
