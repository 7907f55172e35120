namespace Commonweal.Core.Statistics;

/// <summary>A Fingertips recent-trend marker.</summary>
public enum TrendDirection
{
    /// <summary>The trend could not be calculated (see the result's note).</summary>
    CannotBeCalculated,

    /// <summary>A significant increase over the last five points.</summary>
    Increasing,

    /// <summary>A significant decrease over the last five points.</summary>
    Decreasing,

    /// <summary>No significant change.</summary>
    NoSignificantChange,
}

/// <summary>The recent trend of one series.</summary>
/// <param name="Direction">The marker.</param>
/// <param name="ChiSquare">The χ² statistic for trend on one degree of freedom (0 when not calculated).</param>
/// <param name="IsSignificant">Whether χ² exceeds 9.54953570608324 and no single point reverses the slope.</param>
/// <param name="Note">Why it could not be calculated (Fingertips' wording), or null.</param>
public readonly record struct TrendMarkerResult(TrendDirection Direction, double ChiSquare, bool IsSignificant, string? Note)
{
    /// <summary>The marker as written in outputs: "increasing", "decreasing", "no_significant_change", "cannot_be_calculated".</summary>
    public string Label => Direction switch
    {
        TrendDirection.Increasing => "increasing",
        TrendDirection.Decreasing => "decreasing",
        TrendDirection.NoSignificantChange => "no_significant_change",
        _ => "cannot_be_calculated",
    };
}

/// <summary>
/// The Fingertips recent-trend marker (fingertips-open <c>PholioVisualisationWS/Analysis/TrendMarkers/TrendMarkerCalculator.cs</c>
/// and <c>TrendRequest.cs</c>): a χ² test for trend over the five most recent points, significant when χ² &gt;
/// 9.54953570608324 (the 99.8 % point of χ² on 1 df) and when leaving out any one of the five points does not change the
/// sign of the slope. Proportions use counts and denominators (a Cochran–Armitage-type χ²); other values are weighted by
/// 1/SE² with SE = (upper 95 % − lower 95 %)/3.92.
/// </summary>
/// <remarks>
/// Points are given oldest first. As Fingertips does, the series must have at least 5 points; the valid points are the
/// unbroken run ending at the most recent one (a missing point ends it), and at least 5 of them are needed; a proportion
/// whose count equals its denominator anywhere in that run stops the calculation. Fingertips also restricts trends to
/// proportions and crude rates over single years: that choice is left to the caller.
/// </remarks>
public static class TrendMarker
{
    /// <summary>Number of most recent points used.</summary>
    public const int PointsToUse = 5;

    /// <summary>The critical value: χ²(1 df) at 99.8 %, as hard-coded in Fingertips.</summary>
    public const double ChiSquareCritical = 9.54953570608324;

    /// <summary>Fingertips' note when the series has fewer than five points.</summary>
    public const string NotEnoughPoints = "Not enough data points to calculate recent trend";

    /// <summary>Fingertips' note when the unbroken run of valid points ending at the latest is shorter than five.</summary>
    public const string NotEnoughValidPoints = "Not enough data points with valid values to calculate recent trend";

    /// <summary>Fingertips' note when a count equals its denominator (the logit is infinite).</summary>
    public const string CountEqualsDenominator = "The recent trend cannot be calculated";

    /// <summary>Note when the statistic is not a number (e.g. a zero-width interval or no events at all): Commonweal's addition.</summary>
    public const string StatisticUndefined = "The recent trend cannot be calculated: the chi-square statistic is undefined (zero-width interval or no events)";

    /// <summary>The trend of a proportion from its counts and denominators (oldest first); NaN marks a missing point.</summary>
    public static TrendMarkerResult FromCounts(ReadOnlySpan<double> counts, ReadOnlySpan<double> denominators)
    {
        if (counts.Length != denominators.Length)
            throw new ArgumentException($"Every point needs a count and a denominator: {counts.Length} counts, {denominators.Length} denominators.");
        var validFrom = counts.Length;
        while (validFrom > 0 && double.IsFinite(counts[validFrom - 1]) && double.IsFinite(denominators[validFrom - 1])) validFrom--;
        if (Rejected(counts.Length, validFrom) is { } rejected) return rejected;
        for (var i = validFrom; i < counts.Length; i++)
        {
            if (counts[i] < 0 || denominators[i] <= 0 || counts[i] > denominators[i])
                throw new ArgumentException($"Point {i + 1}: a count must be between 0 and its (positive) denominator.");
            if (counts[i] == denominators[i]) return new TrendMarkerResult(TrendDirection.CannotBeCalculated, 0, false, CountEqualsDenominator);
        }

        var first = counts.Length - PointsToUse;
        double denomSum = 0, countTimeSum = 0, countSum = 0, denomTimeSum = 0, denomTime2Sum = 0;
        Span<double> logits = stackalloc double[PointsToUse];
        for (var t = 1; t <= PointsToUse; t++)
        {
            var count = counts[first + t - 1];
            var denominator = denominators[first + t - 1];
            logits[t - 1] = Math.Log(count / (denominator - count));
            denomSum += denominator;
            countTimeSum += count * t;
            countSum += count;
            denomTimeSum += denominator * t;
            denomTime2Sum += denominator * (t * t);
        }

        var difference = (denomSum * countTimeSum) - (countSum * denomTimeSum);
        var chi2 = denomSum * (difference * difference)
            / (countSum * (denomSum - countSum) * ((denomSum * denomTime2Sum) - (denomTimeSum * denomTimeSum)));

        // The direction and the outlier check use the unweighted slope of the logits, with each point left out in turn.
        var overall = LogitSlope(logits, 0);
        var consistent = true;
        for (var leaveOut = 1; leaveOut <= PointsToUse; leaveOut++)
            consistent &= overall < 0 == LogitSlope(logits, leaveOut) < 0;

        return Result(chi2, overall, consistent);
    }

    /// <summary>The trend of any value from its 95 % limits (oldest first); NaN marks a missing point.</summary>
    public static TrendMarkerResult FromIntervals(ReadOnlySpan<double> values, ReadOnlySpan<double> lower95, ReadOnlySpan<double> upper95)
    {
        if (values.Length != lower95.Length || values.Length != upper95.Length)
            throw new ArgumentException($"Every point needs a value and both 95% limits: {values.Length} values, {lower95.Length} lower, {upper95.Length} upper.");
        var validFrom = values.Length;
        while (validFrom > 0 && double.IsFinite(values[validFrom - 1]) && double.IsFinite(lower95[validFrom - 1]) && double.IsFinite(upper95[validFrom - 1]))
            validFrom--;
        if (Rejected(values.Length, validFrom) is { } rejected) return rejected;

        var first = values.Length - PointsToUse;
        // The test is the same in any unit, so it is worked in units of a power of two near the largest number: exact,
        // so every result is the same to the last bit, but values near ±1.8e308 (or 1e-300) no longer overflow (or
        // underflow) when squared.
        var largest = 0.0;
        for (var i = first; i < values.Length; i++)
            largest = Math.Max(largest, Math.Max(Math.Abs(values[i]), Math.Max(Math.Abs(lower95[i]), Math.Abs(upper95[i]))));
        var unit = largest == 0 ? 1 : Math.ScaleB(1, Math.ILogB(largest));
        Span<double> scaled = stackalloc double[PointsToUse];
        Span<double> variance = stackalloc double[PointsToUse];
        for (var t = 1; t <= PointsToUse; t++)
        {
            scaled[t - 1] = values[first + t - 1] / unit;
            var se = ((upper95[first + t - 1] / unit) - (lower95[first + t - 1] / unit)) / 3.92;
            variance[t - 1] = se * se;
        }

        var slope = WeightedSlope(scaled, variance, 0, out var chi2);
        var consistent = true;
        for (var leaveOut = 1; leaveOut <= PointsToUse; leaveOut++)
            consistent &= slope < 0 == WeightedSlope(scaled, variance, leaveOut, out _) < 0;

        return Result(chi2, slope, consistent);
    }

    private static TrendMarkerResult Result(double chi2, double slope, bool consistent)
    {
        if (double.IsNaN(chi2)) return new TrendMarkerResult(TrendDirection.CannotBeCalculated, 0, false, StatisticUndefined);
        var significant = consistent && chi2 > ChiSquareCritical;
        var direction = !significant ? TrendDirection.NoSignificantChange
            : slope > 0 ? TrendDirection.Increasing : TrendDirection.Decreasing;
        return new TrendMarkerResult(direction, chi2, significant, null);
    }

    // Weighted least-squares slope of value on time 1..5 (Fingertips Val1..Val5 sums), optionally without one point.
    private static double WeightedSlope(ReadOnlySpan<double> values, ReadOnlySpan<double> variance, int leaveOut, out double chi2)
    {
        double s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0;
        for (var t = 1; t <= values.Length; t++)
        {
            if (t == leaveOut) continue;
            var v = variance[t - 1];
            s1 += 1 / v;
            s2 += values[t - 1] * t / v;
            s3 += t / v;
            s4 += values[t - 1] / v;
            s5 += (double)(t * t) / v;
        }

        var denominator = (s1 * s5) - (s3 * s3);
        var slope = ((s1 * s2) - (s3 * s4)) / denominator;
        var beta = Math.Sqrt(s1 / denominator);
        chi2 = (slope / beta) * (slope / beta);
        return slope;
    }

    // Unweighted slope of the logits on time 1..5, optionally without one point (Fingertips' hard-coded Σt and nΣt²).
    private static double LogitSlope(ReadOnlySpan<double> logits, int leaveOut)
    {
        double valueSum = 0, timeValueSum = 0, timeSum = 0, time2Sum = 0;
        var n = 0;
        for (var t = 1; t <= logits.Length; t++)
        {
            if (t == leaveOut) continue;
            valueSum += logits[t - 1];
            timeValueSum += logits[t - 1] * t;
            timeSum += t;
            time2Sum += t * t;
            n++;
        }

        return ((n * timeValueSum) - (valueSum * timeSum)) / ((n * time2Sum) - (timeSum * timeSum));
    }

    private static TrendMarkerResult? Rejected(int length, int validFrom)
    {
        if (length < PointsToUse) return new TrendMarkerResult(TrendDirection.CannotBeCalculated, 0, false, NotEnoughPoints);
        if (length - validFrom < PointsToUse) return new TrendMarkerResult(TrendDirection.CannotBeCalculated, 0, false, NotEnoughValidPoints);
        return null;
    }
}
