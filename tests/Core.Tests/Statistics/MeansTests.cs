using Commonweal.Core.Statistics;
using CsCheck;

namespace Commonweal.Core.Tests.Statistics;

public sealed class MeansTests
{
    private static readonly ConfidenceLevel[] Both = [ConfidenceLevel.Percent95, ConfidenceLevel.Percent998];

    [Fact]
    public void Mean_and_t_limits_match_phe_mean()
    {
        // Reference: the formulas of PHEindicatormethods phe_mean (R/Means.R) in R 4.2.2 for v <- c(20, 30, 40, 50, 65, 70):
        // mean(v), sd(v), mean(v) -/+ abs(qt(0.025, 5)) * sd(v) / sqrt(6), and with qt(0.001, 5). Tolerance 1e-12 relative.
        var result = Means.StudentT([20, 30, 40, 50, 65, 70], Both);
        Assert.Equal(6, result.Count);
        Assert.Equal(45.8333333333333357, result.Mean, 1e-12);
        Assert.Equal(19.6001700672893833, result.StandardDeviation, 1e-12);
        Assert.Equal(25.2642163166973788, result.Limits[0].Lower, 1e-11);
        Assert.Equal(66.4024503499692855, result.Limits[0].Upper, 1e-11);
        Assert.Equal(-1.3243334560426376, result.Limits[1].Lower, 1e-11);
        Assert.Equal(92.9910001227093090, result.Limits[1].Upper, 1e-11);
        Assert.Null(result.Note);
    }

    [Fact]
    public void One_value_has_no_limits_and_says_why()
    {
        var result = Means.StudentT([12.5], Both);
        Assert.Equal(12.5, result.Mean);
        Assert.True(double.IsNaN(result.StandardDeviation));
        Assert.All(result.Limits, l => Assert.False(l.IsDefined));
        Assert.Equal(Means.SingleValueNote, result.Note);
    }

    [Fact]
    public void Constant_values_have_a_zero_width_interval()
    {
        var result = Means.StudentT([3, 3, 3, 3], Both);
        Assert.Equal(0, result.StandardDeviation);
        Assert.Equal(new Interval(3, 3), result.Limits[1]);
    }

    [Fact]
    public void Invalid_input_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => Means.StudentT([], Both));
        Assert.Throws<ArgumentOutOfRangeException>(() => Means.StudentT([1, double.NaN], Both));
    }

    [Fact]
    public void Limits_surround_the_mean_and_the_998_interval_is_wider() =>
        Gen.Double[-1000, 1000].Array[2, 50].Sample(values =>
        {
            var r = Means.StudentT(values, Both);
            return r.Limits[0].Lower <= r.Mean && r.Mean <= r.Limits[0].Upper
                && r.Limits[1].Lower <= r.Limits[0].Lower && r.Limits[1].Upper >= r.Limits[0].Upper;
        });

    [Fact]
    public void Values_near_the_largest_double_give_their_mean_and_standard_deviation()
    {
        // The sum 1e308 + 1e308 and the squares of ±1e200 overflowed to infinity; the answers themselves are within range.
        var same = Means.StudentT([1e308, 1e308], Both);
        var spread = Means.StudentT([1e200, -1e200, 3], Both);
        var tiny = Means.StudentT([1e-300, 3e-300], Both);

        Assert.Equal((1e308, 0.0), (same.Mean, same.StandardDeviation));
        Assert.Equal(1e308, same.Limits[0].Upper);
        Assert.Equal(1.0, spread.Mean, 1e-15);
        Assert.Equal(1e200, spread.StandardDeviation, 1e185);
        Assert.Equal(2e-300, tiny.Mean, 1e-315);
        Assert.Equal(Math.Sqrt(2) * 1e-300, tiny.StandardDeviation, 1e-314);
    }

    [Fact]
    public void Working_in_a_power_of_two_unit_changes_no_result() =>
        Gen.Double[-1000, 1000].Array[2, 50].Sample(values =>
        {
            // Multiplying every value by 2^k scales mean, sd and limits by exactly 2^k.
            var r = Means.StudentT(values, Both);
            var big = Means.StudentT(values.Select(v => Math.ScaleB(v, 900)).ToArray(), Both);
            return big.Mean == Math.ScaleB(r.Mean, 900) && big.StandardDeviation == Math.ScaleB(r.StandardDeviation, 900)
                && big.Limits[1].Upper == Math.ScaleB(r.Limits[1].Upper, 900);
        });
}
