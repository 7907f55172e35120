using CsCheck;
using Commonweal.Core.Statistics.Spc;

namespace Commonweal.Core.Tests.Statistics.Spc;

/// <summary>Properties of XmR charts over random series (CsCheck).</summary>
public sealed class SpcPropertyTests
{
    private static readonly Gen<double[]> Series = Gen.Double[-1000, 1000].Array[2, 60];

    // Multiples of 1/8: sums and differences are exact, so adding an integer keeps every moving range and every tie
    // with the mean exactly, and any other gap (≥ 1 / (800 n (n − 1)), from 2.66 = 266/100) dwarfs rounding. Random
    // doubles would not do: CsCheck makes values like 3E-82, whose differences vanish when 365 is added.
    private static readonly Gen<double[]> GridSeries = Gen.Int[-8000, 8000].Select(k => k / 8.0).Array[2, 60];
    private static readonly Gen<SpcOptions> Options = Gen.Select(Gen.Bool, Gen.Int[0, 2], (ptd, direction) =>
        (ptd ? SpcOptions.PlotTheDots : SpcOptions.Mdc) with { Improvement = (ImprovementDirection)direction });

    [Fact]
    public void Limits_are_ordered_and_symmetric_about_the_mean() =>
        Gen.Select(Series, Gen.Bool).Sample((values, screen) =>
        {
            var l = XmrLimits.FromBaseline(values, screen);
            var tolerance = 1e-12 * (Math.Abs(l.Mean) + l.MeanMovingRange + 1);
            Assert.True(l.Lower <= l.LowerTwoSigma && l.LowerTwoSigma <= l.Mean && l.Mean <= l.UpperTwoSigma && l.UpperTwoSigma <= l.Upper);
            Assert.Equal(l.Upper - l.Mean, l.Mean - l.Lower, tolerance);
            Assert.Equal(l.UpperTwoSigma - l.Mean, l.Mean - l.LowerTwoSigma, tolerance);
            Assert.True(l.MeanMovingRange >= 0);
        });

    [Fact]
    public void Screening_never_widens_the_limits() =>
        Series.Sample(values =>
            Assert.True(XmrLimits.FromBaseline(values, true).MeanMovingRange <= XmrLimits.FromBaseline(values, false).MeanMovingRange + 1e-9));

    [Fact]
    public void Adding_a_constant_moves_the_limits_and_changes_no_point_type() =>
        Gen.Select(GridSeries, Options, Gen.Int[-500, 500]).Sample((values, options, shift) =>
        {
            var before = XmrChart.Analyse(values, options).Points;
            var after = XmrChart.Analyse(values.Select(v => v + shift).ToArray(), options).Points;
            Assert.Equal(before.Select(p => p.PointType), after.Select(p => p.PointType));
            Assert.Equal(before[0].Limits.Mean + shift, after[0].Limits.Mean, 1e-9);
            Assert.Equal(before[0].Limits.Upper + shift, after[0].Limits.Upper, 1e-9);
        });

    [Fact]
    public void A_common_cause_series_stays_common_cause_when_a_constant_is_added() =>
        Gen.Select(GridSeries, Gen.Int[-500, 500]).Sample((values, shift) =>
        {
            var chart = XmrChart.Analyse(values, SpcOptions.Mdc);
            if (chart.Points.Any(p => p.PointType != PointType.CommonCause)) return;
            Assert.All(XmrChart.Analyse(values.Select(v => v + shift).ToArray(), SpcOptions.Mdc).Points, p => Assert.Equal(PointType.CommonCause, p.PointType));
        });

    // Mirror symmetry: negating every value and swapping increase and decrease keeps improvement and concern where they
    // were; with a neutral direction high and low swap.
    [Fact]
    public void Negating_the_values_and_swapping_the_direction_keeps_improvement_and_concern() =>
        Gen.Select(Series, Options).Sample((values, options) =>
        {
            var mirrored = options with
            {
                Improvement = options.Improvement switch
                {
                    ImprovementDirection.Increase => ImprovementDirection.Decrease,
                    ImprovementDirection.Decrease => ImprovementDirection.Increase,
                    _ => ImprovementDirection.Neutral,
                },
            };
            var before = XmrChart.Analyse(values, options).Points;
            var after = XmrChart.Analyse(values.Select(v => -v).ToArray(), mirrored).Points;
            for (var i = 0; i < values.Length; i++)
            {
                var expected = before[i].PointType switch
                {
                    PointType.SpecialCauseNeutralHigh => PointType.SpecialCauseNeutralLow,
                    PointType.SpecialCauseNeutralLow => PointType.SpecialCauseNeutralHigh,
                    var same => same,
                };
                Assert.Equal(expected, after[i].PointType);
            }
        });

    [Fact]
    public void No_run_crosses_a_rebase() =>
        Series.Sample(values =>
        {
            // Segments of 6 points: no 7-point trend or shift can exist.
            var starts = Enumerable.Range(1, (values.Length - 1) / 6).Select(k => k * 6).Where(s => s < values.Length).ToArray();
            var chart = XmrChart.Analyse(values, SpcOptions.Mdc, segmentStarts: starts);
            Assert.DoesNotContain(chart.Points, p => p.SpecialCause is SpecialCause.TrendIncreasing or SpecialCause.TrendDecreasing
                or SpecialCause.ShiftAbove or SpecialCause.ShiftBelow);
        });

    [Fact]
    public void Every_point_outside_its_limits_is_flagged_as_such() =>
        Gen.Select(Series, Options).Sample((values, options) =>
        {
            var points = XmrChart.Analyse(values, options).Points;
            for (var i = 0; i < values.Length; i++)
            {
                var l = points[i].Limits;
                var outside = values[i] > l.Upper || values[i] < l.Lower;
                Assert.Equal(outside, points[i].SpecialCause is SpecialCause.AboveUpperLimit or SpecialCause.BelowLowerLimit);
            }
        });
}
