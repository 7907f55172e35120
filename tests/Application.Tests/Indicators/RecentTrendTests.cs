using Commonweal.Application.Indicators;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Core.Statistics;
using static Commonweal.Application.Tests.Indicators.DemoPlaces;

namespace Commonweal.Application.Tests.Indicators;

/// <summary>Fingertips' recent trend of each value: its area's last five points up to its own period, in Fingertips' words.</summary>
public sealed class RecentTrendTests
{
    private static readonly AreaCode Basildon = AreaCode.Parse("E07000066");
    private static readonly string[] Years = ["2018/19", "2019/20", "2020/21", "2021/22", "2022/23"];

    [Theory]
    [InlineData(Polarity.LowIsGood, "Increasing and getting worse")]
    [InlineData(Polarity.HighIsGood, "Increasing and getting better")]
    [InlineData(Polarity.NoJudgement, "Increasing")]
    public void A_rising_proportion_over_five_years_is_increasing_read_through_the_polarity(Polarity polarity, string words)
    {
        var indicator = Indicator(polarity: polarity);
        var values = Years.Select((y, i) => Counted(indicator, Basildon, AreaType.District, y, 1_000 + (i * 100), 10_000)).ToList();

        var table = IndicatorEngine.Build(new IndicatorData(indicator, values, []), Timeline);

        var latest = table.Find(Basildon, Years[^1], Breakdown.Persons)!.Trend!;
        var direct = TrendMarker.FromCounts([1_000, 1_100, 1_200, 1_300, 1_400], [10_000, 10_000, 10_000, 10_000, 10_000]);
        Assert.Equal(words, latest.Label);
        Assert.Equal(direct.ChiSquare, latest.Marker.ChiSquare, 9);
        Assert.Equal(RecentTrend.CannotBeCalculated, table.Find(Basildon, Years[^2], Breakdown.Persons)!.Trend!.Label);
    }

    [Fact]
    public void A_year_without_a_value_breaks_the_run_a_year_without_a_row_is_skipped_and_a_flat_series_has_no_significant_change()
    {
        var indicator = Indicator();
        var chelmsford = AreaCode.Parse("E07000070");
        var years = Years.Prepend("2017/18").ToList();
        // Basildon has a row for 2019/20 without a value; Chelmsford has no row for 2019/20 at all (as North Yorkshire has
        // none for 2021/22 in Fingertips' file, whose 2022/23 trend is worked out from the five rows it has).
        var values = years.Select(y => Counted(indicator, Basildon, AreaType.District, y, y == "2019/20" ? null : 1_000, y == "2019/20" ? null : 10_000)).ToList();
        values.AddRange(years.Where(y => y != "2019/20").Select(y => Counted(indicator, chelmsford, AreaType.District, y, 1_000, 10_000)));

        var table = IndicatorEngine.Build(new IndicatorData(indicator, values, []), Timeline);

        Assert.Equal(TrendMarker.NotEnoughValidPoints, table.Find(Basildon, "2022/23", Breakdown.Persons)!.Trend!.Marker.Note);
        Assert.Equal(RecentTrend.NoSignificantChange, table.Find(chelmsford, "2022/23", Breakdown.Persons)!.Trend!.Label);
    }

    [Fact]
    public void A_rate_uses_its_limits_and_quarters_make_their_own_series_apart_from_years()
    {
        var indicator = Indicator(IndicatorValueType.CrudeRate, 100_000, Polarity.LowIsGood);
        var quarters = new[] { "2021/22 Q1", "2021/22 Q2", "2021/22 Q3", "2021/22 Q4", "2022/23 Q1" };
        var values = quarters.Select((q, i) => Counted(indicator, Basildon, AreaType.District, q, 500 - (i * 60), 100_000))
            .Append(Counted(indicator, Basildon, AreaType.District, "2022/23", 1_500, 100_000)).ToList();

        var table = IndicatorEngine.Build(new IndicatorData(indicator, values, []), Timeline);

        Assert.Equal("Decreasing and getting better", table.Find(Basildon, "2022/23 Q1", Breakdown.Persons)!.Trend!.Label);
        Assert.Equal(TrendMarker.NotEnoughPoints, table.Find(Basildon, "2022/23", Breakdown.Persons)!.Trend!.Marker.Note);
    }
}
