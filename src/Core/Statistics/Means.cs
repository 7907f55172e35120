namespace Commonweal.Core.Statistics;

/// <summary>A mean with its sample size, standard deviation and Student's t limits (in the order of the levels asked for).</summary>
/// <param name="Count">The number of observations.</param>
/// <param name="Mean">Their arithmetic mean.</param>
/// <param name="StandardDeviation">The sample standard deviation (n − 1 denominator); NaN for a single value.</param>
/// <param name="Limits">mean ∓ t(1 − α/2; n − 1) × sd/√n; NaN when fewer than two values.</param>
/// <param name="Note">Null, or why the limits were not calculated.</param>
public sealed record MeanResult(double Count, double Mean, double StandardDeviation, IReadOnlyList<Interval> Limits, string? Note);

/// <summary>
/// The mean and its confidence interval from Student's t distribution, as PHEindicatormethods <c>phe_mean</c>
/// (<c>R/Means.R</c>, v2.x): value = Σx/n, sd = the sample standard deviation, limits = value ∓ |qt(α/2, n − 1)| × sd/√n
/// (method "Student's t-distribution").
/// </summary>
public static class Means
{
    /// <summary>The method label PHEindicatormethods reports.</summary>
    public const string Method = "Student's t-distribution";

    /// <summary>The note when there is only one value (no standard deviation, as R's <c>sd</c> gives NA).</summary>
    public const string SingleValueNote = "limits NA for fewer than 2 values";

    /// <summary>The mean of <paramref name="values"/> (all finite) and its t interval at each level.</summary>
    public static MeanResult StudentT(ReadOnlySpan<double> values, IReadOnlyList<ConfidenceLevel> levels)
    {
        if (values.Length == 0) throw new ArgumentException("A mean needs at least one value.", nameof(values));
        var largest = 0.0;
        foreach (var v in values)
        {
            if (!double.IsFinite(v)) throw new ArgumentOutOfRangeException(nameof(values), v, "Values must be finite numbers.");
            largest = Math.Max(largest, Math.Abs(v));
        }

        // Worked in units of a power of two near the largest value: scaling by a power of two is exact, so every
        // result is the same to the last bit, but sums and squares of values near ±1.8e308 (or 1e-300) no longer
        // overflow (or underflow) when the mean and standard deviation themselves are within a double's range.
        var unit = largest == 0 ? 1 : Math.ScaleB(1, Math.ILogB(largest));
        var sum = 0.0;
        foreach (var v in values) sum += v / unit;
        var mean = sum / values.Length;
        // Two-pass variance with the compensating term (as R's var), exact for constant data.
        double squares = 0, deviations = 0;
        foreach (var v in values)
        {
            var d = (v / unit) - mean;
            squares += d * d;
            deviations += d;
        }

        var sd = values.Length < 2 ? double.NaN : Math.Sqrt((squares - (deviations * deviations / values.Length)) / (values.Length - 1));
        return StudentT(values.Length, mean * unit, sd * unit, levels);
    }

    /// <summary>The t interval from summary figures: <paramref name="count"/> values with this mean and sample standard deviation.</summary>
    public static MeanResult StudentT(double count, double mean, double standardDeviation, IReadOnlyList<ConfidenceLevel> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        if (!(count >= 1) || !double.IsFinite(count)) throw new ArgumentOutOfRangeException(nameof(count), count, "A mean needs at least one value.");
        var limits = new Interval[levels.Count];
        if (count < 2 || double.IsNaN(standardDeviation))
        {
            Array.Fill(limits, Interval.None);
            return new MeanResult(count, mean, double.NaN, limits, SingleValueNote);
        }

        var root = Math.Sqrt(count);
        for (var l = 0; l < limits.Length; l++)
        {
            // In R's order: value ∓ abs(qt(p, n − 1)) * stdev / sqrt(n).
            var t = Math.Abs(Statistics.StudentT.Quantile(levels[l].LowerTail, count - 1));
            var half = t * standardDeviation / root;
            limits[l] = new Interval(mean - half, mean + half);
        }

        return new MeanResult(count, mean, standardDeviation, limits, null);
    }
}
