using Commonweal.Core.Indicators;

namespace Commonweal.Core.Outcomes;

/// <summary>
/// The path a target's value is expected to follow from its baseline to its deadline: linear between the baseline and
/// the target by the periods' start dates, or profiled — values agreed for some periods, linear between them (the
/// baseline and the deadline's target value being the ends). Before the baseline it is the baseline value; from the
/// deadline on, the target value.
/// </summary>
public sealed class Trajectory
{
    private readonly List<(IndicatorPeriod Period, double Value)> points;

    private Trajectory(List<(IndicatorPeriod Period, double Value)> points, bool profiled)
    {
        this.points = points;
        IsProfiled = profiled;
    }

    public bool IsProfiled { get; }

    /// <summary>The points the trajectory runs through, baseline first, deadline last.</summary>
    public IReadOnlyList<(IndicatorPeriod Period, double Value)> Points => points;

    public static Trajectory Linear(IndicatorPeriod baseline, double baselineValue, IndicatorPeriod deadline, double target)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(deadline);
        if (deadline.Start <= baseline.Start) throw new ArgumentException($"the deadline {deadline.Label} must start after the baseline {baseline.Label}", nameof(deadline));
        return new Trajectory([(baseline, baselineValue), (deadline, target)], profiled: false);
    }

    /// <summary>
    /// A profiled trajectory: the baseline, the agreed values of the periods between, and the deadline's value, which must
    /// be the target (<see cref="TargetDraft"/> refuses a profile that does not end at the target).
    /// </summary>
    public static Trajectory Profiled(IndicatorPeriod baseline, double baselineValue, IEnumerable<(IndicatorPeriod Period, double Value)> profile)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(profile);
        var ordered = profile.Where(p => p.Period.Start > baseline.Start).OrderBy(p => p.Period.Start).ToList();
        if (ordered.Count == 0) throw new ArgumentException("a profiled trajectory needs at least one period after the baseline", nameof(profile));
        if (ordered.Select(p => p.Period.Start).Distinct().Count() != ordered.Count) throw new ArgumentException("a profiled trajectory gives each period once", nameof(profile));
        return new Trajectory([(baseline, baselineValue), .. ordered], profiled: true);
    }

    public IndicatorPeriod Baseline => points[0].Period;

    public IndicatorPeriod Deadline => points[^1].Period;

    /// <summary>The trajectory's value for a period, by its start date.</summary>
    public double ValueAt(IndicatorPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var day = period.Start.DayNumber;
        if (day <= points[0].Period.Start.DayNumber) return points[0].Value;
        for (var i = 1; i < points.Count; i++)
        {
            var (from, to) = (points[i - 1], points[i]);
            if (day > to.Period.Start.DayNumber) continue;
            var span = to.Period.Start.DayNumber - from.Period.Start.DayNumber;
            return from.Value + ((to.Value - from.Value) * (day - from.Period.Start.DayNumber) / span);
        }

        return points[^1].Value;
    }
}
