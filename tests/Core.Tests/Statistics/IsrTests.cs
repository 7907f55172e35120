using Commonweal.Core.Statistics;
using CsCheck;

namespace Commonweal.Core.Tests.Statistics;

public sealed class IsrTests
{
    private static readonly ConfidenceLevel[] Both = [ConfidenceLevel.Percent95, ConfidenceLevel.Percent998];

    // Three age bands: reference events 120, 450, 2300 in reference populations 100,000, 80,000, 60,000; the area's
    // populations 2,000, 1,500, 1,000. Expected E = Σ x_ref/n_ref × n = 49.170833333333327.
    private static readonly double[] ReferenceCounts = [120, 450, 2300];
    private static readonly double[] ReferencePopulations = [100_000, 80_000, 60_000];
    private static readonly double[] Populations = [2000, 1500, 1000];

    [Theory]
    // Reference: calculate_ISRatio (R/ISRatio.R, refvalue = 100) and calculate_ISRate (R/ISRate.R, multiplier 1e5)
    // formulas in R 4.2.2: value = O/E*100 (or *ref_rate) with qchisq limits for O < 10 and byars_* for O >= 10.
    // Tolerance 1e-12 relative.
    [InlineData(4, 8.13490382171002580, 2.21648749826555447, 20.82858471398091282, 0.87155816685722876, 30.08724526234158958, "Exact")]
    [InlineData(37, 75.247860350817746, 52.974421519003279, 103.722253896988519, 42.661834225562025, 121.936206485994305, "Byars")]
    public void Standardised_ratio_matches_calculate_ISRatio(double observed, double value, double l95, double u95, double l998, double u998, string method)
    {
        var expected = Isr.ExpectedCount(Populations, ReferenceCounts, ReferencePopulations);
        Close(49.170833333333327, expected);
        var result = Isr.Ratio(observed, expected, Both);
        Close(value, result.Value);
        Close(l95, result.Limits[0].Lower);
        Close(u95, result.Limits[0].Upper);
        Close(l998, result.Limits[1].Lower);
        Close(u998, result.Limits[1].Upper);
        Assert.Equal(method, result.Method);
    }

    [Theory]
    [InlineData(4, 97.279891534615714, 26.505496333425587, 249.075158871355086, 10.422383078667693, 359.793307928834793)]
    [InlineData(37, 899.83899669519542, 633.48579066474747, 1240.34528618482113, 510.16443428067919, 1458.15380256168169)]
    public void Standardised_rate_matches_calculate_ISRate(double observed, double value, double l95, double u95, double l998, double u998)
    {
        var expected = Isr.ExpectedCount(Populations, ReferenceCounts, ReferencePopulations);
        var referenceRate = Isr.ReferenceRate(ReferenceCounts, ReferencePopulations);
        Close(1195.833333333333258, referenceRate * 100_000);
        var result = Isr.Rate(observed, expected, referenceRate, Both);
        Close(value, result.Value);
        Close(l95, result.Limits[0].Lower);
        Close(u95, result.Limits[0].Upper);
        Close(l998, result.Limits[1].Lower);
        Close(u998, result.Limits[1].Upper);
    }

    [Fact]
    public void A_ratio_of_one_is_the_default_scale_divided_by_100() =>
        Assert.Equal(Isr.Ratio(37, 40, Both).Value / 100, Isr.Ratio(37, 40, Both, referenceValue: 1).Value, 1e-15);

    [Fact]
    public void Missing_reference_counts_count_as_zero() =>
        Assert.Equal(2000 * 120 / 100_000.0, Isr.ExpectedCount([2000, 1500], [120, double.NaN], [100_000, 80_000]), 1e-12);

    [Fact]
    public void No_expected_events_is_not_calculated_and_says_so()
    {
        var result = Isr.Ratio(3, 0, Both);
        Assert.True(double.IsNaN(result.Value));
        Assert.Equal(Isr.NoExpectedNote, result.Note);
        Assert.All(result.Limits, l => Assert.False(l.IsDefined));
    }

    [Fact]
    public void Invalid_input_is_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Isr.Ratio(-1, 5, Both));
        Assert.Throws<ArgumentOutOfRangeException>(() => Isr.ExpectedCount([1], [1], [0]));
        Assert.Throws<ArgumentException>(() => Isr.ExpectedCount([1, 2], [1], [1]));
    }

    [Fact]
    public void Limits_surround_the_ratio_and_the_998_interval_is_wider() =>
        Gen.Select(Gen.Int[0, 10_000], Gen.Double[0.01, 10_000]).Sample((observed, expected) =>
        {
            var r = Isr.Ratio(observed, expected, Both);
            return r.Limits[0].Lower <= r.Value && r.Value <= r.Limits[0].Upper
                && r.Limits[1].Lower <= r.Limits[0].Lower && r.Limits[1].Upper >= r.Limits[0].Upper;
        });

    private static void Close(double expected, double actual) => Assert.Equal(expected, actual, Math.Abs(expected) * 1e-12);
}
