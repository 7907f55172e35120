using Commonweal.Application.Indicators;
using Commonweal.Application.Places;
using Commonweal.Application.Targeting;
using Commonweal.Core.Allocation;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Core.Targeting;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Allocation;

/// <summary>England's value of an indicator, where known.</summary>
public sealed record IndicatorReference(double? England);

/// <summary>What a run was given: each place's inputs, where each need value came from, England's values, and the data used.</summary>
public sealed record GatheredInputs(IReadOnlyList<AllocationPlace> Places, IReadOnlyList<IReadOnlyList<string>> Sources, IReadOnlyList<double?> England, VintagesUsed Used, string Population);

/// <summary>
/// Gathers a model's inputs for the places of its level in the ICS as at a date (docs/methods/allocation.md, "Inputs"):
/// residents of the places' LSOAs (or registered patients of practices, PCNs and neighbourhoods), the age-cost weighting
/// by age band, each need component, the inequalities uplift and unit costs. Anything missing is a refusal saying what.
/// </summary>
public sealed class AllocationInputs(PlaceQueries places, IndicatorQueries indicators, CohortLibrary cohorts, PopulationStore store, CaseloadCache caseloads, CommonwealDbContext db)
{
    public async Task<Answer<GatheredInputs>> GatherAsync(AllocationModel model, DateOnly? asAt, IodVintage? vintage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var graph = await places.GraphAsync(new ViewRequest(asAt, vintage), cancellationToken);
        var ics = graph.Find(graph.Timeline.Ics.Code);
        if (ics is null) return new Refusal("no ICS", "The ICS's places are not loaded: run `commonweal import reference <folder>` or start on the demo.", RefusalKind.NotLoaded);
        var areas = (model.Level == AreaType.Ics ? [ics] : graph.Within(ics.Code, model.Level)).OrderBy(a => a.Code.Value, StringComparer.Ordinal).ToList();
        if (areas.Count == 0)
            return new Refusal("no places", $"The ICS has no {model.Level.Label().ToLowerInvariant()} as at {graph.AsAt:yyyy-MM-dd}: choose another level.", RefusalKind.Invalid);

        // Each place's LSOAs with the weight of each: residents, or registered patients by where they live.
        // Places that hold LSOAs are counted by residence; practices, PCNs and neighbourhoods of PCNs by registration, whatever the model prefers.
        var residence = areas.All(a => model.Level == AreaType.Lsoa || graph.LsoasIn(a.Code).Count > 0);
        var counted = residence ? PopulationBase.Resident : PopulationBase.Registered;
        var needsDeprivation = model.Uplift is not null || model.Need.Any(n => n.Source is "imd_score" or "core20_share");
        if (needsDeprivation && !graph.HasDeprivation)
            return new Refusal("no deprivation", $"The Indices of Deprivation for {graph.LsoaLabel} are not loaded, so the IMD score, Core20 share and uplift cannot be worked out: import them or choose the other edition.", RefusalKind.NotLoaded);

        // The stored people by place, read at most once: for where registered patients live and for cohort shares.
        Answer<PeopleInPlaces>? people = null;
        async Task<Answer<PeopleInPlaces>> People(string what) => people ??= await PeopleAsync(graph, model.Level, what, cancellationToken);

        var lsoaWeights = new List<IReadOnlyList<(AreaCode Lsoa, double Weight)>>();
        var population = new long[areas.Count];
        var populationNote = "";
        if (counted == PopulationBase.Resident)
        {
            foreach (var (area, i) in areas.Select((a, i) => (a, i)))
            {
                var lsoas = model.Level == AreaType.Lsoa ? [area.Code] : graph.LsoasIn(area.Code);
                var weights = new List<(AreaCode, double)>();
                foreach (var lsoa in lsoas)
                {
                    if (graph.Residents(lsoa) is not { } residents)
                        return new Refusal("no residents", $"{lsoa} ({area.Name}) has no residents' estimate for {graph.LsoaLabel}: load the population file for these LSOAs.", RefusalKind.NotLoaded);
                    weights.Add((lsoa, residents));
                    population[i] += residents;
                }

                lsoaWeights.Add(weights);
            }

            populationNote = "residents, " + (VintagesUsed.Of(graph).Residents ?? "") + (model.Population == counted ? "" : $" ({model.Level.Label().ToLowerInvariant()}s hold LSOAs of residents)");
        }
        else
        {
            DateOnly? period = null;
            foreach (var (area, i) in areas.Select((a, i) => (a, i)))
            {
                if (graph.Registered(area.Code) is not { } registered)
                    return new Refusal("no registered list", $"{area.Code} {area.Name} has no registered patients on or before {graph.AsAt:yyyy-MM-dd}: load the practice lists.", RefusalKind.NotLoaded);
                population[i] = registered.Count;
                period = period is { } p && p > registered.Period ? p : registered.Period;
            }

            populationNote = $"registered patients, lists of {period:MMMM yyyy}" + (model.Population == counted ? "" : $" ({model.Level.Label().ToLowerInvariant()}s hold registered lists, not residents)");
            if (needsDeprivation)
            {
                var attributed = RegisteredResidence(await People($"Where the registered patients of each {model.Level.Label().ToLowerInvariant()} live"), areas);
                if (attributed.Refusal is { } refusal) return refusal;
                lsoaWeights.AddRange(attributed.Value!);
                populationNote += "; where they live from the stored person-level population";
            }
        }

        var weighted = population.Select(p => (double)p).ToArray();
        if (model.AgeCosts.Count > 0)
        {
            var ages = await AgeWeightedAsync(model, counted, graph, areas, lsoaWeights, cancellationToken);
            if (ages.Refusal is { } refusal) return refusal;
            weighted = ages.Value!;
        }

        var need = areas.Select(_ => new double[model.Need.Count]).ToArray();
        var sources = areas.Select(_ => new string[model.Need.Count]).ToArray();
        var england = new double?[model.Need.Count];
        for (var k = 0; k < model.Need.Count; k++)
        {
            var source = model.Need[k].Source;
            if (source is "imd_score" or "core20_share")
            {
                for (var i = 0; i < areas.Count; i++)
                {
                    var (sum, all, count) = (0.0, 0.0, 0);
                    foreach (var (lsoa, w) in lsoaWeights[i])
                    {
                        if (graph.Deprivation(lsoa) is not { ImdScore: { } score, ImdDecile: { } decile })
                            return new Refusal("no deprivation", $"{lsoa} has no IMD score in {graph.Vintage?.Label()}.", RefusalKind.NotLoaded);
                        sum += source == "imd_score" ? w * score : (decile <= 2 ? w : 0);
                        all += w;
                        count++;
                    }

                    need[i][k] = all > 0 ? sum / all : 0;
                    sources[i][k] = $"{graph.Vintage?.Label()}, {count} LSOA{(count == 1 ? "" : "s")}";
                }
            }
            else if (source.StartsWith("indicator:", StringComparison.Ordinal))
            {
                var found = await IndicatorAsync(source, graph, areas, need, sources, k, cancellationToken);
                if (found.Refusal is { } refusal) return refusal;
                england[k] = found.Value!.England;
            }
            else
            {
                if (await CohortAsync(source, People, areas, need, sources, k, cancellationToken) is { } refusal) return refusal;
            }
        }

        var areaCodes = areas.Select(a => a.Code.Value).ToHashSet(StringComparer.Ordinal);
        if (model.UnitCosts.Keys.FirstOrDefault(c => !areaCodes.Contains(c)) is { } stray)
            return new Refusal("unit cost for another place", $"unit_costs: {stray} is not a {model.Level.Label().ToLowerInvariant()} of the ICS as at {graph.AsAt:yyyy-MM-dd}.", RefusalKind.Invalid);

        var result = new List<AllocationPlace>(areas.Count);
        for (var i = 0; i < areas.Count; i++)
        {
            var uplift = 1.0;
            if (model.Uplift is { } u)
            {
                var (sum, all) = (0.0, 0.0);
                foreach (var (lsoa, w) in lsoaWeights[i])
                {
                    if (graph.Deprivation(lsoa)?.ImdDecile is not { } decile)
                        return new Refusal("no deprivation", $"{lsoa} has no IMD decile in {graph.Vintage?.Label()}, so its inequalities uplift is not known.", RefusalKind.NotLoaded);
                    sum += w * u.Of(decile);
                    all += w;
                }

                uplift = all > 0 ? sum / all : 1.0;
            }

            result.Add(new AllocationPlace(areas[i].Code, areas[i].Name, population[i], weighted[i], need[i], uplift, model.UnitCosts.GetValueOrDefault(areas[i].Code.Value, 1.0)));
        }

        return new GatheredInputs(result, [.. sources.Select(s => (IReadOnlyList<string>)s)], england, VintagesUsed.Of(graph), populationNote);
    }

    /// <summary>The stored person-level population, and which place of a level each person is in (by residence or registration).</summary>
    private sealed record PeopleInPlaces(Caseload Caseload, PersonCohorts.AreaUnits Units, IReadOnlyDictionary<AreaCode, int> UnitOf);

    private async Task<Answer<PeopleInPlaces>> PeopleAsync(PlaceGraph graph, AreaType level, string what, CancellationToken cancellationToken)
    {
        if ((await caseloads.GetAsync(store, cancellationToken))?.Caseload is not { } caseload)
            return new Refusal("no population", $"{what} comes from the person-level population, and there is none: run `commonweal population generate --seed <n>` or `population import <file>`.", RefusalKind.NotLoaded);
        var mapped = PersonCohorts.Units(graph, caseload.People, level);
        if (mapped.Value is not { } units) return mapped.Refusal!;
        return new PeopleInPlaces(caseload, units, units.Areas.Select((a, u) => (a.Code, u)).ToDictionary(x => x.Code, x => x.u));
    }

    /// <summary>Each practice-based place's people by the LSOA they live in, from the stored person-level population: the shares are what matter.</summary>
    private static Answer<List<IReadOnlyList<(AreaCode, double)>>> RegisteredResidence(Answer<PeopleInPlaces> found, List<Area> areas)
    {
        if (found.Value is not { Caseload.People: var people, Units: var units, UnitOf: var unitOf }) return found.Refusal!;
        var tallies = units.Areas.Select(_ => new Dictionary<AreaCode, double>()).ToArray();
        for (var l = 0; l < people.Lsoas.Count; l++)
            for (var i = people.Offsets[l]; i < people.Offsets[l + 1]; i++)
            {
                var unit = units.Units.UnitOfPractice is { } ofPractice ? (people.Practices[i] is >= 0 and var p ? ofPractice[p] : -1) : units.Units.UnitOfLsoa![l];
                if (unit < 0) continue;
                var code = people.Lsoas[l].Code;
                tallies[unit][code] = tallies[unit].GetValueOrDefault(code) + 1;
            }

        var result = new List<IReadOnlyList<(AreaCode, double)>>();
        foreach (var area in areas)
        {
            if (!unitOf.TryGetValue(area.Code, out var u) || tallies[u].Count == 0)
                return new Refusal("no residence", $"No one in the person-level population is registered at {area.Code} {area.Name}, so where its patients live is not known.", RefusalKind.NotLoaded);
            result.Add([.. tallies[u].OrderBy(t => t.Key.Value, StringComparer.Ordinal).Select(t => (t.Key, t.Value))]);
        }

        return result;
    }

    /// <summary>Σ over age bands of people × the age-cost weight of the band's first age: residents by LSOA, or the place's registered patients.</summary>
    private async Task<Answer<double[]>> AgeWeightedAsync(AllocationModel model, PopulationBase counted, PlaceGraph graph, List<Area> areas, List<IReadOnlyList<(AreaCode Lsoa, double Weight)>> lsoaWeights, CancellationToken cancellationToken)
    {
        double WeightOf(AgeBand band) => model.AgeCosts.Last(s => s.FromAge <= band.From).Weight;
        var weighted = new double[areas.Count];
        if (counted == PopulationBase.Resident)
        {
            if (graph.ResidentsPeriod is not { } period) return new Refusal("no age bands", "No residents' estimates are loaded.", RefusalKind.NotLoaded);
            var codes = lsoaWeights.SelectMany(w => w.Select(x => x.Lsoa)).ToHashSet();
            var rows = await db.Populations.AsNoTracking()
                .Where(p => p.Kind == PopulationKind.Resident && p.Period == period && p.Sex == Sex.Persons)
                .Select(p => new { p.Area, p.AgeBand, p.Count }).ToListAsync(cancellationToken);
            var bands = new Dictionary<AreaCode, double>();
            foreach (var lsoa in rows.Where(r => codes.Contains(r.Area) && r.AgeBand != AgeBand.WorkingAge).GroupBy(r => r.Area))
            {
                var all = lsoa.FirstOrDefault(r => r.AgeBand == AgeBand.All)?.Count;
                var tiled = Tiling([.. lsoa.Where(r => r.AgeBand != AgeBand.All).Select(r => (r.AgeBand, r.Count))]);
                if (tiled is null || (all is { } total && tiled.Sum(b => b.Count) != total))
                    return new Refusal("age bands do not add up", $"{lsoa.Key}'s residents by age band for {PopulationSources.Describe(period)} do not cover every age once and add up to its residents, so the age-cost curve cannot be applied.", RefusalKind.NotLoaded);
                bands[lsoa.Key] = tiled.Sum(b => b.Count * WeightOf(b.Band));
            }

            for (var i = 0; i < areas.Count; i++)
                foreach (var (lsoa, _) in lsoaWeights[i])
                {
                    if (!bands.TryGetValue(lsoa, out var w))
                        return new Refusal("no age bands", $"{lsoa} has no residents by age band for {PopulationSources.Describe(period)}, so the age-cost curve cannot be applied: remove age_costs or choose the edition whose LSOAs have age bands.", RefusalKind.NotLoaded);
                    weighted[i] += w;
                }

            return weighted;
        }

        var areaCodes = areas.Select(a => a.Code).ToHashSet();
        var registered = await db.Populations.AsNoTracking()
            .Where(p => p.Kind == PopulationKind.Registered && p.Sex == Sex.Persons)
            .Select(p => new { p.Area, p.Period, p.AgeBand, p.Count }).ToListAsync(cancellationToken);
        var byArea = new Dictionary<AreaCode, double>();
        foreach (var area in registered.Where(r => areaCodes.Contains(r.Area) && r.AgeBand != AgeBand.All && r.AgeBand != AgeBand.WorkingAge && r.Period <= graph.AsAt).GroupBy(r => r.Area))
        {
            var latest = area.Max(r => r.Period);
            if (Tiling([.. area.Where(r => r.Period == latest).Select(r => (r.AgeBand, r.Count))]) is { } tiled)
                byArea[area.Key] = tiled.Sum(b => b.Count * WeightOf(b.Band));
        }

        for (var i = 0; i < areas.Count; i++)
        {
            if (!byArea.TryGetValue(areas[i].Code, out var w))
                return new Refusal("no age bands", $"{areas[i].Code} {areas[i].Name} has no registered patients by age band on or before {graph.AsAt:yyyy-MM-dd}: remove age_costs or load the lists by age.", RefusalKind.NotLoaded);
            weighted[i] = w;
        }

        return weighted;
    }

    /// <summary>
    /// One set of age bands covering every age once, from 0, finest first (5-year bands are taken before the six wider
    /// Census bands that overlap them when both are stored); null when the bands leave a gap.
    /// </summary>
    private static List<(AgeBand Band, long Count)>? Tiling(List<(AgeBand Band, long Count)> bands)
    {
        var chosen = new List<(AgeBand Band, long Count)>();
        var next = 0;
        foreach (var band in bands.OrderBy(b => b.Band.From).ThenBy(b => b.Band.To ?? int.MaxValue))
        {
            if (band.Band.From < next) continue;
            if (band.Band.From > next) return null;
            chosen.Add(band);
            if (band.Band.To is not { } to) return chosen;
            next = to + 1;
        }

        return null;
    }

    /// <summary>Each place's latest value of an indicator (its usual breakdown: persons, all ages where it has one), or the smallest place containing it that has one; England's value is returned.</summary>
    private async Task<Answer<IndicatorReference>> IndicatorAsync(string source, PlaceGraph graph, List<Area> areas, double[][] need, string[][] sources, int k, CancellationToken cancellationToken)
    {
        var id = new IndicatorId(int.Parse(source.AsSpan(10), System.Globalization.CultureInfo.InvariantCulture));
        var found = await indicators.TableAsync(id, cancellationToken);
        if (found.Value is not { } table) return new Refusal("unknown indicator", $"{source}: {found.Refusal!.Detail}", RefusalKind.Invalid);
        if (table.Latest is null) return new Refusal("no values", $"{source}: indicator {id} has no values.", RefusalKind.NotLoaded);
        var breakdown = IndicatorQueries.Default(table.Rows);
        // The latest period in which every place has a value, its own or that of the smallest place containing it.
        string? firstGap = null;
        // Only periods begun by the date the run is as at: a run as at 2022 does not use 2024's figures.
        foreach (var period in table.Periods.Where(p => p.Start <= graph.AsAt).Reverse())
        {
            double? Value(AreaCode code) => table.Find(code, period.Label, breakdown) is { } row && double.IsFinite(row.Number) ? row.Number : null;
            var values = new (double Value, string From)[areas.Count];
            var complete = true;
            for (var i = 0; i < areas.Count && complete; i++)
            {
                if (Value(areas[i].Code) is { } own)
                {
                    values[i] = (own, $"{table.Indicator.Name}, {period.Label}");
                    continue;
                }

                var parent = graph.Parents(areas[i].Code).Where(p => Size(p.Type) > Size(areas[i].Type)).OrderBy(p => Size(p.Type)).FirstOrDefault(p => Value(p.Code) is not null);
                if (parent is null)
                {
                    firstGap ??= $"{source}: {table.Indicator.Name} has no value for {areas[i].Code} {areas[i].Name} or any place containing it in {period.Label}, nor in any earlier period with values for all the places.";
                    complete = false;
                }
                else values[i] = (Value(parent.Code)!.Value, $"{table.Indicator.Name}, {period.Label}, value of {parent.Name} ({parent.Code})");
            }

            if (!complete) continue;
            for (var i = 0; i < areas.Count; i++) (need[i][k], sources[i][k]) = values[i];
            return new IndicatorReference(Value(IndicatorEngine.England));
        }

        return new Refusal("no value for a place", firstGap ?? $"{source}: indicator {id} has no values for periods begun by {graph.AsAt:yyyy-MM-dd}.", RefusalKind.NotLoaded);
    }

    /// <summary>The share of each place's people in a named person cohort, counted on the stored population.</summary>
    private async Task<Refusal?> CohortAsync(string source, Func<string, Task<Answer<PeopleInPlaces>>> people, List<Area> areas, double[][] need, string[][] sources, int k, CancellationToken cancellationToken)
    {
        var found = await cohorts.FindAsync(source[7..], cancellationToken);
        if (found.Value is not { } cohort) return new Refusal("unknown cohort", $"{source}: {found.Refusal!.Detail}", RefusalKind.Invalid);
        if (cohort.Subject != CohortSubject.Person)
            return new Refusal("a place cohort", $"{source}: '{cohort.Name}' is a cohort of places; use imd_score or core20_share for deprivation, or a cohort of people.", RefusalKind.Invalid);
        var read = await people($"{source}: the share of each place's people in the cohort");
        if (read.Value is not { } inPlaces) return read.Refusal;
        var rule = CohortRule.Parse(cohort.Rule, PersonFields.All).Rule!;
        var (count, population) = CohortCounting.Count(inPlaces.Caseload, rule, inPlaces.Units.Units);
        var unitOf = inPlaces.UnitOf;
        for (var i = 0; i < areas.Count; i++)
        {
            if (!unitOf.TryGetValue(areas[i].Code, out var u) || population[u] == 0)
                return new Refusal("no people", $"{source}: no one in the person-level population is in {areas[i].Code} {areas[i].Name}.", RefusalKind.NotLoaded);
            (need[i][k], sources[i][k]) = ((double)count[u] / population[u], $"cohort {cohort.Name} v{cohort.Version} on the stored population");
        }

        return null;
    }

    /// <summary>Smaller places first, for finding the nearest place containing another that has a value.</summary>
    private static int Size(AreaType type) => type switch
    {
        AreaType.Lsoa => 0,
        AreaType.Msoa => 1,
        AreaType.Ward => 2,
        AreaType.Practice => 3,
        AreaType.Pcn => 4,
        AreaType.Neighbourhood => 5,
        AreaType.District => 6,
        AreaType.Alliance => 7,
        AreaType.SubIcb => 8,
        AreaType.County => 9,
        AreaType.Ics => 10,
        AreaType.Icb => 11,
        AreaType.Region or AreaType.StatisticalRegion => 12,
        AreaType.Country => 13,
        _ => 14,
    };
}
