using Commonweal.Core.Places;

namespace Commonweal.Core.Allocation;

/// <summary>
/// What a run knows of one place: its population, the population weighted by the age-cost curve, the value of each need
/// component (in the model's order), its inequalities uplift and unit-cost factor, and last year's allocation in pence.
/// </summary>
public sealed record AllocationPlace(
    AreaCode Code,
    string Name,
    long Population,
    double WeightedPopulation,
    IReadOnlyList<double> Need,
    double Uplift = 1,
    double UnitCost = 1,
    long? Baseline = null);
