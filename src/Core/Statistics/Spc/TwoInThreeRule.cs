namespace Commonweal.Core.Statistics.Spc;

/// <summary>
/// Which points count towards the "two of three points beyond the 2σ line" rule. Both variants require all three
/// points of the window to be on the same side of the mean, and flag only the counted points.
/// </summary>
public enum TwoInThreeRule
{
    /// <summary>
    /// Making Data Count, November 2023 (NHSRplotthedots issue #194): every point beyond the 2σ line counts,
    /// including a point beyond the process limit (3σ).
    /// </summary>
    BeyondTwoSigma,

    /// <summary>
    /// The earlier rule, still coded in NHSRplotthedots 0.2.x (<c>close_to_limits</c> in <c>R/ptd_spc_standard.R</c>):
    /// only points between the 2σ line and the process limit count.
    /// </summary>
    BetweenTwoAndThreeSigma,
}
