using Commonweal.Application.Indicators;
using Commonweal.Application.Places;
using Commonweal.Application.Places.Ics;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Core.Statistics;

namespace Commonweal.Benchmarks;

/// <summary>
/// Reproducible inputs for the indicator engine benchmarks: the demo's places through time (Mid and South Essex's shape:
/// 150 practices, about 720 LSOAs of 2021) and indicators of 10 quarters each, every
/// quarter with a row for every practice and every LSOA (about 870 own rows, about 1,100 with the places added up):
/// proportions and crude rates from counts, and one in five a DSR from LSOA counts in five age bands.
/// </summary>
public static class EngineData
{
    public static readonly IcsDefinition Mse = IcsConfiguration.Default();

    private static readonly AgeBand[] Bands = [AgeBand.Range(0, 34), AgeBand.Range(35, 49), AgeBand.Range(50, 64), AgeBand.Range(65, 74), AgeBand.Range(75, null)];

    public static PlaceTimeline Places() => PlaceBenchmarks.Timeline();

    public static List<IndicatorData> Indicators(PlaceTimeline places, int indicators, int seed = 42, int quarters = 10)
    {
        var rng = new Random(seed);
        var periods = Enumerable.Range(0, quarters).Select(q => IndicatorPeriod.Parse($"{2022 + (q / 4)}/{(23 + (q / 4)) % 100:D2} Q{(q % 4) + 1}")).ToList();
        var graph = places.At(periods[^1].End, Reorganisations.Census[1]);
        var lsoas = graph.LsoasIn(Mse.Code);
        var practices = graph.Within(Mse.Code, AreaType.Practice).Select(p => p.Code).ToList();
        var data = new List<IndicatorData>(indicators);
        for (var i = 0; i < indicators; i++)
        {
            var type = i % 5 == 4 ? IndicatorValueType.Dsr : i % 2 == 0 ? IndicatorValueType.Proportion : IndicatorValueType.CrudeRate;
            var multiplier = type == IndicatorValueType.Proportion ? 100 : 100_000;
            var indicator = new Indicator(new IndicatorId(1_800_000 + i), $"Benchmark indicator {i}", type, multiplier, type == IndicatorValueType.Proportion ? "%" : "per 100,000",
                i % 3 == 0 ? Polarity.HighIsGood : Polarity.LowIsGood);
            var values = new List<IndicatorValue>();
            var ages = new List<IndicatorAgeCount>();
            foreach (var period in periods)
            {
                foreach (var lsoa in lsoas)
                {
                    if (type == IndicatorValueType.Dsr)
                    {
                        double events = 0, people = 0;
                        foreach (var band in Bands)
                        {
                            var (count, population) = (rng.Next(0, 12), rng.Next(150, 500));
                            ages.Add(new IndicatorAgeCount(indicator.Id, lsoa, period.Label, Sex.Persons, string.Empty, string.Empty, band, count, population));
                            events += count;
                            people += population;
                        }

                        values.Add(Counted(indicator, lsoa, AreaType.Lsoa, period, events, people));
                        continue;
                    }

                    var denominator = rng.Next(800, 3_000);
                    values.Add(Counted(indicator, lsoa, AreaType.Lsoa, period, rng.Next(0, denominator / 5), denominator));
                }

                if (type == IndicatorValueType.Dsr) continue;
                foreach (var practice in practices)
                {
                    var denominator = rng.Next(2_000, 20_000);
                    values.Add(Counted(indicator, practice, AreaType.Practice, period, rng.Next(0, denominator / 5), denominator));
                }
            }

            data.Add(new IndicatorData(indicator, values, ages));
        }

        return data;
    }

    private static IndicatorValue Counted(Indicator indicator, AreaCode area, AreaType type, IndicatorPeriod period, double count, double denominator) =>
        new(indicator.Id, area, type, string.Empty, period.Label, period.Start, period.End, Sex.Persons, IndicatorValue.AllAges, string.Empty, string.Empty,
            count, denominator, null, null, null, null, null, null, null, null, ValueSource.Computed);
}
