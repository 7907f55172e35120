namespace Commonweal.Application.Reporting.Charts;

/// <summary>Colour scales for maps and charts, chosen to stay readable for people with colour-vision deficiencies and in greyscale print.</summary>
public static class Palette
{
    /// <summary>
    /// Viridis (van der Walt and Smith, matplotlib) sampled at ten even steps from dark purple to yellow: perceptually
    /// uniform, ordered by lightness, and distinguishable with protanopia, deuteranopia and tritanopia.
    /// </summary>
    private static readonly string[] Viridis10 =
        ["#440154", "#482878", "#3e4989", "#31688e", "#26828e", "#1f9e89", "#35b779", "#6ece58", "#b5de2b", "#fde725"];

    /// <summary>
    /// The ten IMD deciles, decile 1 (the most deprived tenth of England's LSOAs, darkest) first. A choropleth class
    /// index is the decile minus one: see <see cref="ImdDecileClass"/>.
    /// </summary>
    public static IReadOnlyList<LegendEntry> ImdDeciles { get; } = BuildImdDeciles();

    /// <summary>The class index in <see cref="ImdDeciles"/> of an IMD decile (1–10), or null when the decile is unknown.</summary>
    public static int? ImdDecileClass(int? decile)
    {
        if (decile is null) return null;
        ArgumentOutOfRangeException.ThrowIfLessThan(decile.Value, 1, nameof(decile));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decile.Value, 10, nameof(decile));
        return decile.Value - 1;
    }

    private static LegendEntry[] BuildImdDeciles()
    {
        var entries = new LegendEntry[10];
        for (var decile = 1; decile <= 10; decile++)
        {
            var label = decile switch
            {
                1 => "1 – most deprived",
                10 => "10 – least deprived",
                _ => decile.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            entries[decile - 1] = new LegendEntry(label, Viridis10[decile - 1]);
        }

        return entries;
    }
}
