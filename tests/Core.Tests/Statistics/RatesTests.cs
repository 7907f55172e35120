using Commonweal.Core.Statistics;
using CsCheck;

namespace Commonweal.Core.Tests.Statistics;

public sealed class RatesTests
{
    private static readonly ConfidenceLevel[] Both = [ConfidenceLevel.Percent95, ConfidenceLevel.Percent998];

    // Reference: the formulas of PHEindicatormethods phe_rate (R/Rates.R) and byars_lower/byars_upper (R/utils.R)
    // evaluated in R 4.2.2, per 100,000: value = x/n*1e5; x < 10: qchisq((1-conf)/2, 2x)/2/n*1e5 and
    // qchisq(conf+(1-conf)/2, 2x+2)/2/n*1e5; x >= 10: byars_lower(x, conf)/n*1e5, byars_upper(x, conf)/n*1e5.
    // Tolerance 1e-12 relative.
    [Theory]
    [InlineData(0, 1000, 0, 0, 368.88794541139350, 0, 690.77552789821357, "Exact")]
    [InlineData(5, 2500, 200, 64.939455604736835, 466.733283172906624, 29.574869276713308, 658.189808147204189, "Exact")]
    [InlineData(9, 100, 9000, 4115.3730973783331, 17084.8034514191713, 2452.4244043637750, 22657.3733090629321, "Exact")]
    [InlineData(10, 100000, 10, 4.7874499139675644, 18.3914586057564726, 2.9163183746956860, 24.1937249278805488, "Byars")]
    [InlineData(65, 100000, 65, 50.163187710459454, 82.849138545939837, 42.880261471480203, 94.000290844318002, "Byars")]
    [InlineData(1234, 567890, 217.29560302171194, 205.33928295309155, 229.76646441547535, 198.67990344284058, 237.09870663503031, "Byars")]
    public void Crude_rates_match_phe_rate(double count, double denominator, double value, double lower95, double upper95, double lower998, double upper998, string method)
    {
        var result = Rates.CrudeRate(count, denominator, Both);
        Assert.Equal(value, result.Value, value * 1e-12);
        Assert.Equal(method, result.Method);
        Close(lower95, result.Limits[0].Lower);
        Close(upper95, result.Limits[0].Upper);
        Close(lower998, result.Limits[1].Lower);
        Close(upper998, result.Limits[1].Upper);

        var single = Rates.CrudeRate(count, denominator, ConfidenceLevel.Percent998);
        Assert.Equal(result.Limits[1], single.Limits);
    }

    [Fact]
    public void The_batch_form_gives_the_same_numbers_as_the_row_form()
    {
        double[] counts = [0, 3.5, 9, 10, 250, 7];
        double[] denominators = [10, 200, 1000, 1e4, 1e6, 0.5];
        var values = new double[counts.Length];
        var limits = new Interval[counts.Length];
        Rates.CrudeRates(counts, denominators, ConfidenceLevel.Percent95, 1000, values, limits);
        for (var i = 0; i < counts.Length; i++)
        {
            var row = Rates.CrudeRate(counts[i], denominators[i], ConfidenceLevel.Percent95, 1000);
            Assert.Equal(row.Value, values[i]);
            Assert.Equal(row.Limits, limits[i]);
        }
    }

    [Fact]
    public void Fractional_counts_below_ten_use_the_exact_method_with_fractional_degrees_of_freedom()
    {
        // R: qchisq(0.025, 7)/2 = 1.345287..., qchisq(0.975, 9)/2 = 9.511394...  (x = 3.5)
        var limits = Rates.CountLimits(3.5, ConfidenceLevel.Percent95);
        Assert.Equal(ChiSquare.Quantile(0.025, 7) / 2, limits.Lower, 1e-15);
        Assert.Equal(ChiSquare.Quantile(0.975, 9) / 2, limits.Upper, 1e-15);
        Assert.Equal("Exact", Rates.MethodFor(9.999));
        Assert.Equal("Byars", Rates.MethodFor(10));
    }

    [Fact]
    public void Byars_lower_limit_is_not_calculated_when_it_would_be_negative() =>
        // byars_lower sets negative values to NA: at x = 1 and 99.8 % the formula goes below 0.
        Assert.True(double.IsNaN(Rates.ByarsCountLimits(1, ConfidenceLevel.Percent998).Lower));

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(1, 0)]
    [InlineData(1, -5)]
    [InlineData(double.NaN, 10)]
    [InlineData(1, double.PositiveInfinity)]
    public void Invalid_rows_are_programming_errors(double count, double denominator)
    {
        Assert.NotNull(Rates.Problem(count, denominator));
        Assert.Throws<ArgumentOutOfRangeException>(() => Rates.CrudeRate(count, denominator, ConfidenceLevel.Percent95));
    }

    [Fact]
    public void Byars_method_is_within_0_2_percent_of_the_exact_limits_from_ten_events()
    {
        // PHE Technical Guide – Confidence Intervals (2018): Byar's method "is within 0.2 % of the exact value for O >= 10" at 95 %.
        for (var o = 10; o <= 2000; o++)
        {
            var byars = Rates.ByarsCountLimits(o, ConfidenceLevel.Percent95);
            var exact = Rates.ExactCountLimits(o, ConfidenceLevel.Percent95);
            Assert.True(Math.Abs(byars.Lower - exact.Lower) <= 0.002 * exact.Lower, $"lower at {o}");
            Assert.True(Math.Abs(byars.Upper - exact.Upper) <= 0.002 * exact.Upper, $"upper at {o}");
        }
    }

    [Fact]
    public void Limits_surround_the_rate_and_the_998_interval_is_wider() =>
        Gen.Select(Gen.Double[0, 100_000], Gen.Double[1, 1e7]).Sample((count, denominator) =>
        {
            var r = Rates.CrudeRate(count, denominator, Both);
            return r.Limits[0].Lower <= r.Value && r.Value <= r.Limits[0].Upper
                && r.Limits[1].Lower <= r.Limits[0].Lower && r.Limits[1].Upper >= r.Limits[0].Upper;
        });

    [Fact]
    public void Limits_increase_with_the_count() =>
        Gen.Int[0, 5000].Sample(count =>
        {
            var a = Rates.CountLimits(count, ConfidenceLevel.Percent95);
            var b = Rates.CountLimits(count + 1, ConfidenceLevel.Percent95);
            return b.Lower > a.Lower && b.Upper > a.Upper;
        });

    private static void Close(double expected, double actual) => Assert.Equal(expected, actual, (Math.Abs(expected) * 1e-12) + 1e-300);
}
