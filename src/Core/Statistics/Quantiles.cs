namespace Commonweal.Core.Statistics;

/// <summary>
/// Assignment of areas to n quantiles (deciles, quintiles, …) from their values as PHEindicatormethods 2.x
/// <c>R/Quantiles.R</c> (<c>phe_quantile</c>) does, following the OHID technical guide "Assigning deprivation
/// categories"; and the IoD-style quantile of a national rank.
/// </summary>
/// <remarks>
/// With N areas that have a value, each is ranked (ties share the lowest rank, R's <c>ties.method = "min"</c>; with
/// <c>invert</c> the highest value is rank 1) and given quantile = floor((n + 1) − ceiling(((N + 1) − rank) / (N / n))),
/// with 0 moved to 1. Areas without a value (NaN) get no quantile, and when N &lt; n no area gets one (package 2.0.2).
/// Quantile 0 stands for "not assigned".
/// </remarks>
public static class Quantiles
{
    /// <summary>
    /// The quantile (1…<paramref name="quantileCount"/>) of each value, 0 where not assigned. With
    /// <paramref name="invert"/> (the package's default) the highest values are in quantile 1.
    /// </summary>
    public static int[] Assign(ReadOnlySpan<double> values, int quantileCount, bool invert)
    {
        var quantiles = new int[values.Length];
        Assign(values, quantileCount, invert, quantiles);
        return quantiles;
    }

    /// <summary>The allocation-light form of <see cref="Assign(ReadOnlySpan{double}, int, bool)"/>, writing into <paramref name="quantiles"/>.</summary>
    public static void Assign(ReadOnlySpan<double> values, int quantileCount, bool invert, Span<int> quantiles)
    {
        if (quantileCount < 1) throw new ArgumentOutOfRangeException(nameof(quantileCount), quantileCount, "The number of quantiles must be at least 1.");
        if (quantiles.Length < values.Length) throw new ArgumentException("The output span must be as long as the values.", nameof(quantiles));

        quantiles[..values.Length].Clear();
        var valid = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v)) valid++;
        }

        if (valid < quantileCount) return;

        // Sort the valid values' positions by their ranking key; ties get the rank of the first of them.
        var keys = new double[valid];
        var positions = new int[valid];
        var k = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i])) continue;
            keys[k] = invert ? -values[i] : values[i];
            positions[k++] = i;
        }

        Array.Sort(keys, positions);
        var perQuantile = (double)valid / quantileCount;
        var rank = 1;
        for (var j = 0; j < valid; j++)
        {
            if (j > 0 && keys[j] != keys[j - 1]) rank = j + 1;
            var q = Math.Floor(quantileCount + 1 - Math.Ceiling((valid + 1 - rank) / perQuantile));
            quantiles[positions[j]] = q == 0 ? 1 : (int)q;
        }
    }

    /// <summary>
    /// The quantile of a national rank, IoD style: ceiling(rank × n / count), so decile 1 holds ranks 1–3,284 of the
    /// 32,844 LSOAs (MHCLG, English Indices of Deprivation 2019). Rank 1 is the most deprived.
    /// </summary>
    public static int OfRank(int rank, int count, int quantileCount = 10)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "The number of ranked areas must be at least 1.");
        if (quantileCount < 1) throw new ArgumentOutOfRangeException(nameof(quantileCount), quantileCount, "The number of quantiles must be at least 1.");
        if (rank < 1 || rank > count) throw new ArgumentOutOfRangeException(nameof(rank), rank, $"A rank is between 1 and {count}.");
        // Integer ceiling: exact, and equal to Math.Ceiling(rank * n / (double)count) at these sizes.
        return (int)((((long)rank * quantileCount) + count - 1) / count);
    }
}
