using Commonweal.Application.Reporting;
using Commonweal.Application.Reporting.Charts;
using Commonweal.Core.Statistics.Spc;
using SkiaSharp;

namespace Commonweal.Application.Tests.Reporting;

/// <summary>SVG drawn as PNG: sizes, colours from attributes (as the chart components write them), text in a font found on the machine.</summary>
public sealed class SvgRasterTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private const string RedRect = """
        <svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 100 50" width="100" height="50">
        <title>A red box</title><desc>One red rectangle in the middle</desc>
        <rect x="25" y="10" width="50" height="30" fill="#da291c"/>
        </svg>
        """;

    [Fact]
    public void A_red_rect_is_red_at_its_centre_in_a_png_of_twice_the_size()
    {
        var png = SvgRaster.ToPng(RedRect, 100, 50);

        Assert.Equal(PngSignature, png[..8]);
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((200, 100), (bitmap.Width, bitmap.Height));
        Assert.Equal(new SKColor(0xda, 0x29, 0x1c), bitmap.GetPixel(100, 50));
        Assert.Equal(SKColors.White, bitmap.GetPixel(10, 10));
        Assert.Equal(SKColors.White, bitmap.GetPixel(190, 90));
    }

    [Fact]
    public void The_scale_sets_the_pixels_per_css_pixel()
    {
        using var bitmap = SKBitmap.Decode(SvgRaster.ToPng(RedRect, 100, 50, scale: 3));

        Assert.Equal((300, 150), (bitmap.Width, bitmap.Height));
        Assert.Equal(new SKColor(0xda, 0x29, 0x1c), bitmap.GetPixel(150, 75));
        Assert.Equal(SKColors.White, bitmap.GetPixel(70, 75));
    }

    [Fact]
    public void The_svg_keeps_its_aspect_ratio_centred_in_a_wider_box()
    {
        const string square = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" width="10" height="10"><rect width="10" height="10" fill="#005eb8"/></svg>""";

        using var bitmap = SKBitmap.Decode(SvgRaster.ToPng(square, 200, 100, scale: 1));

        Assert.Equal(new SKColor(0x00, 0x5e, 0xb8), bitmap.GetPixel(100, 50));
        Assert.Equal(new SKColor(0x00, 0x5e, 0xb8), bitmap.GetPixel(52, 2));
        Assert.Equal(SKColors.White, bitmap.GetPixel(20, 50));
        Assert.Equal(SKColors.White, bitmap.GetPixel(180, 50));
    }

    [Fact]
    public void Fills_and_strokes_come_from_attributes_on_the_element_or_its_group()
    {
        // As TrendChart writes its axis: the group's fill reaches its children, a child's own stroke wins.
        const string svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100" height="100" class="trend-chart">
            <g class="trend-axis" fill="#4c6272" stroke="none"><rect x="0" y="0" width="40" height="40"/></g>
            <path class="trend-comparator" fill="none" stroke="#212b32" stroke-width="10" d="M50,80 L100,80"/>
            <circle class="trend-point" cx="75" cy="25" r="15" fill="#007f3b" stroke="#212b32"/>
            </svg>
            """;

        using var bitmap = SKBitmap.Decode(SvgRaster.ToPng(svg, 100, 100, scale: 1));

        Assert.Equal(new SKColor(0x4c, 0x62, 0x72), bitmap.GetPixel(20, 20));
        Assert.Equal(new SKColor(0x21, 0x2b, 0x32), bitmap.GetPixel(75, 80));
        Assert.Equal(new SKColor(0x00, 0x7f, 0x3b), bitmap.GetPixel(75, 25));
        Assert.Equal(SKColors.White, bitmap.GetPixel(75, 60));
    }

    [Fact]
    public void The_house_charts_keep_their_colours_and_text()
    {
        // The chart classes set every essential colour as an attribute (their CSS classes only add hover effects).
        var trend = new TrendChart
        {
            IdPrefix = "t", Title = "Smoking", Description = "Ten years", AreaName = "Hertsmere",
            Points = [.. Enumerable.Range(2015, 10).Select(y => new TrendPoint(y.ToString(System.Globalization.CultureInfo.InvariantCulture), 10 + y % 4, 9, 16, 12, y % 2 == 0 ? BenchmarkColours.Worse : BenchmarkColours.Better, "compared"))],
        };
        var spc = new SpcChart
        {
            IdPrefix = "s", Title = "Waits", Description = "Two years",
            Points = [.. Enumerable.Range(0, 24).Select(i => new SpcChartPoint($"M{i}", 50 + i % 5 + (i > 18 ? 12 : 0), 55, 45, 65, i > 18 ? PointType.SpecialCauseConcern : PointType.CommonCause))],
        };

        using var trendPicture = SKBitmap.Decode(SvgRaster.ToPng(trend.ToSvg(), trend.Width, trend.Height));
        using var spcPicture = SKBitmap.Decode(SvgRaster.ToPng(spc.ToSvg(), spc.Width, spc.Height));

        Assert.True(Pixels(trendPicture, SKColor.Parse(BenchmarkColours.Worse)) > 200, "the worse points are red");
        Assert.True(Pixels(trendPicture, SKColor.Parse(BenchmarkColours.Better)) > 200, "the better points are green");
        Assert.True(Pixels(spcPicture, SKColor.Parse(BenchmarkColours.Concern)) > 200, "the points of concern are orange");
        Assert.True(Pixels(spcPicture, SKColor.Parse(BenchmarkColours.CommonCause)) > 200, "the common-cause points are grey");
        Assert.True(DarkPixels(trendPicture, new SKRectI(0, 0, 400, 80)) > 300, "the legend's text is drawn");
    }

    [Theory]
    [InlineData("Arial, sans-serif", "normal")]
    [InlineData("\"Frutiger\", Arial, sans-serif", "bold")]
    [InlineData("system-ui, sans-serif", "600")]
    public void Text_is_drawn_whatever_family_the_chart_names(string family, string weight)
    {
        var svg = $"""
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 60" width="200" height="60" font-family='{family}' font-size="13">
            <text x="10" y="40" font-size="28" font-weight="{weight}" fill="#212b32">Hello 12.5</text>
            </svg>
            """;

        using var bitmap = SKBitmap.Decode(SvgRaster.ToPng(svg, 200, 60));

        Assert.NotNull(SvgRaster.TextFont);
        Assert.True(DarkPixels(bitmap, new SKRectI(0, 0, 400, 120)) > 300, $"the text in {SvgRaster.TextFont} left too few dark pixels");
        Assert.Equal(0, DarkPixels(bitmap, new SKRectI(0, 100, 400, 120)));
    }

    [Fact]
    public void Bold_text_is_drawn_heavier_than_regular()
    {
        static int Ink(string weight) => DarkPixels(SKBitmap.Decode(SvgRaster.ToPng(
            $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 60" width="200" height="60"><text x="10" y="40" font-size="28" font-weight="{weight}">Hello</text></svg>""", 200, 60)),
            new SKRectI(0, 0, 400, 120));

        Assert.True(Ink("bold") > Ink("normal") * 1.15, $"bold {Ink("bold")} vs regular {Ink("normal")} dark pixels");
    }

    [Fact]
    public void With_no_font_the_shapes_are_drawn_and_the_text_left_out()
    {
        const string svg = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50" width="100" height="50"><rect x="25" y="10" width="50" height="30" fill="#da291c"/><text x="5" y="45">label</text></svg>""";

        using var bitmap = SKBitmap.Decode(SvgRaster.ToPng(svg, 100, 50, 2, fonts: null));

        Assert.Equal(new SKColor(0xda, 0x29, 0x1c), bitmap.GetPixel(100, 50));
    }

    [Fact]
    public void Fonts_are_looked_for_in_the_preferred_order_and_none_is_found_where_there_are_none()
    {
        using var empty = new TemporaryFolder();

        Assert.Null(SvgFonts.Find([empty.Path, "/no/such/folder"]));
        var found = SvgFonts.Find(["/usr/share/fonts"]);
        if (File.Exists("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf") && !File.Exists("/usr/share/fonts/truetype/msttcorefonts/Arial.ttf"))
            Assert.Equal("Liberation Sans", found?.Family);
        if (File.Exists("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")) Assert.NotNull(found);
    }

    [Fact]
    public void A_font_file_is_found_in_any_folder_below_the_ones_searched()
    {
        var dejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
        Assert.SkipUnless(File.Exists(dejaVu), "DejaVu Sans (fonts-dejavu-core) is not installed");
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "a", "b"));
        File.Copy(dejaVu, Path.Combine(folder.Path, "a", "b", "DejaVuSans.ttf"));

        var found = SvgFonts.Find([folder.Path]);

        Assert.Equal("DejaVu Sans", found?.Family);
        Assert.Same(found!.Regular, found.Bold);
        Assert.Same(found.Regular, found.FromFamilyName("Arial", SKFontStyleWeight.Bold, SKFontStyleWidth.Normal, SKFontStyleSlant.Upright));
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect")]
    [InlineData("not svg at all")]
    [InlineData("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>")]
    public void Text_that_is_not_a_drawable_svg_is_refused(string svg)
    {
        var refused = Assert.Throws<ArgumentException>(() => SvgRaster.ToPng(svg, 10, 10));

        Assert.Equal("svg", refused.ParamName);
    }

    private static int Pixels(SKBitmap bitmap, SKColor colour) => bitmap.Pixels.Count(p => p == colour);

    private static int DarkPixels(SKBitmap bitmap, SKRectI area)
    {
        var count = 0;
        for (var y = Math.Max(0, area.Top); y < Math.Min(bitmap.Height, area.Bottom); y++)
        {
            for (var x = Math.Max(0, area.Left); x < Math.Min(bitmap.Width, area.Right); x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red + c.Green + c.Blue < 3 * 128) count++;
            }
        }

        return count;
    }

    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("commonweal-fonts-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
