using Commonweal.Core.Statistics.Spc;
using static Commonweal.Core.Tests.Statistics.Spc.SpcTestData;

namespace Commonweal.Core.Tests.Statistics.Spc;

/// <summary>Whole charts: segments, fixed limits, presets, trial limits, edge cases. Tolerances as in <see cref="XmrLimitsTests"/>.</summary>
public sealed class XmrChartTests
{
    // tests/testthat/test-ptd_spc.R, "it outputs expected content" (summary snapshot in _snaps/ptd_spc.md): 20 points,
    // 20 common cause, mean 0.142, lpl -3.01, upl 3.29; with target 0.5 the target is inside the limits.
    [Fact]
    public void The_rnorm_series_is_all_common_cause_under_both_presets()
    {
        foreach (var options in new[] { SpcOptions.PlotTheDots, SpcOptions.Mdc })
        {
            var chart = XmrChart.Analyse(Rnorm20Seed123, options, target: 0.5);
            Assert.All(chart.Points, p => Assert.Equal(PointType.CommonCause, p.PointType));
            Assert.All(chart.Points, p => Assert.Equal(1, p.Segment));
            Assert.Equal(VariationIcon.CommonCause, chart.Variation);
            Assert.Equal(AssuranceIcon.Inconsistent, chart.Assurance);
            Assert.False(chart.TrialLimits);
        }
    }

    [Fact]
    public void Moving_ranges_are_reported_for_every_point_but_the_first_of_a_segment()
    {
        var chart = XmrChart.Analyse([1, 3, 2, double.NaN, 4, 6], SpcOptions.Mdc, segmentStarts: [5]);
        Assert.Equal([double.NaN, 2, 1, double.NaN, double.NaN, double.NaN], chart.Points.Select(p => p.MovingRange));
        Assert.Equal([1, 1, 1, 1, 1, 2], chart.Points.Select(p => p.Segment));
    }

    // Rebasing: each segment gets its own limits. NHSRplotthedots computes per (facet, rebase_group) with the same code, so
    // the facet snapshot of tests/testthat/test-ptd_spc.R "it outputs expected content" (s3: 10 + 10 points) gives the
    // expected limits of a rebase at the 11th point: 0.0746, -2.60, 2.75 then 0.209, -3.28, 3.70 (3 significant figures;
    // tolerance half a unit in the last printed digit). test-ptd_spc_standard.R "it sets the rebase_group field" checks the
    // split itself (10 points in group 0, 10 in group 1).
    [Fact]
    public void A_rebase_starts_a_segment_with_its_own_limits()
    {
        var chart = XmrChart.Analyse(Rnorm20Seed123, SpcOptions.PlotTheDots, segmentStarts: [10]);
        Assert.Equal([.. Enumerable.Repeat(1, 10), .. Enumerable.Repeat(2, 10)], chart.Points.Select(p => p.Segment));
        var first = chart.Points[0].Limits;
        var second = chart.Points[10].Limits;
        Assert.Equal(0.0746, first.Mean, 5e-5);
        Assert.Equal(-2.60, first.Lower, 5e-3);
        Assert.Equal(2.75, first.Upper, 5e-3);
        Assert.Equal(0.209, second.Mean, 5e-4);
        Assert.Equal(-3.28, second.Lower, 5e-3);
        Assert.Equal(3.70, second.Upper, 5e-3);
        Assert.All(chart.Points, p => Assert.True(p.TrialLimits)); // 10 points each: NHSRplotthedots' short_group_warning
        Assert.True(chart.TrialLimits);
    }

    [Fact]
    public void Runs_do_not_cross_a_rebase()
    {
        // Four points above the mean at the end of one segment and four at the start of the next: no shift in either.
        double[] values = [-5, -1, -4, -2, 1, 4, 2, 5, 5, 2, 4, 1, -2, -4, -1, -5];
        var whole = XmrChart.Analyse(values, SpcOptions.Mdc);
        var split = XmrChart.Analyse(values, SpcOptions.Mdc, segmentStarts: [8]);
        Assert.Equal(SpecialCause.ShiftAbove, whole.Points[4].SpecialCause);
        Assert.All(split.Points, p => Assert.Equal(PointType.CommonCause, p.PointType));
    }

    // tests/testthat/test-ptd_spc_standard.R, "setting fix_after_n_points changes the calculations": with
    // fix_after_n_points = 12 the limits differ from those of all 20 points. The values are our arithmetic on R's formula
    // (mean and MR̄ of the first 12 values: 0.19417934, 1.0532252454...), to the 8-decimal inputs' precision (1e-7).
    [Fact]
    public void Fixed_limits_come_from_the_first_n_points_of_the_segment()
    {
        var options = SpcOptions.PlotTheDots with { FixAfterPoints = 12 };
        var chart = XmrChart.Analyse(Rnorm20Seed123, options);
        var limits = chart.Points[0].Limits;
        Assert.Equal(0.19417934, limits.Mean, 1e-7);
        Assert.Equal(1.0532252454545452, limits.MeanMovingRange, 1e-7);
        Assert.Equal(-2.6073998129090903, limits.Lower, 1e-7);
        Assert.Equal(2.995758492909091, limits.Upper, 1e-7);
        Assert.NotEqual(XmrChart.Analyse(Rnorm20Seed123, SpcOptions.PlotTheDots).Points[0].Limits.Lower, limits.Lower);
        Assert.All(chart.Points, p => Assert.Equal(limits, p.Limits));
        Assert.Equal(12, limits.BaselinePoints);
        Assert.False(chart.TrialLimits);
    }

    [Fact]
    public void Points_after_the_baseline_are_judged_against_the_fixed_limits()
    {
        // Baseline mean 0, limits ±5.32: a later 6 is outside although it would widen limits drawn from all points.
        var tail = AfterBaseline(SpcOptions.Mdc, 6, -1, -6);
        Assert.Equal([SpecialCause.AboveUpperLimit, SpecialCause.CommonCause, SpecialCause.BelowLowerLimit], tail.Select(p => p.SpecialCause));
        Assert.All(tail, p => Assert.Equal(5.32, p.Limits.Upper, 1e-12));
        var unfixed = XmrChart.Analyse([.. AlternatingBaseline(), 6, -1, -6], SpcOptions.Mdc);
        Assert.Equal(PointType.CommonCause, unfixed.Points[12].PointType);
    }

    [Fact]
    public void Fixed_limits_apply_within_each_segment()
    {
        double[] values = [.. AlternatingBaseline(), 6, .. AlternatingBaseline().Select(v => v * 2), 11];
        var chart = XmrChart.Analyse(values, SpcOptions.Mdc with { FixAfterPoints = 12 }, segmentStarts: [13]);
        Assert.Equal(5.32, chart.Points[12].Limits.Upper, 1e-12);
        Assert.Equal(SpecialCause.AboveUpperLimit, chart.Points[12].SpecialCause);
        Assert.Equal(10.64, chart.Points[^1].Limits.Upper, 1e-12);
        Assert.Equal(SpecialCause.AboveUpperLimit, chart.Points[^1].SpecialCause);
        Assert.Equal(12, chart.Points[^1].Limits.BaselinePoints);
    }

    // The presets differ on two-in-three: 6 is beyond the process limit (5.32), 4 between 2σ (3.55) and 3σ, 1 above the
    // mean. MDC (November 2023) counts the 6, so 4 is special cause; NHSRplotthedots 0.2.x counts only the 4.
    [Fact]
    public void Mdc_counts_a_point_beyond_the_limit_towards_two_in_three_and_plotthedots_does_not()
    {
        var mdc = AfterBaseline(SpcOptions.Mdc, 6, 4, 1, -1);
        var ptd = AfterBaseline(SpcOptions.PlotTheDots, 6, 4, 1, -1);
        Assert.Equal(
            [SpecialCause.AboveUpperLimit, SpecialCause.TwoInThreeAbove, SpecialCause.CommonCause, SpecialCause.CommonCause],
            mdc.Select(p => p.SpecialCause));
        Assert.Equal(
            [SpecialCause.AboveUpperLimit, SpecialCause.CommonCause, SpecialCause.CommonCause, SpecialCause.CommonCause],
            ptd.Select(p => p.SpecialCause));
    }

    // The presets differ on screening: the rnorm series with an outlier of 10 (test-ptd_spc_standard.R r2/r3 snapshots).
    [Fact]
    public void Plotthedots_screens_moving_ranges_and_mdc_does_not()
    {
        double[] values = [.. Rnorm20Seed123];
        values[14] = 10;
        Assert.Equal(3.722497, XmrChart.Analyse(values, SpcOptions.PlotTheDots).Points[0].Limits.Upper, 1e-6);
        Assert.Equal(5.935457, XmrChart.Analyse(values, SpcOptions.Mdc).Points[0].Limits.Upper, 1e-6);

        // A second high value, 5.5, two points later: screened limits (upper 5.135) put it outside; unscreened
        // (2σ 5.123, upper 7.225) put it beyond 2σ, where with the 10 in the same window it is two-in-three.
        values[16] = 5.5;
        var ptd = XmrChart.Analyse(values, SpcOptions.PlotTheDots).Points;
        var mdc = XmrChart.Analyse(values, SpcOptions.Mdc).Points;
        Assert.Equal(5.135, ptd[0].Limits.Upper, 5e-4);
        Assert.Equal(7.225, mdc[0].Limits.Upper, 5e-4);
        Assert.Equal(SpecialCause.AboveUpperLimit, ptd[16].SpecialCause);
        Assert.Equal(SpecialCause.TwoInThreeAbove, mdc[16].SpecialCause);
        Assert.Equal(SpecialCause.AboveUpperLimit, mdc[14].SpecialCause);
    }

    // tests/testthat/test-ptd_spc_standard.R, "it only reports special cause for 2of3 points close to limits when they are
    // on the same side of the mean": 1, -1 repeated, then 5.5 and -5.5 as the last two points: both common cause.
    [Fact]
    public void Two_close_points_on_opposite_sides_of_the_mean_are_common_cause()
    {
        double[] values = [1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 5.5, -5.5];
        foreach (var options in new[] { SpcOptions.PlotTheDots, SpcOptions.Mdc })
        {
            var points = XmrChart.Analyse(values, options).Points;
            Assert.Equal([PointType.CommonCause, PointType.CommonCause], points.TakeLast(2).Select(p => p.PointType));
        }
    }

    [Theory]
    [InlineData(11, true)]
    [InlineData(12, false)]
    public void Fewer_than_12_points_give_trial_limits(int count, bool trial)
    {
        var values = Enumerable.Range(0, count).Select(i => (double)(i % 3)).ToArray();
        var chart = XmrChart.Analyse(values, SpcOptions.Mdc);
        Assert.Equal(trial, chart.TrialLimits);
        Assert.All(chart.Points, p => Assert.Equal(trial, p.TrialLimits));
    }

    [Fact]
    public void Limits_fixed_after_fewer_than_12_points_are_trial_limits()
    {
        var chart = XmrChart.Analyse(Rnorm20Seed123, SpcOptions.Mdc with { FixAfterPoints = 8 });
        Assert.True(chart.TrialLimits);
        Assert.Equal(8, chart.Points[^1].Limits.BaselinePoints);
    }

    [Theory]
    [InlineData("mdc")]
    [InlineData("plotthedots")]
    public void A_constant_series_is_all_common_cause_with_limits_at_the_mean(string preset)
    {
        Assert.True(SpcOptions.TryGetPreset(preset, out var options));
        var chart = XmrChart.Analyse(Enumerable.Repeat(42.0, 24).ToArray(), options, target: 40);
        Assert.All(chart.Points, p =>
        {
            Assert.Equal(PointType.CommonCause, p.PointType);
            Assert.Equal(42, p.Limits.Lower);
            Assert.Equal(42, p.Limits.Upper);
        });
        Assert.Equal(VariationIcon.CommonCause, chart.Variation);
        Assert.Equal(AssuranceIcon.ConsistentPass, chart.Assurance); // target 40 below the lower limit 42; higher is better
    }

    [Fact]
    public void A_change_after_a_constant_baseline_is_outside_the_fixed_limits()
    {
        var chart = XmrChart.Analyse([.. Enumerable.Repeat(3.0, 12), 3, 4], SpcOptions.PlotTheDots with { FixAfterPoints = 12 });
        Assert.Equal(SpecialCause.CommonCause, chart.Points[12].SpecialCause);
        Assert.Equal(SpecialCause.AboveUpperLimit, chart.Points[13].SpecialCause);
    }

    [Fact]
    public void Missing_values_are_left_out_of_the_limits_and_marked()
    {
        double[] values = [.. Rnorm20Seed123];
        values[5] = double.NaN;
        var chart = XmrChart.Analyse(values, SpcOptions.Mdc);
        Assert.Equal(SpecialCause.Missing, chart.Points[5].SpecialCause);
        Assert.Equal(PointType.Missing, chart.Points[5].PointType);
        Assert.Equal(19, chart.Points[0].Limits.BaselinePoints);
        var withoutIt = Rnorm20Seed123.Where((_, i) => i != 5).ToArray();
        Assert.Equal(withoutIt.Average(), chart.Points[0].Limits.Mean, 1e-14);
        Assert.Equal(PointType.CommonCause, chart.Points[4].PointType);
    }

    [Fact]
    public void A_missing_last_value_gives_no_variation_or_assurance_icon()
    {
        var chart = XmrChart.Analyse([.. Rnorm20Seed123, double.NaN], SpcOptions.Mdc, target: 5);
        Assert.Equal(VariationIcon.None, chart.Variation);
        Assert.Equal(AssuranceIcon.ConsistentFail, chart.Assurance); // limits still exist: target 5 above the upper limit
    }

    [Fact]
    public void An_empty_series_has_no_points_and_no_icons()
    {
        var chart = XmrChart.Analyse([], SpcOptions.Mdc, target: 1);
        Assert.Empty(chart.Points);
        Assert.Equal(VariationIcon.None, chart.Variation);
        Assert.Equal(AssuranceIcon.None, chart.Assurance);
        Assert.False(chart.TrialLimits);
    }

    [Fact]
    public void Bad_arguments_are_programming_errors()
    {
        var points = new XmrPoint[3];
        Assert.Throws<ArgumentException>(() => XmrChart.Calculate([1.0, 2, 3], [2, 1], SpcOptions.Mdc, points));
        Assert.Throws<ArgumentException>(() => XmrChart.Calculate([1.0, 2, 3], [3], SpcOptions.Mdc, points));
        Assert.Throws<ArgumentException>(() => XmrChart.Calculate([1.0, 2, 3], SpcOptions.Mdc, new XmrPoint[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => SpcOptions.Mdc with { FixAfterPoints = 1 });
        Assert.False(SpcOptions.TryGetPreset("excel", out _));
    }

    [Fact]
    public void A_rebase_at_the_first_point_changes_nothing()
    {
        var points = new XmrPoint[20];
        XmrChart.Calculate(Rnorm20Seed123, [0], SpcOptions.Mdc, points);
        Assert.Equal(XmrChart.Analyse(Rnorm20Seed123, SpcOptions.Mdc).Points, points);
    }

    [Fact]
    public void Long_series_use_pooled_scratch_and_give_the_same_answer()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 2000).Select(_ => random.NextDouble()).ToArray();
        var whole = new XmrPoint[values.Length];
        XmrChart.Calculate(values, [1000], SpcOptions.Mdc, whole);
        var secondHalf = new XmrPoint[1000];
        XmrChart.Calculate(values.AsSpan(1000), SpcOptions.Mdc, secondHalf);
        Assert.Equal(secondHalf.Select(p => (p.Limits, p.SpecialCause)), whole[1000..].Select(p => (p.Limits, p.SpecialCause)));
    }
}
