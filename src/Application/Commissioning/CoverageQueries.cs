using Commonweal.Application.Outcomes;
using Commonweal.Application.Places;
using Commonweal.Core.Commissioning;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Core.Statistics;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Commissioning;

/// <summary>A service line that could not be put in any place of the matrix (its place has no residents' LSOAs nor a parent of the level).</summary>
public sealed record UnplacedLine(string ContractRef, string Line, AreaCode Area);

/// <summary>The coverage matrix as at a day at a level of place, with the places' names and the lines it could not place.</summary>
public sealed record CoverageView(DateOnly AsAt, AreaType Level, IReadOnlyList<Area> Places, IReadOnlyList<CoverageCell> Cells, IReadOnlyList<UnplacedLine> Unplaced)
{
    public string PlaceName(AreaCode code) => Places.FirstOrDefault(p => p.Code == code)?.Name ?? code.Value;
}

/// <summary>
/// Who delivers what, as at a day (docs/methods/coverage.md): every service line in force of every contract in force,
/// put in the ICS's places of the level (districts by default) by where its place's residents live — a line for the
/// whole ICS is in every district, its yearly value shared among them by residents (largest remainder, to the penny); a
/// line for a ward or a PCN is in the districts its LSOAs lie in. What is needed where comes from the outcomes framework:
/// each focus area a priority of the ICS names is needed in every place, and each target's focus area in the places its
/// place overlaps. Then <see cref="CoverageMatrix"/> marks each cell covered, gap or overlap.
/// </summary>
public sealed class CoverageQueries(CommonwealDbContext db, IDbContextFactory<CommonwealDbContext> contexts, PlaceGraphCache placeCache, FrameworkEditing frameworks, IcsDefinition ics)
{
    public async Task<Answer<CoverageView>> MatrixAsync(DateOnly asAt, AreaType level = AreaType.District, CancellationToken cancellationToken = default)
    {
        var timeline = await placeCache.GetAsync(contexts, cancellationToken);
        var graph = timeline.At(asAt, PlaceTimeline.LsoaReleaseOn(asAt));
        var places = level == AreaType.Ics ? [.. graph.Find(ics.Code) is { } whole ? [whole] : Array.Empty<Area>()] : graph.Within(ics.Code, level);
        if (places.Count == 0) return new Refusal("no places", $"The ICS has no {level.LowerPluralLabel()} on {asAt:yyyy-MM-dd}.", RefusalKind.NotLoaded);

        // Each LSOA of the ICS to the place of the level it lies in.
        var placeOf = new Dictionary<AreaCode, AreaCode>();
        foreach (var place in places)
            foreach (var lsoa in graph.LsoasIn(place.Code))
                placeOf.TryAdd(lsoa, place.Code);

        var contracts = await db.Contracts.AsNoTracking().Where(c => c.Start <= asAt).ToListAsync(cancellationToken);
        var variations = (await db.ContractVariations.AsNoTracking().Where(v => v.EffectiveFrom <= asAt).ToListAsync(cancellationToken)).ToLookup(v => v.Contract);
        var lines = (await db.ServiceLines.AsNoTracking().Where(l => l.EffectiveFrom <= asAt && (l.EffectiveTo == null || l.EffectiveTo >= asAt)).ToListAsync(cancellationToken)).ToLookup(l => l.Contract);
        var providers = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var shares = new Dictionary<AreaCode, IReadOnlyList<(AreaCode Place, double Weight)>>();
        var services = new List<CoverageService>();
        var unplaced = new List<UnplacedLine>();
        foreach (var contract in contracts)
        {
            if (!lines[contract.Id].Any() || !ContractTimeline.AsAt(contract, variations[contract.Id], [], [], asAt).InForce) continue;
            foreach (var line in lines[contract.Id])
            {
                if (!shares.TryGetValue(line.Area, out var share)) shares[line.Area] = share = Shares(graph, line.Area, placeOf, level);
                if (share.Count == 0)
                {
                    unplaced.Add(new UnplacedLine(contract.Ref, line.Code, line.Area));
                    continue;
                }

                var pence = Apportionment.LargestRemainder(line.AnnualValuePence, [.. share.Select(s => s.Weight)]);
                for (var i = 0; i < share.Count; i++)
                    services.Add(new CoverageService(line.FocusArea, share[i].Place, providers[contract.Provider], contract.Ref, pence[i]));
            }
        }

        var needs = await NeedsAsync(graph, places, placeOf, level, cancellationToken);
        return new CoverageView(asAt, level, places, CoverageMatrix.Of(services, needs, [.. places.Select(p => p.Code)]), unplaced);
    }

    /// <summary>The places of the level an area's residents live in, weighted by residents (or, without residents' LSOAs, the area's parent of the level).</summary>
    private static IReadOnlyList<(AreaCode Place, double Weight)> Shares(PlaceGraph graph, AreaCode area, Dictionary<AreaCode, AreaCode> placeOf, AreaType level)
    {
        var byPlace = new Dictionary<AreaCode, double>();
        foreach (var lsoa in graph.LsoasIn(area))
            if (placeOf.TryGetValue(lsoa, out var place))
                byPlace[place] = byPlace.GetValueOrDefault(place) + Math.Max(1, graph.Residents(lsoa) ?? 0);
        if (byPlace.Count > 0) return [.. byPlace.OrderBy(p => p.Key).Select(p => (p.Key, p.Value))];
        if (placeOf.ContainsValue(area)) return [(area, 1.0)];
        var parent = graph.Parents(area).FirstOrDefault(p => p.Type == level && placeOf.ContainsValue(p.Code));
        return parent is null ? [] : [(parent.Code, 1.0)];
    }

    private async Task<List<CoverageNeed>> NeedsAsync(PlaceGraph graph, IReadOnlyList<Area> places, Dictionary<AreaCode, AreaCode> placeOf, AreaType level, CancellationToken cancellationToken)
    {
        var framework = await frameworks.CurrentAsync(cancellationToken);
        var needs = new List<CoverageNeed>();
        foreach (var priority in framework.Priorities)
            foreach (var area in priority.Domains.Select(d => d.Area).OfType<FocusArea>().Distinct())
                needs.AddRange(places.Select(p => new CoverageNeed(area, p.Code, $"priority: {priority.Name}")));

        var targets = await db.Targets.AsNoTracking().ToListAsync(cancellationToken);
        var ids = targets.Select(t => t.Indicator).Distinct().ToList();
        var indicators = await db.Indicators.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        foreach (var target in targets)
        {
            if (!indicators.TryGetValue(target.Indicator, out var indicator) || framework.DomainOf(indicator)?.Area is not { } area) continue;
            var within = graph.LsoasIn(target.Area).Select(l => placeOf.GetValueOrDefault(l)).Where(p => p.Value is not null).Distinct().ToList();
            if (within.Count == 0 && Shares(graph, target.Area, placeOf, level) is { Count: > 0 } parent) within = [.. parent.Select(p => p.Place)];
            needs.AddRange(within.Select(p => new CoverageNeed(area, p, $"target {target.Id}: {indicator.Name}")));
        }

        return needs;
    }
}
