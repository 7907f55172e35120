using Commonweal.Application.Places;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Core.Statistics;

namespace Commonweal.Application.Indicators;

/// <summary>
/// The computation engine: from what the store holds of one indicator and the places through time, every row an output
/// shows (<see cref="IndicatorTable"/>). For each period, as the places were at its end: own values keep their place's code
/// in the loaded geography, values stored as computed are worked out again from their counts (published ones are kept as
/// published), values are added up to every level of the ICS (<see cref="Aggregation"/>), and a place's own value wins
/// over the added-up one, which is kept only as a check. Then every row is compared with England's value of its period
/// and given its recent trend.
/// </summary>
public static class IndicatorEngine
{
    /// <summary>England's code, the default comparator.</summary>
    public static readonly AreaCode England = AreaCode.Parse("E92000001");

    /// <param name="addUp">
    /// False for values of one place read on their own (a contract KPI's returns): nothing is added up to the other levels, which
    /// changes no row of that place (a place is only ever added up from the places within it) and saves most of the work.
    /// </param>
    public static IndicatorTable Build(IndicatorData data, PlaceTimeline places, BenchmarkMethod? method = null, bool addUp = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(places);
        var indicator = data.Indicator;
        var values = new Dictionary<ValueKey, (IndicatorValue Value, IReadOnlyList<AreaCode> Members)>();
        var aliases = new Dictionary<AreaCode, AreaCode>();
        var checks = new List<AggregateCheck>();
        var graphs = new Dictionary<string, PlaceGraph>();
        var byPeriod = data.Values.GroupBy(v => v.Period).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var period in data.Periods)
        {
            var stored = byPeriod[period.Label];
            var graph = places.At(period.End, LsoaRelease(places, period, stored));
            graphs[period.Label] = graph;
            var own = new Dictionary<ValueKey, Aggregation.Own>();
            foreach (var value in stored)
            {
                var mine = Own(data, graph, value);
                if (mine.Area != value.Area) aliases.TryAdd(value.Area, mine.Area);
                var key = new ValueKey(mine.Area, period.Label, Breakdown.Of(mine));
                if (own.TryAdd(key, new Aggregation.Own(mine, value.Area))) continue;
                if (AggregateCheck.DifferenceBetween(own[key].Value, mine) is { } difference)
                    checks.Add(new AggregateCheck(key, own[key].Value, mine, $"{value.Area} is the same place as {own[key].StoredArea}: {difference}"));
            }

            foreach (var (key, value) in own) values[key] = (value.Value, []);
            if (!addUp) continue;
            foreach (var aggregate in Aggregation.Run(data, graph, period, own))
            {
                if (own.TryGetValue(aggregate.Key, out var shown))
                {
                    // The own value is shown; what it is made of still guards the areas within against differencing.
                    values[aggregate.Key] = (shown.Value, aggregate.Members);
                    if (AggregateCheck.DifferenceBetween(shown.Value, aggregate.Value) is { } difference)
                        checks.Add(new AggregateCheck(aggregate.Key, shown.Value, aggregate.Value, $"own value against the value added up from the areas within: {difference}"));
                    continue;
                }

                values[aggregate.Key] = (aggregate.Value, aggregate.Members);
            }
        }

        var chosen = method ?? Comparisons.MethodFor(data);
        var trends = RecentTrends.Of(values.Values.Select(v => v.Value), data.Periods, indicator);
        var rows = new List<IndicatorRow>(values.Count);
        var quintiles = new Dictionary<(string, Breakdown, AreaType), double[]>();
        foreach (var (key, (value, members)) in values)
        {
            var draft = new IndicatorRow(value, null, trends.GetValueOrDefault(key), members);
            rows.Add(draft with { ComparedToEngland = WithEngland(draft, values, chosen, indicator.Polarity, quintiles) });
        }

        return new IndicatorTable(data, places, chosen, graphs, rows, aliases, checks);
    }

    /// <summary>
    /// A stored value as the engine shows it: under its place's code and type in the loaded geography (when known), and
    /// worked out again from its counts when it was stored as computed.
    /// </summary>
    private static IndicatorValue Own(IndicatorData data, PlaceGraph graph, IndicatorValue stored)
    {
        var value = stored;
        if (graph.Find(stored.Area) is { } place)
        {
            value = value with
            {
                Area = place.Code,
                AreaType = place.Type,
                AreaName = stored.AreaName.Length > 0 ? stored.AreaName : graph.Named(place).Name,
            };
        }

        if (stored.Source != ValueSource.Computed) return value;
        var indicator = data.Indicator;
        ComputedValue computed;
        if (ValueMethods.NeedsAgeBands(indicator.ValueType))
        {
            var bands = data.AgeBands(stored.Area, stored.Period, Breakdown.Of(stored));
            if (bands.Count == 0) return value;
            computed = ValueMethods.FromAgeBands(indicator.ValueType, indicator.Multiplier, bands, stored.Age);
        }
        else
        {
            if (stored.Count is not { } count || (ValueMethods.NeedsDenominator(indicator.ValueType) && stored.Denominator is null)) return value;
            computed = ValueMethods.FromCounts(indicator.ValueType, indicator.Multiplier, count, stored.Denominator ?? double.NaN);
        }

        // A row the engine cannot work out again keeps what was stored (the importer reported why).
        if (!computed.IsCalculated && computed.Note is not null && stored.Value is not null) return value;
        return value with
        {
            Value = Number(computed.Value),
            Lower95 = Number(computed.Limits95.Lower),
            Upper95 = Number(computed.Limits95.Upper),
            Lower998 = Number(computed.Limits998.Lower),
            Upper998 = Number(computed.Limits998.Upper),
            ValueNote = computed.Note ?? stored.ValueNote,
        };
    }

    /// <summary>
    /// England's comparison of a row: null when England has no value for its period (nothing to compare with), Not compared
    /// for England itself and for a row without a value or limits.
    /// </summary>
    private static BenchmarkOutcome? WithEngland(
        IndicatorRow row, Dictionary<ValueKey, (IndicatorValue Value, IReadOnlyList<AreaCode> Members)> values, BenchmarkMethod method,
        Polarity polarity, Dictionary<(string, Breakdown, AreaType), double[]> quintiles)
    {
        if (row.Area == England && row.Breakdown == row.Breakdown.WholePopulation) return BenchmarkOutcome.NotCompared;
        if (method == BenchmarkMethod.Quintiles)
        {
            var key = (row.Period, row.Breakdown, row.Value.AreaType);
            if (!quintiles.TryGetValue(key, out var bounds))
            {
                var peers = values.Values.Select(v => v.Value)
                    .Where(v => v.Period == row.Period && v.AreaType == row.Value.AreaType && Breakdown.Of(v) == row.Breakdown && v.Value is not null)
                    .Select(v => v.Value!.Value).ToArray();
                quintiles[key] = bounds = Benchmarking.QuintileBounds(peers);
            }

            return Comparisons.Quintile(row, bounds, polarity);
        }

        if (!values.TryGetValue(new ValueKey(England, row.Period, row.Breakdown.WholePopulation), out var england) || england.Value.Value is null)
            return null;
        return Comparisons.Compare(row, new IndicatorRow(england.Value, null, null, []), method, polarity);
    }

    /// <summary>The Census whose LSOAs the period's values use: the one most of its LSOA rows belong to, else the one in force at its end.</summary>
    private static DateOnly LsoaRelease(PlaceTimeline places, IndicatorPeriod period, List<IndicatorValue> values)
    {
        var inForce = PlaceTimeline.LsoaReleaseOn(period.End);
        var lsoas = values.Where(v => v.AreaType == AreaType.Lsoa).Select(v => v.Area).Distinct().ToList();
        if (lsoas.Count == 0) return inForce;
        var best = inForce;
        var most = -1;
        foreach (var census in Reorganisations.Census.Order().Reverse())
        {
            var window = PlaceTimeline.LsoaWindow(census);
            var count = lsoas.Count(l => places.Find(l) is { } lsoa && lsoa.Validity.Contains(census) && window.Contains(census));
            if (count > most || (count == most && census == inForce))
            {
                best = census;
                most = count;
            }
        }

        return best;
    }

    private static double? Number(double x) => double.IsNaN(x) ? null : x;
}
