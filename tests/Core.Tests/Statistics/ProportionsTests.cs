using Commonweal.Core.Statistics;
using CsCheck;

namespace Commonweal.Core.Tests.Statistics;

public sealed class ProportionsTests
{
    // Published Fingertips rows of indicator 91547 (QOF smoking prevalence), values in per cent, written to 10
    // significant figures; tolerance: half a unit in the 10th significant figure (5e-9 on values near 10–90).
    [Theory]
    [InlineData(1, 103, 0.171589148, 5.295819183, 0.084761848, 10.17697369)] // H85691 2022/23
    [InlineData(2, 118, 0.46604425, 5.969744435, 0.256367573, 10.36659207)] // Y05750 2022/23
    [InlineData(3, 5, 23.07242813, 88.23792258, 13.20830594, 93.66476562)] // Y02045 2022/23
    [InlineData(1053, 6636, 15.0086758, 16.76680366, 14.53111581, 17.30296389)] // F83044 2022/23
    public void Wilson_limits_equal_published_Fingertips_figures(double count, double denominator, double lower95, double upper95, double lower998, double upper998)
    {
        var ci95 = Proportions.WilsonScore(count, denominator, ConfidenceLevel.Percent95).Scale(100);
        var ci998 = Proportions.WilsonScore(count, denominator, ConfidenceLevel.Percent998).Scale(100);

        Assert.Equal(lower95, ci95.Lower, 5e-9);
        Assert.Equal(upper95, ci95.Upper, 5e-9);
        Assert.Equal(lower998, ci998.Lower, 5e-9);
        Assert.Equal(upper998, ci998.Upper, 5e-9);
    }

    [Fact]
    public void England_2013_14_with_its_fractional_denominator()
    {
        // E92000001 2013/14: 8935216 / 46608551.5 → 19.15946674 – 19.18206886 (published, 95 %).
        var ci = Proportions.WilsonScore(8935216, 46608551.5, ConfidenceLevel.Percent95).Scale(100);

        Assert.Equal(19.15946674, ci.Lower, 5e-9);
        Assert.Equal(19.18206886, ci.Upper, 5e-9);
    }

    [Fact]
    public void At_confidence_one_the_limits_are_nought_and_one()
    {
        // PHEindicatormethods tests/testthat/testWilson.R: confidence = 1 gives 0 and 1.
        Assert.Equal(new Interval(0, 1), Proportions.WilsonScore(65, 100, ConfidenceLevel.Of(1)));
    }

    [Fact]
    public void Zero_events_have_a_lower_limit_of_zero_and_all_events_an_upper_limit_of_one()
    {
        Assert.Equal(0, Proportions.WilsonScore(0, 50, ConfidenceLevel.Percent95).Lower, 1e-15);
        Assert.Equal(1, Proportions.WilsonScore(50, 50, ConfidenceLevel.Percent95).Upper, 1e-15);
    }

    [Theory]
    [InlineData(-1, 100, "numerator must not be negative")]
    [InlineData(5, 0, "denominator must be greater than zero")]
    [InlineData(5, -3, "denominator must be greater than zero")]
    [InlineData(101, 100, "numerator must not exceed the denominator")]
    [InlineData(double.NaN, 100, "finite")]
    public void Impossible_proportions_are_refused(double successes, double trials, string message)
    {
        var problem = Assert.Throws<ArgumentOutOfRangeException>(() => Proportions.WilsonScore(successes, trials, ConfidenceLevel.Percent95));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_batch_form_gives_the_same_limits_as_one_at_a_time()
    {
        double[] x = [0, 1, 65, 1045, 0.445];
        double[] n = [10, 103, 100, 5000, 1];
        var limits = new Interval[x.Length];

        Proportions.WilsonScore(x, n, ConfidenceLevel.Percent998, limits);

        for (var i = 0; i < x.Length; i++)
            Assert.Equal(Proportions.WilsonScore(x[i], n[i], ConfidenceLevel.Percent998), limits[i]);
    }

    private static readonly Gen<(double X, double N)> Counts =
        Gen.Double[0.5, 1e7].SelectMany(n => Gen.Double[0, 1].Select(share => (Math.Min(Math.Round(share * n, 3), n), n)));

    [Fact]
    public void Limits_bracket_the_proportion_and_stay_within_nought_and_one() =>
        Counts.Sample(c =>
        {
            var p = c.X / c.N;
            var ci = Proportions.WilsonScore(c.X, c.N, ConfidenceLevel.Percent95);
            return ci.Lower >= -1e-15 && ci.Lower <= p + 1e-12 && ci.Upper >= p - 1e-12 && ci.Upper <= 1 + 1e-15;
        });

    [Fact]
    public void The_99_8_interval_contains_the_95_interval() =>
        Counts.Sample(c =>
        {
            var narrow = Proportions.WilsonScore(c.X, c.N, ConfidenceLevel.Percent95);
            var wide = Proportions.WilsonScore(c.X, c.N, ConfidenceLevel.Percent998);
            return wide.Lower <= narrow.Lower + 1e-15 && wide.Upper >= narrow.Upper - 1e-15;
        });

    [Fact]
    public void Limits_rise_with_the_count() =>
        Gen.Int[1, 100_000].SelectMany(n => Gen.Int[0, n - 1].Select(x => (x, n))).Sample(c =>
        {
            var fewer = Proportions.WilsonScore(c.x, c.n, ConfidenceLevel.Percent95);
            var more = Proportions.WilsonScore(c.x + 1, c.n, ConfidenceLevel.Percent95);
            return more.Lower > fewer.Lower && more.Upper > fewer.Upper;
        });

    [Theory]
    [InlineData(1e300, 1e308)]
    [InlineData(1.7e308, 1.79e308)]
    [InlineData(0, 1.79e308)]
    public void Counts_near_the_largest_double_give_their_limits_rather_than_overflowing(double successes, double trials)
    {
        // 2(n + z²) overflowed past n ≈ 9e307, giving limits of 0. The half-width here is below a double's resolution
        // of the proportion (or, at 0 events, the upper limit is z²/(n + z²)), so the limits are the proportion's own value.
        var p = successes / trials;
        var ci = Proportions.WilsonScore(successes, trials, ConfidenceLevel.Percent998);

        Assert.Equal(p, ci.Lower, p * 1e-15);
        Assert.Equal(successes == 0 ? ConfidenceLevel.Percent998.Z * ConfidenceLevel.Percent998.Z / trials : p, ci.Upper, 1e-15 * Math.Max(p, 1e-300));
    }

    [Fact]
    public void The_overflow_safe_form_gives_the_same_limits_to_the_last_bit() =>
        Gen.Int[1, 1_000_000].SelectMany(n => Gen.Int[0, n].Select(x => (x, n))).Sample(c =>
        {
            // The published form, (2x + z² ∓ z√(z² + 4x(1 − x/n))) / (2(n + z²)), where it does not overflow.
            var z = ConfidenceLevel.Percent95.Z;
            var z2 = z * z;
            var spread = z * Math.Sqrt(z2 + (4 * (double)c.x * (1 - ((double)c.x / c.n))));
            var ci = Proportions.WilsonScore(c.x, c.n, ConfidenceLevel.Percent95);
            return ci.Lower == (((2.0 * c.x) + z2 - spread) / (2 * (c.n + z2))) && ci.Upper == (((2.0 * c.x) + z2 + spread) / (2 * (c.n + z2)));
        });
}
