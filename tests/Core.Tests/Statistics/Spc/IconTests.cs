using Commonweal.Core.Statistics.Spc;
using static Commonweal.Core.Tests.Statistics.Spc.SpcTestData;

namespace Commonweal.Core.Tests.Statistics.Spc;

/// <summary>Variation and assurance icons. Categorical results, so exact.</summary>
public sealed class IconTests
{
    // tests/testthat/test-ptd_calculate_assurance_type.R: facets a, b, c with limits (1, 3), (5, 7), (1, 5) and target 4.
    [Theory]
    [InlineData(1, 3, ImprovementDirection.Increase, AssuranceIcon.ConsistentFail)]
    [InlineData(5, 7, ImprovementDirection.Increase, AssuranceIcon.ConsistentPass)]
    [InlineData(1, 5, ImprovementDirection.Increase, AssuranceIcon.Inconsistent)]
    [InlineData(1, 3, ImprovementDirection.Decrease, AssuranceIcon.ConsistentPass)]
    [InlineData(5, 7, ImprovementDirection.Decrease, AssuranceIcon.ConsistentFail)]
    [InlineData(1, 5, ImprovementDirection.Decrease, AssuranceIcon.Inconsistent)]
    [InlineData(1, 3, ImprovementDirection.Neutral, AssuranceIcon.None)]
    [InlineData(5, 7, ImprovementDirection.Neutral, AssuranceIcon.None)]
    public void Assurance_follows_NHSRplotthedots(double lower, double upper, ImprovementDirection direction, AssuranceIcon expected)
    {
        var limits = new XmrLimits((lower + upper) / 2, 1, lower, upper, lower, upper, 20, null);
        Assert.Equal(expected, AssuranceIcons.Of(limits, 4, direction));
    }

    // test-ptd_calculate_assurance_type.R, "it returns a column of NA's if there is no target".
    [Fact]
    public void Without_a_target_or_limits_there_is_no_assurance_icon()
    {
        Assert.Equal(AssuranceIcon.None, AssuranceIcons.Of(Around(0, 1), double.NaN, ImprovementDirection.Increase));
        var noLimits = XmrLimits.FromBaseline([3], screenMovingRanges: false);
        Assert.Equal(AssuranceIcon.None, AssuranceIcons.Of(noLimits, 10, ImprovementDirection.Increase));
        Assert.Equal(AssuranceIcon.None, AssuranceIcons.Of(ReadOnlySpan<XmrPoint>.Empty, 10, ImprovementDirection.Increase));
    }

    [Fact]
    public void A_target_on_a_limit_is_inconsistent()
    {
        var limits = new XmrLimits(4, 1, 2, 6, 3, 5, 20, null);
        Assert.Equal(AssuranceIcon.Inconsistent, AssuranceIcons.Of(limits, 6, ImprovementDirection.Increase));
        Assert.Equal(AssuranceIcon.Inconsistent, AssuranceIcons.Of(limits, 2, ImprovementDirection.Decrease));
    }

    // test-ptd_calculate_assurance_type.R, "it returns correct values for assurance when rebase" (and issue #172): the
    // last point's limits decide, so after a rebase it is the last segment's.
    [Fact]
    public void Assurance_uses_the_last_segment_after_a_rebase()
    {
        // Segment 1 far below the target 50 (consistent fail), segment 2 straddling it.
        double[] low = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11];
        double[] around = [40, 60, 40, 60, 40, 60, 40, 60, 40, 60, 40, 60];
        var rebased = XmrChart.Analyse([.. low, .. around], SpcOptions.Mdc, target: 50, segmentStarts: [12]);
        Assert.Equal(AssuranceIcon.Inconsistent, rebased.Assurance);
        Assert.Equal(AssuranceIcon.ConsistentFail, XmrChart.Analyse(low, SpcOptions.Mdc, target: 50).Assurance);
    }

    [Theory]
    [InlineData(PointType.CommonCause, ImprovementDirection.Increase, VariationIcon.CommonCause)]
    [InlineData(PointType.SpecialCauseImprovement, ImprovementDirection.Increase, VariationIcon.ImprovementHigh)]
    [InlineData(PointType.SpecialCauseImprovement, ImprovementDirection.Decrease, VariationIcon.ImprovementLow)]
    [InlineData(PointType.SpecialCauseConcern, ImprovementDirection.Increase, VariationIcon.ConcernLow)]
    [InlineData(PointType.SpecialCauseConcern, ImprovementDirection.Decrease, VariationIcon.ConcernHigh)]
    [InlineData(PointType.SpecialCauseNeutralHigh, ImprovementDirection.Neutral, VariationIcon.NeutralHigh)]
    [InlineData(PointType.SpecialCauseNeutralLow, ImprovementDirection.Neutral, VariationIcon.NeutralLow)]
    [InlineData(PointType.Missing, ImprovementDirection.Increase, VariationIcon.None)]
    public void Variation_icon_from_the_last_point_type(PointType type, ImprovementDirection direction, VariationIcon expected) =>
        Assert.Equal(expected, VariationIcons.Of(type, direction));

    // Every variation icon from a whole chart: the 12-point alternating baseline (limits ±5.32), then a last point that is
    // above the upper limit (9) or below the lower limit (-9), or common cause (0.5).
    [Theory]
    [InlineData(9, ImprovementDirection.Increase, VariationIcon.ImprovementHigh, "improvement_high")]
    [InlineData(-9, ImprovementDirection.Decrease, VariationIcon.ImprovementLow, "improvement_low")]
    [InlineData(9, ImprovementDirection.Decrease, VariationIcon.ConcernHigh, "concern_high")]
    [InlineData(-9, ImprovementDirection.Increase, VariationIcon.ConcernLow, "concern_low")]
    [InlineData(9, ImprovementDirection.Neutral, VariationIcon.NeutralHigh, "neutral_high")]
    [InlineData(-9, ImprovementDirection.Neutral, VariationIcon.NeutralLow, "neutral_low")]
    [InlineData(0.5, ImprovementDirection.Increase, VariationIcon.CommonCause, "common_cause")]
    public void Every_variation_icon_from_a_chart(double last, ImprovementDirection direction, VariationIcon expected, string code)
    {
        var options = SpcOptions.Mdc with { Improvement = direction, FixAfterPoints = 12 };
        var chart = XmrChart.Analyse([.. AlternatingBaseline(), last], options);
        Assert.Equal(expected, chart.Variation);
        Assert.Equal(code, chart.Variation.Code());
    }

    [Theory]
    [InlineData(SpecialCause.AboveUpperLimit, ImprovementDirection.Increase, "special_cause_improvement")]
    [InlineData(SpecialCause.TrendDecreasing, ImprovementDirection.Increase, "special_cause_concern")]
    [InlineData(SpecialCause.TwoInThreeBelow, ImprovementDirection.Decrease, "special_cause_improvement")]
    [InlineData(SpecialCause.ShiftAbove, ImprovementDirection.Decrease, "special_cause_concern")]
    [InlineData(SpecialCause.TrendIncreasing, ImprovementDirection.Neutral, "special_cause_neutral_high")]
    [InlineData(SpecialCause.BelowLowerLimit, ImprovementDirection.Neutral, "special_cause_neutral_low")]
    [InlineData(SpecialCause.CommonCause, ImprovementDirection.Decrease, "common_cause")]
    [InlineData(SpecialCause.Missing, ImprovementDirection.Increase, "")]
    public void Point_types_and_their_codes(SpecialCause cause, ImprovementDirection direction, string code) =>
        Assert.Equal(code, PointTypes.Of(cause, direction).Code());

    [Fact]
    public void Assurance_codes()
    {
        Assert.Equal("consistent_pass", AssuranceIcon.ConsistentPass.Code());
        Assert.Equal("consistent_fail", AssuranceIcon.ConsistentFail.Code());
        Assert.Equal("inconsistent", AssuranceIcon.Inconsistent.Code());
        Assert.Equal("", AssuranceIcon.None.Code());
    }
}
