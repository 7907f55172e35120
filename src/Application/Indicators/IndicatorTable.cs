using System.Collections.Concurrent;
using Commonweal.Application.Places;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Core.Statistics;

namespace Commonweal.Application.Indicators;

/// <summary>
/// Every value of one indicator as the engine gives it (<see cref="IndicatorEngine.Build"/>): its own values (as published,
/// or recomputed from their counts) and the values added up to every level of the ICS, one row per area, period and
/// breakdown, each compared with England and with its recent trend; with lookups by area, period and breakdown, the places
/// as at each period's end, comparisons with the other comparators, and the checks of own against added-up values.
/// Built once per data version and shared (read-only).
/// </summary>
public sealed class IndicatorTable
{
    private readonly Dictionary<ValueKey, IndicatorRow> byKey;
    private readonly Dictionary<string, IndicatorRow[]> byPeriod;
    private readonly Dictionary<AreaCode, IndicatorRow[]> byArea;
    private readonly IReadOnlyDictionary<string, PlaceGraph> graphs;
    private readonly IReadOnlyDictionary<AreaCode, AreaCode> aliases;
    private readonly Dictionary<string, IndicatorPeriod> periods;
    private readonly ConcurrentDictionary<DisclosurePolicy, Lazy<Dictionary<ValueKey, DisclosedRow>>> disclosed = new();

    internal IndicatorTable(
        IndicatorData data, PlaceTimeline places, BenchmarkMethod method, IReadOnlyDictionary<string, PlaceGraph> graphs,
        IReadOnlyList<IndicatorRow> rows, IReadOnlyDictionary<AreaCode, AreaCode> aliases, IReadOnlyList<AggregateCheck> checks)
    {
        Data = data;
        Places = places;
        Method = method;
        this.graphs = graphs;
        this.aliases = aliases;
        Checks = checks;
        // Sorted by period through each row's period index (looked up once per row, not twice per comparison).
        var order = data.Periods.Select((p, i) => (p.Label, i)).ToDictionary(x => x.Label, x => x.i);
        var periodOf = new int[rows.Count];
        var permutation = new int[rows.Count];
        for (var i = 0; i < rows.Count; i++) (periodOf[i], permutation[i]) = (order[rows[i].Period], i);
        Array.Sort(permutation, (i, j) => periodOf[i] != periodOf[j] ? periodOf[i].CompareTo(periodOf[j]) : Compare(rows[i].Value, rows[j].Value));
        var sorted = new IndicatorRow[rows.Count];
        byKey = new Dictionary<ValueKey, IndicatorRow>(rows.Count);
        byPeriod = [];
        for (var i = 0; i < sorted.Length; i++)
        {
            var row = sorted[i] = rows[permutation[i]];
            byKey.Add(row.Key, row);
        }

        // Each period's rows are one run of the sorted rows.
        for (var start = 0; start < sorted.Length;)
        {
            var end = start + 1;
            while (end < sorted.Length && periodOf[permutation[end]] == periodOf[permutation[start]]) end++;
            byPeriod[sorted[start].Period] = sorted[start..end];
            start = end;
        }

        Rows = sorted;
        byArea = sorted.GroupBy(r => r.Area).ToDictionary(g => g.Key, g => g.ToArray());
        periods = data.Periods.ToDictionary(p => p.Label);
        Breakdowns = [.. sorted.Select(r => r.Breakdown).Distinct().OrderBy(b => b.CategoryType, StringComparer.Ordinal).ThenBy(b => b.Sex)
            .ThenBy(b => b.Age, StringComparer.Ordinal).ThenBy(b => b.Category, StringComparer.Ordinal)];
    }

    public Indicator Indicator => Data.Indicator;

    /// <summary>What the store holds of the indicator.</summary>
    public IndicatorData Data { get; }

    /// <summary>The places the values were added up over (the ICS's places through time).</summary>
    public PlaceTimeline Places { get; }

    public IcsDefinition Ics => Places.Ics;

    /// <summary>How values are compared with their comparators.</summary>
    public BenchmarkMethod Method { get; }

    /// <summary>The periods with a value, oldest first.</summary>
    public IReadOnlyList<IndicatorPeriod> Periods => Data.Periods;

    /// <summary>
    /// Every row: by period (oldest first), then type of place, place code and breakdown. One row per key: a place's own
    /// value where the file has one, else the value added up from the areas within it.
    /// </summary>
    public IReadOnlyList<IndicatorRow> Rows { get; }

    /// <summary>The breakdowns that have values (the whole population first).</summary>
    public IReadOnlyList<Breakdown> Breakdowns { get; }

    /// <summary>Own values that disagree with the values added up from the areas within (or with a second row of the same place).</summary>
    public IReadOnlyList<AggregateCheck> Checks { get; }

    public IndicatorPeriod? Period(string label) => periods.GetValueOrDefault(label.Trim());

    /// <summary>The latest period with a value, if any.</summary>
    public IndicatorPeriod? Latest => Periods.Count > 0 ? Periods[^1] : null;

    /// <summary>The places as at the end of a period of the indicator (on the LSOAs its values use).</summary>
    public PlaceGraph Graph(IndicatorPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return graphs.TryGetValue(period.Label, out var graph) ? graph : Places.At(period.End, PlaceTimeline.LsoaReleaseOn(period.End));
    }

    /// <summary>The code the rows use for a place given by either of its codes (E54000026 → QH8, 06Q → E38000106).</summary>
    public AreaCode Resolve(AreaCode code) =>
        aliases.TryGetValue(code, out var known) ? known
        : byArea.ContainsKey(code) ? code
        : Latest is { } latest && Places.Find(code, latest.End) is { } place ? place.Code
        : code;

    public IndicatorRow? Find(ValueKey key) => byKey.GetValueOrDefault(key);

    /// <summary>A row as public outputs show it under a disclosure policy (decided once per policy over the whole table).</summary>
    public DisclosedRow Disclosed(IndicatorRow row, DisclosurePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(policy);
        var all = disclosed.GetOrAdd(policy, p => new Lazy<Dictionary<ValueKey, DisclosedRow>>(() => IndicatorDisclosure.Apply(this, p))).Value;
        return all.TryGetValue(row.Key, out var shown) ? shown : DisclosedRow.AsItIs(row);
    }

    public IndicatorRow? Find(AreaCode area, string period, Breakdown breakdown) => Find(new ValueKey(Resolve(area), period, breakdown));

    /// <summary>The rows of one period.</summary>
    public IReadOnlyList<IndicatorRow> InPeriod(string period) => byPeriod.TryGetValue(period, out var rows) ? rows : [];

    /// <summary>The rows of one place (either of its codes), every period and breakdown.</summary>
    public IReadOnlyList<IndicatorRow> OfArea(AreaCode area) => byArea.TryGetValue(Resolve(area), out var rows) ? rows : [];

    /// <summary>A place's series for one breakdown: one entry per period of <see cref="Periods"/>, null where it has no value.</summary>
    public IReadOnlyList<IndicatorRow?> Series(AreaCode area, Breakdown breakdown)
    {
        var code = Resolve(area);
        return [.. Periods.Select(p => Find(new ValueKey(code, p.Label, breakdown)))];
    }

    /// <summary>
    /// A row compared with a comparator (<see cref="Comparators.England"/>, <see cref="Comparators.Region"/>,
    /// <see cref="Comparators.Ics"/> or <see cref="Comparators.Parent"/>) by the indicator's method. A category is compared
    /// with the comparator's whole population of the same sex and age.
    /// </summary>
    public Benchmark Compare(IndicatorRow row, Comparators comparator)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (periods.GetValueOrDefault(row.Period) is not { } period) return new Benchmark(comparator, BenchmarkOutcome.NotCompared, null, Method, "no such period");
        var graph = Graph(period);
        var against = comparator switch
        {
            Comparators.England => IndicatorEngine.England,
            Comparators.Ics => Ics.Code,
            Comparators.Parent => AggregationLevels.ParentType(row.Value.AreaType) is { } type
                ? graph.Parents(row.Area).FirstOrDefault(p => p.Type == type)?.Code
                : null,
            Comparators.Region => Ancestor(graph, row.Area, t => t is AreaType.Region or AreaType.StatisticalRegion),
            _ => throw new ArgumentOutOfRangeException(nameof(comparator), comparator, "compare with one comparator at a time"),
        };
        if (against is not { } code) return new Benchmark(comparator, BenchmarkOutcome.NotCompared, null, Method, $"{row.Value.AreaName} has no {Name(comparator)} in the loaded places");
        if (code == row.Area && row.Breakdown.IsWholePopulation) return new Benchmark(comparator, BenchmarkOutcome.NotCompared, null, Method, "a value is not compared with itself");

        if (Method == BenchmarkMethod.Quintiles)
        {
            var peers = InPeriod(row.Period).Where(r => r.Breakdown == row.Breakdown && r.Value.AreaType == row.Value.AreaType && double.IsFinite(r.Number));
            if (comparator != Comparators.England)
            {
                var within = Aggregation.Members(graph, code, row.Value.AreaType).ToHashSet();
                peers = peers.Where(r => within.Contains(r.Area));
            }

            var bounds = Benchmarking.QuintileBounds([.. peers.Select(r => r.Number)]);
            return new Benchmark(comparator, Comparisons.Quintile(row, bounds, Indicator.Polarity), null, Method,
                bounds.Length == 0 ? $"fewer than {Benchmarking.MinimumValuesForQuintiles} areas to make quintiles" : null);
        }

        if (Find(new ValueKey(code, row.Period, row.Breakdown.WholePopulation)) is not { } other)
            return new Benchmark(comparator, BenchmarkOutcome.NotCompared, null, Method, $"no value for the {Name(comparator)} in {row.Period}");
        return new Benchmark(comparator, Comparisons.Compare(row, other, Method, Indicator.Polarity), other, Method, null);
    }

    private static string Name(Comparators comparator) => comparator switch
    {
        Comparators.Ics => "ICS",
        _ => comparator.ToString().ToLowerInvariant(),
    };

    private static AreaCode? Ancestor(PlaceGraph graph, AreaCode area, Func<AreaType, bool> wanted)
    {
        var seen = new HashSet<AreaCode>();
        var queue = new Queue<AreaCode>([area]);
        while (queue.Count > 0)
        {
            foreach (var parent in graph.Parents(queue.Dequeue()))
            {
                if (wanted(parent.Type)) return parent.Code;
                if (seen.Add(parent.Code)) queue.Enqueue(parent.Code);
            }
        }

        return null;
    }

    /// <summary>Rows of one period: by type of place, place code and breakdown.</summary>
    private static int Compare(IndicatorValue a, IndicatorValue b)
    {
        var c = a.AreaType.CompareTo(b.AreaType);
        if (c == 0) c = a.Area.CompareTo(b.Area);
        if (c == 0) c = a.Sex.CompareTo(b.Sex);
        if (c == 0) c = string.CompareOrdinal(a.Age, b.Age);
        if (c == 0) c = string.CompareOrdinal(a.CategoryType, b.CategoryType);
        if (c == 0) c = string.CompareOrdinal(a.Category, b.Category);
        return c;
    }
}
