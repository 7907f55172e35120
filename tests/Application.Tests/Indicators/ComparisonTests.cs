using Commonweal.Application.Indicators;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Core.Statistics;
using static Commonweal.Application.Tests.Indicators.DemoPlaces;

namespace Commonweal.Application.Tests.Indicators;

/// <summary>Each value's 95 % interval against England's value (not interval overlap), read through the indicator's polarity.</summary>
public sealed class ComparisonTests
{
    private const string Year = "2022/23";
    private static readonly AreaCode Basildon = AreaCode.Parse("E07000066");
    private static readonly AreaCode Braintree = AreaCode.Parse("E07000067");
    private static readonly AreaCode Brentwood = AreaCode.Parse("E07000068");

    [Theory]
    [InlineData(Polarity.LowIsGood, "Worse", "Similar", "Better")]
    [InlineData(Polarity.HighIsGood, "Better", "Similar", "Worse")]
    [InlineData(Polarity.NoJudgement, "Higher", "Similar", "Lower")]
    public void A_value_is_compared_by_its_interval_against_Englands_value(Polarity polarity, string above, string around, string below)
    {
        var indicator = Indicator(polarity: polarity);
        var table = Build(indicator,
            Published(indicator, England, AreaType.Country, Year, 15, 14.9, 15.1),
            Published(indicator, Basildon, AreaType.District, Year, 16, 15.2, 16.8),
            // The intervals overlap England's but hold its value: Similar, whatever the overlap.
            Published(indicator, Braintree, AreaType.District, Year, 14.2, 13.4, 15),
            Published(indicator, Brentwood, AreaType.District, Year, 14, 13, 14.89));

        Assert.Equal(above, Label(table, Basildon));
        Assert.Equal(around, Label(table, Braintree));
        Assert.Equal(below, Label(table, Brentwood));
        Assert.Equal("Not compared", Label(table, England));
    }

    [Fact]
    public void Without_an_England_value_for_the_period_nothing_is_compared_and_a_row_without_limits_is_not_compared()
    {
        var indicator = Indicator();
        var table = Build(indicator,
            Published(indicator, Basildon, AreaType.District, "2021/22", 16, 15.2, 16.8),
            Published(indicator, England, AreaType.Country, Year, 15, 14.9, 15.1),
            Published(indicator, Basildon, AreaType.District, Year, 16, 15.2, 16.8) with { Lower95 = null, Upper95 = null });

        Assert.Null(table.Find(Basildon, "2021/22", Breakdown.Persons)!.ComparedToEngland);
        Assert.Equal(BenchmarkOutcome.NotCompared, table.Find(Basildon, Year, Breakdown.Persons)!.ComparedToEngland);
    }

    [Fact]
    public void A_deprivation_decile_is_compared_with_Englands_whole_population_of_the_same_sex_and_age()
    {
        var indicator = Indicator();
        var decile = Breakdown.Persons with { CategoryType = "District & UA deprivation deciles in England (IMD2019, 4/21 geography)", Category = "Most deprived decile (IMD2019)" };
        var table = Build(indicator,
            Published(indicator, England, AreaType.Country, Year, 15, 14.9, 15.1),
            Published(indicator, England, AreaType.Country, Year, 21, 20.8, 21.2, decile),
            Published(indicator, Basildon, AreaType.District, Year, 16, 15.2, 16.8, Breakdown.Persons with { Sex = Sex.Male }));

        Assert.Equal(BenchmarkOutcome.Worse, table.Find(England, Year, decile)!.ComparedToEngland);
        Assert.Equal(BenchmarkOutcome.NotCompared, table.Find(England, Year, Breakdown.Persons)!.ComparedToEngland);
        // England has no value for men: nothing to compare Basildon's men with.
        Assert.Null(table.Find(Basildon, Year, Breakdown.Persons with { Sex = Sex.Male })!.ComparedToEngland);
    }

    [Fact]
    public void Two_levels_are_used_when_the_publisher_labels_Best_and_Worst_and_the_values_table_writes_them_Better_and_Worse()
    {
        var indicator = Indicator(polarity: Polarity.HighIsGood);
        var table = Build(indicator,
            Published(indicator, England, AreaType.Country, Year, 15, 14.9, 15.1),
            Published(indicator, Basildon, AreaType.District, Year, 18, 17, 19) with { Lower998 = 16.5, Upper998 = 19.5, PublishedComparison = "Best" },
            Published(indicator, Braintree, AreaType.District, Year, 16, 15.2, 16.8) with { Lower998 = 14.8, Upper998 = 17.2 });

        Assert.Equal(BenchmarkMethod.ConfidenceIntervals95And998, table.Method);
        Assert.Equal(BenchmarkOutcome.Best, table.Find(Basildon, Year, Breakdown.Persons)!.ComparedToEngland);
        Assert.Equal(BenchmarkOutcome.Better, table.Find(Braintree, Year, Breakdown.Persons)!.ComparedToEngland);
        Assert.Equal("Better", IndicatorTables.Compared(BenchmarkOutcome.Best));
    }

    [Fact]
    public void A_score_is_compared_by_its_quintile_among_the_areas_of_its_type()
    {
        var indicator = Indicator(IndicatorValueType.Score, 1, Polarity.NoJudgement);
        var districts = Mse.Districts.Select(d => d.Code).ToList();
        var table = Build(indicator, [.. districts.Select((d, i) => Published(indicator, d, AreaType.District, Year, 10 + i, double.NaN, double.NaN) with { Lower95 = null, Upper95 = null })]);

        Assert.Equal(BenchmarkMethod.Quintiles, table.Method);
        Assert.Equal(BenchmarkOutcome.Lowest, table.Find(districts[0], Year, Breakdown.Persons)!.ComparedToEngland);
        Assert.Equal(BenchmarkOutcome.Highest, table.Find(districts[^1], Year, Breakdown.Persons)!.ComparedToEngland);
    }

    [Fact]
    public void A_value_is_compared_with_its_parent_and_with_the_ICS_on_request()
    {
        var indicator = Indicator();
        var graph = At(Year);
        var rng = new Random(5);
        var values = graph.LsoasIn(Mse.Code).Select(l => Counted(indicator, l, AreaType.Lsoa, Year, rng.Next(50, 400), 1_000)).ToList();
        var table = IndicatorEngine.Build(new IndicatorData(indicator, values, []), Timeline);
        var district = table.Find(Basildon, Year, Breakdown.Persons)!;

        var parent = table.Compare(district, Comparators.Parent);
        var ics = table.Compare(district, Comparators.Ics);

        Assert.Equal("alliance-basildon-brentwood", parent.Against!.Area.Value);
        Assert.Equal(Mse.Code, ics.Against!.Area);
        Assert.Equal(Comparisons.Compare(district, ics.Against, BenchmarkMethod.ConfidenceInterval95, Polarity.LowIsGood), ics.Outcome);
        Assert.Equal(BenchmarkOutcome.NotCompared, table.Compare(district, Comparators.England).Outcome);
        Assert.Equal(BenchmarkOutcome.NotCompared, table.Compare(table.Find(Mse.Code, Year, Breakdown.Persons)!, Comparators.Ics).Outcome);
    }

    private static IndicatorTable Build(Indicator indicator, params IndicatorValue[] values) =>
        IndicatorEngine.Build(new IndicatorData(indicator, values, []), Timeline);

    private static string? Label(IndicatorTable table, AreaCode area) =>
        IndicatorTables.Compared(table.Find(area, Year, Breakdown.Persons)!.ComparedToEngland);
}
