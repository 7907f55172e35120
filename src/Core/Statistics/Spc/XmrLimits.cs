namespace Commonweal.Core.Statistics.Spc;

/// <summary>
/// The centre line and limits of one segment of an XmR (individuals and moving range) chart, as drawn by NHS England's
/// Making Data Count tools and NHSRplotthedots (<c>R/ptd_spc_standard.R</c>): mean x̄ of the baseline values,
/// mean moving range MR̄, process limits x̄ ± 2.66 × MR̄ and "near" (2σ) lines x̄ ± 2 × (2.66 / 3) × MR̄.
/// Not calculated is a value: <see cref="double.NaN"/> numbers and a <see cref="Note"/>.
/// </summary>
/// <param name="Mean">x̄, the mean of the baseline values (missing values left out).</param>
/// <param name="MeanMovingRange">MR̄, the mean of the baseline moving ranges (after screening, if screened).</param>
/// <param name="Lower">Lower process limit x̄ − 2.66 × MR̄.</param>
/// <param name="Upper">Upper process limit x̄ + 2.66 × MR̄.</param>
/// <param name="LowerTwoSigma">Lower 2σ line x̄ − 2 × (2.66 / 3) × MR̄.</param>
/// <param name="UpperTwoSigma">Upper 2σ line x̄ + 2 × (2.66 / 3) × MR̄.</param>
/// <param name="BaselinePoints">How many (non-missing) values the limits were drawn from.</param>
/// <param name="Note">Why the limits are NaN, or null when they were calculated.</param>
public readonly record struct XmrLimits(
    double Mean,
    double MeanMovingRange,
    double Lower,
    double Upper,
    double LowerTwoSigma,
    double UpperTwoSigma,
    int BaselinePoints,
    string? Note)
{
    /// <summary>The process-limit constant 2.66 (= 3 / d₂, d₂ = 1.128 for n = 2, rounded), as NHSRplotthedots' <c>limit</c>.</summary>
    public const double ProcessLimitFactor = 2.66;

    /// <summary>The 2σ-line constant, computed exactly as NHSRplotthedots' <c>limitclose &lt;- 2 * (limit / 3)</c> (≈ 1.7733).</summary>
    public const double TwoSigmaFactor = 2 * (ProcessLimitFactor / 3);

    /// <summary>The moving-range screening constant D₄ = 3.267 for subgroups of 2 (NHSRplotthedots <c>screen_outliers</c>).</summary>
    public const double ScreeningFactor = 3.267;

    /// <summary>Limits drawn from fewer points than this are trial limits (NHSRplotthedots' short-group warning threshold).</summary>
    public const int MinimumBaselinePoints = 12;

    /// <summary>Note when the baseline has no values at all.</summary>
    public const string NoValuesNote = "no values in the baseline";

    /// <summary>Note when the baseline has no two consecutive values, so no moving range.</summary>
    public const string NoMovingRangeNote = "no moving range: the baseline has no two consecutive values";

    /// <summary>True when the limits come from fewer than 12 points (trial limits, to be revised as data accrue).</summary>
    public bool IsTrial => BaselinePoints < MinimumBaselinePoints;

    /// <summary>True when the process limits were calculated.</summary>
    public bool IsDefined => !double.IsNaN(Lower);

    /// <summary>
    /// Limits from a baseline of values in period order. A missing value (NaN) is left out of the mean, and the moving
    /// ranges on either side of it are not formed (a moving range never bridges a gap), as NHSRplotthedots does with NA.
    /// With <paramref name="screenMovingRanges"/>, moving ranges not below 3.267 × MR̄ are dropped and MR̄ recomputed;
    /// when MR̄ is 0 (a constant baseline) nothing is screened, so the limits equal the mean.
    /// </summary>
    public static XmrLimits FromBaseline(ReadOnlySpan<double> baseline, bool screenMovingRanges)
    {
        var count = 0;
        var sum = 0.0;
        var rangeCount = 0;
        var rangeSum = 0.0;
        for (var i = 0; i < baseline.Length; i++)
        {
            var x = baseline[i];
            if (double.IsNaN(x)) continue;
            count++;
            sum += x;
            if (i > 0 && !double.IsNaN(baseline[i - 1]))
            {
                rangeCount++;
                rangeSum += Math.Abs(x - baseline[i - 1]);
            }
        }

        if (count == 0) return new(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 0, NoValuesNote);
        var mean = RefineMean(baseline, sum / count, count);
        if (rangeCount == 0) return new(mean, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, count, NoMovingRangeNote);

        var meanRange = RefineMeanRange(baseline, rangeSum / rangeCount, rangeCount, double.PositiveInfinity);
        if (screenMovingRanges && meanRange > 0)
        {
            var threshold = ScreeningFactor * meanRange;
            var keptCount = 0;
            var keptSum = 0.0;
            for (var i = 1; i < baseline.Length; i++)
            {
                var range = Math.Abs(baseline[i] - baseline[i - 1]);
                if (range < threshold)
                {
                    keptCount++;
                    keptSum += range;
                }
            }

            // keptCount > 0 whenever MR̄ > 0: not every range can be at least 3.267 times their mean.
            meanRange = RefineMeanRange(baseline, keptSum / keptCount, keptCount, threshold);
        }

        return new(
            mean,
            meanRange,
            mean - (ProcessLimitFactor * meanRange),
            mean + (ProcessLimitFactor * meanRange),
            mean - (TwoSigmaFactor * meanRange),
            mean + (TwoSigmaFactor * meanRange),
            count,
            null);
    }

    // R's mean() adds a second pass, mean += Σ(x − mean) / n, which removes most of the rounding of the first sum;
    // doing the same keeps our limits equal to R's to the last digit or one unit in it.
    private static double RefineMean(ReadOnlySpan<double> values, double mean, int count)
    {
        if (!double.IsFinite(mean)) return mean;
        var correction = 0.0;
        foreach (var x in values)
        {
            if (!double.IsNaN(x)) correction += x - mean;
        }

        return mean + (correction / count);
    }

    // The same refinement over the moving ranges below the threshold (NaN ranges never are).
    private static double RefineMeanRange(ReadOnlySpan<double> values, double mean, int count, double threshold)
    {
        if (!double.IsFinite(mean)) return mean;
        var correction = 0.0;
        for (var i = 1; i < values.Length; i++)
        {
            var range = Math.Abs(values[i] - values[i - 1]);
            if (range < threshold) correction += range - mean;
        }

        return mean + (correction / count);
    }
}
