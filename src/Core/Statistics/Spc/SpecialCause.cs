namespace Commonweal.Core.Statistics.Spc;

/// <summary>
/// Which special-cause rule a point meets, after precedence (outside limits &gt; trend &gt; two-in-three &gt; shift),
/// as NHSRplotthedots' <c>special_cause_type</c> (<c>R/ptd_calculate_point_type.R</c>).
/// <see cref="SpecialCauseRules.Describe"/> gives NHSRplotthedots' wording.
/// </summary>
public enum SpecialCause : byte
{
    /// <summary>No rule met: "Common Cause".</summary>
    CommonCause,

    /// <summary>Above the upper process limit: "Above UCL".</summary>
    AboveUpperLimit,

    /// <summary>Below the lower process limit: "Below LCL".</summary>
    BelowLowerLimit,

    /// <summary>Part of a run of rising points: "7 Point Trend (Increasing)".</summary>
    TrendIncreasing,

    /// <summary>Part of a run of falling points: "7 Point Trend (Decreasing)".</summary>
    TrendDecreasing,

    /// <summary>Beyond the upper 2σ line in a window of three above the mean with two such points: "2 in 3 Above CL".</summary>
    TwoInThreeAbove,

    /// <summary>Beyond the lower 2σ line in a window of three below the mean with two such points: "2 in 3 Below CL".</summary>
    TwoInThreeBelow,

    /// <summary>Part of a run of points above the mean: "7 Points Above CL".</summary>
    ShiftAbove,

    /// <summary>Part of a run of points below the mean: "7 Points Below CL".</summary>
    ShiftBelow,

    /// <summary>The value is missing (NaN): no rule is applied to it, and it breaks every run through it.</summary>
    Missing,
}
