using Commonweal.Core.Places;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Places;

/// <summary>Read models for the overview, the place browser, place pages, maps and the places API.</summary>
public sealed class PlaceQueries(CommonwealDbContext db, IDbContextFactory<CommonwealDbContext> contexts, PlaceGraphCache cache, IcsDefinition ics)
{
    private Task<PlaceGraph>? graph;

    /// <summary>The place graph, looked up once per request however many components ask for it.</summary>
    public Task<PlaceGraph> GraphAsync(CancellationToken cancellationToken = default) =>
        graph ??= cache.GetAsync(contexts, cancellationToken);

    public async Task<SystemOverview> OverviewAsync(CancellationToken cancellationToken = default)
    {
        var current = await GraphAsync(cancellationToken);
        return current.Memo("overview", () => Overview(current));
    }

    private SystemOverview Overview(PlaceGraph graph)
    {
        var icb = graph.Find(ics.IcbCode) ?? new Area(ics.IcbCode, ics.IcbName, AreaType.Icb);
        var districts = ics.Districts.Select(d => graph.Find(d.Code)).OfType<Area>().Select(graph.Summarise).ToList();
        var alliances = ics.Alliances.Select(a => graph.Find(a.Code)).OfType<Area>().Select(graph.Summarise).ToList();
        var system = new PlaceSummary(icb, districts.Sum(d => d.Lsoas), districts.Sum(d => d.Population),
            districts.Sum(d => d.Core20Lsoas), districts.Sum(d => d.Core20Population));
        var counts = new Dictionary<AreaType, int>();
        foreach (var type in new[] { AreaType.Alliance, AreaType.District, AreaType.Ward, AreaType.Lsoa, AreaType.SubIcb, AreaType.Pcn, AreaType.Practice, AreaType.Neighbourhood })
            counts[type] = CountIn(graph, icb.Code, type, districts.Select(d => d.Area.Code));
        return new SystemOverview(ics.Name, graph.Dataset, graph.ResidentsPeriod, system, districts, alliances, counts);
    }

    /// <summary>Places of a type in the ICS: under the ICB or under one of its districts.</summary>
    private static int CountIn(PlaceGraph graph, AreaCode icb, AreaType type, IEnumerable<AreaCode> districts)
    {
        var seen = new HashSet<AreaCode>();
        var stack = new Stack<AreaCode>(districts.Append(icb));
        var counted = new HashSet<AreaCode>();
        while (stack.Count > 0)
        {
            var code = stack.Pop();
            if (!seen.Add(code)) continue;
            foreach (var child in graph.Children(code))
            {
                if (child.Type == type) counted.Add(child.Code);
                if (child.Type != AreaType.Lsoa) stack.Push(child.Code);
                else seen.Add(child.Code);
            }
        }

        return counted.Count;
    }

    public async Task<PlaceDetail?> PlaceAsync(AreaCode code, CancellationToken cancellationToken = default)
    {
        var graph = await GraphAsync(cancellationToken);
        if (graph.Find(code) is not { } area) return null;

        var summary = graph.Summarise(area);
        var lsoas = graph.LsoasIn(code);
        var children = graph.Children(code)
            .GroupBy(c => c.Type)
            .OrderBy(g => g.Key)
            .Select(g => new ChildGroup(g.Key, g.OrderBy(c => c.Name, StringComparer.Ordinal).Select(graph.Summarise).ToList()))
            .ToList();
        var registered = await RegisteredAsync(children.SelectMany(g => g.Places).Select(p => p.Area.Code).Append(code).ToList(), cancellationToken);

        var deciles = new DecileCount[10];
        for (var d = 0; d < 10; d++) deciles[d] = new DecileCount(d + 1, 0, 0);
        foreach (var lsoa in lsoas)
        {
            if (graph.Deprivation(lsoa)?.ImdDecile is { } decile)
                deciles[decile - 1] = deciles[decile - 1] with { Lsoas = deciles[decile - 1].Lsoas + 1, Population = deciles[decile - 1].Population + (graph.Residents(lsoa) ?? 0) };
        }

        var domains = Enum.GetValues<DeprivationDomain>().Select(domain => DomainProfile(graph, lsoas, domain)).ToList();
        var ages = await AgeBandsAsync(area.Type == AreaType.Practice ? [code] : lsoas, cancellationToken);
        return new PlaceDetail(area, summary, graph.Parents(code).OrderBy(p => p.Type).ToList(), children, registered, deciles, domains, ages,
            area.Type == AreaType.Lsoa ? graph.Deprivation(code) : null);
    }

    private static DomainSummary DomainProfile(PlaceGraph graph, IReadOnlyList<AreaCode> lsoas, DeprivationDomain domain)
    {
        var values = lsoas.Select(l => graph.Deprivation(l)?.Decile(domain)).OfType<int>().Order().ToList();
        if (values.Count == 0) return new DomainSummary(domain, 0, 0, null);
        return new DomainSummary(domain, values.Count, values.Count(v => v <= 2), values[(values.Count - 1) / 2]);
    }

    private async Task<IReadOnlyDictionary<AreaCode, long>> RegisteredAsync(List<AreaCode> codes, CancellationToken cancellationToken)
    {
        var rows = await db.Populations.AsNoTracking()
            .Where(p => p.Kind == PopulationKind.Registered && p.AgeBand == AgeBand.All && codes.Contains(p.Area))
            .Select(p => new { p.Area, p.Period, p.Count })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Area).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Period)!.Count);
    }

    /// <summary>Population by age band, from the latest source that has bands for these areas (summed over them).</summary>
    private async Task<AgeProfile?> AgeBandsAsync(IReadOnlyList<AreaCode> areas, CancellationToken cancellationToken)
    {
        if (areas.Count == 0) return null;
        var list = areas.ToList();
        var rows = await db.Populations.AsNoTracking()
            .Where(p => p.Sex == Sex.Persons && p.AgeBand != AgeBand.All && p.AgeBand != AgeBand.WorkingAge && list.Contains(p.Area))
            .Select(p => new { p.Period, p.AgeBand, p.Count })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0) return null;
        var latest = rows.Max(r => r.Period);
        var bands = rows.Where(r => r.Period == latest)
            .GroupBy(r => r.AgeBand)
            .Select(g => new AgeBandCount(g.Key, g.Sum(r => r.Count)))
            .OrderBy(b => b.Band.From)
            .ToList();
        return new AgeProfile(latest, bands);
    }

    /// <summary>The LSOAs of an area with their outlines and IMD deciles, for the choropleth.</summary>
    public async Task<PlaceMap?> MapAsync(AreaCode code, CancellationToken cancellationToken = default)
    {
        var graph = await GraphAsync(cancellationToken);
        if (graph.Find(code) is not { } area) return null;
        // Loaded once per data version with its own context, so no request's cancellation or scope can spoil it.
        var key = ("map", code);
        try
        {
            return await graph.Memo(key, () => LoadMapAsync(graph, area));
        }
        catch
        {
            graph.Forget(key);
            throw;
        }
    }

    private async Task<PlaceMap?> LoadMapAsync(PlaceGraph graph, Area area)
    {
        var code = area.Code;
        var lsoas = graph.LsoasIn(code).ToList();
        await using var db = await contexts.CreateDbContextAsync();
        var boundaries = await db.Boundaries.AsNoTracking().Where(b => lsoas.Contains(b.Area)).ToListAsync();
        var cells = boundaries
            .Select(b => new MapCell(graph.Find(b.Area)!, b.Polygons, graph.Deprivation(b.Area)?.ImdDecile, graph.Deprivation(b.Area)?.ImdRank, graph.Residents(b.Area)))
            .OrderBy(c => c.Area.Name, StringComparer.Ordinal)
            .ToList();
        return new PlaceMap(area, cells, lsoas.Count - cells.Count);
    }
}

public sealed record SystemOverview(
    string IcsName,
    DatasetKind Dataset,
    DateOnly? PopulationPeriod,
    PlaceSummary System,
    IReadOnlyList<PlaceSummary> Districts,
    IReadOnlyList<PlaceSummary> Alliances,
    IReadOnlyDictionary<AreaType, int> Counts);

public sealed record ChildGroup(AreaType Type, IReadOnlyList<PlaceSummary> Places);

public sealed record DecileCount(int Decile, int Lsoas, long Population);

/// <param name="MostDeprived20">LSOAs in national deciles 1–2 of this domain.</param>
public sealed record DomainSummary(DeprivationDomain Domain, int Lsoas, int MostDeprived20, int? MedianDecile);

public sealed record AgeBandCount(AgeBand Band, long Count);

public sealed record AgeProfile(DateOnly Period, IReadOnlyList<AgeBandCount> Bands);

public sealed record PlaceDetail(
    Area Area,
    PlaceSummary Summary,
    IReadOnlyList<Area> Parents,
    IReadOnlyList<ChildGroup> Children,
    IReadOnlyDictionary<AreaCode, long> Registered,
    IReadOnlyList<DecileCount> Deciles,
    IReadOnlyList<DomainSummary> Domains,
    AgeProfile? Ages,
    LsoaDeprivation? Lsoa);

public sealed record MapCell(Area Area, IReadOnlyList<Polygon> Polygons, int? ImdDecile, int? ImdRank, long? Residents);

/// <param name="WithoutBoundary">LSOAs of the area that have no boundary loaded (listed in the table, absent from the map).</param>
public sealed record PlaceMap(Area Area, IReadOnlyList<MapCell> Cells, int WithoutBoundary);
