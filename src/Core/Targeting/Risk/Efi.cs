using System.Numerics;
using Commonweal.Core.Targeting.Population;

namespace Commonweal.Core.Targeting.Risk;

/// <summary>The eFI's four categories (Clegg et al. 2016): fit 0–0.12, mild &gt;0.12–0.24, moderate &gt;0.24–0.36, severe &gt;0.36.</summary>
public enum FrailtyCategory
{
    Fit,
    Mild,
    Moderate,
    Severe,
}

/// <summary>
/// The electronic Frailty Index: the number of the 36 deficits present ÷ 36 (Clegg A et al., "Development and validation
/// of an electronic frailty index using routine primary care electronic health record data", Age Ageing 2016;45:353–360).
/// The categories are by deficit count — 0–4 fit, 5–8 mild, 9–12 moderate, 13+ severe — which is the published score bands
/// exactly (5/36 = 0.139 is the first score above 0.12; 13/36 = 0.361 the first above 0.36).
/// </summary>
public static class Efi
{
    public const int Deficits = 36;

    public static int Count(ulong deficits) => BitOperations.PopCount(deficits & ((1UL << Deficits) - 1));

    public static double Score(ulong deficits) => Count(deficits) / (double)Deficits;

    public static FrailtyCategory Category(int count) => count switch
    {
        < 0 or > Deficits => throw new ArgumentOutOfRangeException(nameof(count), count, "an eFI counts 0 to 36 deficits"),
        <= 4 => FrailtyCategory.Fit,
        <= 8 => FrailtyCategory.Mild,
        <= 12 => FrailtyCategory.Moderate,
        _ => FrailtyCategory.Severe,
    };

    public static FrailtyCategory Category(ulong deficits) => Category(Count(deficits));

    /// <summary>The deficits present, each adding 1/36 to the score: the explanation of a score, which adds up to it.</summary>
    public static IReadOnlyList<EfiDeficit> Present(ulong deficits) => [.. EfiDeficits.All.Where(d => (deficits & d.Bit()) != 0)];

    public static string Label(this FrailtyCategory category) => category switch
    {
        FrailtyCategory.Fit => "Fit",
        FrailtyCategory.Mild => "Mild frailty",
        FrailtyCategory.Moderate => "Moderate frailty",
        FrailtyCategory.Severe => "Severe frailty",
        _ => category.ToString(),
    };
}
