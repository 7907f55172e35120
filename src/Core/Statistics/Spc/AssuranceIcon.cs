namespace Commonweal.Core.Statistics.Spc;

/// <summary>
/// The Making Data Count assurance icon: will the process consistently meet a target? From the process limits of the
/// last point (NHSRplotthedots <c>R/ptd_calculate_assurance_type.R</c>).
/// </summary>
public enum AssuranceIcon : byte
{
    /// <summary>No icon: no target, a neutral direction, or no limits.</summary>
    None,

    /// <summary><c>consistent_pass</c>: both limits are on the good side of the target.</summary>
    ConsistentPass,

    /// <summary><c>consistent_fail</c>: both limits are on the bad side of the target.</summary>
    ConsistentFail,

    /// <summary><c>inconsistent</c> ("hit and miss"): the target lies between the limits (or on one).</summary>
    Inconsistent,
}

/// <summary>The assurance icon of a chart, and its code.</summary>
public static class AssuranceIcons
{
    /// <summary>
    /// Target above the upper limit: fail when higher is better, pass when lower is better; target below the lower limit:
    /// the reverse; otherwise inconsistent (comparisons strict, as in NHSRplotthedots). None when the target is NaN, the
    /// direction is neutral or the limits were not calculated.
    /// </summary>
    public static AssuranceIcon Of(in XmrLimits lastLimits, double target, ImprovementDirection direction)
    {
        if (double.IsNaN(target) || direction == ImprovementDirection.Neutral || !lastLimits.IsDefined) return AssuranceIcon.None;
        var increasing = direction == ImprovementDirection.Increase;
        if (target > lastLimits.Upper) return increasing ? AssuranceIcon.ConsistentFail : AssuranceIcon.ConsistentPass;
        if (target < lastLimits.Lower) return increasing ? AssuranceIcon.ConsistentPass : AssuranceIcon.ConsistentFail;
        return AssuranceIcon.Inconsistent;
    }

    /// <summary>The icon of a calculated chart, from its last point's limits; none when there are no points.</summary>
    public static AssuranceIcon Of(ReadOnlySpan<XmrPoint> points, double target, ImprovementDirection direction) =>
        points.IsEmpty ? AssuranceIcon.None : Of(points[^1].Limits, target, direction);

    /// <summary>The code, e.g. <c>consistent_pass</c>; empty for <see cref="AssuranceIcon.None"/>.</summary>
    public static string Code(this AssuranceIcon icon) => icon switch
    {
        AssuranceIcon.ConsistentPass => "consistent_pass",
        AssuranceIcon.ConsistentFail => "consistent_fail",
        AssuranceIcon.Inconsistent => "inconsistent",
        _ => string.Empty,
    };
}
