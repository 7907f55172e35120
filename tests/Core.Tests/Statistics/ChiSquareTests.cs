using Commonweal.Core.Statistics;
using CsCheck;

namespace Commonweal.Core.Tests.Statistics;

public sealed class ChiSquareTests
{
    // Reference values from R 4.2.2 (Debian r-base-core): format(qchisq(p, df), digits = 17). Tolerance 1e-12 relative.
    [Theory]
    [InlineData(0.025, 2, 0.050635615968579753)]
    [InlineData(0.975, 2, 7.3777589082278707)]
    [InlineData(0.001, 18, 4.9048488087275492)]
    [InlineData(0.999, 20, 45.314746618125859)]
    [InlineData(0.5, 1, 0.45493642311957283)]
    [InlineData(1e-10, 3, 5.2093976214344798e-07)]
    [InlineData(0.9, 0.5, 1.5007857444736705)]
    [InlineData(0.025, 0.2, 1.1583420491042882e-16)]
    [InlineData(0.975, 200, 241.05789550631096)]
    [InlineData(0.001, 2000, 1810.2415818699533)]
    [InlineData(0.999, 1e5, 101387.69553252945)]
    [InlineData(0.3, 7.3, 4.9269986015060256)]
    public void Quantile_matches_R_qchisq(double p, double df, double expected) =>
        Assert.Equal(expected, ChiSquare.Quantile(p, df), Math.Abs(expected) * 1e-12);

    // R: pchisq(x, df) and pchisq(x, df, lower.tail = FALSE); tolerance 1e-13 relative.
    [Theory]
    [InlineData(1, 1, 0.68268949213708596, 0.31731050786291415)]
    [InlineData(3.5, 4, 0.52212165551127598, 0.47787834448872407)]
    [InlineData(50, 30, 0.9875979392810994, 0.012402060718900583)]
    [InlineData(0.01, 5, 5.3002700426865167e-07, 0.99999946997299571)]
    [InlineData(250, 200, 0.99062086833117391, 0.0093791316688260976)]
    public void Cdf_and_upper_tail_match_R_pchisq(double x, double df, double lower, double upper)
    {
        Assert.Equal(lower, ChiSquare.Cdf(x, df), lower * 1e-13);
        Assert.Equal(upper, ChiSquare.UpperTail(x, df), upper * 1e-13);
    }

    // R: lgamma(x); tolerance 1e-14 relative + 4e-15 absolute (lgamma(1) = 0).
    [Theory]
    [InlineData(0.5, 0.57236494292470008)]
    [InlineData(1, 0)]
    [InlineData(2.5, 0.28468287047291918)]
    [InlineData(7.3, 7.1478925230222492)]
    [InlineData(10, 12.801827480081469)]
    [InlineData(55.5, 166.32150615984037)]
    [InlineData(1e5, 1051287.7089736569)]
    public void LogGamma_matches_R_lgamma(double x, double expected) =>
        Assert.Equal(expected, Gamma.LogGamma(x), (Math.Abs(expected) * 1e-14) + 4e-15);

    [Fact]
    public void Zero_degrees_of_freedom_is_the_point_mass_at_zero_as_in_R() =>
        // qchisq(0.025, 0) is 0 in R: the exact lower limit of a zero count.
        Assert.Equal(0, ChiSquare.Quantile(0.025, 0));

    [Theory]
    [InlineData(-0.1, 2)]
    [InlineData(1.1, 2)]
    [InlineData(0.5, -1)]
    [InlineData(double.NaN, 2)]
    public void Nonsense_arguments_give_NaN(double p, double df) => Assert.True(double.IsNaN(ChiSquare.Quantile(p, df)));

    [Fact]
    public void Quantile_inverts_the_cdf() =>
        Gen.Select(Gen.Double[1e-6, 1 - 1e-6], Gen.Double[0.1, 5000]).Sample((p, df) =>
        {
            var x = ChiSquare.Quantile(p, df);
            var back = p < 0.5 ? ChiSquare.Cdf(x, df) : 1 - ChiSquare.UpperTail(x, df);
            return Math.Abs(back - p) <= 1e-12 * Math.Max(1, p / (1 - p));
        });

    [Fact]
    public void Quantile_increases_with_p() =>
        Gen.Select(Gen.Double[1e-6, 0.99], Gen.Double[0.001, 0.009], Gen.Double[0.1, 500]).Sample((p, step, df) =>
            ChiSquare.Quantile(p, df) < ChiSquare.Quantile(p + step, df));
}
