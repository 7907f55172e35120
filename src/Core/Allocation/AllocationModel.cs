using Commonweal.Core.Places;

namespace Commonweal.Core.Allocation;

/// <summary>Whose population a place's share is built on: its residents (LSOA estimates) or the patients registered at its practices.</summary>
public enum PopulationBase
{
    Resident,
    Registered,
}

/// <summary>How the need components make one index: a product of ratios raised to their weights (fair-shares style), or a weighted sum of ratios.</summary>
public enum NeedCombination
{
    Product,
    WeightedSum,
}

/// <summary>What a need component's value is divided by: the population-weighted mean of the ICS's places, or England's value.</summary>
public enum NeedStandard
{
    IcsMean,
    England,
}

/// <summary>A step of an age-cost curve: people aged <see cref="FromAge"/> up to the next step's age weigh <see cref="Weight"/>.</summary>
public sealed record AgeCost(int FromAge, double Weight);

/// <summary>
/// One measure of need: its source (<c>imd_score</c>, <c>core20_share</c>, <c>indicator:&lt;id&gt;</c> or <c>cohort:&lt;name&gt;</c>),
/// its weight (an exponent in a product, a weight in a sum), whether a lower value means more need (life expectancy) and
/// what it is standardised against.
/// </summary>
public sealed record NeedComponent(string Source, double Weight, bool LowerMeansMoreNeed = false, NeedStandard Standard = NeedStandard.IcsMean);

/// <summary>
/// The inequalities uplift in the public health grant's style: residents of a national IMD decile 1 LSOA weigh
/// <see cref="MostDeprived"/>, of decile 10 <see cref="LeastDeprived"/>, linearly between (ACRA 2013: 3.0 to 1.0).
/// </summary>
public sealed record DeprivationUplift(double MostDeprived, double LeastDeprived)
{
    /// <summary>The weight of a national IMD decile (1 = most deprived).</summary>
    public double Of(int decile) => MostDeprived + (LeastDeprived - MostDeprived) * (Math.Clamp(decile, 1, 10) - 1) / 9.0;
}

/// <summary>
/// Pace of change against last year's allocation: every place grows by at least <see cref="MinimumGrowth"/> and by at most
/// <see cref="MaximumGrowth"/>; a place more than <see cref="OverTargetMargin"/> above its target is held at the minimum.
/// </summary>
public sealed record PaceOfChange(double MinimumGrowth, double MaximumGrowth, double? OverTargetMargin);

/// <summary>
/// A named, versioned allocation model (docs/methods/allocation.md): the level of place, the population base and age-cost
/// curve, the need index, the inequalities uplift, unit-cost factors, per-head floors and caps (as ratios to the equal
/// per-head share) and the pace of change. A change is a new version; runs name the version they used.
/// </summary>
public sealed record AllocationModel(
    string Name,
    int Version,
    string Description,
    AreaType Level,
    PopulationBase Population,
    IReadOnlyList<AgeCost> AgeCosts,
    NeedCombination Combination,
    double? WeightsTotal,
    IReadOnlyList<NeedComponent> Need,
    DeprivationUplift? Uplift,
    IReadOnlyDictionary<string, double> UnitCosts,
    double? PerHeadFloor,
    double? PerHeadCap,
    PaceOfChange? Pace)
{
    /// <summary>"name v2".</summary>
    public string Label => $"{Name} v{Version}";

    /// <summary>The same model at another level of place.</summary>
    public AllocationModel At(AreaType level) => this with { Level = level };

    /// <summary>Every way the configuration cannot be used, each naming its field (empty when it can).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (AgeCosts.Count > 0)
        {
            if (AgeCosts[0].FromAge != 0) problems.Add("population.age_costs: the first step must start at age 0");
            for (var i = 0; i < AgeCosts.Count; i++)
            {
                if (!(AgeCosts[i].Weight > 0) || double.IsInfinity(AgeCosts[i].Weight)) problems.Add($"population.age_costs[{i}].weight: must be a number above 0");
                if (i > 0 && AgeCosts[i].FromAge <= AgeCosts[i - 1].FromAge) problems.Add($"population.age_costs[{i}].from: ages must rise from step to step");
            }
        }

        for (var i = 0; i < Need.Count; i++)
        {
            var weight = Need[i].Weight;
            if (double.IsNaN(weight) || double.IsInfinity(weight) || (Combination == NeedCombination.WeightedSum && weight <= 0))
                problems.Add($"need.components[{i}].weight: {(Combination == NeedCombination.WeightedSum ? "a weight in a sum must be above 0" : "must be a number")}");
            if (Need.Take(i).Any(n => n.Source == Need[i].Source)) problems.Add($"need.components[{i}].source: '{Need[i].Source}' is already a component");
        }

        if (WeightsTotal is { } declared && Math.Abs(Need.Sum(n => n.Weight) - declared) > 1e-9 * Math.Max(1, Math.Abs(declared)))
            problems.Add($"need.weights_total: the weights add up to {Need.Sum(n => n.Weight):0.######}, not the {declared:0.######} declared");
        if (Combination == NeedCombination.WeightedSum && Need.Count > 0 && WeightsTotal is null)
            problems.Add("need.weights_total: a weighted sum must declare what its weights add up to (e.g. 1 or 100)");
        if (Uplift is { } u && (!(u.MostDeprived > 0) || !(u.LeastDeprived > 0) || double.IsInfinity(u.MostDeprived) || double.IsInfinity(u.LeastDeprived)))
            problems.Add("uplift: the weights of the most and least deprived deciles must be numbers above 0");
        foreach (var (code, factor) in UnitCosts)
            if (!(factor > 0) || double.IsInfinity(factor)) problems.Add($"unit_costs.{code}: must be a number above 0");
        if (PerHeadFloor is { } floor && (floor < 0 || floor > 1 || double.IsNaN(floor)))
            problems.Add("limits.per_head_floor: a floor is a ratio to the equal per-head share from 0 to 1 (0.8 = no place below 80 % of it)");
        if (PerHeadCap is { } cap && (cap < 1 || double.IsNaN(cap) || double.IsInfinity(cap)))
            problems.Add("limits.per_head_cap: a cap is a ratio to the equal per-head share of 1 or more (2.5 = no place above 2.5 times it)");
        if (PerHeadFloor is { } f && PerHeadCap is { } c && f > c) problems.Add($"limits: the floor {f} is above the cap {c}");
        if (Pace is { } pace)
        {
            if (pace.MinimumGrowth <= -1 || double.IsNaN(pace.MinimumGrowth)) problems.Add("pace.minimum_growth: must be above -1 (-0.02 = a cut of at most 2 %)");
            if (double.IsNaN(pace.MaximumGrowth) || double.IsInfinity(pace.MaximumGrowth)) problems.Add("pace.maximum_growth: must be a number");
            if (pace.MinimumGrowth > pace.MaximumGrowth) problems.Add($"pace: the minimum growth {pace.MinimumGrowth} is above the maximum growth {pace.MaximumGrowth} (a floor above the cap)");
            if (pace.OverTargetMargin is { } m && (m < 0 || double.IsNaN(m))) problems.Add("pace.over_target_margin: must be 0 or more (0.05 = more than 5 % above target)");
        }

        return problems;
    }
}
