using Commonweal.Core.Statistics;
using CsCheck;

namespace Commonweal.Core.Tests.Statistics;

public sealed class TrendMarkerTests
{
    // fingertips-open AnalysisTest/TrendMarkerCalculatorTest.cs, GetTrendData_Set1 in year order 2014–2018.
    private static readonly double[] Counts1 = [994, 1023, 1199, 1332, 1367];
    private static readonly double[] Denominators1 = [40299, 41527, 42811, 44064, 44701];
    private static readonly double[] Values1 = [24.67, 24.6, 28, 30.2, 30.6];
    private static readonly double[] Lower1 = [23.16, 23.15, 26.44, 28.63, 28.98];
    private static readonly double[] Upper1 = [26.25, 26.19, 29.64, 31.9, 32.25];

    [Fact]
    public void Values_with_intervals_match_fingertips_set_1()
    {
        // TestIsSignificantReturnsTrue: significant, Math.Round(chi², 2) == 46.77.
        var result = TrendMarker.FromIntervals(Values1, Lower1, Upper1);
        Assert.True(result.IsSignificant);
        Assert.Equal(46.77, Math.Round(result.ChiSquare, 2));
        Assert.Equal(TrendDirection.Increasing, result.Direction);
        Assert.Equal("increasing", result.Label);
        Assert.Null(result.Note);
    }

    [Fact]
    public void Values_with_intervals_match_fingertips_set_2()
    {
        // TestIsSignificantReturnsFalse: GetTrendData_Set2, 2014–2018.
        var result = TrendMarker.FromIntervals(
            [20.5506, 19.5952, 19.0349, 21.3966, 18.4372],
            [18.1803, 17.3444, 16.8421, 19.0918, 16.2925],
            [23.1427, 22.0602, 21.4394, 23.8975, 20.7941]);
        Assert.False(result.IsSignificant);
        Assert.Equal(TrendDirection.NoSignificantChange, result.Direction);
        Assert.Equal("no_significant_change", result.Label);
    }

    [Fact]
    public void Counts_match_fingertips_proportions_set_1()
    {
        // TestIsSignificantForProportionsReturnsTrue: significant, Math.Round(chi², 2) == 47.9.
        var result = TrendMarker.FromCounts(Counts1, Denominators1);
        Assert.True(result.IsSignificant);
        Assert.Equal(47.9, Math.Round(result.ChiSquare, 2));
        Assert.Equal(TrendDirection.Increasing, result.Direction);
    }

    [Fact]
    public void A_count_equal_to_its_denominator_cannot_be_calculated()
    {
        // TestIsSignificantForProportionsCannotBeCalculated: GetTrendDataForProportion_Set2 (2012: 5 of 5).
        var result = TrendMarker.FromCounts([5, 3, 1, 1, 2], [5, 5, 5, 4, 4]);
        Assert.False(result.IsSignificant);
        Assert.Equal(0.0, result.ChiSquare);
        Assert.Equal(TrendDirection.CannotBeCalculated, result.Direction);
        Assert.Equal("The recent trend cannot be calculated", result.Note);
        Assert.Equal("cannot_be_calculated", result.Label);
    }

    [Fact]
    public void Fewer_than_five_points_cannot_be_calculated()
    {
        var result = TrendMarker.FromCounts([1, 2, 3, 4], [10, 10, 10, 10]);
        Assert.Equal(TrendDirection.CannotBeCalculated, result.Direction);
        Assert.Equal("Not enough data points to calculate recent trend", result.Note);
    }

    [Fact]
    public void A_missing_point_among_the_latest_five_breaks_the_run()
    {
        double[] counts = [900, 950, 994, 1023, double.NaN, 1332, 1367];
        double[] denominators = [40000, 40100, 40299, 41527, 42811, 44064, 44701];
        var result = TrendMarker.FromCounts(counts, denominators);
        Assert.Equal(TrendDirection.CannotBeCalculated, result.Direction);
        Assert.Equal("Not enough data points with valid values to calculate recent trend", result.Note);

        // A gap earlier than the latest five does not matter; only the five most recent are used.
        counts[0] = double.NaN;
        counts[4] = 1199;
        Assert.Equal(TrendMarker.FromCounts(Counts1, Denominators1), TrendMarker.FromCounts(counts, denominators));
    }

    [Fact]
    public void A_decrease_is_decreasing()
    {
        var result = TrendMarker.FromCounts([.. Counts1.Reverse()], [.. Denominators1.Reverse()]);
        Assert.Equal(TrendDirection.Decreasing, result.Direction);
        var byIntervals = TrendMarker.FromIntervals([.. Values1.Reverse()], [.. Lower1.Reverse()], [.. Upper1.Reverse()]);
        Assert.Equal(TrendDirection.Decreasing, byIntervals.Direction);
    }

    [Fact]
    public void One_point_reversing_the_slope_makes_it_not_significant()
    {
        // A large χ² driven by one outlier: leaving out the last point turns the slope negative.
        double[] values = [50, 49.9, 49.8, 49.7, 80];
        double[] lower = [.. values.Select(v => v - 0.2)];
        double[] upper = [.. values.Select(v => v + 0.2)];
        var result = TrendMarker.FromIntervals(values, lower, upper);
        Assert.True(result.ChiSquare > TrendMarker.ChiSquareCritical);
        Assert.False(result.IsSignificant);
        Assert.Equal(TrendDirection.NoSignificantChange, result.Direction);
    }

    [Fact]
    public void A_zero_width_interval_leaves_the_statistic_undefined()
    {
        var result = TrendMarker.FromIntervals([1, 2, 3, 4, 5], [1, 2, 3, 4, 5], [1, 2, 3, 4, 5]);
        Assert.Equal(TrendDirection.CannotBeCalculated, result.Direction);
        Assert.Equal(TrendMarker.StatisticUndefined, result.Note);
    }

    [Fact]
    public void Invalid_counts_throw()
    {
        Assert.Throws<ArgumentException>(() => TrendMarker.FromCounts([1, 2, 3, 4, 11], [10, 10, 10, 10, 10]));
        Assert.Throws<ArgumentException>(() => TrendMarker.FromCounts([1, 2, 3], [10, 10]));
    }

    [Fact]
    public void Property_reversing_time_reverses_the_direction() =>
        Gen.Select(Gen.Int[1, 500].Array[5], Gen.Int[600, 5000].Array[5]).Sample((counts, denominators) =>
        {
            double[] c = [.. counts.Select(x => (double)x)];
            double[] d = [.. denominators.Select(x => (double)x)];
            var forward = TrendMarker.FromCounts(c, d);
            var backward = TrendMarker.FromCounts([.. c.Reverse()], [.. d.Reverse()]);
            Assert.Equal(forward.ChiSquare, backward.ChiSquare, 1e-6 * (1 + forward.ChiSquare));
            var expected = forward.Direction switch
            {
                TrendDirection.Increasing => TrendDirection.Decreasing,
                TrendDirection.Decreasing => TrendDirection.Increasing,
                _ => forward.Direction,
            };
            Assert.Equal(expected, backward.Direction);
        });

    [Theory]
    [InlineData(900)]
    [InlineData(-900)]
    public void Values_near_the_ends_of_a_double_s_range_give_the_same_trend_as_in_ordinary_units(int power)
    {
        // 1/SE² overflowed (or underflowed) for values near 1e300 (or 1e-300), leaving "cannot be calculated".
        static double[] Scaled(double[] values, int power) => [.. values.Select(v => Math.ScaleB(v, power))];
        var ordinary = TrendMarker.FromIntervals(Values1, Lower1, Upper1);

        var extreme = TrendMarker.FromIntervals(Scaled(Values1, power), Scaled(Lower1, power), Scaled(Upper1, power));

        Assert.Equal(ordinary, extreme);
    }
}
