using Commonweal.Core.Targeting.Population;

namespace Commonweal.Core.Targeting.Risk;

/// <summary>
/// Scores, eFI, segment and tier for everyone in a population under a risk model, in columns: one pass over the people
/// (in parallel by LSOA), each factor tested once. <see cref="Explain"/> gives any person's factors and points.
/// </summary>
public sealed class RiskStratification
{
    public RiskStratification(RiskModel model, int people)
    {
        Model = model;
        Scores = new float[people];
        Tiers = new byte[people];
        Segments = new byte[people];
        EfiCounts = new byte[people];
    }

    public RiskModel Model { get; }

    public float[] Scores { get; }

    public byte[] Tiers { get; }

    public byte[] Segments { get; }

    /// <summary>Deficits present (0–36); the eFI is this ÷ 36.</summary>
    public byte[] EfiCounts { get; }

    public static RiskStratification Run(SyntheticPopulation population, RiskModel model)
    {
        Check(model);
        var result = new RiskStratification(model, population.Count);
        var factors = model.Factors.ToArray();
        Parallel.For(0, population.Lsoas.Count, l => result.ScoreLsoa(population, l, factors));
        return result;
    }

    /// <summary>As <see cref="Run"/> on one thread, for a small block of a stream, the model already checked.</summary>
    internal static RiskStratification Score(SyntheticPopulation population, RiskModel model)
    {
        var result = new RiskStratification(model, population.Count);
        var factors = model.Factors.ToArray();
        for (var l = 0; l < population.Lsoas.Count; l++) result.ScoreLsoa(population, l, factors);
        return result;
    }

    /// <summary>Refuses a model that cannot score (<see cref="RiskModel.Problems"/>) with every reason.</summary>
    public static void Check(RiskModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var problems = model.Problems();
        if (problems.Count > 0) throw new ArgumentException("the risk model is not usable: " + string.Join("; ", problems), nameof(model));
    }

    private void ScoreLsoa(SyntheticPopulation population, int l, RiskFactor[] factors)
    {
        for (var i = population.Offsets[l]; i < population.Offsets[l + 1]; i++)
        {
            var score = 0.0;
            foreach (var factor in factors)
                if (factor.Test.Applies(population, i, l)) score += factor.Points;
            Scores[i] = (float)score;
            Tiers[i] = (byte)Model.TierOf(score);
            Segments[i] = (byte)Risk.Segments.Of(population.Ages[i], population.Traits[i], population.Deficits[i]);
            EfiCounts[i] = (byte)Efi.Count(population.Deficits[i]);
        }
    }

    /// <summary>The factors present for a person with their points, which add up to the person's score.</summary>
    public static IReadOnlyList<RiskFactor> Explain(SyntheticPopulation population, int person, RiskModel model)
    {
        var lsoa = population.LsoaOf[person];
        return [.. model.Factors.Where(f => f.Test.Applies(population, person, lsoa))];
    }
}
