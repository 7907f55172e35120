using System.Diagnostics;
using Commonweal.Application.Places;
using Commonweal.Core.Targeting.Risk;

namespace Commonweal.Application.Targeting;

/// <summary>What <c>risk stratify</c> did: the model, how many people by tier and segment, and how long scoring and storing took.</summary>
public sealed record StratifiedPopulation(string Model, int People, IReadOnlyList<(string Tier, int People)> Tiers, IReadOnlyList<(Segment Segment, int People)> Segments, TimeSpan Scoring, TimeSpan Saving);

/// <summary>Scores everyone in the stored population with the default risk model (docs/methods/risk-stratification.md) and stores the results.</summary>
public sealed class RiskStratifying(PopulationStore store)
{
    public async Task<Answer<StratifiedPopulation>> StratifyAsync(string actor, CancellationToken cancellationToken = default)
    {
        var loaded = await store.LoadAsync(cancellationToken);
        if (loaded is null) return PopulationGeneration.NoPopulation;
        var clock = Stopwatch.StartNew();
        var model = RiskModel.Default;
        var risk = RiskStratification.Run(loaded.People, model);
        var scoring = clock.Elapsed;
        await store.SaveRiskAsync(loaded.People, risk, actor, cancellationToken);
        var tiers = new int[model.Tiers.Count];
        var segments = new int[Segments.All.Count];
        for (var i = 0; i < risk.Tiers.Length; i++)
        {
            tiers[risk.Tiers[i]]++;
            segments[risk.Segments[i]]++;
        }

        return new StratifiedPopulation(model.Label, loaded.People.Count,
            [.. model.Tiers.Select((t, k) => (t.Name, tiers[k]))], [.. Segments.All.Select(s => (s, segments[(int)s]))], scoring, clock.Elapsed - scoring);
    }
}
