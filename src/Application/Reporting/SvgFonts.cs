using SkiaSharp;
using Svg.Skia.TypefaceProviders;

namespace Commonweal.Application.Reporting;

/// <summary>
/// The typeface chart text is drawn in when an SVG becomes a picture. SkiaSharp's Linux build without dependencies has
/// no font manager (no fontconfig): asked for "Arial" or "sans-serif" it finds nothing and draws no text. So the first
/// of Arial, Liberation Sans (metrically the same as Arial) and DejaVu Sans found among the font folders is loaded from
/// its file and answers every font-family the charts name ("Frutiger", Arial, system-ui, sans-serif), its bold face
/// for a weight of 600 or more. Svg.Skia asks its typeface providers in turn; this one goes first.
/// </summary>
internal sealed class SvgFonts : ITypefaceProvider
{
    /// <summary>Families in order of preference, with the file names of their regular and bold faces.</summary>
    private static readonly (string Family, string[] Regular, string[] Bold)[] Preferred =
    [
        ("Arial", ["Arial.ttf", "arial.ttf"], ["Arial_Bold.ttf", "arialbd.ttf", "Arial Bold.ttf"]),
        ("Liberation Sans", ["LiberationSans-Regular.ttf"], ["LiberationSans-Bold.ttf"]),
        ("DejaVu Sans", ["DejaVuSans.ttf"], ["DejaVuSans-Bold.ttf"]),
    ];

    private static readonly Lazy<SvgFonts?> Installed = new(() => Find(FontFolders()));

    private SvgFonts(string family, SKTypeface regular, SKTypeface bold)
    {
        Family = family;
        Regular = regular;
        Bold = bold;
    }

    /// <summary>The fonts of this machine, looked for once; null when none of the families is installed.</summary>
    public static SvgFonts? OfThisMachine => Installed.Value;

    public string Family { get; }

    public SKTypeface Regular { get; }

    public SKTypeface Bold { get; }

    /// <summary>The first preferred family whose regular face is a file somewhere under the folders (searched recursively), else null.</summary>
    public static SvgFonts? Find(IEnumerable<string> folders)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MatchCasing = MatchCasing.CaseInsensitive };
        foreach (var folder in folders.Where(Directory.Exists))
        {
            foreach (var path in Directory.EnumerateFiles(folder, "*.ttf", options))
                files.TryAdd(Path.GetFileName(path), path);
        }

        foreach (var (family, regularNames, boldNames) in Preferred)
        {
            var regular = Load(files, regularNames);
            if (regular is null) continue;
            return new SvgFonts(family, regular, Load(files, boldNames) ?? regular);
        }

        return null;
    }

    public SKTypeface? FromFamilyName(string fontFamily, SKFontStyleWeight fontWeight, SKFontStyleWidth fontWidth, SKFontStyleSlant fontStyle) =>
        fontWeight >= SKFontStyleWeight.SemiBold ? Bold : Regular;

    private static SKTypeface? Load(Dictionary<string, string> files, string[] names) =>
        names.Select(name => files.TryGetValue(name, out var path) ? SKTypeface.FromFile(path) : null).FirstOrDefault(typeface => typeface is not null);

    private static IEnumerable<string> FontFolders()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        yield return "/usr/share/fonts";
        yield return "/usr/local/share/fonts";
        if (home.Length > 0)
        {
            yield return Path.Combine(home, ".local", "share", "fonts");
            yield return Path.Combine(home, ".fonts");
        }

        var windows = Environment.GetFolderPath(Environment.SpecialFolder.Fonts);
        if (windows.Length > 0) yield return windows;
        yield return "/System/Library/Fonts/Supplemental";
        yield return "/Library/Fonts";
    }
}
