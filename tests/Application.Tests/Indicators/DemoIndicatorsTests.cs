using Commonweal.Application.Indicators;
using Commonweal.Application.Indicators.Demo;
using Commonweal.Application.Places;
using Commonweal.Application.Places.Demo;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Core.Statistics;
using Commonweal.Persistence;
using Commonweal.TestKit;
using Microsoft.EntityFrameworkCore;
using static Commonweal.Application.Tests.Indicators.DemoPlaces;

namespace Commonweal.Application.Tests.Indicators;

/// <summary>The demo's synthetic indicators: reproducible from the seed, marked as not real, and giving every output content.</summary>
public sealed class DemoIndicatorsTests
{
    private static readonly Lazy<DemoIndicatorSet> Demo = new(() => DemoIndicators.Generate(DemoDataset.Generate(Mse)));

    private static IndicatorTable Table(IndicatorId id)
    {
        var set = Demo.Value;
        var indicator = set.Indicators.Single(i => i.Id == id);
        return IndicatorEngine.Build(
            new IndicatorData(indicator, [.. set.Values.Where(v => v.Indicator == id)], [.. set.AgeCounts.Where(a => a.Indicator == id)]), Timeline);
    }

    [Fact]
    public void The_same_seed_gives_the_same_values_and_another_seed_other_ones()
    {
        var places = DemoDataset.Generate(Mse);

        var again = DemoIndicators.Generate(places);
        var other = DemoIndicators.Generate(places, seed: 7);

        Assert.Equal(Demo.Value.Values, again.Values);
        Assert.Equal(Demo.Value.AgeCounts, again.AgeCounts);
        Assert.NotEqual(Demo.Value.Values, other.Values);
        Assert.Equal(Demo.Value.Values.Select(v => (v.Indicator, v.Area, v.Period)), other.Values.Select(v => (v.Indicator, v.Area, v.Period)));
    }

    [Fact]
    public void Six_indicators_each_say_in_name_source_and_definition_that_they_are_synthetic()
    {
        Assert.Equal(6, Demo.Value.Indicators.Count);
        Assert.All(Demo.Value.Indicators, i =>
        {
            Assert.Equal("Synthetic demo data — not real", i.Source);
            Assert.EndsWith("(demo)", i.Name, StringComparison.Ordinal);
            Assert.StartsWith("Demo: synthetic.", i.Definition, StringComparison.Ordinal);
        });
        Assert.All(Demo.Value.Values, v => Assert.True(v.Area == England || DemoDataset.IsSynthetic(v.Area) || v.AreaType == AreaType.District, $"{v.Area} is a real place below district level"));
    }

    [Theory]
    [InlineData(AreaType.Icb, "QH8")]
    [InlineData(AreaType.SubIcb, "E38000007")]
    [InlineData(AreaType.Ics, null)]
    public void Practice_smoking_adds_up_to_the_ICB_its_locations_PCNs_and_the_ICS_over_twelve_years_and_is_compared_with_England(AreaType type, string? code)
    {
        var table = Table(DemoIndicators.Smoking);

        Assert.Equal(12, table.Periods.Count);
        var rows = table.InPeriod("2022/23").Where(r => r.Value.AreaType == type && (code is null || r.Area.Value == code)).ToList();
        var row = Assert.Single(rows);
        Assert.Equal(ValueSource.Aggregated, row.Source);
        Assert.InRange(row.Value.Value!.Value, 8, 22);
        Assert.NotNull(row.ComparedToEngland);
        Assert.Contains(table.InPeriod("2022/23"), r => r.Value.AreaType == AreaType.Pcn && r.Source == ValueSource.Aggregated);
        Assert.Equal("Decreasing and getting better", table.Find(Mse.Code, "2024/25", Breakdown.Persons)!.Trend!.Label);
    }

    [Fact]
    public void LSOA_counts_add_up_to_districts_and_the_more_deprived_districts_have_more_falls_and_child_poverty()
    {
        foreach (var id in new[] { DemoIndicators.Falls, DemoIndicators.ChildPoverty })
        {
            var table = Table(id);
            var districts = table.InPeriod("2022/23").Where(r => r.Value.AreaType == AreaType.District).ToList();
            Assert.Equal(Mse.Districts.Count, districts.Count);
            Assert.All(districts, d => Assert.Equal(ValueSource.Aggregated, d.Source));
            var gradient = table.Graph(table.Period("2022/23")!);
            var deprivation = districts.Select(d => gradient.LsoasIn(d.Area).Average(l => gradient.Deprivation(l)?.ImdRank ?? 0)).ToArray();
            // Lower mean IMD rank (more deprived) goes with a higher value.
            Assert.True(Correlation(deprivation, [.. districts.Select(d => d.Number)]) < -0.5, $"indicator {id}");
        }
    }

    [Fact]
    public void The_DSR_is_worked_out_from_age_bands_at_every_district_and_England_is_published()
    {
        var table = Table(DemoIndicators.CardiovascularDeaths);

        var districts = table.InPeriod("2023").Where(r => r.Value.AreaType == AreaType.District).ToList();
        Assert.Equal(Mse.Districts.Count, districts.Count);
        Assert.All(districts, d => Assert.InRange(d.Value.Value!.Value, 30, 200));
        Assert.Equal(ValueSource.Published, table.Find(England, "2023", Breakdown.Persons with { Age = "<75 yrs" })!.Source);
        Assert.All(districts, d => Assert.NotNull(d.ComparedToEngland));
    }

    [Fact]
    public void The_monthly_series_makes_an_SPC_chart_of_36_points_for_the_ICB()
    {
        var table = Table(DemoIndicators.EmergencyAdmissions);

        var chart = IndicatorSpc.For(table, AreaCode.Parse("QH8"), Breakdown.Persons, null, DisclosurePolicy.Default);

        Assert.Null(chart.Refusal);
        Assert.Equal(36, chart.Value!.Values.Count);
        Assert.All(chart.Value.Values, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void Life_expectancy_is_a_published_district_series_compared_with_England_and_not_added_up()
    {
        var table = Table(DemoIndicators.LifeExpectancy);

        var rows = table.InPeriod(table.Latest!.Label).Where(r => r.Value.AreaType == AreaType.District).ToList();
        Assert.Equal(Mse.Districts.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal(ValueSource.Published, r.Source));
        Assert.All(rows, r => Assert.NotNull(r.ComparedToEngland));
        Assert.DoesNotContain(table.Rows, r => r.Value.AreaType == AreaType.Alliance && r.Value.Value is not null);
    }

    [Fact]
    public async Task Seeding_the_demo_stores_the_indicators_with_the_places_and_the_queries_add_them_up()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new ApplicationScope(database);

        Assert.Equal(DemoSeeding.Result.Seeded, await app.Get<DemoSeeding>().SeedAsync("test"));
        var again = await app.Get<DemoSeeding>().SeedAsync("test", replaceDemo: true);

        Assert.Equal(DemoSeeding.Result.Seeded, again);
        await using var db = database.CreateContext();
        Assert.Equal(DemoIndicators.Ids.Order(), (await db.Indicators.Select(i => i.Id).ToListAsync()).Order());
        Assert.Equal(Demo.Value.Values.Count, await db.IndicatorValues.CountAsync());
        var listing = (await app.Get<IndicatorQueries>().ValuesAsync(new ValuesQuery(DemoIndicators.Smoking, AreaType.Icb, Period: "2022/23"))).Value!;
        var icb = Assert.Single(listing.Rows);
        Assert.Equal(ValueSource.Aggregated, icb.Row.Source);
    }

    private static double Correlation(double[] x, double[] y)
    {
        var (mx, my) = (x.Average(), y.Average());
        var cov = x.Zip(y).Sum(p => (p.First - mx) * (p.Second - my));
        return cov / Math.Sqrt(x.Sum(a => (a - mx) * (a - mx)) * y.Sum(b => (b - my) * (b - my)));
    }
}
