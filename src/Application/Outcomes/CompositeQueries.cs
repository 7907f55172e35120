using Commonweal.Application.Indicators;
using Commonweal.Core.Outcomes;
using Commonweal.Core.Places;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Outcomes;

/// <summary>The composite of the ICS's places of a type, with the places' names and the framework it was worked out under.</summary>
public sealed record Composite(OutcomesFramework Framework, AreaType Type, IReadOnlyDictionary<AreaCode, string> Names, CompositeResult Result);

/// <summary>
/// The optional County Health Rankings-style composite (<see cref="CompositeScores"/>) of the ICS's places of a type
/// (districts by default): every indicator the current framework maps to a domain is a measure, at its latest period
/// with values for at least three of the places (persons, the whole population), its group the domain's.
/// </summary>
public sealed class CompositeQueries(CommonwealDbContext db, IndicatorQueries indicators, FrameworkEditing frameworks)
{
    public async Task<Composite> ComputeAsync(AreaType type = AreaType.District, CancellationToken cancellationToken = default)
    {
        var framework = await frameworks.CurrentAsync(cancellationToken);
        var catalogue = await db.Indicators.AsNoTracking().OrderBy(i => i.Id).ToListAsync(cancellationToken);
        var names = new Dictionary<AreaCode, string>();
        var places = new HashSet<AreaCode>();
        var measures = new List<CompositeMeasure>();
        var excluded = new List<CompositeExclusion>();
        foreach (var indicator in catalogue)
        {
            if (framework.DomainOf(indicator) is not { } domain) continue;
            if ((await indicators.TableAsync(indicator.Id, cancellationToken)).Value is not { } table) continue;
            var found = false;
            foreach (var period in table.Periods.Reverse())
            {
                var members = table.Graph(period).Within(table.Ics.Code, type).ToDictionary(a => a.Code, a => a.Name);
                var values = table.InPeriod(period.Label)
                    .Where(r => members.ContainsKey(r.Area) && r.Value.Sex == Sex.Persons && r.Breakdown.IsWholePopulation && r.Value.Value is { } v && double.IsFinite(v))
                    .GroupBy(r => r.Area).ToDictionary(g => g.Key, g => g.First().Value.Value!.Value);
                if (values.Count < CompositeScores.FewestPlaces) continue;
                foreach (var (code, name) in members.Where(m => values.ContainsKey(m.Key)))
                {
                    names[code] = name;
                    places.Add(code);
                }

                measures.Add(new CompositeMeasure(indicator.Id, indicator.Name, period.Label, domain.Group, indicator.Polarity, values));
                found = true;
                break;
            }

            if (!found) excluded.Add(new CompositeExclusion(indicator.Id, indicator.Name, $"no period with values for {CompositeScores.FewestPlaces} or more of the ICS's {type.LowerPluralLabel()}"));
        }

        var result = CompositeScores.Of([.. places.Order()], measures);
        return new Composite(framework, type, names, result with { Excluded = [.. result.Excluded, .. excluded] });
    }
}
