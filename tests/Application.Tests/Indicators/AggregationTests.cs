using Commonweal.Application.Indicators;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Core.Statistics;
using static Commonweal.Application.Tests.Indicators.DemoPlaces;

namespace Commonweal.Application.Tests.Indicators;

/// <summary>Values added up to every level of the ICS from the lowest level with counts, as the places were at the period's end.</summary>
public sealed class AggregationTests
{
    private const string Year = "2022/23";

    [Fact]
    public void Practice_counts_add_up_to_every_PCN_neighbourhood_sub_ICB_location_ICB_and_the_ICS_that_the_file_has_no_row_for()
    {
        var indicator = Indicator();
        var graph = At(Year);
        var practices = graph.Within(Mse.Code, AreaType.Practice).Select(p => p.Code).ToList();
        var rng = new Random(7);
        var values = practices.Select(p =>
        {
            var denominator = rng.Next(2_000, 20_000);
            return Counted(indicator, p, AreaType.Practice, Year, rng.Next(100, denominator / 4), denominator);
        }).ToList();

        var table = IndicatorEngine.Build(new IndicatorData(indicator, values, []), Timeline);

        // Expected totals found upwards from each practice (the engine finds the practices downwards from each place).
        foreach (var type in new[] { AreaType.Pcn, AreaType.Neighbourhood, AreaType.SubIcb, AreaType.Icb, AreaType.Ics })
        {
            var expected = values.GroupBy(v => ParentOf(graph, v.Area, type)).Where(g => g.Key is not null).ToList();
            Assert.NotEmpty(expected);
            foreach (var place in expected)
            {
                var row = table.Find(place.Key!.Value, Year, Breakdown.Persons);
                Assert.NotNull(row);
                var (count, denominator) = (place.Sum(v => v.Count!.Value), place.Sum(v => v.Denominator!.Value));
                var wilson95 = Proportions.WilsonScore(count, denominator, ConfidenceLevel.Percent95);
                var wilson998 = Proportions.WilsonScore(count, denominator, ConfidenceLevel.Percent998);
                Assert.Equal((ValueSource.Aggregated, type, count, denominator), (row.Source, row.Value.AreaType, row.Value.Count!.Value, row.Value.Denominator!.Value));
                Assert.Equal(count / denominator * 100, row.Value.Value!.Value, 12);
                Assert.Equal(wilson95.Lower * 100, row.Value.Lower95!.Value, 12);
                Assert.Equal(wilson95.Upper * 100, row.Value.Upper95!.Value, 12);
                Assert.Equal(wilson998.Lower * 100, row.Value.Lower998!.Value, 12);
                Assert.Equal(wilson998.Upper * 100, row.Value.Upper998!.Value, 12);
                Assert.Equal([.. place.Select(v => v.Area).Order()], row.Members);
            }
        }

        Assert.Equal(practices.Count, table.Find(Mse.Code, Year, Breakdown.Persons)!.Members.Count);
        Assert.All(values, v => Assert.Equal(ValueSource.Computed, table.Find(v.Area, Year, Breakdown.Persons)!.Source));
    }

    [Fact]
    public void District_values_from_LSOA_counts_equal_the_ones_computed_directly_and_add_up_to_wards_alliances_and_the_ICS()
    {
        var indicator = Indicator(IndicatorValueType.CrudeRate, 100_000, Polarity.LowIsGood);
        var graph = At(Year);
        var rng = new Random(11);
        var values = graph.LsoasIn(Mse.Code).Select(l => Counted(indicator, l, AreaType.Lsoa, Year, rng.Next(0, 40), rng.Next(1_000, 2_500))).ToList();

        var table = IndicatorEngine.Build(new IndicatorData(indicator, values, []), Timeline);

        foreach (var district in Mse.Districts)
        {
            var lsoas = values.Where(v => ParentOf(graph, v.Area, AreaType.District) == district.Code).ToList();
            var (count, population) = (lsoas.Sum(v => v.Count!.Value), lsoas.Sum(v => v.Denominator!.Value));
            var direct = Rates.CrudeRate(count, population, ConfidenceLevel.Standard, 100_000);
            var row = table.Find(district.Code, Year, Breakdown.Persons)!;
            Assert.Equal(ValueSource.Aggregated, row.Source);
            Assert.Equal(direct.Value, row.Value.Value!.Value, 9);
            Assert.Equal(direct.Limits[0], row.Limits95);
            Assert.Equal(direct.Limits[1], row.Limits998);
        }

        foreach (var alliance in Mse.Alliances)
        {
            var count = Mse.Alliances.Single(a => a.Code == alliance.Code).Districts.Sum(d => table.Find(d, Year, Breakdown.Persons)!.Value.Count!.Value);
            Assert.Equal(count, table.Find(alliance.Code, Year, Breakdown.Persons)!.Value.Count);
        }

        Assert.Equal(values.Sum(v => v.Count!.Value), table.Find(Mse.Code, Year, Breakdown.Persons)!.Value.Count);
        var wards = table.InPeriod(Year).Where(r => r.Value.AreaType == AreaType.Ward).ToList();
        Assert.NotEmpty(wards);
        Assert.Equal(values.Sum(v => v.Count!.Value), wards.Sum(w => w.Value.Count!.Value));
    }

    [Fact]
    public void A_DSR_is_added_up_from_the_summed_counts_and_populations_of_each_age_band()
    {
        var indicator = Indicator(IndicatorValueType.Dsr, 100_000);
        var graph = At(Year);
        var rng = new Random(3);
        var bands = Enumerable.Range(0, 19).Select(i => i == 18 ? AgeBand.Range(90, null) : AgeBand.Range(i * 5, (i * 5) + 4)).ToList();
        var lsoas = graph.LsoasIn(Mse.Code);
        var ages = lsoas.SelectMany(l => bands.Select(b => new IndicatorAgeCount(indicator.Id, l, Year, Sex.Persons, string.Empty, string.Empty, b, rng.Next(0, 6), rng.Next(40, 120)))).ToList();
        var values = lsoas.Select(l => Counted(indicator, l, AreaType.Lsoa, Year, ages.Where(a => a.Area == l).Sum(a => a.Count), ages.Where(a => a.Area == l).Sum(a => a.Population))).ToList();

        var table = IndicatorEngine.Build(new IndicatorData(indicator, values, ages), Timeline);

        foreach (var district in Mse.Districts)
        {
            var within = values.Where(v => ParentOf(graph, v.Area, AreaType.District) == district.Code).Select(v => v.Area).ToHashSet();
            var counts = bands.Select(b => ages.Where(a => within.Contains(a.Area) && a.AgeBand == b).Sum(a => a.Count)).ToArray();
            var populations = bands.Select(b => ages.Where(a => within.Contains(a.Area) && a.AgeBand == b).Sum(a => a.Population)).ToArray();
            var direct = Dsr.Dobson(counts, populations, ConfidenceLevel.Standard);
            var row = table.Find(district.Code, Year, Breakdown.Persons)!;
            Assert.Equal(ValueSource.Aggregated, row.Source);
            Assert.Equal(direct.Value, row.Value.Value!.Value, 9);
            Assert.Equal(direct.Limits[0].Lower, row.Value.Lower95!.Value, 9);
            Assert.Equal(direct.Limits[1].Upper, row.Value.Upper998!.Value, 9);
            Assert.Equal((direct.TotalCount, direct.TotalPopulation), (row.Value.Count!.Value, row.Value.Denominator!.Value));
        }

        // Each LSOA's own DSR is worked out again from its own bands (most have fewer than 10 events: not calculated).
        var one = table.Find(lsoas[0], Year, Breakdown.Persons)!;
        Assert.Equal(ValueSource.Computed, one.Source);
    }

    [Fact]
    public void Life_expectancy_is_added_up_from_deaths_and_populations_in_the_20_life_table_bands()
    {
        var indicator = Indicator(IndicatorValueType.LifeExpectancy, 1, Polarity.HighIsGood);
        var graph = At(Year);
        int[] starts = [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90];
        var bands = starts.Select((s, i) => i == starts.Length - 1 ? AgeBand.Range(s, null) : AgeBand.Range(s, starts[i + 1] - 1)).ToList();
        var rate = starts.Select(s => Math.Exp(-9 + (0.085 * s))).ToArray();
        var districts = Mse.Districts.Select(d => d.Code).ToList();
        var ages = districts.SelectMany(d => bands.Select((b, i) =>
        {
            var people = i == 0 ? 2_000d : 9_000d;
            return new IndicatorAgeCount(indicator.Id, d, Year, Sex.Persons, string.Empty, string.Empty, b, Math.Round(people * Math.Min(rate[i], 0.4)) + 1, people);
        })).ToList();
        var values = districts.Select(d => Counted(indicator, d, AreaType.District, Year, null, null)).ToList();

        var table = IndicatorEngine.Build(new IndicatorData(indicator, values, ages), Timeline);

        var alliance = Mse.Alliances.First(a => a.Districts.Count == 3);
        var deaths = bands.Select(b => ages.Where(a => alliance.Districts.Contains(a.Area) && a.AgeBand == b).Sum(a => a.Count)).ToArray();
        var people = bands.Select(b => ages.Where(a => alliance.Districts.Contains(a.Area) && a.AgeBand == b).Sum(a => a.Population)).ToArray();
        var direct = LifeExpectancy.Calculate(deaths, people, ConfidenceLevel.Standard)[0];
        var row = table.Find(alliance.Code, Year, Breakdown.Persons)!;
        Assert.Equal(ValueSource.Aggregated, row.Source);
        Assert.Equal(direct.Value, row.Value.Value!.Value, 9);
        Assert.Equal(direct.Intervals[0].Lower, row.Value.Lower95!.Value, 9);
        Assert.InRange(row.Value.Value!.Value, 60, 95);
    }

    [Fact]
    public void A_place_with_its_own_value_keeps_it_and_a_disagreeing_sum_of_the_areas_within_is_reported_as_a_check()
    {
        var indicator = Indicator();
        var graph = At(Year);
        var pcns = graph.Within(Mse.Code, AreaType.Pcn).Select(p => p.Code).Take(2).ToList();
        var values = new List<IndicatorValue>();
        foreach (var pcn in pcns)
        {
            foreach (var practice in graph.Within(pcn, AreaType.Practice))
                values.Add(Counted(indicator, practice.Code, AreaType.Practice, Year, 100, 1_000));
        }

        var size = (double)values.Count(v => ParentOf(graph, v.Area, AreaType.Pcn) == pcns[0]);
        values.Add(Counted(indicator, pcns[0], AreaType.Pcn, Year, 100 * size, 1_000 * size));
        values.Add(Counted(indicator, pcns[1], AreaType.Pcn, Year, 7, 1_000));

        var table = IndicatorEngine.Build(new IndicatorData(indicator, values, []), Timeline);

        Assert.Equal(ValueSource.Computed, table.Find(pcns[0], Year, Breakdown.Persons)!.Source);
        Assert.Equal(7, table.Find(pcns[1], Year, Breakdown.Persons)!.Value.Count);
        var check = Assert.Single(table.Checks);
        Assert.Equal(pcns[1], check.Key.Area);
        Assert.StartsWith("own value against the value added up from the areas within: count 7 against", check.Difference, StringComparison.Ordinal);
        Assert.Single(table.Rows, r => r.Area == pcns[1]);
    }

    [Theory]
    [InlineData("2025/26", "QH8")]
    [InlineData("2026/27", "D7T5G")]
    public void Membership_is_taken_as_at_the_end_of_the_period_so_the_ICB_row_is_the_ICB_of_that_day(string period, string icb)
    {
        var indicator = Indicator();
        var graph = At(period);
        var values = graph.Within(Mse.Code, AreaType.Practice).Select(p => Counted(indicator, p.Code, AreaType.Practice, period, 10, 100)).ToList();

        var table = IndicatorEngine.Build(new IndicatorData(indicator, values, []), Timeline);

        var icbs = table.InPeriod(period).Where(r => r.Value.AreaType == AreaType.Icb).ToList();
        var row = Assert.Single(icbs);
        Assert.Equal(icb, row.Area.Value);
        Assert.Equal(values.Count * 10, row.Value.Count);
    }

    [Fact]
    public void A_place_whose_areas_have_a_value_but_no_count_gets_no_value_and_a_note_why()
    {
        var indicator = Indicator();
        var graph = At(Year);
        var pcn = graph.Within(Mse.Code, AreaType.Pcn).First(p => graph.Within(p.Code, AreaType.Practice).Count >= 3);
        var practices = graph.Within(pcn.Code, AreaType.Practice).Select(p => p.Code).ToList();
        var values = practices.Select((p, i) => i == 0
            ? Published(indicator, p, AreaType.Practice, Year, 12, 10, 14)
            : Counted(indicator, p, AreaType.Practice, Year, 10, 100)).ToList();

        var table = IndicatorEngine.Build(new IndicatorData(indicator, values, []), Timeline);

        var row = table.Find(pcn.Code, Year, Breakdown.Persons)!;
        Assert.Null(row.Value.Value);
        Assert.Null(row.Value.Count);
        Assert.StartsWith("not added up: 1 of the " + AreaType.Practice.Counted(practices.Count) + " with a value have no count", row.Value.ValueNote, StringComparison.Ordinal);
    }

    [Fact]
    public void A_place_added_up_from_some_of_its_areas_says_how_many()
    {
        var indicator = Indicator();
        var graph = At(Year);
        var pcn = graph.Within(Mse.Code, AreaType.Pcn).First(p => graph.Within(p.Code, AreaType.Practice).Count >= 3);
        var practices = graph.Within(pcn.Code, AreaType.Practice).Select(p => p.Code).ToList();
        var values = practices.Skip(1).Select(p => Counted(indicator, p, AreaType.Practice, Year, 10, 100)).ToList();

        var table = IndicatorEngine.Build(new IndicatorData(indicator, values, []), Timeline);

        Assert.Equal($"added up from {practices.Count - 1} of {AreaType.Practice.Counted(practices.Count)} (1 without a value)", table.Find(pcn.Code, Year, Breakdown.Persons)!.Value.ValueNote);
    }

    [Fact]
    public void Breakdowns_are_added_up_separately_and_a_published_value_without_counts_is_kept_as_published()
    {
        var indicator = Indicator();
        var graph = At(Year);
        var male = Breakdown.Persons with { Sex = Sex.Male };
        var practices = graph.Within(Mse.Code, AreaType.Practice).Select(p => p.Code).ToList();
        var values = practices.SelectMany(p => new[]
        {
            Counted(indicator, p, AreaType.Practice, Year, 20, 100),
            Counted(indicator, p, AreaType.Practice, Year, 5, 50, breakdown: male),
        }).Append(Published(indicator, England, AreaType.Country, Year, 14.7, 14.69, 14.71)).ToList();

        var table = IndicatorEngine.Build(new IndicatorData(indicator, values, []), Timeline);

        Assert.Equal(20 * practices.Count, table.Find(Mse.Code, Year, Breakdown.Persons)!.Value.Count);
        Assert.Equal(5 * practices.Count, table.Find(Mse.Code, Year, male)!.Value.Count);
        var england = table.Find(England, Year, Breakdown.Persons)!;
        Assert.Equal((ValueSource.Published, 14.7, 14.69), (england.Source, england.Value.Value!.Value, england.Value.Lower95!.Value));
    }
}
