using System.Collections.Concurrent;
using Commonweal.Core.Targeting.Population;

namespace Commonweal.Core.Targeting.Risk;

/// <summary>
/// People by risk tier, segment and eFI category (65+), with the sum of scores: what a stratification of a population too
/// large to hold (a national extract, 57 M people) is reduced to. <see cref="Stream"/> scores the population a block at a
/// time — each block is stratified, counted and let go — so memory stays that of a few blocks whatever the size.
/// </summary>
public sealed class RiskTally
{
    public RiskTally(RiskModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        Tiers = new long[model.Tiers.Count];
    }

    public RiskModel Model { get; }

    public long People { get; private set; }

    public double ScoreSum { get; private set; }

    public long[] Tiers { get; }

    public long[] Segments { get; } = new long[Risk.Segments.All.Count];

    /// <summary>People aged 65 and over by eFI category (fit, mild, moderate, severe).</summary>
    public long[] Frailty { get; } = new long[4];

    public void Add(SyntheticPopulation population, RiskStratification risk)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(risk);
        People += risk.Scores.Length;
        for (var i = 0; i < risk.Scores.Length; i++)
        {
            ScoreSum += risk.Scores[i];
            Tiers[risk.Tiers[i]]++;
            Segments[risk.Segments[i]]++;
            if (population.Ages[i] >= FrailtyTest.FromAge) Frailty[(int)Efi.Category(risk.EfiCounts[i])]++;
        }
    }

    public void Add(RiskTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        People += other.People;
        ScoreSum += other.ScoreSum;
        for (var t = 0; t < Tiers.Length; t++) Tiers[t] += other.Tiers[t];
        for (var s = 0; s < Segments.Length; s++) Segments[s] += other.Segments[s];
        for (var f = 0; f < Frailty.Length; f++) Frailty[f] += other.Frailty[f];
    }

    /// <summary>
    /// Stratifies a population given as a stream of blocks (each a small population: an LSOA, or a few), on every core, reading
    /// one block ahead per core: nothing is kept of a block but its counts.
    /// </summary>
    public static RiskTally Stream(IEnumerable<SyntheticPopulation> blocks, RiskModel model)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        RiskStratification.Check(model);
        var total = new RiskTally(model);
        var gate = new object();
        Parallel.ForEach(Partitioner.Create(blocks, EnumerablePartitionerOptions.NoBuffering), () => new RiskTally(model), (block, _, local) =>
        {
            local.Add(block, RiskStratification.Score(block, model));
            return local;
        }, local =>
        {
            lock (gate) total.Add(local);
        });
        return total;
    }
}
