namespace Commonweal.Core.Statistics.Spc;

/// <summary>A whole calculated XmR chart with its icons (what <see cref="XmrChart.Analyse"/> returns).</summary>
/// <param name="Points">One point per value, in period order.</param>
/// <param name="Variation">The variation icon, from the last point.</param>
/// <param name="Assurance">The assurance icon, from the last point's limits and the target.</param>
public sealed record XmrResult(IReadOnlyList<XmrPoint> Points, VariationIcon Variation, AssuranceIcon Assurance)
{
    /// <summary>True when the last segment's limits are trial limits (drawn from fewer than 12 points).</summary>
    public bool TrialLimits => Points.Count > 0 && Points[^1].TrialLimits;
}
