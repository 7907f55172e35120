using Commonweal.Core.Indicators;
using Commonweal.Core.Places;

namespace Commonweal.Application.Indicators;

/// <summary>
/// Everything the store holds of one indicator, in memory: its catalogue entry, its values (as imported) and the
/// age-band counts behind standardised rates, with lookups by area, period and breakdown.
/// </summary>
public sealed class IndicatorData
{
    private readonly Dictionary<ValueKey, IndicatorValue> byKey = [];
    private readonly Dictionary<ValueKey, List<IndicatorAgeCount>> bands = [];

    public IndicatorData(Indicator indicator, IEnumerable<IndicatorValue> values, IEnumerable<IndicatorAgeCount> ageCounts)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(ageCounts);
        Indicator = indicator;
        var all = new List<IndicatorValue>();
        foreach (var value in values)
        {
            if (value.Indicator != indicator.Id) continue;
            if (byKey.TryAdd(new ValueKey(value.Area, value.Period, Breakdown.Of(value)), value)) all.Add(value);
        }

        Values = all;
        Periods = [.. all.DistinctBy(v => v.Period).Select(v => new IndicatorPeriod(v.Period, v.PeriodStart, v.PeriodEnd)).Order()];
        foreach (var count in ageCounts)
        {
            if (count.Indicator != indicator.Id) continue;
            var key = new ValueKey(count.Area, count.Period, Breakdown.Of(count));
            if (!bands.TryGetValue(key, out var list)) bands[key] = list = [];
            list.Add(count);
        }

        foreach (var list in bands.Values) list.Sort((a, b) => a.AgeBand.From.CompareTo(b.AgeBand.From));
    }

    public Indicator Indicator { get; }

    /// <summary>The values as imported (one per key).</summary>
    public IReadOnlyList<IndicatorValue> Values { get; }

    /// <summary>The periods that have a value, oldest first.</summary>
    public IReadOnlyList<IndicatorPeriod> Periods { get; }

    public IndicatorValue? Find(ValueKey key) => byKey.GetValueOrDefault(key);

    /// <summary>The counts and populations by age band of one area, period and breakdown (youngest first); empty when none.</summary>
    public IReadOnlyList<IndicatorAgeCount> AgeBands(AreaCode area, string period, Breakdown breakdown) =>
        bands.TryGetValue(new ValueKey(area, period, breakdown.WithoutAge), out var list) ? list : [];

    /// <summary>Whether any age-band counts are held.</summary>
    public bool HasAgeBands => bands.Count > 0;
}
