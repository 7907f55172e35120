using Commonweal.Application.Places;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;

namespace Commonweal.Application.Indicators;

/// <summary>An indicator's value for a place, added up from the areas within it, with the areas added up.</summary>
public sealed record Aggregate(ValueKey Key, IndicatorValue Value, IReadOnlyList<AreaCode> Members);

/// <summary>
/// Adds an indicator's values up to every level of the ICS for one period (docs/methods/aggregation.md): each place of
/// each level (<see cref="AggregationLevels"/>), as the places were at the period's end, is added up from the lowest
/// level that has counts within it. Counts and denominators are summed and the value and its limits worked out again
/// (<see cref="ValueMethods"/>); standardised rates and life expectancy are worked out again from the summed counts and
/// populations of each age band. A place is added up only when some area within it has counts; when an area within it
/// has a value but no count, the sum would be short, so the place gets no value and a note says why.
/// </summary>
public static class Aggregation
{
    /// <summary>An own value of the period and the code it was stored under (its age-band counts are kept under that code).</summary>
    public readonly record struct Own(IndicatorValue Value, AreaCode StoredArea);

    /// <summary>
    /// The added-up values of one period for every breakdown that has counts. <paramref name="own"/> holds the period's
    /// own values by their place's code; <paramref name="graph"/> is the places as at the period's end.
    /// </summary>
    public static List<Aggregate> Run(IndicatorData data, PlaceGraph graph, IndicatorPeriod period, IReadOnlyDictionary<ValueKey, Own> own)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(own);
        var indicator = data.Indicator;
        var results = new List<Aggregate>();
        if (!indicator.ValueType.Aggregates()) return results;

        // The period's own values by breakdown and place, only those of a type some level is added up from.
        var byBreakdown = new Dictionary<Breakdown, (Dictionary<AreaCode, Own> Places, HashSet<AreaType> Types)>();
        foreach (var (key, value) in own)
        {
            if (!IsBase(value.Value.AreaType)) continue;
            if (!byBreakdown.TryGetValue(key.Breakdown, out var held)) byBreakdown[key.Breakdown] = held = ([], []);
            held.Places[key.Area] = value;
            held.Types.Add(value.Value.AreaType);
        }

        if (byBreakdown.Count == 0) return results;
        foreach (var target in Targets(graph, period))
        {
            foreach (var (breakdown, (places, types)) in byBreakdown)
            {
                if (Add(data, graph, period, target, breakdown, places, types) is { } aggregate) results.Add(aggregate);
            }
        }

        return results;
    }

    /// <summary>The places of every level of the ICS in force at the period's end: the ICS, its ICB, then each level within it.</summary>
    public static IReadOnlyList<Area> Targets(PlaceGraph graph, IndicatorPeriod period)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(period);
        var ics = graph.Timeline.Ics;
        return graph.Memo(("indicator-targets", ics.Code, ics.IcbOn(period.End)?.Code), () =>
        {
            var targets = new List<Area>();
            if (graph.Find(ics.Code) is not { } system || !graph.Includes(system)) return targets;
            targets.Add(system);
            if (ics.IcbOn(period.End) is { } held && graph.Find(held.Code) is { } icb && graph.Includes(icb)) targets.Add(icb);
            foreach (var type in AggregationLevels.Targets.Where(t => t is not (AreaType.Ics or AreaType.Icb)))
                targets.AddRange(graph.Within(system.Code, type).Where(graph.Includes));
            return targets;
        });
    }

    /// <summary>The places of a type within a place as at the view's date (its LSOAs: those of the view's Census).</summary>
    public static IReadOnlyList<AreaCode> Members(PlaceGraph graph, AreaCode place, AreaType type)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return graph.Memo(("indicator-members", place, type), () => type == AreaType.Lsoa
            ? graph.LsoasIn(place)
            : (IReadOnlyList<AreaCode>)[.. graph.Within(place, type).Where(graph.Includes).Select(a => a.Code)]);
    }

    private static bool IsBase(AreaType type) => type is AreaType.Practice or AreaType.Lsoa or AreaType.Msoa or AreaType.Ward
        or AreaType.Pcn or AreaType.District or AreaType.SubIcb or AreaType.Alliance;

    private static Aggregate? Add(
        IndicatorData data, PlaceGraph graph, IndicatorPeriod period, Area target, Breakdown breakdown, Dictionary<AreaCode, Own> places,
        HashSet<AreaType> types)
    {
        foreach (var type in AggregationLevels.From(target.Type))
        {
            // A level the breakdown has no values at is not looked into (finding a place's members costs more than the lookups).
            if (!types.Contains(type)) continue;
            var members = Members(graph, target.Code, type);
            if (members.Count == 0) continue;
            var found = new List<Own>();
            foreach (var member in members)
            {
                if (places.TryGetValue(member, out var held) && held.Value.AreaType == type) found.Add(held);
            }

            var usable = found.Where(f => Usable(data, period, breakdown, f)).ToList();
            if (usable.Count == 0) continue;
            var computed = usable.Count < found.Count
                ? ComputedValue.NotCalculated(double.NaN, double.NaN,
                    $"not added up: {found.Count - usable.Count:N0} of the {type.Counted(found.Count)} with a value have no count")
                : Sum(data, period, breakdown, usable);
            var coverage = found.Count < members.Count
                ? $"added up from {found.Count:N0} of {type.Counted(members.Count)} ({members.Count - found.Count:N0} without a value)"
                : $"added up from {type.Counted(found.Count)}";
            var note = computed.Note is { } why ? $"{why}; {coverage}" : coverage;
            var value = new IndicatorValue(
                data.Indicator.Id, target.Code, target.Type, graph.Named(target).Name, period.Label, period.Start, period.End,
                breakdown.Sex, breakdown.Age, breakdown.CategoryType, breakdown.Category,
                Number(computed.Count), Number(computed.Denominator), Number(computed.Value),
                Number(computed.Limits95.Lower), Number(computed.Limits95.Upper), Number(computed.Limits998.Lower), Number(computed.Limits998.Upper),
                note, null, null, ValueSource.Aggregated);
            return new Aggregate(new ValueKey(target.Code, period.Label, breakdown), value, [.. found.Select(f => f.Value.Area).Order()]);
        }

        return null;
    }

    private static bool Usable(IndicatorData data, IndicatorPeriod period, Breakdown breakdown, Own own)
    {
        var type = data.Indicator.ValueType;
        if (ValueMethods.NeedsAgeBands(type)) return data.AgeBands(own.StoredArea, period.Label, breakdown).Count > 0;
        var value = own.Value;
        return value.Count is { } c && double.IsFinite(c) && (!ValueMethods.NeedsDenominator(type) || value.Denominator is { } d && double.IsFinite(d));
    }

    private static ComputedValue Sum(IndicatorData data, IndicatorPeriod period, Breakdown breakdown, List<Own> members)
    {
        var indicator = data.Indicator;
        if (!ValueMethods.NeedsAgeBands(indicator.ValueType))
        {
            double count = 0, denominator = 0;
            foreach (var member in members)
            {
                count += member.Value.Count!.Value;
                denominator += member.Value.Denominator ?? 0;
            }

            return ValueMethods.FromCounts(indicator.ValueType, indicator.Multiplier, count, ValueMethods.NeedsDenominator(indicator.ValueType) ? denominator : double.NaN);
        }

        var bands = new SortedDictionary<int, (AgeBand Band, double Count, double Population)>();
        IReadOnlyList<IndicatorAgeCount>? first = null;
        foreach (var member in members)
        {
            var own = data.AgeBands(member.StoredArea, period.Label, breakdown);
            first ??= own;
            if (own.Count != first.Count || own.Where((b, i) => b.AgeBand != first[i].AgeBand).Any())
                return ComputedValue.NotCalculated(double.NaN, double.NaN, "not added up: the areas within give different age bands");
            foreach (var band in own)
            {
                var sum = bands.GetValueOrDefault(band.AgeBand.From, (band.AgeBand, 0, 0));
                bands[band.AgeBand.From] = (band.AgeBand, sum.Count + band.Count, sum.Population + band.Population);
            }
        }

        var summed = bands.Values.Select(b => new IndicatorAgeCount(indicator.Id, members[0].StoredArea, period.Label, breakdown.Sex,
            breakdown.CategoryType, breakdown.Category, b.Band, b.Count, b.Population)).ToList();
        return ValueMethods.FromAgeBands(indicator.ValueType, indicator.Multiplier, summed, breakdown.Age);
    }

    private static double? Number(double x) => double.IsNaN(x) ? null : x;
}
