using System.Diagnostics.CodeAnalysis;

namespace Commonweal.Core.Places;

/// <summary>An edition of the English Indices of Deprivation (MHCLG), each ranking the LSOAs of one Census geography.</summary>
public enum IodVintage
{
    /// <summary>IoD2019 (published 26 September 2019): 32,844 LSOAs of 2011.</summary>
    Iod2019,
    /// <summary>IoD2025 (published 30 October 2025, reissued 13 November 2025): 33,755 LSOAs of 2021.</summary>
    Iod2025,
}

public static class IodVintages
{
    public static readonly IReadOnlyList<IodVintage> All = [IodVintage.Iod2019, IodVintage.Iod2025];

    /// <summary>"IoD2019", "IoD2025".</summary>
    public static string Label(this IodVintage vintage) => vintage switch
    {
        IodVintage.Iod2019 => "IoD2019",
        IodVintage.Iod2025 => "IoD2025",
        _ => vintage.ToString(),
    };

    /// <summary>"IMD 2019", "IMD 2025": the index itself, as headings name it.</summary>
    public static string ImdLabel(this IodVintage vintage) => vintage switch
    {
        IodVintage.Iod2019 => "IMD 2019",
        IodVintage.Iod2025 => "IMD 2025",
        _ => vintage.ToString(),
    };

    /// <summary>"iod2019", "iod2025": as the command line and the API spell it.</summary>
    public static string Code(this IodVintage vintage) => vintage.ToString().ToLowerInvariant();

    public static bool TryParse([NotNullWhen(true)] string? text, out IodVintage vintage)
    {
        vintage = default;
        foreach (var v in All)
        {
            if (string.Equals(text, v.Code(), StringComparison.OrdinalIgnoreCase) || string.Equals(text, v.Label(), StringComparison.OrdinalIgnoreCase))
            {
                vintage = v;
                return true;
            }
        }

        return false;
    }

    /// <summary>How many LSOAs the edition ranks: one row per LSOA in each of its files.</summary>
    public static int LsoaCount(this IodVintage vintage) => vintage switch
    {
        IodVintage.Iod2019 => 32_844,
        IodVintage.Iod2025 => 33_755,
        _ => throw new ArgumentOutOfRangeException(nameof(vintage)),
    };

    /// <summary>The Census day of the LSOAs it ranks: 27 March 2011 or 21 March 2021.</summary>
    public static DateOnly LsoaRelease(this IodVintage vintage) => vintage switch
    {
        IodVintage.Iod2019 => Reorganisations.Census[0],
        IodVintage.Iod2025 => Reorganisations.Census[1],
        _ => throw new ArgumentOutOfRangeException(nameof(vintage)),
    };

    /// <summary>"LSOA 2011", "LSOA 2021".</summary>
    public static string LsoaLabel(this IodVintage vintage) => "LSOA " + vintage.LsoaRelease().Year;

    /// <summary>The district boundaries of its files: April 2019 and April 2024 (the codes in "Local Authority District code (2019)" / "(2024)").</summary>
    public static DateOnly DistrictRelease(this IodVintage vintage) => vintage switch
    {
        IodVintage.Iod2019 => new DateOnly(2019, 4, 1),
        IodVintage.Iod2025 => new DateOnly(2024, 4, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(vintage)),
    };

    public static DateOnly Published(this IodVintage vintage) => vintage switch
    {
        IodVintage.Iod2019 => new DateOnly(2019, 9, 26),
        IodVintage.Iod2025 => new DateOnly(2025, 10, 30),
        _ => throw new ArgumentOutOfRangeException(nameof(vintage)),
    };

    /// <summary>The edition whose LSOAs are those of the Census of <paramref name="lsoaRelease"/>, if any.</summary>
    public static IodVintage? ForLsoaRelease(DateOnly lsoaRelease) =>
        All.Cast<IodVintage?>().FirstOrDefault(v => v!.Value.LsoaRelease() == lsoaRelease);
}
