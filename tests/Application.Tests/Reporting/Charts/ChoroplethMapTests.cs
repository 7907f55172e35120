using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Commonweal.Application.Places.Import;
using Commonweal.Core.Places;
using Commonweal.TestKit;
using Commonweal.Application.Reporting.Charts;

namespace Commonweal.Application.Tests.Reporting.Charts;

public sealed partial class ChoroplethMapTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly IReadOnlyList<LegendEntry> ThreeClasses =
        [new("Low", "#fde725"), new("Middle", "#21918c"), new("High", "#440154")];

    [Fact]
    public void The_map_is_well_formed_SVG_labelled_by_its_title_and_description()
    {
        var map = Map([Square("E01000001", "North", 0.5, 51.7, 0), Square("E01000002", "South", 0.5, 51.5, 1)]);

        var root = Parse(map.ToSvg()).Root!;

        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.Equal("test-map-title test-map-desc", (string?)root.Attribute("aria-labelledby"));
        Assert.Equal("Deprivation by LSOA", Element(root, "title", "test-map-title").Value);
        Assert.Equal("Two LSOAs, one per class.", Element(root, "desc", "test-map-desc").Value);
        var viewBox = ((string)root.Attribute("viewBox")!).Split(' ').Select(n => double.Parse(n, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal([0, 0, 800], viewBox[..3]);
        Assert.Equal(viewBox[3], double.Parse((string)root.Attribute("height")!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Each_area_is_one_path_carrying_its_code()
    {
        var map = Map([Square("E01000001", "North", 0.5, 51.7, 0), Square("E01000002", "South", 0.5, 51.5, 1), Square("E01000003", "East", 0.8, 51.6, 2)]);

        var paths = AreaPaths(Parse(map.ToSvg()));

        Assert.Equal(["E01000001", "E01000002", "E01000003"], paths.Select(p => (string?)p.Attribute("data-code")));
    }

    [Fact]
    public void Fills_follow_the_class_and_no_class_gets_the_hatched_no_data_fill()
    {
        var map = Map([Square("E01000001", "A", 0.5, 51.7, 2), Square("E01000002", "B", 0.5, 51.5, 0), Square("E01000003", "C", 0.8, 51.6, null)]);

        var document = Parse(map.ToSvg());
        var paths = AreaPaths(document);

        Assert.Equal(["#440154", "#fde725", "url(#test-map-no-data)"], paths.Select(p => (string?)p.Attribute("fill")));
        Assert.Equal(["choropleth-area choropleth-class-2", "choropleth-area choropleth-class-0", "choropleth-area choropleth-no-data"],
            paths.Select(p => (string?)p.Attribute("class")));
        var pattern = Assert.Single(document.Descendants(Svg + "pattern"));
        Assert.Equal("test-map-no-data", (string?)pattern.Attribute("id"));
    }

    [Fact]
    public void Names_and_tooltips_are_escaped()
    {
        var area = Square("E01000001", "Smith & Sons <Ltd>", 0.5, 51.7, 0) with { Tooltip = "Smith & Sons <Ltd>: \"decile\" 1" };
        var map = Map([area]) with { Title = "A < B & C", Description = "quotes \" and ' apostrophes" };

        var svg = map.ToSvg();
        var document = Parse(svg);

        Assert.Equal("Smith & Sons <Ltd>: \"decile\" 1", Assert.Single(AreaPaths(document)).Element(Svg + "title")!.Value);
        Assert.Equal("A < B & C", document.Root!.Element(Svg + "title")!.Value);
        Assert.Contains("Smith &amp; Sons &lt;Ltd&gt;", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<Ltd>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void North_is_up()
    {
        var map = Map([Square("E01000001", "South", 0.5, 51.5, 0), Square("E01000002", "North", 0.5, 51.7, 0)]);

        var paths = AreaPaths(Parse(map.ToSvg()));
        var southY = Points(paths[0]).Average(p => p.Y);
        var northY = Points(paths[1]).Average(p => p.Y);

        Assert.True(northY < southY, $"north y {northY} should be above (less than) south y {southY}");
    }

    [Fact]
    public void East_is_right_and_a_degree_east_is_shorter_than_a_degree_north_by_the_cosine_of_the_latitude()
    {
        var projection = MapProjection.Fit(0, 59, 2, 61, width: 420, margin: 10);

        var (x0, y0) = projection.Project(0, 60);
        var (x1, y1) = projection.Project(1, 61);

        Assert.True(x1 > x0);
        Assert.True(y1 < y0);
        Assert.Equal(0.5, (x1 - x0) / (y0 - y1), 3);
        Assert.Equal(420, projection.Width);
        Assert.Equal(2 * 400 / (2 * Math.Cos(Math.PI / 3)) + 20, projection.Height, 6);
    }

    [Fact]
    public void The_legend_names_every_class_and_no_data_in_text()
    {
        var map = Map([Square("E01000001", "A", 0.5, 51.7, 0)]) with { Legend = Palette.ImdDeciles, LegendTitle = "IMD 2019 decile" };

        var legend = Parse(map.ToSvg()).Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "choropleth-legend");
        var texts = legend.Descendants(Svg + "text").Select(t => t.Value).ToList();

        Assert.Equal(
            ["IMD 2019 decile", "1 – most deprived", "2", "3", "4", "5", "6", "7", "8", "9", "10 – least deprived", "No data"],
            texts);
        var swatches = legend.Descendants(Svg + "rect").Select(r => (string?)r.Attribute("fill")).ToList();
        Assert.Equal([.. Palette.ImdDeciles.Select(e => e.Colour), "url(#test-map-no-data)"], swatches);
    }

    [Fact]
    public void The_legend_lies_below_the_map()
    {
        var map = Map([Square("E01000001", "A", 0.5, 51.7, 0)]);

        var document = Parse(map.ToSvg());
        var lowestMapPoint = Points(Assert.Single(AreaPaths(document))).Max(p => p.Y);
        var legendTop = document.Descendants(Svg + "rect").Where(r => r.Parent?.Parent?.Attribute("class")?.Value == "choropleth-legend")
            .Min(r => double.Parse((string)r.Attribute("y")!, CultureInfo.InvariantCulture));
        var height = double.Parse((string)document.Root!.Attribute("height")!, CultureInfo.InvariantCulture);

        Assert.True(legendTop > lowestMapPoint);
        Assert.True(height > legendTop + 14);
    }

    [Fact]
    public void A_page_that_writes_the_legend_in_HTML_gets_a_map_without_it_and_swatches_to_match()
    {
        var map = Map([Square("E01000001", "A", 0.5, 51.7, 0)]) with { Legend = Palette.ImdDeciles, LegendTitle = "IMD 2019 decile", LegendInSvg = false };

        var document = Parse(map.ToSvg());

        Assert.DoesNotContain(document.Descendants(Svg + "g"), g => (string?)g.Attribute("class") == "choropleth-legend");
        var height = double.Parse((string)document.Root!.Attribute("height")!, CultureInfo.InvariantCulture);
        Assert.InRange(height - Points(Assert.Single(AreaPaths(document))).Max(p => p.Y), 0, 12);
        var swatch = XDocument.Parse(ChoroplethMap.Swatch("#440154")).Root!;
        Assert.Equal("true", (string?)swatch.Attribute("aria-hidden"));
        Assert.Equal("#440154", (string?)swatch.Elements("rect").First().Attribute("fill"));
        var hatched = XDocument.Parse(ChoroplethMap.Swatch(null)).Root!;
        Assert.Equal(["#eeeeee"], hatched.Elements("rect").Select(r => (string?)r.Attribute("fill")).Where(f => f != "none"));
        Assert.Equal("#8c8c8c", (string?)Assert.Single(hatched.Elements("path")).Attribute("stroke"));
        Assert.DoesNotContain(hatched.Descendants(), e => e.Attribute("id") is not null);
        Assert.Throws<ArgumentException>(() => ChoroplethMap.Swatch("red\" onload=\"x"));
    }

    [Fact]
    public void Paths_are_written_as_steps_from_point_to_point_in_the_shortest_numbers_and_add_up_to_the_shape()
    {
        var area = new ChoroplethArea(AreaCode.Parse("E01000001"), "Rectangle", [new Polygon([Ring((0, 51), (1, 51), (1, 51.5), (0, 51.5))])], 0, "Rectangle");

        var path = Assert.Single(AreaPaths(Parse(Map([area]).ToSvg())));
        var d = (string)path.Attribute("d")!;

        Assert.Matches(@"^M[0-9.]+ [0-9.]+l[-0-9. ]+z$", d);
        Assert.DoesNotMatch(@"(^|[^0-9])0\.", d);
        var corners = Points(path);
        Assert.Equal(4, corners.Count);
        Assert.Equal(2, corners.Select(p => p.X).Distinct().Count());
        Assert.Equal(2, corners.Select(p => p.Y).Distinct().Count());
        Assert.Equal(780, corners.Max(p => p.X) - corners.Min(p => p.X), 1);
    }

    [Fact]
    public void A_polygon_with_a_hole_is_two_subpaths_filled_even_odd()
    {
        var outer = Ring((0, 51), (1, 51), (1, 52), (0, 52));
        var hole = Ring((0.25, 51.25), (0.75, 51.25), (0.75, 51.75), (0.25, 51.75));
        var area = new ChoroplethArea(AreaCode.Parse("E01000001"), "Doughnut", [new Polygon([outer, hole])], 0, "Doughnut");

        var document = Parse(Map([area]).ToSvg());
        var path = Assert.Single(AreaPaths(document));
        var d = (string)path.Attribute("d")!;

        Assert.Equal(2, d.Count(c => c == 'M'));
        Assert.Equal(2, d.Count(c => c == 'z'));
        Assert.Equal("evenodd", (string?)path.Parent!.Attribute("fill-rule"));
    }

    [Fact]
    public void Coordinates_are_rounded_to_a_tenth_and_points_closer_than_0_4_px_are_dropped_keeping_a_shape()
    {
        // 200 points along the edges of a square ~780 px wide are ~16 px apart; the extra points 0.01 px apart are not.
        var ring = new List<(double, double)>();
        for (var i = 0; i < 50; i++) ring.Add((i / 50.0, 51.0));
        for (var i = 0; i < 50; i++) ring.Add((1, 51 + i / 50.0 * 0.6));
        ring.Add((1 - 1e-5, 51.6));
        ring.Add((1 - 2e-5, 51.6));
        ring.Add((0, 51.6));
        ring.Add((0, 51.0));
        var tiny = Ring((0.5, 51.3), (0.5 + 1e-6, 51.3), (0.5 + 1e-6, 51.3 + 1e-6), (0.5, 51.3 + 1e-6));
        var area = new ChoroplethArea(AreaCode.Parse("E01000001"), "Square", [new Polygon([ring]), new Polygon([tiny])], 0, "Square");

        var d = (string)Assert.Single(AreaPaths(Parse(Map([area]).ToSvg()))).Attribute("d")!;
        var subpaths = Subpaths(d);

        Assert.DoesNotMatch(@"\d\.\d\d", d);
        Assert.Equal(102, subpaths[0].Count);
        Assert.True(subpaths[1].Count >= 3, "a ring keeps three corners (four points with the closing one)");
    }

    [Fact]
    public void An_area_with_a_link_is_wrapped_in_an_anchor_and_the_map_becomes_a_labelled_group()
    {
        var linked = Square("E01000001", "A", 0.5, 51.7, 0) with { Href = "/places/E01000001?tab=need&x=1" };
        var map = Map([linked, Square("E01000002", "B", 0.5, 51.5, 1)]);

        var document = Parse(map.ToSvg());
        var paths = AreaPaths(document);

        Assert.Equal(Svg + "a", paths[0].Parent!.Name);
        Assert.Equal("/places/E01000001?tab=need&x=1", (string?)paths[0].Parent!.Attribute("href"));
        Assert.Equal(Svg + "g", paths[1].Parent!.Name);
        Assert.Equal("group", (string?)document.Root!.Attribute("role"));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,hi")]
    public void A_link_that_would_run_script_is_refused(string href)
    {
        var map = Map([Square("E01000001", "A", 0.5, 51.7, 0) with { Href = href }]);

        Assert.Throws<ArgumentException>(() => map.ToSvg());
    }

    [Fact]
    public void A_class_outside_the_legend_is_a_bug()
    {
        var map = Map([Square("E01000001", "A", 0.5, 51.7, 3)]);

        Assert.Throws<ArgumentOutOfRangeException>(() => map.ToSvg());
    }

    [Fact]
    public void Outlines_are_drawn_over_the_areas_without_fill()
    {
        var district = new ChoroplethOutline(AreaCode.Parse("E07000066"), "Basildon", [new Polygon([Ring((0.4, 51.4), (0.9, 51.4), (0.9, 51.8), (0.4, 51.8))])]);
        var map = Map([Square("E01000001", "A", 0.5, 51.7, 0)]) with { Outlines = [district] };

        var groups = Parse(map.ToSvg()).Root!.Elements(Svg + "g").ToList();

        var outlines = groups.Single(g => (string?)g.Attribute("class") == "choropleth-outlines");
        Assert.True(groups.IndexOf(outlines) > groups.FindIndex(g => (string?)g.Attribute("class") == "choropleth-areas"));
        Assert.True(groups.FindIndex(g => (string?)g.Attribute("class") == "choropleth-labels") > groups.IndexOf(outlines));
        Assert.Equal("none", (string?)outlines.Attribute("fill"));
        Assert.Equal("E07000066", (string?)Assert.Single(outlines.Elements(Svg + "path")).Attribute("data-code"));
    }

    [Fact]
    public void Each_outline_is_named_by_a_haloed_label_inside_it_and_both_link_to_its_page()
    {
        var basildon = new ChoroplethOutline(AreaCode.Parse("E07000066"), "Basildon", [new Polygon([Ring((0.4, 51.4), (0.9, 51.4), (0.9, 51.8), (0.4, 51.8))])], "/places/E07000066/map?asAt=2026-04-01");
        var thurrock = new ChoroplethOutline(AreaCode.Parse("E06000034"), "Thurrock", [new Polygon([Ring((0.0, 51.4), (0.4, 51.4), (0.4, 51.8), (0.0, 51.8))])], "/places/E06000034/map");
        var both = new ChoroplethArea(AreaCode.Parse("E01000001"), "A", [new Polygon([Ring((0.0, 51.4), (0.9, 51.4), (0.9, 51.8), (0.0, 51.8))])], 0, "A");
        var map = Map([both]) with { Outlines = [basildon, thurrock] };

        var document = Parse(map.ToSvg());

        var labels = document.Root!.Elements(Svg + "g").Single(g => (string?)g.Attribute("class") == "choropleth-labels");
        Assert.Equal("#ffffff", (string?)labels.Attribute("stroke"));
        Assert.Equal("stroke", (string?)labels.Attribute("paint-order"));
        Assert.Equal("middle", (string?)labels.Attribute("text-anchor"));
        var texts = labels.Descendants(Svg + "text").ToList();
        Assert.Equal(["Basildon", "Thurrock"], texts.Select(t => t.Value));
        Assert.Equal("/places/E07000066/map?asAt=2026-04-01", (string?)texts[0].Parent!.Attribute("href"));
        var outlines = document.Descendants(Svg + "path").Where(p => (string?)p.Attribute("class") == "choropleth-outline").ToList();
        Assert.Equal("/places/E07000066/map?asAt=2026-04-01", (string?)outlines[0].Parent!.Attribute("href"));
        Assert.Equal("visibleStroke", (string?)outlines[0].Attribute("pointer-events"));
        Assert.Equal("group", (string?)document.Root!.Attribute("role"));

        // Each label lies inside its outline: between the projected corners of its square.
        foreach (var (text, outline) in texts.Zip(outlines))
        {
            var corners = Points(outline);
            var x = double.Parse((string)text.Attribute("x")!, CultureInfo.InvariantCulture);
            var y = double.Parse((string)text.Attribute("y")!, CultureInfo.InvariantCulture);
            Assert.InRange(x, corners.Min(p => p.X), corners.Max(p => p.X));
            Assert.InRange(y, corners.Min(p => p.Y), corners.Max(p => p.Y));
        }
    }

    [Fact]
    public void The_map_is_fitted_to_its_areas_and_a_larger_outline_is_cut_at_its_edge_with_its_label_kept_inside()
    {
        var district = new ChoroplethOutline(AreaCode.Parse("E07000070"), "Chelmsford", [new Polygon([Ring((-1, 50), (2, 50), (2, 53), (-1, 53))])], "/places/E07000070/map");
        var map = Map([Square("E01000001", "A", 0.5, 51.7, 0)]) with { Outlines = [district] };

        var document = Parse(map.ToSvg());

        var area = Points(Assert.Single(AreaPaths(document)));
        Assert.Equal(10, area.Min(p => p.X), 0);
        Assert.Equal(790, area.Max(p => p.X), 0);
        var clip = document.Descendants(Svg + "clipPath").Single();
        Assert.Equal("test-map-clip", (string?)clip.Attribute("id"));
        var outlines = document.Root!.Elements(Svg + "g").Single(g => (string?)g.Attribute("class") == "choropleth-outlines");
        Assert.Equal("url(#test-map-clip)", (string?)outlines.Attribute("clip-path"));
        var mapHeight = double.Parse((string)clip.Element(Svg + "rect")!.Attribute("height")!, CultureInfo.InvariantCulture);
        var label = document.Descendants(Svg + "text").Single(t => t.Value == "Chelmsford");
        Assert.InRange(double.Parse((string)label.Attribute("y")!, CultureInfo.InvariantCulture), 0, mapHeight);
        Assert.InRange(double.Parse((string)label.Attribute("x")!, CultureInfo.InvariantCulture), 0, 800);
    }

    [Fact]
    public void A_label_goes_inside_a_crescent_even_where_its_centroid_falls_outside()
    {
        // A "C" open to the east: its centroid lies in the opening.
        var crescent = new Polygon([Ring((0, 0), (3, 0), (3, 1), (1, 1), (1, 2), (3, 2), (3, 3), (0, 3))]);
        var outline = new ChoroplethOutline(AreaCode.Parse("E07000066"), "C", [crescent]);
        var projection = MapProjection.Fit(0, 0, 3, 3, 310, 5);

        var (x, y) = ChoroplethMap.LabelPoint(outline, projection)!.Value;

        var (left, _) = projection.Project(0, 1.5);
        var (inner, _) = projection.Project(1, 1.5);
        Assert.InRange(x, left, inner);
        Assert.InRange(y, projection.Project(0, 3).Y, projection.Project(0, 0).Y);
    }

    [Fact]
    public void A_label_given_a_place_is_put_there_and_an_outline_of_loose_edges_is_drawn()
    {
        var edges = new[] { new Polygon([new List<(double Lon, double Lat)> { (0.4, 51.4), (0.9, 51.4) }]) };
        var map = Map([Square("E01000001", "A", 0.5, 51.7, 0)]) with { Outlines = [new ChoroplethOutline(AreaCode.Parse("E07000066"), "Basildon", edges, null, (0.5, 51.7))] };

        var document = Parse(map.ToSvg());

        var area = Points(Assert.Single(AreaPaths(document)));
        var label = document.Descendants(Svg + "text").Single(t => t.Value == "Basildon");
        Assert.Equal(area.Average(p => p.X), double.Parse((string)label.Attribute("x")!, CultureInfo.InvariantCulture), 0);
        Assert.Equal(2, Points(document.Descendants(Svg + "path").Single(p => (string?)p.Attribute("class") == "choropleth-outline")).Count);
    }

    [Fact]
    public void The_outline_of_tiles_is_the_edges_only_one_of_them_has_and_none_when_they_do_not_tile()
    {
        var west = new Polygon([Ring((0, 0), (1, 0), (1, 1), (0, 1))]);
        var east = new Polygon([Ring((1, 0), (2, 0), (2, 1), (1, 1))]);
        var apart = new Polygon([Ring((5, 5), (6, 5), (6, 6), (5, 6))]);

        var outline = SharedEdges.Outline([west, east])!;

        Assert.Equal(6, outline.Count);
        Assert.DoesNotContain(outline, e => e.Rings[0].All(p => p.Lon == 1));
        Assert.Null(SharedEdges.Outline([west, apart]));
    }

    [Fact]
    public void An_outline_link_that_would_run_script_is_refused()
    {
        var map = Map([Square("E01000001", "A", 0.5, 51.7, 0)]) with
        {
            Outlines = [new ChoroplethOutline(AreaCode.Parse("E07000066"), "B", [new Polygon([Ring((0.4, 51.4), (0.9, 51.4), (0.9, 51.8))])], "javascript:alert(1)")],
        };

        Assert.Throws<ArgumentException>(() => map.ToSvg());
    }

    [Fact]
    public void Ids_are_made_from_the_prefix_and_a_bad_prefix_is_refused()
    {
        var svg = Map([Square("E01000001", "A", 0.5, 51.7, 0)]).ToSvg();

        var ids = Parse(svg).Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();

        Assert.All(ids, id => Assert.StartsWith("test-map-", id, StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => (Map([]) with { IdPrefix = "1 bad\"" }).ToSvg());
    }

    [Fact]
    public void An_empty_map_still_renders_its_legend_and_says_so()
    {
        var document = Parse(Map([]).ToSvg());

        Assert.Contains(document.Descendants(Svg + "text"), t => t.Value == "No areas to show");
        Assert.Contains(document.Descendants(Svg + "text"), t => t.Value == "No data");
    }

    [Fact]
    public void IMD_deciles_run_from_dark_to_light()
    {
        var luminance = Palette.ImdDeciles.Select(e => Luminance(e.Colour)).ToList();

        Assert.Equal(10, luminance.Count);
        Assert.Equal(luminance.Order(), luminance);
        Assert.Equal(10, Palette.ImdDeciles.Select(e => e.Colour).Distinct().Count());
        Assert.Equal(0, Palette.ImdDecileClass(1));
        Assert.Equal(9, Palette.ImdDecileClass(10));
        Assert.Null(Palette.ImdDecileClass(null));
    }

    [Fact]
    public void The_705_real_LSOAs_of_Mid_and_South_Essex_render_quickly()
    {
        var folder = Path.Combine(ReferenceData.RequireFolder(), "geography/boundaries/lsoa11");
        var reader = ReferenceReaders.Find("boundaries-lsoa")!;
        var areas = new List<ChoroplethArea>();
        foreach (var file in Directory.GetFiles(folder, "*.geojson").Order(StringComparer.Ordinal))
        {
            var batch = reader.Read(file, PlaceLookup.Empty);
            for (var i = 0; i < batch.Boundaries.Count; i++)
            {
                var area = batch.Areas[i];
                areas.Add(new ChoroplethArea(area.Code, area.Name, batch.Boundaries[i].Polygons, area.Code.Value[^1] % 10, area.Name, "/places/" + area.Code.Value));
            }
        }

        var map = Map(areas) with { Legend = Palette.ImdDeciles };
        map.ToSvg();
        var clock = Stopwatch.StartNew();
        var svg = map.ToSvg();
        clock.Stop();

        Assert.Equal(705, AreaPaths(Parse(svg)).Count);
        Assert.True(svg.Length < 1_500_000, $"{svg.Length} characters");
        Assert.True(clock.ElapsedMilliseconds < 1000, $"{clock.ElapsedMilliseconds} ms");
        TestContext.Current.SendDiagnosticMessage($"705 LSOAs: {svg.Length} characters in {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    // ---- helpers ----

    private static ChoroplethMap Map(IReadOnlyList<ChoroplethArea> areas) => new()
    {
        IdPrefix = "test-map",
        Title = "Deprivation by LSOA",
        Description = "Two LSOAs, one per class.",
        Areas = areas,
        Legend = ThreeClasses,
    };

    /// <summary>A square of 0.1° centred on the point.</summary>
    private static ChoroplethArea Square(string code, string name, double lon, double lat, int? classIndex) =>
        new(AreaCode.Parse(code), name,
            [new Polygon([Ring((lon - 0.05, lat - 0.05), (lon + 0.05, lat - 0.05), (lon + 0.05, lat + 0.05), (lon - 0.05, lat + 0.05))])],
            classIndex, name);

    private static List<(double Lon, double Lat)> Ring(params (double Lon, double Lat)[] corners) => [.. corners, corners[0]];

    private static XDocument Parse(string svg) => XDocument.Parse(svg);

    private static XElement Element(XElement root, string name, string id) =>
        Assert.Single(root.Elements(Svg + name), e => (string?)e.Attribute("id") == id);

    private static List<XElement> AreaPaths(XDocument document) =>
        [.. document.Descendants(Svg + "path").Where(p => p.Attribute("class")?.Value.StartsWith("choropleth-area", StringComparison.Ordinal) == true)];

    private static List<(double X, double Y)> Points(XElement path) => [.. Subpaths((string)path.Attribute("d")!).SelectMany(p => p)];

    /// <summary>The points of each subpath of path data written as the map writes it: "M x y" then "l" steps, "z" to close.</summary>
    private static List<List<(double X, double Y)>> Subpaths(string d)
    {
        var subpaths = new List<List<(double X, double Y)>>();
        var numbers = new List<double>();
        foreach (Match token in PathToken().Matches(d + "M"))
        {
            if (!char.IsLetter(token.Value[0]))
            {
                numbers.Add(double.Parse(token.Value, CultureInfo.InvariantCulture));
                continue;
            }

            Assert.Contains(token.Value[0], "Mlz");
            if (token.Value[0] == 'M' && numbers.Count > 0)
            {
                // The numbers since the last M: the start, then steps from one point to the next.
                var points = new List<(double X, double Y)> { (numbers[0], numbers[1]) };
                for (var i = 2; i + 1 < numbers.Count; i += 2)
                    points.Add((Math.Round(points[^1].X + numbers[i], 1), Math.Round(points[^1].Y + numbers[i + 1], 1)));
                subpaths.Add(points);
                numbers.Clear();
            }
        }

        return subpaths;
    }

    private static double Luminance(string hex)
    {
        static double Channel(string hex, int at)
        {
            var c = int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return 0.2126 * Channel(hex, 1) + 0.7152 * Channel(hex, 3) + 0.0722 * Channel(hex, 5);
    }

    [GeneratedRegex(@"[A-Za-z]|-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")]
    private static partial Regex PathToken();
}
