using Commonweal.Core.Statistics;
using Commonweal.Core.Indicators;

namespace Commonweal.Core.Outcomes;

/// <summary>A stored target's trajectory and which way is better, as its status is worked out from them.</summary>
public sealed record TargetPlan(Trajectory Trajectory, TargetDirection Direction)
{
    /// <summary>
    /// The plan of a target that was SMART when it was set: its trajectory as written and the direction from the
    /// indicator's polarity (or, without one, from the baseline to the target). Should the indicator's polarity have been
    /// edited since, so that the target now reads as on the wrong side, the way from the baseline to the target is kept:
    /// the target says what was agreed.
    /// </summary>
    public static TargetPlan Of(Target target, Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(indicator);
        var check = target.ToDraft("owner").Check(new TargetFacts(indicator, PlaceExists: true, BreakdownHasData: true, target.BaselineValue));
        if (check.IsSmart) return new TargetPlan(check.Trajectory!, check.Direction!.Value);
        var baseline = IndicatorPeriod.Parse(target.BaselinePeriod);
        var deadline = IndicatorPeriod.Parse(target.DeadlinePeriod);
        var direction = target.TargetValue < target.BaselineValue ? TargetDirection.Lower
            : target.TargetValue > target.BaselineValue ? TargetDirection.Higher
            : indicator.Polarity == Polarity.LowIsGood ? TargetDirection.Lower : TargetDirection.Higher;
        return new TargetPlan(check.Trajectory ?? Trajectory.Linear(baseline, target.BaselineValue, deadline, target.TargetValue), direction);
    }
}
