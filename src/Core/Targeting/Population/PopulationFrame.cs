using Commonweal.Core.Places;

namespace Commonweal.Core.Targeting.Population;

/// <summary>
/// What a synthetic population is generated from: the ICS's LSOAs with their residents by Census age band and their
/// deprivation, the shape of ages and sexes within a band, the practices people register with, and the published
/// rates each trait is calibrated to.
/// </summary>
/// <param name="Bands">The age bands of <see cref="FrameLsoa.BandCounts"/> (Census 2021: 0–15, 16–24, 25–34, 35–49, 50–64, 65+).</param>
/// <param name="AgeShape">Relative numbers by sex (0 male, 1 female) and single year of age 0–<see cref="SyntheticPopulation.OldestAge"/>, used to spread a band over its years and sexes.</param>
/// <param name="Districts">The districts' codes; <see cref="FrameLsoa.District"/> indexes them.</param>
/// <param name="Pools">Where people register: a sub-ICB location's LSOAs go to its practices (<see cref="FramePractice.Pool"/>).</param>
public sealed record PopulationFrame(
    IReadOnlyList<FrameLsoa> Lsoas,
    IReadOnlyList<AgeBand> Bands,
    double[][] AgeShape,
    IReadOnlyList<AreaCode> Districts,
    IReadOnlyList<FramePractice> Practices,
    int Pools,
    IReadOnlyList<TraitTarget> Targets)
{
    public TraitTarget? TargetOf(Trait trait) => Targets.FirstOrDefault(t => t.Trait == trait);
}

/// <param name="District">Index into <see cref="PopulationFrame.Districts"/>.</param>
/// <param name="Pool">Index of the LSOA's registration pool (its sub-ICB location), or -1 for the ICS-wide pool.</param>
/// <param name="BandCounts">Residents in each of <see cref="PopulationFrame.Bands"/>.</param>
/// <param name="DomainZ">For each <see cref="DeprivationDomain"/> (by its number), the LSOA's score as a z-score among the ICS's LSOAs (0 when unknown).</param>
/// <param name="DomainScore">For each <see cref="DeprivationDomain"/>, the published score (null when unknown): the income and employment scores are rates.</param>
/// <param name="DomainDecile">For each <see cref="DeprivationDomain"/>, the national decile (null when unknown).</param>
public sealed record FrameLsoa(AreaCode Code, int District, int Pool, long[] BandCounts, double[] DomainZ, double?[] DomainScore, int?[] DomainDecile)
{
    public long Residents => BandCounts.Sum();
}

/// <param name="Pool">Index of the practice's registration pool.</param>
/// <param name="ListSize">Its published registered patients, which its share of the pool follows.</param>
public sealed record FramePractice(AreaCode Code, int Pool, long ListSize);

/// <summary>Where a trait's rate is set: per district, per practice, per LSOA, or one prior for all.</summary>
public enum TargetLevel
{
    Prior,
    District,
    Practice,
    Lsoa,
}

/// <summary>
/// The rate of a trait to calibrate to in each unit of a level (a district's index, a practice's, an LSOA's), among the
/// people of the ages the published figure counts (its denominator), with the source said in the calibration report.
/// Units without a rate take <see cref="Fallback"/>.
/// </summary>
public sealed record TraitTarget(Trait Trait, TargetLevel Level, IReadOnlyDictionary<int, double> Rates, double Fallback, int DenominatorMinAge, int DenominatorMaxAge, string Source)
{
    public double RateOf(int unit) => Rates.TryGetValue(unit, out var rate) ? rate : Fallback;

    /// <summary>The trait's prior for every unit, among the ages that can have it.</summary>
    public static TraitTarget Prior(TraitModel model) =>
        new(model.Trait, TargetLevel.Prior, new Dictionary<int, double>(), model.Prior, model.MinAge, model.MaxAge, model.PriorSource);
}
