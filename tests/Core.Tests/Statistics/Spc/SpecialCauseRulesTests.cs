using Commonweal.Core.Statistics.Spc;
using static Commonweal.Core.Statistics.Spc.SpecialCause;
using static Commonweal.Core.Tests.Statistics.Spc.SpcTestData;

namespace Commonweal.Core.Tests.Statistics.Spc;

/// <summary>
/// The four rules and their precedence. The first group ports NHSRplotthedots 0.2.x
/// tests/testthat/test-ptd_calculate_point_type.R: that file tests internal helpers on 0/±1 vectors, so each case is
/// rebuilt as values against hand-drawn limits (mean 0 or 4, MR̄ 10: process limits ±26.6, 2σ lines ±17.73) that give the
/// same vectors, and the expected flags are those of the "part of" helpers (every point of a run, only the close points
/// of a two-in-three). Exact (categorical) results.
/// </summary>
public sealed class SpecialCauseRulesTests
{
    private static readonly XmrLimits Wide = Around(0, 10);

    // test-ptd_calculate_point_type.R, "ptd_seven_point_one_side_mean works as expected" (+ "ptd_part_of_seven_trend").
    [Fact]
    public void Seven_points_on_one_side_of_the_mean_make_a_shift_and_every_point_is_flagged()
    {
        Assert.Empty(Classify(Wide));
        Assert.All(Classify(Wide, 1, 1, 1, 1, 1, 1), c => Assert.Equal(CommonCause, c));
        Assert.All(Classify(Wide, 1, 1, 1, 1, 1, 1, -1), c => Assert.Equal(CommonCause, c));
        Assert.Equal([.. Enumerable.Repeat(ShiftAbove, 8), CommonCause], Classify(Wide, 1, 1, 1, 1, 1, 1, 1, 1, -1));
        Assert.Equal([.. Enumerable.Repeat(ShiftBelow, 8), CommonCause], Classify(Wide, -1, -1, -1, -1, -1, -1, -1, -1, 1));
    }

    // test-ptd_calculate_point_type.R, "ptd_seven_point_trend works as expected" (+ "ptd_part_of_seven_trend").
    [Fact]
    public void Seven_rising_or_falling_points_make_a_trend_broken_by_an_equal_neighbour()
    {
        var aroundFour = Around(4, 10);
        Assert.All(Classify(aroundFour, 1, 2, 3, 4, 5, 6), c => Assert.Equal(CommonCause, c));
        Assert.All(Classify(aroundFour, 1, 2, 3, 3, 4, 5, 6), c => Assert.Equal(CommonCause, c));
        Assert.All(Classify(aroundFour, 1, 2, 3, 4, 5, 6, 7), c => Assert.Equal(TrendIncreasing, c));
        Assert.Equal([CommonCause, .. Enumerable.Repeat(TrendIncreasing, 7), CommonCause], Classify(aroundFour, 2, 1, 2, 3, 4, 5, 6, 7, 3));
        Assert.All(Classify(aroundFour, 7, 6, 5, 4, 3, 2, 1), c => Assert.Equal(TrendDecreasing, c));
        Assert.Equal([CommonCause, .. Enumerable.Repeat(TrendDecreasing, 7), CommonCause], Classify(aroundFour, 2, 7, 6, 5, 4, 3, 2, 1, 3));
    }

    // test-ptd_calculate_point_type.R, "ptd_two_in_three works as expected" and "ptd_part_of_two_in_three works as
    // expected": close = 20 (beyond 2σ, inside the limits), not close = ±1. Only the close points are flagged; in the
    // 7-point cases the other points are all above the mean, so they are a shift (lower precedence than two-in-three).
    [Fact]
    public void Two_of_three_points_beyond_two_sigma_on_one_side_flag_only_those_points()
    {
        Assert.Equal([TwoInThreeAbove, CommonCause, TwoInThreeAbove], Classify(Wide, 20, 1, 20));
        Assert.Equal([CommonCause, TwoInThreeAbove, TwoInThreeAbove], Classify(Wide, 1, 20, 20));
        Assert.Equal([TwoInThreeAbove, TwoInThreeAbove, CommonCause], Classify(Wide, 20, 20, 1));
        Assert.Equal([TwoInThreeBelow, CommonCause, TwoInThreeBelow], Classify(Wide, -20, -1, -20));
        Assert.Equal(
            [ShiftAbove, ShiftAbove, TwoInThreeAbove, ShiftAbove, TwoInThreeAbove, ShiftAbove, ShiftAbove],
            Classify(Wide, 1, 1, 20, 1, 20, 1, 1));
        Assert.Equal(
            [ShiftAbove, ShiftAbove, TwoInThreeAbove, TwoInThreeAbove, ShiftAbove, ShiftAbove, ShiftAbove],
            Classify(Wide, 1, 1, 20, 20, 1, 1, 1));
        Assert.All(Classify(Wide, 20, 1, 1, 20), c => Assert.Equal(CommonCause, c));
        Assert.Equal([CommonCause, CommonCause, CommonCause, TwoInThreeAbove, TwoInThreeAbove], Classify(Wide, 20, 1, 1, 20, 20));
    }

    // test-ptd_calculate_point_type.R, "ptd_two_in_three works as expected when points are on opposite sides of the mean".
    [Fact]
    public void Two_in_three_needs_all_three_points_on_the_same_side_of_the_mean()
    {
        Assert.All(Classify(Wide, 20, -1, 20), c => Assert.Equal(CommonCause, c));
        Assert.All(Classify(Wide, 1, -20, 20), c => Assert.Equal(CommonCause, c));
        Assert.All(Classify(Wide, 20, -20, 1), c => Assert.Equal(CommonCause, c));
        Assert.All(Classify(Wide, 1, -1, 20, -1, 20, -1, 1), c => Assert.Equal(CommonCause, c));
        Assert.All(Classify(Wide, -1, 1, -20, 20, -1, 1, -1), c => Assert.Equal(CommonCause, c));
    }

    [Fact]
    public void A_point_outside_the_limits_is_flagged_and_a_point_on_a_limit_is_not()
    {
        var limits = Around(0, 1);
        Assert.Equal([AboveUpperLimit, BelowLowerLimit, CommonCause, CommonCause], Classify(limits, 2.7, -2.7, limits.Upper, limits.Lower));
    }

    [Fact]
    public void A_point_on_the_mean_breaks_a_shift()
    {
        Assert.All(Classify(Wide, 1, 1, 1, 0, 1, 1, 1, 1), c => Assert.Equal(CommonCause, c));
    }

    // Precedence (NHSRplotthedots ptd_special_cause_type's case_when): outside limits > trend > two-in-three > shift.
    [Fact]
    public void Outside_limits_wins_over_a_trend_and_a_shift()
    {
        var causes = Classify(Wide, 1, 2, 3, 4, 5, 6, 30);
        Assert.Equal([.. Enumerable.Repeat(TrendIncreasing, 6), AboveUpperLimit], causes);
    }

    [Fact]
    public void A_trend_wins_over_two_in_three_and_a_shift()
    {
        // All seven above the mean and rising; the last two are beyond the 2σ line.
        Assert.All(Classify(Wide, 1, 2, 3, 4, 5, 18, 19), c => Assert.Equal(TrendIncreasing, c));
    }

    [Fact]
    public void Two_in_three_wins_over_a_shift()
    {
        Assert.Equal(
            [ShiftBelow, ShiftBelow, TwoInThreeBelow, ShiftBelow, TwoInThreeBelow, ShiftBelow, ShiftBelow],
            Classify(Wide, -1, -2, -20, -1, -20, -2, -1));
    }

    // NHSRplotthedots issue #171: a trend point's direction is the trend's, whatever its side of the mean.
    [Fact]
    public void A_falling_trend_above_the_mean_is_decreasing()
    {
        Assert.All(Classify(Wide, 7, 6, 5, 4, 3, 2, 1), c => Assert.Equal(TrendDecreasing, c));
        var types = Classify(Wide, 7, 6, 5, 4, 3, 2, 1).Select(c => PointTypes.Of(c, ImprovementDirection.Increase));
        Assert.All(types, t => Assert.Equal(PointType.SpecialCauseConcern, t));
    }

    [Fact]
    public void A_peak_shared_by_a_rising_and_a_falling_trend_takes_the_later_trend()
    {
        var causes = Classify(Around(4, 10), 1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1);
        Assert.Equal([.. Enumerable.Repeat(TrendIncreasing, 6), .. Enumerable.Repeat(TrendDecreasing, 7)], causes);
    }

    // The one point type in 36,000 where NHSRplotthedots 0.2.2 and Commonweal differed on 10,000 generated series: two
    // rising trends separated by a single falling step. The package reads the junction point by the step to the next
    // trend point (falling), so the plotthedots preset does too; Making Data Count keeps the run's own direction.
    [Fact]
    public void Where_two_rising_trends_are_separated_by_one_falling_step_plotthedots_reads_the_junction_as_decreasing()
    {
        double[] values = [1, 2, 3, 4, 5, 6, 7, 6.5, 7.5, 8.5, 9.5, 10.5, 11.5, 12.5];

        var plotthedots = Classify(SpcOptions.PlotTheDots, Around(7, 10), values);
        var mdc = Classify(SpcOptions.Mdc, Around(7, 10), values);

        Assert.Equal([.. Enumerable.Repeat(TrendIncreasing, 6), TrendDecreasing, .. Enumerable.Repeat(TrendIncreasing, 7)], plotthedots);
        Assert.Equal(Enumerable.Repeat(TrendIncreasing, 14), mdc);
    }

    // And where they are separated by an equal pair, R's ifelse(sdy == 1, "In", "De") reads the zero step as decreasing.
    [Fact]
    public void Where_two_rising_trends_are_separated_by_an_equal_pair_plotthedots_reads_the_zero_step_as_decreasing()
    {
        double[] values = [1, 2, 3, 4, 5, 6, 7, 7, 8, 9, 10, 11, 12, 13];

        Assert.Equal(TrendDecreasing, Classify(SpcOptions.PlotTheDots, Around(7, 10), values)[6]);
        Assert.Equal(TrendIncreasing, Classify(SpcOptions.Mdc, Around(7, 10), values)[6]);
    }

    [Fact]
    public void Two_in_three_rules_differ_on_points_beyond_the_process_limit()
    {
        // 30 is beyond the process limit (26.6), 20 between 2σ (17.73) and 3σ, 1 above the mean.
        Assert.Equal([AboveUpperLimit, TwoInThreeAbove, CommonCause], Classify(SpcOptions.Mdc, Wide, 30, 20, 1));
        Assert.Equal([AboveUpperLimit, CommonCause, CommonCause], Classify(SpcOptions.PlotTheDots, Wide, 30, 20, 1));
        // Under either rule, the third point must be on the same side of the mean and is not flagged unless beyond 2σ.
        Assert.Equal([AboveUpperLimit, CommonCause, CommonCause], Classify(SpcOptions.Mdc, Wide, 30, 20, -1));
    }

    [Fact]
    public void Run_lengths_can_be_changed()
    {
        var six = SpcOptions.Mdc with { TrendLength = 6, ShiftLength = 6 };
        Assert.All(Classify(six, Around(4, 10), 1, 2, 3, 4, 5, 6), c => Assert.Equal(TrendIncreasing, c));
        Assert.All(Classify(six, Wide, 1, 1, 1, 1, 1, 1), c => Assert.Equal(ShiftAbove, c));
        Assert.All(Classify(SpcOptions.Mdc, Wide, 1, 1, 1, 1, 1, 1), c => Assert.Equal(CommonCause, c));
        Assert.Equal("6 Point Trend (Increasing)", SpecialCauseRules.Describe(TrendIncreasing, six));
        Assert.Equal("6 Points Below CL", SpecialCauseRules.Describe(ShiftBelow, six));
        Assert.Throws<ArgumentOutOfRangeException>(() => SpcOptions.Mdc with { TrendLength = 1 });
    }

    [Fact]
    public void A_missing_value_meets_no_rule_and_breaks_runs_and_windows()
    {
        Assert.Equal(
            [CommonCause, CommonCause, CommonCause, Missing, CommonCause, CommonCause, CommonCause, CommonCause],
            Classify(Wide, 1, 1, 1, double.NaN, 1, 1, 1, 1));
        Assert.Equal(
            [CommonCause, CommonCause, CommonCause, Missing, CommonCause, CommonCause, CommonCause],
            Classify(Around(4, 10), 1, 2, 3, double.NaN, 5, 6, 7));
        Assert.Equal([CommonCause, Missing, CommonCause], Classify(Wide, 20, double.NaN, 20));
    }

    // The special_cause_type strings of NHSRplotthedots (ptd_special_cause_type).
    [Theory]
    [InlineData(CommonCause, "Common Cause")]
    [InlineData(AboveUpperLimit, "Above UCL")]
    [InlineData(BelowLowerLimit, "Below LCL")]
    [InlineData(TrendIncreasing, "7 Point Trend (Increasing)")]
    [InlineData(TrendDecreasing, "7 Point Trend (Decreasing)")]
    [InlineData(TwoInThreeAbove, "2 in 3 Above CL")]
    [InlineData(TwoInThreeBelow, "2 in 3 Below CL")]
    [InlineData(ShiftAbove, "7 Points Above CL")]
    [InlineData(ShiftBelow, "7 Points Below CL")]
    [InlineData(Missing, "")]
    public void Causes_are_described_in_NHSRplotthedots_words(SpecialCause cause, string expected) =>
        Assert.Equal(expected, SpecialCauseRules.Describe(cause, SpcOptions.Mdc));
}
