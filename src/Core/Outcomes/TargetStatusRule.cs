using System.Globalization;
using Commonweal.Core.Indicators;
using Commonweal.Core.Statistics;

namespace Commonweal.Core.Outcomes;

/// <summary>One period's value of a target's indicator, place and breakdown, with its 95 % interval if it has one.</summary>
public sealed record TargetObservation(IndicatorPeriod Period, double Value, Interval Interval95);

/// <summary>A target's status in one period and why, in words a page can show ("why this status").</summary>
public sealed record TargetAssessment(IndicatorPeriod Period, double Value, Interval Interval95, double TrajectoryValue, TargetStatus Status, string Why);

/// <summary>
/// The status rule, exactly (docs/methods/target-status.md). For a period with a value:
/// <list type="number">
/// <item>at or before the baseline: <c>not_measurable</c> (nothing has been measured since the baseline);</item>
/// <item>at or past the deadline (the period starts on or after the deadline's start): <c>achieved</c> if the value meets
/// the target, else <c>off_track</c> (the target was missed);</item>
/// <item>otherwise against the trajectory's value for the period: <c>on_track</c> if the value is at least as good (a tie is
/// on track); else <c>at_risk</c> if the 95 % interval contains the trajectory's value (touching counts); else
/// <c>off_track</c>. A value without an interval is on or off track by the value alone.</item>
/// </list>
/// "Good" is the direction of <see cref="TargetDirection"/>: the indicator's polarity, or for an indicator without a
/// judgement the way from the baseline to the target. A target with no value after its baseline is <c>not_measurable</c>.
/// </summary>
public static class TargetStatusRule
{
    public static TargetAssessment Assess(TargetObservation observation, Trajectory trajectory, TargetDirection direction)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(trajectory);
        var (period, value, interval) = (observation.Period, observation.Value, observation.Interval95);
        var expected = trajectory.ValueAt(period);
        var target = trajectory.Points[^1].Value;
        var better = direction == TargetDirection.Lower ? "lower" : "higher";

        TargetAssessment Result(TargetStatus status, string why) => new(period, value, interval, expected, status, why);

        if (period.Start <= trajectory.Baseline.Start)
            return Result(TargetStatus.NotMeasurable, $"{period.Label} is not after the baseline ({trajectory.Baseline.Label}): nothing has been measured since it.");
        if (period.Start >= trajectory.Deadline.Start)
        {
            return Meets(value, target, direction)
                ? Result(TargetStatus.Achieved, $"{period.Label} is at or past the deadline ({trajectory.Deadline.Label}) and {N(value)} meets the target of {N(target)} ({better} is better).")
                : Result(TargetStatus.OffTrack, $"{period.Label} is at or past the deadline ({trajectory.Deadline.Label}) and {N(value)} misses the target of {N(target)} ({better} is better).");
        }

        if (Meets(value, expected, direction))
            return Result(TargetStatus.OnTrack, $"{N(value)} is at least as good as the trajectory's {N(expected)} for {period.Label} ({better} is better).");
        if (!interval.IsDefined)
            return Result(TargetStatus.OffTrack, $"{N(value)} is worse than the trajectory's {N(expected)} for {period.Label} ({better} is better); the value has no confidence interval, so it is judged by the value alone.");
        return interval.Contains(expected)
            ? Result(TargetStatus.AtRisk, $"{N(value)} is worse than the trajectory's {N(expected)} for {period.Label} ({better} is better), but its 95 % interval ({N(interval.Lower)} to {N(interval.Upper)}) contains it.")
            : Result(TargetStatus.OffTrack, $"The whole 95 % interval of {N(value)} ({N(interval.Lower)} to {N(interval.Upper)}) is worse than the trajectory's {N(expected)} for {period.Label} ({better} is better).");
    }

    /// <summary>Every period's assessment, in period order; and the target's status: its latest period's, or not measurable.</summary>
    public static (IReadOnlyList<TargetAssessment> Periods, TargetStatus Latest, string Why) AssessAll(
        IEnumerable<TargetObservation> observations, Trajectory trajectory, TargetDirection direction)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(trajectory);
        var periods = observations.OrderBy(o => o.Period).Select(o => Assess(o, trajectory, direction)).ToList();
        if (periods.Count == 0 || periods[^1].Period.Start <= trajectory.Baseline.Start)
            return (periods, TargetStatus.NotMeasurable, $"No value for any period after the baseline ({trajectory.Baseline.Label}).");
        return (periods, periods[^1].Status, periods[^1].Why);
    }

    /// <summary>Whether <paramref name="value"/> is at least as good as <paramref name="mark"/> (ties meet it).</summary>
    public static bool Meets(double value, double mark, TargetDirection direction) =>
        direction == TargetDirection.Lower ? value <= mark : value >= mark;

    private static string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>Which way is better for a target.</summary>
public enum TargetDirection
{
    Lower,
    Higher,
}

public static class TargetDirections
{
    /// <summary>
    /// The indicator's polarity; for an indicator without a judgement, the way from the baseline to the target (null when
    /// they are equal: such a target does not say which way is better).
    /// </summary>
    public static TargetDirection? Of(Polarity polarity, double baseline, double target) => polarity switch
    {
        Polarity.LowIsGood => TargetDirection.Lower,
        Polarity.HighIsGood => TargetDirection.Higher,
        _ => target < baseline ? TargetDirection.Lower : target > baseline ? TargetDirection.Higher : null,
    };
}
