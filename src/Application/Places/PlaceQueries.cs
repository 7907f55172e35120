using Commonweal.Core;
using Commonweal.Core.Places;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Places;

/// <summary>Read models for the overview, the place browser, place pages, maps and the places API, each as at a date.</summary>
public sealed class PlaceQueries(
    IDbContextFactory<CommonwealDbContext> contexts,
    PlaceGraphCache cache,
    IcsDefinition ics,
    TimeProvider clock)
{
    private Task<PlaceTimeline>? timeline;
    private Task<IodVintage?>? chosen;

    /// <summary>Today in England, the default "as at" date: at 00:30 on 1 April (BST) the new ICBs are already in force.</summary>
    public DateOnly Today => EnglandDate.On(clock.GetUtcNow());

    public IcsDefinition Ics => ics;

    /// <summary>The places through time, looked up once per request however many components ask for it.</summary>
    public Task<PlaceTimeline> TimelineAsync(CancellationToken cancellationToken = default) =>
        timeline ??= cache.GetAsync(contexts, cancellationToken);

    /// <summary>
    /// The edition of the Indices used when none is asked for: the setting if it is loaded, else the latest loaded;
    /// null when none is loaded.
    /// </summary>
    public async Task<IodVintage?> DefaultVintageAsync(CancellationToken cancellationToken = default)
    {
        var loaded = (await TimelineAsync(cancellationToken)).IodVintagesLoaded;
        // Read once per request with a context of its own: Blazor renders the layout and the page at the same time.
        var choice = await (chosen ??= ReadSettingAsync(cancellationToken));
        return choice is { } c && loaded.Contains(c) ? c : loaded.Count > 0 ? loaded[^1] : null;
    }

    private async Task<IodVintage?> ReadSettingAsync(CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return await DeprivationSetting.ReadAsync(context, cancellationToken);
    }

    // What a view works out is kept for every date between the same two changes (the answers are the same), so each
    // answer taken from there is stamped with the date it was asked for.

    /// <summary>The view a page shows: as at the date, on the LSOAs of the edition of the Indices asked for (or the default).</summary>
    public async Task<PlaceGraph> GraphAsync(ViewRequest? request = null, CancellationToken cancellationToken = default)
    {
        var current = await TimelineAsync(cancellationToken);
        var asAt = request?.AsAt ?? Today;
        var vintage = request?.Vintage ?? await DefaultVintageAsync(cancellationToken);
        return current.At(asAt, vintage?.LsoaRelease() ?? PlaceTimeline.LsoaReleaseOn(asAt));
    }

    /// <summary>The places in force on a date, LSOAs included (those of the Census in force then), for listing places.</summary>
    public async Task<PlaceGraph> InForceAsync(DateOnly? asAt = null, CancellationToken cancellationToken = default)
    {
        var date = asAt ?? Today;
        return (await TimelineAsync(cancellationToken)).At(date, PlaceTimeline.LsoaReleaseOn(date));
    }

    /// <summary>
    /// The places in force on a date (LSOAs of the Census in force then, or of the edition asked for), as
    /// <c>places list</c> and the API list them: of a type (default: districts), or within a place — anywhere within it
    /// when a type is given, else directly — ordered by type, then code.
    /// </summary>
    public async Task<Answer<PlaceList>> ListAsync(AreaType? type, AreaCode? within, ViewRequest? request = null, CancellationToken cancellationToken = default)
    {
        var graph = request?.Vintage is null ? await InForceAsync(request?.AsAt, cancellationToken) : await GraphAsync(request, cancellationToken);
        if (within is not { } parent)
            return new PlaceList(graph, null, type, [.. graph.OfType(type ?? AreaType.District).OrderBy(a => a.Type).ThenBy(a => a.Code)]);
        var found = InForce(graph, parent);
        if (found.Value is not { } place) return found.Refusal!;
        var places = type is { } t ? graph.Within(place.Code, t) : graph.Children(place.Code);
        return new PlaceList(graph, place, type, [.. places.OrderBy(a => a.Type).ThenBy(a => a.Code)]);
    }

    /// <summary>A place asked about, if it exists and is in the view (in force on its date, or an LSOA of its Census).</summary>
    public static Answer<Area> InForce(PlaceGraph graph, AreaCode code)
    {
        if (graph.Find(code) is not { } place) return Refusal.PlaceNotFound(code);
        if (graph.Includes(place)) return place;
        return new Refusal("place not in force", place.Type.IsStatistical()
            ? $"{place.Name} ({place.Code}) is not an LSOA of {graph.LsoaRelease.Year}: use the edition of the Indices of its Census."
            : $"{place.Name} ({place.Code}) did not exist on {graph.AsAt:yyyy-MM-dd}: it is in force {place.Validity}.");
    }

    public async Task<SystemOverview> OverviewAsync(ViewRequest? request = null, CancellationToken cancellationToken = default)
    {
        var graph = await GraphAsync(request, cancellationToken);
        var kept = graph.Memo("overview", () => Overview(graph));
        return kept with { Used = kept.Used with { AsAt = graph.AsAt } };
    }

    private SystemOverview Overview(PlaceGraph graph)
    {
        var system = graph.Find(ics.Code)!;
        var districts = ics.Districts.Select(d => graph.Find(d.Code)).OfType<Area>().Select(graph.Summarise).ToList();
        var alliances = ics.Alliances.Select(a => graph.Find(a.Code)).OfType<Area>().Select(graph.Summarise).ToList();
        var counts = new Dictionary<AreaType, int>();
        foreach (var type in new[] { AreaType.Alliance, AreaType.District, AreaType.Ward, AreaType.Lsoa, AreaType.SubIcb, AreaType.Pcn, AreaType.Practice, AreaType.Neighbourhood })
            counts[type] = graph.Within(ics.Code, type).Count;
        var icb = ics.IcbOn(graph.AsAt) is { } held ? graph.Find(held.Code) : null;
        return new SystemOverview(ics, graph.Dataset, VintagesUsed.Of(graph), ics.Validity.Contains(graph.AsAt), graph.Summarise(system), icb,
            districts, alliances, counts);
    }

    public async Task<PlaceDetail?> PlaceAsync(AreaCode code, ViewRequest? request = null, CancellationToken cancellationToken = default)
    {
        var graph = await GraphAsync(request, cancellationToken);
        if (graph.Find(code) is not { } area) return null;

        var inForce = graph.Includes(area);

        // An LSOA of the other Census is shown on its own Census's LSOAs, with that edition of the Indices.
        if (area.Type.IsStatistical() && !inForce)
        {
            var own = Reorganisations.Census.Where(c => area.Validity.Contains(c)).Cast<DateOnly?>().LastOrDefault();
            if (own is { } release) graph = (await TimelineAsync(cancellationToken)).At(graph.AsAt, release);
        }

        // Worked out once for every date between the same two changes, with a context of its own, as maps are.
        var key = ("place", area.Code, inForce);
        try
        {
            var kept = await graph.Memo(key, () => LoadPlaceAsync(graph, area, inForce));
            return kept with { Used = kept.Used with { AsAt = graph.AsAt } };
        }
        catch
        {
            graph.Forget(key);
            throw;
        }
    }

    private async Task<PlaceDetail> LoadPlaceAsync(PlaceGraph graph, Area area, bool inForce)
    {
        var code = area.Code;
        var summary = graph.Summarise(area);
        var lsoas = graph.LsoasIn(code);
        var children = graph.Children(code)
            .GroupBy(c => c.Type)
            .OrderBy(g => g.Key)
            .Select(g => new ChildGroup(g.Key, g.OrderBy(c => c.Name, StringComparer.Ordinal).Select(graph.Summarise).ToList()))
            .ToList();

        var deciles = new DecileCount[10];
        for (var d = 0; d < 10; d++) deciles[d] = new DecileCount(d + 1, 0, 0);
        foreach (var lsoa in lsoas)
        {
            if (graph.Deprivation(lsoa)?.ImdDecile is { } decile)
                deciles[decile - 1] = deciles[decile - 1] with { Lsoas = deciles[decile - 1].Lsoas + 1, Population = deciles[decile - 1].Population + (graph.Residents(lsoa) ?? 0) };
        }

        var domains = Enum.GetValues<DeprivationDomain>().Select(domain => DomainProfile(graph, lsoas, domain)).ToList();
        await using var context = await contexts.CreateDbContextAsync();
        var ages = area.Type is AreaType.Practice or AreaType.Pcn or AreaType.SubIcb or AreaType.Icb && lsoas.Count == 0
            ? await RegisteredAgesAsync(context, code, graph.AsAt)
            : await ResidentAgesAsync(context, lsoas, graph);
        var history = graph.Timeline.ParentPeriods(code)
            .OrderBy(p => p.ParentType).ThenBy(p => p.Validity.From ?? DateOnly.MinValue)
            .Select(p => new HistoryEntry(graph.Find(p.Parent)!, p.Validity, p.Source))
            .ToList();
        var links = area.Type == AreaType.Lsoa ? LinksOf(graph, code) : [];
        var listed = await context.ReleasedAreas.AsNoTracking().Where(r => r.Area == code).OrderBy(r => r.Release).ToListAsync();
        return new PlaceDetail(area, VintagesUsed.Of(graph), inForce, summary,
            [.. graph.Parents(code).OrderBy(p => p.Type).ThenBy(p => p.Name, StringComparer.Ordinal)], graph.IcbOf(code),
            children, deciles, domains, ages, area.Type == AreaType.Lsoa ? graph.Deprivation(code) : null, history, links, listed);
    }

    private static List<LsoaLinkView> LinksOf(PlaceGraph graph, AreaCode lsoa) =>
        graph.Timeline.LsoaLinks
            .Where(l => l.Lsoa2011 == lsoa || l.Lsoa2021 == lsoa)
            .Where(l => l.Change is not LsoaChange.Unchanged)
            .Select(l => new LsoaLinkView(l, graph.Find(l.Lsoa2011 == lsoa ? l.Lsoa2021 : l.Lsoa2011), l.Lsoa2011 == lsoa))
            .OrderBy(l => l.Forward ? l.Link.Lsoa2021 : l.Link.Lsoa2011)
            .ToList();

    private static DomainSummary DomainProfile(PlaceGraph graph, IReadOnlyList<AreaCode> lsoas, DeprivationDomain domain)
    {
        var values = lsoas.Select(l => graph.Deprivation(l)?.Decile(domain)).OfType<int>().Order().ToList();
        if (values.Count == 0) return new DomainSummary(domain, 0, 0, null);
        return new DomainSummary(domain, values.Count, values.Count(v => v <= 2), values[(values.Count - 1) / 2]);
    }

    /// <summary>Residents by age band, of the view's own reference date (the one its totals use), when it has ages.</summary>
    private static async Task<AgeProfile?> ResidentAgesAsync(CommonwealDbContext db, IReadOnlyList<AreaCode> lsoas, PlaceGraph graph)
    {
        if (lsoas.Count == 0 || graph.ResidentsPeriod is not { } period) return null;
        var list = lsoas.ToList();
        var rows = await db.Populations.AsNoTracking()
            .Where(p => p.Kind == PopulationKind.Resident && p.Period == period && p.Sex == Sex.Persons && p.AgeBand != AgeBand.All && p.AgeBand != AgeBand.WorkingAge && list.Contains(p.Area))
            .Select(p => new { p.AgeBand, p.Count })
            .ToListAsync();
        return rows.Count == 0 ? null : Profile(PopulationKind.Resident, period, rows.Select(r => (r.AgeBand, r.Count)));
    }

    /// <summary>Registered patients by age band, from the latest list on or before the date that has ages for the area.</summary>
    private static async Task<AgeProfile?> RegisteredAgesAsync(CommonwealDbContext db, AreaCode code, DateOnly asAt)
    {
        var rows = await db.Populations.AsNoTracking()
            .Where(p => p.Area == code && p.Kind == PopulationKind.Registered && p.Sex == Sex.Persons && p.AgeBand != AgeBand.All)
            .Select(p => new { p.Period, p.AgeBand, p.Count })
            .ToListAsync();
        var periods = rows.Select(r => r.Period).Distinct().Order().ToList();
        if (periods.Count == 0) return null;
        var period = periods.LastOrDefault(p => p <= asAt, periods[0]);
        return Profile(PopulationKind.Registered, period, rows.Where(r => r.Period == period).Select(r => (r.AgeBand, r.Count)));
    }

    private static AgeProfile Profile(PopulationKind kind, DateOnly period, IEnumerable<(AgeBand Band, long Count)> rows) =>
        new(kind, period, rows.GroupBy(r => r.Band).Select(g => new AgeBandCount(g.Key, g.Sum(r => r.Count))).OrderBy(b => b.Band.From).ToList());

    /// <summary>The LSOAs of an area with their outlines and IMD deciles, and the outlines of the districts they lie in.</summary>
    public async Task<PlaceMap?> MapAsync(AreaCode code, ViewRequest? request = null, CancellationToken cancellationToken = default)
    {
        var graph = await GraphAsync(request, cancellationToken);
        if (graph.Find(code) is not { } area) return null;
        // Loaded once per view with its own context, so no request's cancellation or scope can spoil it.
        var key = ("map", area.Code);
        try
        {
            var kept = await graph.Memo(key, () => LoadMapAsync(graph, area));
            return kept is null ? null : kept with { Used = kept.Used with { AsAt = graph.AsAt } };
        }
        catch
        {
            graph.Forget(key);
            throw;
        }
    }

    private async Task<PlaceMap?> LoadMapAsync(PlaceGraph graph, Area area)
    {
        var lsoas = graph.LsoasIn(area.Code).ToList();
        var districts = area.Type == AreaType.District
            ? [area]
            : lsoas.SelectMany(l => graph.Parents(l)).Where(p => p.Type == AreaType.District).DistinctBy(d => d.Code).OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
        var districtCodes = districts.Select(d => d.Code).ToList();
        await using var context = await contexts.CreateDbContextAsync();
        var boundaries = await context.Boundaries.AsNoTracking().Where(b => lsoas.Contains(b.Area)).ToListAsync();
        var outlines = await context.Boundaries.AsNoTracking().Where(b => districtCodes.Contains(b.Area)).ToListAsync();
        var cells = boundaries.GroupBy(b => b.Area)
            .Select(g => Nearest(g, graph.LsoaRelease))
            .Select(b => new MapCell(graph.Find(b.Area)!, b.Polygons, graph.Deprivation(b.Area)?.ImdDecile, graph.Deprivation(b.Area)?.ImdRank, graph.Residents(b.Area), b.Release))
            .OrderBy(c => c.Area.Name, StringComparer.Ordinal)
            .ToList();
        var districtOutlines = outlines.GroupBy(b => b.Area)
            .Select(g => Nearest(g, graph.AsAt))
            .Select(b => new MapOutline(graph.Find(b.Area)!, b.Polygons))
            .OrderBy(o => o.Area.Name, StringComparer.Ordinal)
            .ToList();
        return new PlaceMap(area, VintagesUsed.Of(graph), cells, lsoas.Count - cells.Count, districts, districtOutlines);
    }

    /// <summary>The outline drawn for a date: the latest release on or before it, else the earliest.</summary>
    private static AreaBoundary Nearest(IEnumerable<AreaBoundary> releases, DateOnly date)
    {
        var ordered = releases.OrderBy(b => b.Release).ToList();
        return ordered.LastOrDefault(b => b.Release <= date) ?? ordered[0];
    }
}
