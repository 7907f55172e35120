namespace Commonweal.Core.Statistics.Spc;

/// <summary>One point of a calculated XmR chart: the row NHSRplotthedots' <c>ptd_spc</c> returns for it.</summary>
/// <param name="Segment">The segment the point belongs to, counted from 1 (a rebase starts the next segment).</param>
/// <param name="Limits">The segment's centre line and limits (with fixed limits, those of the segment's baseline).</param>
/// <param name="MovingRange">|xᵢ − xᵢ₋₁|; NaN for the first point of a segment and next to a missing value.</param>
/// <param name="SpecialCause">The rule the point meets, after precedence.</param>
/// <param name="PointType">The special cause read through the improvement direction.</param>
public readonly record struct XmrPoint(int Segment, XmrLimits Limits, double MovingRange, SpecialCause SpecialCause, PointType PointType)
{
    /// <summary>True when the point's limits are trial limits (drawn from fewer than 12 points).</summary>
    public bool TrialLimits => Limits.IsTrial;
}
