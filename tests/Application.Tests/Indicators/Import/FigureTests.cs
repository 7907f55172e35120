using Commonweal.Application.Indicators.Import;
using Commonweal.Core.Indicators;

namespace Commonweal.Application.Tests.Indicators.Import;

/// <summary>Numbers as publishers write them, with the precision they were written to.</summary>
public sealed class FigureTests
{
    [Theory]
    [InlineData("214,022", 214_022, 0)]
    [InlineData("1,042,153", 1_042_153, 0)]
    [InlineData("46608551.5", 46_608_551.5, 1)]
    [InlineData("19.17076526", 19.17076526, 8)]
    [InlineData("-3.5", -3.5, 1)]
    [InlineData("1.5e-3", 0.0015, 4)]
    [InlineData("6144702.985432696", 6144702.985432696, 9)]
    public void Numbers_are_read_with_the_decimals_they_were_written_with(string text, double value, int decimals)
    {
        Assert.True(Figure.TryParse(text, out var figure, out var problem), problem);
        Assert.Equal((value, decimals), (figure.Value, figure.Decimals));
    }

    [Theory]
    [InlineData("21,75", "'21,75' has misplaced thousands separators")]
    [InlineData("1,0000", "'1,0000' has misplaced thousands separators")]
    [InlineData("12a", "'12a' is not a number")]
    [InlineData("NaN", "'NaN' is not a number")]
    public void Other_text_is_not_a_number(string text, string expected)
    {
        Assert.False(Figure.TryParse(text, out _, out var problem));
        Assert.Equal(expected, problem);
    }

    [Fact]
    public void A_figure_agrees_with_a_computed_one_within_half_a_unit_of_its_last_decimal()
    {
        Assert.True(PublishedPrecision.Agrees(new Figure(19.17, 2), 19.174999));
        Assert.False(PublishedPrecision.Agrees(new Figure(19.17, 2), 19.1751));
    }

    [Theory]
    [InlineData("2013-01-01/P3Y", "2013 - 15")]
    [InlineData("2013-01-01/P1Y", "2013")]
    [InlineData("2019-04-01/P1Y", "2019/20")]
    [InlineData("2015-11-16/P1Y", "2015-11-16/P1Y")]
    public void ISO_periods_spanning_whole_years_take_Fingertips_labels(string iso, string label) =>
        Assert.Equal(label, PeriodLabels.AsFingertips(IndicatorPeriod.Parse(iso)).Label);
}
