using System.Collections.Concurrent;
using Commonweal.Core.Places;

namespace Commonweal.Application.Places;

/// <summary>
/// Every place with its current parents and children, the latest resident population and the IMD decile of each
/// LSOA: a read model built once per data version and shared by all requests, so that rolling LSOAs up to any
/// district, alliance, ICB or neighbourhood costs a walk in memory, not a query.
/// </summary>
public sealed class PlaceGraph
{
    private readonly Dictionary<AreaCode, Area> areas;
    private readonly Dictionary<AreaCode, List<AreaCode>> children = [];
    private readonly Dictionary<AreaCode, List<AreaCode>> parents = [];
    private readonly Dictionary<AreaCode, long> residents;
    private readonly Dictionary<AreaCode, LsoaDeprivation> deprivation;
    private readonly ConcurrentDictionary<AreaCode, PlaceSummary> summaries = new();
    private readonly ConcurrentDictionary<object, object> memo = new();

    public PlaceGraph(
        long version,
        DatasetKind dataset,
        IEnumerable<Area> areas,
        IEnumerable<AreaMembership> memberships,
        Dictionary<AreaCode, long> residents,
        DateOnly? residentsPeriod,
        Dictionary<AreaCode, LsoaDeprivation> deprivation)
    {
        Version = version;
        Dataset = dataset;
        this.areas = areas.ToDictionary(a => a.Code);
        this.residents = residents;
        ResidentsPeriod = residentsPeriod;
        this.deprivation = deprivation;
        foreach (var m in memberships.GroupBy(m => (m.Child, m.ParentType)).Select(g => g.MaxBy(m => m.ValidFrom)!))
        {
            if (!this.areas.ContainsKey(m.Child) || !this.areas.ContainsKey(m.Parent)) continue;
            Add(children, m.Parent, m.Child);
            Add(parents, m.Child, m.Parent);
        }
    }

    public long Version { get; }

    public DatasetKind Dataset { get; }

    /// <summary>The reference date of the resident populations used (the latest all-ages LSOA estimate).</summary>
    public DateOnly? ResidentsPeriod { get; }

    public Area? Find(AreaCode code) => areas.GetValueOrDefault(code);

    public IEnumerable<Area> OfType(AreaType type) => areas.Values.Where(a => a.Type == type);

    public IReadOnlyList<Area> Children(AreaCode code) =>
        children.TryGetValue(code, out var list) ? list.Select(c => areas[c]).ToList() : [];

    public IReadOnlyList<Area> Parents(AreaCode code) =>
        parents.TryGetValue(code, out var list) ? list.Select(c => areas[c]).ToList() : [];

    /// <summary>The 2011 LSOAs in an area (the area itself when it is one), through any hierarchy.</summary>
    public IReadOnlyList<AreaCode> LsoasIn(AreaCode code)
    {
        var found = new HashSet<AreaCode>();
        var seen = new HashSet<AreaCode>();
        var stack = new Stack<AreaCode>();
        stack.Push(code);
        while (stack.Count > 0)
        {
            var next = stack.Pop();
            if (!seen.Add(next)) continue;
            if (areas.TryGetValue(next, out var area) && area.Type == AreaType.Lsoa)
            {
                found.Add(next);
                continue;
            }

            if (children.TryGetValue(next, out var list))
            {
                foreach (var child in list) stack.Push(child);
            }
        }

        return [.. found.Order()];
    }

    public long? Residents(AreaCode lsoa) => residents.TryGetValue(lsoa, out var n) ? n : null;

    public LsoaDeprivation? Deprivation(AreaCode lsoa) => deprivation.GetValueOrDefault(lsoa);

    /// <summary>
    /// Anything derived only from this version of the data (an overview, a rendered map), computed once and kept
    /// until the next import replaces the graph.
    /// </summary>
    public T Memo<T>(object key, Func<T> create)
        where T : class => (T)memo.GetOrAdd(key, _ => create());

    /// <summary>Drops a kept result, e.g. a load that failed, so the next request tries again.</summary>
    public void Forget(object key) => memo.TryRemove(key, out _);

    /// <summary>Residents, LSOA count and Core20 share of an area, from its LSOAs (computed once per area).</summary>
    public PlaceSummary Summarise(Area area) => summaries.GetOrAdd(area.Code, _ => Compute(area));

    private PlaceSummary Compute(Area area)
    {
        var lsoas = LsoasIn(area.Code);
        long population = 0, core20Population = 0;
        var core20 = 0;
        foreach (var lsoa in lsoas)
        {
            var people = Residents(lsoa) ?? 0;
            population += people;
            if (Deprivation(lsoa)?.IsCore20 == true)
            {
                core20++;
                core20Population += people;
            }
        }

        return new PlaceSummary(area, lsoas.Count, population, core20, core20Population);
    }

    private static void Add(Dictionary<AreaCode, List<AreaCode>> map, AreaCode key, AreaCode value)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(value);
    }
}

/// <param name="Core20Lsoas">LSOAs in national IMD deciles 1–2.</param>
public sealed record PlaceSummary(Area Area, int Lsoas, long Population, int Core20Lsoas, long Core20Population)
{
    public double? Core20Share => Population > 0 ? (double)Core20Population / Population : null;
}
