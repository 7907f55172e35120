namespace Commonweal.Core.Allocation;

/// <summary>
/// The waterfall of a place from its equal per-head share to its allocation, in pence: what weighting by the age-cost
/// curve, by need, by the inequalities uplift and by unit cost added or took away, and what the floors, caps and pace of
/// change did. Each step's column adds up to zero across the places, and the steps add up to the allocation.
/// </summary>
public sealed record AllocationSteps(long EqualPerHead, long AgeCost, long Need, long Uplift, long UnitCost, long Limits)
{
    /// <summary>The steps after the equal per-head share, with their names.</summary>
    public IReadOnlyList<(string Step, long Pence)> Changes =>
        [("Age-cost weighting", AgeCost), ("Need index", Need), ("Inequalities uplift", Uplift), ("Unit cost", UnitCost), ("Floors, caps and pace of change", Limits)];
}

/// <summary>
/// One place's row of a run: its inputs, need index, target share and allocation, money in pence; the floor and cap are
/// the least and most it could be given (per-head limits and pace of change together; null where none applied).
/// </summary>
public sealed record AllocationLine(
    AllocationPlace Place,
    double NeedIndex,
    double TargetShare,
    long EqualShare,
    long TargetAllocation,
    long Allocation,
    AllocationSteps Steps,
    long? Floor,
    long? Cap)
{
    public long? Baseline => Place.Baseline;

    /// <summary>(baseline − target) ÷ target: below 0 under target, above 0 over.</summary>
    public double? DistanceFromTarget => Baseline is { } b && TargetAllocation > 0 ? (double)(b - TargetAllocation) / TargetAllocation : null;

    /// <summary>Pounds per head.</summary>
    public double? PerHead => Place.Population > 0 ? Allocation / 100.0 / Place.Population : null;

    /// <summary>The allocation less the baseline, in pence.</summary>
    public long? ChangeFromBaseline => Baseline is { } b ? Allocation - b : null;

    /// <summary>The allocation less the equal per-head share, in pence.</summary>
    public long ShiftFromEqual => Allocation - EqualShare;
}
