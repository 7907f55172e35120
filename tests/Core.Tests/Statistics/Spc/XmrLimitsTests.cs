using Commonweal.Core.Statistics.Spc;
using static Commonweal.Core.Tests.Statistics.Spc.SpcTestData;

namespace Commonweal.Core.Tests.Statistics.Spc;

/// <summary>
/// XmR limits against NHSRplotthedots 0.2.x published snapshots. Tolerances: the snapshots print 7 significant figures
/// (half a unit: 5e-8 for the mean 0.1416238, 5e-7 for limits like 3.294627) and the inputs are R's rnorm values to
/// 8 decimals (≤ 5e-9 each, so ≤ 3e-8 on a limit): we allow 1e-7 on means and 1e-6 on limits.
/// </summary>
public sealed class XmrLimitsTests
{
    [Fact]
    public void The_two_sigma_constant_is_NHSRplotthedots_limitclose()
    {
        // R/ptd_spc_standard.R: limit <- 2.66; limitclose <- 2 * (limit / 3)
        Assert.Equal(2 * (2.66 / 3), XmrLimits.TwoSigmaFactor);
        Assert.Equal(1.7733333333333334, XmrLimits.TwoSigmaFactor, 1e-15);
        Assert.Equal(2.66, XmrLimits.ProcessLimitFactor);
        Assert.Equal(3.267, XmrLimits.ScreeningFactor);
    }

    // tests/testthat/test-ptd_spc_standard.R, "it returns expected values" (r1), snapshot
    // tests/testthat/_snaps/ptd_spc_standard.md: mean_col 0.1416238, lpl -3.01138, upl 3.294627; also the summary in
    // _snaps/ptd_spc.md ("it outputs expected content": 0.142, -3.01, 3.29).
    [Fact]
    public void Limits_of_the_rnorm_series_match_the_NHSRplotthedots_snapshot()
    {
        var limits = XmrLimits.FromBaseline(Rnorm20Seed123, screenMovingRanges: true);
        Assert.Equal(0.1416238, limits.Mean, 1e-7);
        Assert.Equal(-3.011380, limits.Lower, 1e-6);
        Assert.Equal(3.294627, limits.Upper, 1e-6);
        Assert.Equal(20, limits.BaselinePoints);
        Assert.False(limits.IsTrial);
        Assert.Null(limits.Note);
        // No moving range here reaches 3.267 × MR̄, so screening changes nothing: MDC draws the same limits.
        Assert.Equal(limits, XmrLimits.FromBaseline(Rnorm20Seed123, screenMovingRanges: false));
    }

    // tests/testthat/test-ptd_spc_standard.R, "it returns expected values" with data$y[15] <- 10: r2 (screen_outliers = TRUE)
    // mean 0.6694159, lpl -2.383666, upl 3.722497; r3 (screen_outliers = FALSE) lpl -4.596625, upl 5.935457.
    // This is where the presets differ: plotthedots screens the two moving ranges next to the outlier, MDC does not.
    [Fact]
    public void Screening_moving_ranges_reproduces_both_NHSRplotthedots_snapshots()
    {
        double[] values = [.. Rnorm20Seed123];
        values[14] = 10;

        var screened = XmrLimits.FromBaseline(values, screenMovingRanges: true);
        Assert.Equal(0.6694159, screened.Mean, 1e-7);
        Assert.Equal(-2.383666, screened.Lower, 1e-6);
        Assert.Equal(3.722497, screened.Upper, 1e-6);

        var unscreened = XmrLimits.FromBaseline(values, screenMovingRanges: false);
        Assert.Equal(0.6694159, unscreened.Mean, 1e-7);
        Assert.Equal(-4.596625, unscreened.Lower, 1e-6);
        Assert.Equal(5.935457, unscreened.Upper, 1e-6);
    }

    [Fact]
    public void The_two_sigma_lines_are_two_thirds_of_the_way_to_the_limits()
    {
        var limits = XmrLimits.FromBaseline([1, 3, 2, 5, 4], screenMovingRanges: false);
        // mean 3, moving ranges 2, 1, 3, 1: MR̄ 1.75.
        Assert.Equal(3, limits.Mean, 1e-15);
        Assert.Equal(1.75, limits.MeanMovingRange, 1e-15);
        Assert.Equal(3 + (2.66 * 1.75), limits.Upper, 1e-14);
        Assert.Equal(3 - (2.66 * 1.75), limits.Lower, 1e-14);
        Assert.Equal(3 + (1.7733333333333334 * 1.75), limits.UpperTwoSigma, 1e-14);
        Assert.Equal(3 - (1.7733333333333334 * 1.75), limits.LowerTwoSigma, 1e-14);
        Assert.True(limits.IsTrial);
    }

    // A constant baseline has MR̄ = 0: the limits and 2σ lines equal the mean, with no NaN, under either preset.
    // (NHSRplotthedots with screen_outliers = TRUE drops every moving range, as none is below 3.267 × 0, and draws NaN limits.)
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_constant_baseline_has_limits_equal_to_the_mean(bool screen)
    {
        var limits = XmrLimits.FromBaseline([5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5], screen);
        Assert.Equal(new XmrLimits(5, 0, 5, 5, 5, 5, 13, null), limits);
        Assert.True(limits.IsDefined);
    }

    // As NHSRplotthedots: mean(na.rm = TRUE), and mr = abs(diff(y)) is NA on both sides of an NA, so no range bridges the gap.
    [Fact]
    public void A_missing_value_is_left_out_and_no_moving_range_bridges_it()
    {
        var limits = XmrLimits.FromBaseline([1, 3, double.NaN, 4, 2], screenMovingRanges: false);
        Assert.Equal(2.5, limits.Mean, 1e-15);
        Assert.Equal(2, limits.MeanMovingRange, 1e-15);
        Assert.Equal(4, limits.BaselinePoints);
    }

    [Fact]
    public void Without_two_consecutive_values_there_are_no_limits_and_a_note_says_why()
    {
        var single = XmrLimits.FromBaseline([4], screenMovingRanges: true);
        Assert.Equal(4, single.Mean);
        Assert.True(double.IsNaN(single.Upper) && double.IsNaN(single.Lower) && double.IsNaN(single.MeanMovingRange));
        Assert.Equal(XmrLimits.NoMovingRangeNote, single.Note);
        Assert.False(single.IsDefined);

        var gappy = XmrLimits.FromBaseline([4, double.NaN, 6], screenMovingRanges: false);
        Assert.Equal(5, gappy.Mean);
        Assert.Equal(XmrLimits.NoMovingRangeNote, gappy.Note);

        var empty = XmrLimits.FromBaseline([double.NaN, double.NaN], screenMovingRanges: false);
        Assert.True(double.IsNaN(empty.Mean));
        Assert.Equal(XmrLimits.NoValuesNote, empty.Note);
        Assert.Equal(0, empty.BaselinePoints);
    }
}
