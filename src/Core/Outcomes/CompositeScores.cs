using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Core.Statistics;

namespace Commonweal.Core.Outcomes;

/// <summary>One measure of the composite: its indicator, the group of the model it counts towards, which way is good, and each place's value.</summary>
public sealed record CompositeMeasure(IndicatorId Indicator, string Name, string Period, HealthFactor Group, Polarity Polarity, IReadOnlyDictionary<AreaCode, double> Values);

/// <summary>A measure left out of the composite, and why.</summary>
public sealed record CompositeExclusion(IndicatorId Indicator, string Name, string Reason);

/// <summary>
/// A place's composite: the mean z-score of each group's measures it has (higher is better), the health factors score
/// (the groups weighted 30/40/20/10, the weights of the groups it has scores for rescaled to add up to one), the health
/// outcomes score (length and quality of life, half each), and its ranks among the places (1 = best).
/// </summary>
public sealed record CompositePlace(AreaCode Place, IReadOnlyDictionary<HealthFactor, double> Groups, double? Factors, double? Outcomes, int? FactorsRank, int? OutcomesRank);

/// <summary>The composite of a set of places: each place's scores, the measures used and those left out.</summary>
public sealed record CompositeResult(IReadOnlyList<CompositePlace> Places, IReadOnlyList<CompositeMeasure> Measures, IReadOnlyList<CompositeExclusion> Excluded);

/// <summary>
/// A County Health Rankings-style composite (docs/methods/composite-z-scores.md): each measure standardised across the
/// places compared (z = (x − mean) / standard deviation, the sign turned so that higher is better), averaged within its
/// group of the model, the groups weighted 30/40/20/10 into a health factors score and the two outcomes averaged into a
/// health outcomes score. Relative to the places compared only; a composite hides as much as it shows.
/// </summary>
public static class CompositeScores
{
    /// <summary>The fewest places a measure must have values for to be standardised.</summary>
    public const int FewestPlaces = 3;

    public static CompositeResult Of(IReadOnlyList<AreaCode> places, IReadOnlyList<CompositeMeasure> measures)
    {
        ArgumentNullException.ThrowIfNull(places);
        ArgumentNullException.ThrowIfNull(measures);
        var used = new List<CompositeMeasure>();
        var excluded = new List<CompositeExclusion>();
        var z = new Dictionary<(AreaCode Place, HealthFactor Group), List<double>>();
        foreach (var measure in measures)
        {
            var values = places.Where(measure.Values.ContainsKey).Select(p => (Place: p, Value: measure.Values[p])).Where(v => double.IsFinite(v.Value)).ToList();
            if (measure.Polarity == Polarity.NoJudgement)
            {
                excluded.Add(new(measure.Indicator, measure.Name, "no judgement of which way is good"));
                continue;
            }

            if (values.Count < FewestPlaces)
            {
                excluded.Add(new(measure.Indicator, measure.Name, $"values for {values.Count} of the places (at least {FewestPlaces} are needed)"));
                continue;
            }

            var mean = values.Average(v => v.Value);
            var sd = Math.Sqrt(values.Sum(v => (v.Value - mean) * (v.Value - mean)) / (values.Count - 1));
            if (sd == 0)
            {
                excluded.Add(new(measure.Indicator, measure.Name, "the same value for every place"));
                continue;
            }

            used.Add(measure);
            var sign = measure.Polarity == Polarity.LowIsGood ? -1 : 1;
            foreach (var (place, value) in values)
            {
                if (!z.TryGetValue((place, measure.Group), out var list)) z[(place, measure.Group)] = list = [];
                list.Add(sign * (value - mean) / sd);
            }
        }

        var scored = places.Select(place =>
        {
            var groups = CountyHealthRankings.Groups.Where(g => z.ContainsKey((place, g))).ToDictionary(g => g, g => z[(place, g)].Average());
            return (Place: place, Groups: groups, Factors: Weighted(groups, g => !g.IsOutcome()), Outcomes: Weighted(groups, g => g.IsOutcome()));
        }).ToList();
        var result = scored.Select(s => new CompositePlace(s.Place, s.Groups, s.Factors, s.Outcomes,
            Rank(s.Factors, scored.Select(x => x.Factors)), Rank(s.Outcomes, scored.Select(x => x.Outcomes)))).ToList();
        return new CompositeResult(result, used, excluded);
    }

    /// <summary>The groups' scores weighted by the model's weights, rescaled over the groups the place has; null when it has none.</summary>
    private static double? Weighted(Dictionary<HealthFactor, double> groups, Func<HealthFactor, bool> which)
    {
        var chosen = groups.Where(g => which(g.Key)).ToList();
        if (chosen.Count == 0) return null;
        return chosen.Sum(g => g.Key.Weight() * g.Value) / chosen.Sum(g => g.Key.Weight());
    }

    /// <summary>1 for the highest score; ties share the better rank; null for a place without a score.</summary>
    private static int? Rank(double? score, IEnumerable<double?> all) =>
        score is { } s ? 1 + all.Count(o => o is { } x && x > s) : null;
}
