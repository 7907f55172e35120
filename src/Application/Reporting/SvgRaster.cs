using System.Xml;
using SkiaSharp;
using Svg.Skia;

namespace Commonweal.Application.Reporting;

/// <summary>
/// An SVG drawn as a PNG (Svg.Skia over SkiaSharp), for readers that cannot show SVG. The SVG is fitted into a box of
/// CSS pixels keeping its aspect ratio, centred, on white, and drawn at <c>scale</c> device pixels a CSS pixel (2 by
/// default, so it stays sharp when printed or zoomed). Colours come from attributes and inline styles only: a page's
/// stylesheet does not reach here. Text is drawn in the font <see cref="SvgFonts"/> finds; with no font at all the
/// shapes are still drawn and the text is not.
/// </summary>
public static partial class SvgRaster
{
    /// <summary>The PNG of the SVG fitted into <paramref name="widthPx"/> × <paramref name="heightPx"/> CSS pixels, of (width × scale) × (height × scale) pixels.</summary>
    /// <exception cref="ArgumentException">The text is not an SVG that can be drawn (a bug in whatever made it).</exception>
    public static byte[] ToPng(string svg, int widthPx, int heightPx, float scale = 2) =>
        ToPng(svg, widthPx, heightPx, scale, SvgFonts.OfThisMachine);

    /// <summary>The family chart text is drawn in on this machine ("Liberation Sans"), or null when no font was found and text is left out.</summary>
    public static string? TextFont => SvgFonts.OfThisMachine?.Family;

    internal static byte[] ToPng(string svg, int widthPx, int heightPx, float scale, SvgFonts? fonts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(svg);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(widthPx);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(heightPx);
        if (!float.IsFinite(scale) || scale <= 0) throw new ArgumentOutOfRangeException(nameof(scale), scale, "the scale is a positive number");

        if (!HasSvgRoot(svg)) throw new ArgumentException("the text is not an SVG document (its root is not <svg>)", nameof(svg));
        // Tooltips (<title>) and descriptions are not drawn: leaving them out takes a third off reading a chart with a tooltip a mark.
        svg = NotDrawn().Replace(svg, string.Empty);
        using var document = new SKSvg();
        document.Settings.EnableJavaScript = false;
        if (fonts is not null) document.Settings.TypefaceProviders?.Insert(0, fonts);
        SKPicture? picture;
        try
        {
            picture = document.FromSvg(svg);
        }
        catch (Exception e) when (e is XmlException or FormatException or InvalidOperationException or ArgumentException)
        {
            throw new ArgumentException($"the SVG cannot be read: {e.Message}", nameof(svg), e);
        }

        var bounds = picture?.CullRect ?? SKRect.Empty;
        if (picture is null || bounds.Width <= 0 || bounds.Height <= 0)
            throw new ArgumentException("the SVG has nothing to draw (no size, or not an <svg> document)", nameof(svg));

        var pixelWidth = (int)Math.Ceiling(widthPx * scale);
        var pixelHeight = (int)Math.Ceiling(heightPx * scale);
        using var bitmap = new SKBitmap(new SKImageInfo(pixelWidth, pixelHeight, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            var fit = Math.Min(pixelWidth / bounds.Width, pixelHeight / bounds.Height);
            canvas.Translate((pixelWidth - bounds.Width * fit) / 2, (pixelHeight - bounds.Height * fit) / 2);
            canvas.Scale(fit);
            canvas.Translate(-bounds.Left, -bounds.Top);
            canvas.DrawPicture(picture);
        }

        // The "sub" filter and light compression: a chart's flat colours compress almost as well as at the default, three times as fast.
        using var pixels = bitmap.PeekPixels();
        using var png = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 3)) ?? throw new InvalidOperationException("the chart could not be encoded as PNG");
        return png.ToArray();
    }

    [System.Text.RegularExpressions.GeneratedRegex("<(title|desc)(\\s[^>]*)?>[^<]*</\\1>")]
    private static partial System.Text.RegularExpressions.Regex NotDrawn();

    /// <summary>Whether the text is XML whose root is an svg element (Svg.Skia fails with a NullReferenceException on other roots).</summary>
    private static bool HasSvgRoot(string svg)
    {
        using var reader = XmlReader.Create(new StringReader(svg), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
        try
        {
            return reader.MoveToContent() == XmlNodeType.Element && reader.LocalName == "svg";
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
