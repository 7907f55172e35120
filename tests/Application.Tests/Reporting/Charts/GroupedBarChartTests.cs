using System.Globalization;
using System.Xml.Linq;
using Commonweal.Application.Reporting.Charts;

namespace Commonweal.Application.Tests.Reporting.Charts;

public sealed class GroupedBarChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static GroupedBarChart Chart(params BarGroup[] groups) => new()
    {
        IdPrefix = "core20",
        Title = "Core20 LSOAs by district",
        Description = "Basildon 26 then 27; Brentwood 0 then 0.",
        Series = [new LegendEntry("IoD2019, 2011 LSOAs", "#768692"), new LegendEntry("IoD2025, 2021 LSOAs", "#005eb8")],
        SeriesShortNames = ["2019", "2025"],
        Groups = groups,
    };

    [Fact]
    public void The_chart_is_an_image_labelled_by_its_title_and_description()
    {
        var root = XDocument.Parse(Chart(new BarGroup("Basildon", [26, 27])).ToSvg()).Root!;

        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.Equal("core20-title core20-desc", (string?)root.Attribute("aria-labelledby"));
        Assert.Equal("Core20 LSOAs by district", root.Element(Svg + "title")!.Value);
        Assert.StartsWith("Basildon 26 then 27", root.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Bars_are_as_long_as_their_values_and_each_is_named_and_valued_in_text_not_colour_alone()
    {
        var document = XDocument.Parse(Chart(new BarGroup("Basildon", [26, 27]), new BarGroup("Brentwood", [0, 0]), new BarGroup("Thurrock", [11, 14])).ToSvg());

        var bars = document.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "bar-chart-bar").ToList();
        var widths = bars.Select(b => double.Parse((string)b.Attribute("width")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(6, bars.Count);
        Assert.Equal(0, widths[2]);
        Assert.Equal(widths[1] * 11 / 27, widths[4], 0);
        Assert.Equal("Thurrock, IoD2025, 2021 LSOAs: 14", bars[5].Element(Svg + "title")!.Value);
        var texts = document.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Equal(3, texts.Count(t => t == "2019"));
        Assert.Contains("27", texts);
        Assert.Contains("2019: IoD2019, 2011 LSOAs", texts);
    }

    [Fact]
    public void A_compact_chart_puts_each_label_above_its_bars_and_the_legend_one_series_to_a_line()
    {
        var compact = Chart(new BarGroup("Southend-on-Sea", [23, 25]), new BarGroup("Thurrock", [11, 14])) with { Compact = true, Width = 360 };
        var document = XDocument.Parse(compact.ToSvg());

        double Number(XElement e, string name) => double.Parse((string)e.Attribute(name)!, CultureInfo.InvariantCulture);
        var label = document.Descendants(Svg + "text").First(t => (string?)t.Attribute("class") == "bar-chart-label");
        var bars = document.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "bar-chart-bar").ToList();
        var legend = document.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "bar-chart-legend-entry").Select(g => Number(g.Element(Svg + "rect")!, "y")).ToList();
        Assert.Equal("360", (string?)document.Root!.Attribute("width"));
        Assert.True(Number(label, "y") < Number(bars[0], "y"), "the label is above the first bar");
        Assert.True(Number(bars[0], "x") < 60, "no column is kept for labels: bars start after their series' short name");
        Assert.True(legend[1] > legend[0], "the second series is on the legend's second line");
        Assert.True(bars.Max(b => Number(b, "x") + Number(b, "width")) < 360, "every bar fits in the chart");
    }

    [Fact]
    public void A_legend_too_long_for_one_line_goes_on_to_the_next_and_the_bars_start_below_it()
    {
        var chart = new GroupedBarChart
        {
            IdPrefix = "coverage",
            Title = "Coverage",
            Description = "Coverage",
            Width = 640,
            Series = [new LegendEntry("Covered by one contract", "#007f3b"), new LegendEntry("two or more contracts", "#ffb81c"), new LegendEntry("needed, no contract at all in the place", "#d5281b")],
            SeriesShortNames = ["covered", "overlap", "gap"],
            Groups = [new BarGroup("Basildon", [2, 1, 8])],
        };

        var root = XDocument.Parse(chart.ToSvg()).Root!;

        var entries = root.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "bar-chart-legend-entry").Select(g => g.Element(Svg + "text")!).ToList();
        double At(XElement e, string name) => double.Parse((string)e.Attribute(name)!, CultureInfo.InvariantCulture);
        Assert.All(entries, e => Assert.True(At(e, "x") + e.Value.Length * 7.5 <= 640, $"'{e.Value}' runs off the chart"));
        Assert.Equal(At(entries[0], "y"), At(entries[1], "y"));
        Assert.True(At(entries[2], "y") > At(entries[1], "y"), "the third entry should start a second line");
        var firstBar = root.Descendants(Svg + "rect").First(r => (string?)r.Attribute("class") == "bar-chart-bar");
        Assert.True(At(firstBar, "y") > At(entries[2], "y"), "the bars start below the legend");
    }

    [Fact]
    public void A_long_group_label_is_wrapped_beside_its_bars_and_cut_short_with_an_ellipsis_rather_than_running_over_them()
    {
        var label = "PREV-POOL 2025/26 NHS Mid and South Essex Integrated Care Board (demo) and a great many more words than fit";
        var root = XDocument.Parse(Chart(new BarGroup(label, [1, 2]), new BarGroup("Basildon", [26, 27])).ToSvg()).Root!;

        var labels = root.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "bar-chart-label").ToList();
        var lines = labels[0].Nodes().Select(n => n is XElement e ? e.Value : ((XText)n).Value).ToList();
        Assert.Equal(2, lines.Count); // two bars of 16 px: room for two lines
        Assert.StartsWith("PREV-POOL", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("…", lines[1], StringComparison.Ordinal);
        var seriesName = root.Descendants(Svg + "text").First(t => t.Value == "2019");
        var seriesLeft = double.Parse((string)seriesName.Attribute("x")!, CultureInfo.InvariantCulture);
        Assert.All(lines, l => Assert.True(12 + l.Length * 7.5 * 1.15 <= seriesLeft, $"'{l}' runs over the series' names at {seriesLeft}"));
        Assert.Equal("Basildon", labels[1].Value);
    }

    [Fact]
    public void A_group_without_a_value_for_every_series_is_a_bug()
    {
        Assert.Throws<ArgumentException>(() => Chart(new BarGroup("Basildon", [26])).ToSvg());
        Assert.Throws<ArgumentOutOfRangeException>(() => Chart(new BarGroup("Basildon", [-1, 2])).ToSvg());
    }
}
