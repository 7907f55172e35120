using Commonweal.Application.Places;
using Commonweal.Core.Places;
using Commonweal.Core.Targeting.Population;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Targeting;

/// <summary>
/// Builds the <see cref="PopulationFrame"/> of the configured ICS from the store: its 2021 LSOAs with their Census 2021
/// residents by age band, districts, sub-ICB locations and IoD2025 domains; the practices of its sub-ICB locations with
/// their latest list sizes; the age and sex shape of the registered patients of its sub-ICB locations (NHS England's
/// single-year file); and the published figures each trait is calibrated to (<see cref="CalibrationTargets"/>).
/// </summary>
public sealed class PopulationFrames(DeprivationQueries deprivation, PlaceQueries places, CommonwealDbContext db)
{
    private static readonly DeprivationDomain[] Domains = Enum.GetValues<DeprivationDomain>();

    public async Task<Answer<BuiltFrame>> BuildAsync(DateOnly? asAt, CancellationToken cancellationToken = default)
    {
        var listed = await deprivation.ListAsync(IodVintage.Iod2025, null, asAt, cancellationToken);
        if (listed.Refusal is { } refusal)
            return refusal with { Detail = "A population is made on the ICS's 2021 LSOAs with IoD2025: " + refusal.Detail };
        var graph = await places.GraphAsync(new ViewRequest(asAt, IodVintage.Iod2025), cancellationToken);
        var rows = listed.Value!.Rows.OrderBy(r => r.Lsoa.Code.Value, StringComparer.Ordinal).ToList();

        var period = graph.ResidentsPeriod;
        var inIcs = rows.Select(r => r.Lsoa.Code).ToHashSet();
        var census = period is null ? [] : (await db.Populations.AsNoTracking()
                .Where(p => p.Kind == PopulationKind.Resident && p.Period == period.Value && p.Sex == Sex.Persons)
                .ToListAsync(cancellationToken))
            .Where(p => p.AgeBand != AgeBand.All && p.AgeBand != AgeBand.WorkingAge && inIcs.Contains(p.Area)).ToList();
        var bands = census.Select(p => p.AgeBand).Distinct().OrderBy(b => b.From).ToList();
        var byLsoa = census.ToLookup(p => p.Area);
        var missing = rows.Where(r => byLsoa[r.Lsoa.Code].Count() != bands.Count).Select(r => r.Lsoa.Code.Value).ToList();
        if (bands.Count == 0 || missing.Count > 0)
            return new Refusal("residents by age are not loaded",
                $"A population needs the Census 2021 usual residents by age band of every 2021 LSOA of the ICS; {(bands.Count == 0 ? "none are" : $"{missing.Count} LSOAs (first {missing[0]}) have no full set of bands")} in the store: import census2021-age or census2021-ts007a (see docs/data-sources.md).",
                RefusalKind.NotLoaded);

        var districts = rows.Select(r => r.District?.Code).OfType<AreaCode>().Distinct().OrderBy(c => c.Value, StringComparer.Ordinal).ToList();
        var pools = new List<AreaCode>();
        int PoolOf(AreaCode area)
        {
            if (graph.Parents(area).FirstOrDefault(p => p.Type == AreaType.SubIcb) is not { } subIcb) return -1;
            var index = pools.IndexOf(subIcb.Code);
            if (index >= 0) return index;
            pools.Add(subIcb.Code);
            return pools.Count - 1;
        }

        var z = Domains.Select(d => Standardise(rows.Select(r => r.Deprivation?.Score(d)).ToList())).ToArray();
        var lsoas = rows.Select((r, k) => new FrameLsoa(
            r.Lsoa.Code,
            r.District is { } district ? districts.IndexOf(district.Code) : -1,
            PoolOf(r.Lsoa.Code),
            [.. bands.Select(b => byLsoa[r.Lsoa.Code].First(p => p.AgeBand == b).Count)],
            [.. Domains.Select(d => z[(int)d][k])],
            [.. Domains.Select(d => r.Deprivation?.Score(d))],
            [.. Domains.Select(d => r.Deprivation?.Decile(d))])).ToList();

        var practices = new List<FramePractice>();
        foreach (var practice in graph.Within(graph.Timeline.Ics.Code, AreaType.Practice))
        {
            if (graph.Registered(practice.Code) is not { Count: > 0 } registered) continue;
            practices.Add(new FramePractice(practice.Code, PoolOf(practice.Code), registered.Count));
        }

        var shape = await AgeShapeAsync(pools, cancellationToken);
        var frame = new PopulationFrame(lsoas, bands, shape.Weights, districts, practices, pools.Count, []);
        var published = await CalibrationTargets.PublishedAsync(db, frame, cancellationToken);
        frame = frame with { Targets = CalibrationTargets.Targets(frame, published) };
        var description = $"{lsoas.Count} LSOAs (2021) of {graph.Timeline.Ics.Name} as at {graph.AsAt:yyyy-MM-dd}; Census 2021 residents by age; IoD2025; " +
            $"{practices.Count} practices' lists; ages and sexes from {shape.Source}";
        return new BuiltFrame(frame, published, description, graph.Timeline.Ics);
    }

    /// <summary>z-scores among the values given (0 for unknown ones, and for all when they do not vary).</summary>
    private static double[] Standardise(IReadOnlyList<double?> values)
    {
        var known = values.OfType<double>().ToList();
        if (known.Count < 2) return new double[values.Count];
        var mean = known.Average();
        var sd = Math.Sqrt(known.Sum(v => (v - mean) * (v - mean)) / (known.Count - 1));
        return [.. values.Select(v => v is { } x && sd > 0 ? (x - mean) / sd : 0)];
    }

    /// <summary>
    /// Registered patients by sex and single year 0–100, from the 5-year bands of the pools' sub-ICB locations on the latest
    /// list that has them (a band's count spread evenly over its years; 95+ over 95–100 falling by 40 % a year); without
    /// them, a stated fallback: flat to 60, then falling faster for men than women.
    /// </summary>
    private async Task<(double[][] Weights, string Source)> AgeShapeAsync(IReadOnlyList<AreaCode> pools, CancellationToken cancellationToken)
    {
        var weights = new[] { new double[SyntheticPopulation.OldestAge + 1], new double[SyntheticPopulation.OldestAge + 1] };
        var rows = pools.Count == 0 ? [] : (await db.Populations.AsNoTracking()
                .Where(p => p.Kind == PopulationKind.Registered && (p.Sex == Sex.Male || p.Sex == Sex.Female))
                .ToListAsync(cancellationToken))
            .Where(p => p.AgeBand != AgeBand.All && pools.Contains(p.Area)).ToList();
        if (rows.Count > 0)
        {
            var latest = rows.Max(p => p.Period);
            foreach (var row in rows.Where(p => p.Period == latest))
            {
                var s = row.Sex == Sex.Male ? 0 : 1;
                if (row.AgeBand.To is { } to)
                {
                    for (var a = row.AgeBand.From; a <= Math.Min(to, SyntheticPopulation.OldestAge); a++) weights[s][a] += (double)row.Count / (to - row.AgeBand.From + 1);
                    continue;
                }

                var open = Enumerable.Range(row.AgeBand.From, SyntheticPopulation.OldestAge - row.AgeBand.From + 1).ToList();
                var total = open.Sum(a => Math.Pow(0.6, a - row.AgeBand.From));
                foreach (var a in open) weights[s][a] += row.Count * Math.Pow(0.6, a - row.AgeBand.From) / total;
            }

            return (weights, $"the registered patients of {pools.Count} sub-ICB locations by sex and age (NHS England, {latest:MMMM yyyy})");
        }

        for (var a = 0; a <= SyntheticPopulation.OldestAge; a++)
        {
            weights[0][a] = a <= 60 ? 1 : Math.Exp(-Math.Pow((a - 60) / 20.0, 2.2));
            weights[1][a] = a <= 60 ? 1 : Math.Exp(-Math.Pow((a - 60) / 23.0, 2.2));
        }

        return (weights, "a stated fallback shape (no registered patients by age are loaded)");
    }
}

/// <summary>A frame, the published figures its targets came from, what it was made from, and the ICS.</summary>
public sealed record BuiltFrame(PopulationFrame Frame, IReadOnlyList<PublishedFigure> Published, string Description, IcsDefinition Ics);
