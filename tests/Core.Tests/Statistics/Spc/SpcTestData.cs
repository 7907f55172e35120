using Commonweal.Core.Statistics.Spc;

namespace Commonweal.Core.Tests.Statistics.Spc;

/// <summary>Shared inputs for the SPC tests.</summary>
internal static class SpcTestData
{
    /// <summary>
    /// NHSRplotthedots' test series: <c>set.seed(123); y = rnorm(20)</c> (tests/testthat/test-ptd_spc_standard.R and
    /// test-ptd_spc.R), as printed to 8 decimals by R (the glimpse in tests/testthat/_snaps/ptd_spc_standard.md shows the
    /// first ones); each value is within 5e-9 of R's double.
    /// </summary>
    public static readonly double[] Rnorm20Seed123 =
    [
        -0.56047565, -0.23017749, 1.55870831, 0.07050839, 0.12928774, 1.71506499, 0.46091621, -1.26506123, -0.68685285, -0.44566197,
        1.22408180, 0.35981383, 0.40077145, 0.11068272, -0.55584113, 1.78691314, 0.49785048, -1.96661716, 0.70135590, -0.47279141,
    ];

    /// <summary>
    /// Limits drawn by hand around <paramref name="mean"/> with mean moving range <paramref name="meanRange"/>: process
    /// limits ± 2.66 × MR̄ and 2σ lines ± 1.7733 × MR̄, from 20 points (not trial).
    /// </summary>
    public static XmrLimits Around(double mean, double meanRange) => new(
        mean,
        meanRange,
        mean - (XmrLimits.ProcessLimitFactor * meanRange),
        mean + (XmrLimits.ProcessLimitFactor * meanRange),
        mean - (XmrLimits.TwoSigmaFactor * meanRange),
        mean + (XmrLimits.TwoSigmaFactor * meanRange),
        20,
        null);

    /// <summary>A baseline of 12 points alternating 1, −1: mean 0, MR̄ 2, limits ±5.32, 2σ lines ±3.5467; screening drops nothing.</summary>
    public static double[] AlternatingBaseline() => [1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1];

    /// <summary>The 12-point alternating baseline followed by <paramref name="tail"/>, judged against the baseline's limits.</summary>
    public static XmrPoint[] AfterBaseline(SpcOptions options, params double[] tail)
    {
        double[] values = [.. AlternatingBaseline(), .. tail];
        var points = new XmrPoint[values.Length];
        XmrChart.Calculate(values, options with { FixAfterPoints = 12 }, points);
        return points[12..];
    }

    public static SpecialCause[] Classify(XmrLimits limits, params double[] values) => Classify(SpcOptions.PlotTheDots, limits, values);

    public static SpecialCause[] Classify(SpcOptions options, XmrLimits limits, params double[] values)
    {
        var causes = new SpecialCause[values.Length];
        SpecialCauseRules.Classify(values, limits, options, causes);
        return causes;
    }
}
