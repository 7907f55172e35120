namespace Commonweal.Core.Statistics;

/// <summary>
/// The 2013 European Standard Population in the 19 five-year bands PHE/OHID use (0–4, 5–9, …, 85–89, 90+):
/// Eurostat's age 0 and 1–4 bands merged, and 90–94 and 95+ merged. The weights sum to 100,000
/// (PHEindicatormethods <c>esp2013</c>, <c>man/esp2013.Rd</c>; Eurostat, <i>Revision of the European Standard
/// Population</i>, 2013).
/// </summary>
public static class EuropeanStandardPopulation2013
{
    private static readonly double[] weights =
        [5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000];

    private static readonly string[] labels =
        ["0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49",
         "50-54", "55-59", "60-64", "65-69", "70-74", "75-79", "80-84", "85-89", "90+"];

    /// <summary>The number of bands, 19.</summary>
    public const int BandCount = 19;

    /// <summary>The total of the weights, 100,000.</summary>
    public const double Total = 100_000;

    /// <summary>The weights in band order (0–4 first, 90+ last).</summary>
    public static ReadOnlySpan<double> Weights => weights;

    /// <summary>The band labels in order: "0-4", "5-9", …, "85-89", "90+".</summary>
    public static IReadOnlyList<string> Labels => labels;

    /// <summary>The weight of band <paramref name="band"/>, numbered 1–19 as in the <c>stats dsr</c> input.</summary>
    public static double WeightOfBand(int band) =>
        band is >= 1 and <= BandCount
            ? weights[band - 1]
            : throw new ArgumentOutOfRangeException(nameof(band), band, "ESP2013 age bands are numbered 1 (0–4) to 19 (90+).");

    /// <summary>The first age of band <paramref name="band"/> (1 → 0, 2 → 5, …, 19 → 90).</summary>
    public static int StartAgeOfBand(int band) =>
        band is >= 1 and <= BandCount
            ? (band - 1) * 5
            : throw new ArgumentOutOfRangeException(nameof(band), band, "ESP2013 age bands are numbered 1 (0–4) to 19 (90+).");
}
