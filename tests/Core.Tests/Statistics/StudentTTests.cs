using Commonweal.Core.Statistics;
using CsCheck;

namespace Commonweal.Core.Tests.Statistics;

public sealed class StudentTTests
{
    // Reference values from R 4.2.2 (Debian r-base-core): format(qt(p, df), digits = 17). Tolerance 1e-12 relative.
    [Theory]
    [InlineData(0.975, 1, 12.706204736174694)]
    [InlineData(0.975, 2, 4.3026527297494619)]
    [InlineData(0.975, 3, 3.1824463052837078)]
    [InlineData(0.999, 3, 10.214531852407383)]
    [InlineData(0.025, 4, -2.7764451051977943)]
    [InlineData(0.975, 9, 2.2621571627982049)]
    [InlineData(0.999, 9, 4.296805662729918)]
    [InlineData(0.975, 29, 2.0452296421327034)]
    [InlineData(0.001, 100, -3.1737394937387826)]
    [InlineData(0.975, 1e4, 1.9602012398906257)]
    [InlineData(0.999, 1e6, 3.0902404563165193)]
    [InlineData(0.6, 5, 0.26718086570414518)]
    public void Quantile_matches_R_qt(double p, double df, double expected) =>
        Assert.Equal(expected, StudentT.Quantile(p, df), Math.Abs(expected) * 1e-12);

    [Fact]
    public void The_median_is_zero_and_the_ends_infinite()
    {
        Assert.Equal(0, StudentT.Quantile(0.5, 7));
        Assert.Equal(double.PositiveInfinity, StudentT.Quantile(1, 7));
        Assert.Equal(double.NegativeInfinity, StudentT.Quantile(0, 7));
        Assert.True(double.IsNaN(StudentT.Quantile(0.9, 0)));
    }

    [Fact]
    public void Quantile_is_symmetric_and_inverts_the_cdf() =>
        Gen.Select(Gen.Double[1e-5, 0.5 - 1e-5], Gen.Double[1, 10_000]).Sample((p, df) =>
        {
            var t = StudentT.Quantile(p, df);
            return t == -StudentT.Quantile(1 - p, df) || Math.Abs(t + StudentT.Quantile(1 - p, df)) <= 1e-12 * Math.Abs(t)
                ? Math.Abs(StudentT.Cdf(t, df) - p) <= 1e-12 * p
                : false;
        });

    [Fact]
    public void Heavier_tails_for_fewer_degrees_of_freedom() =>
        Gen.Select(Gen.Int[1, 200], Gen.Double[0.9, 0.9999]).Sample((df, p) => StudentT.Quantile(p, df) > StudentT.Quantile(p, df + 1));
}
