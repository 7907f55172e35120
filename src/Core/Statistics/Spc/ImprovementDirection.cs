namespace Commonweal.Core.Statistics.Spc;

/// <summary>
/// Which way is better for the measure, as in NHSRplotthedots' <c>improvement_direction</c>
/// ("increase", "decrease", "neutral"). It decides whether a special cause is an improvement, a concern,
/// or (neutral) simply high or low, and whether an assurance icon is shown at all.
/// </summary>
public enum ImprovementDirection
{
    /// <summary>Higher values are better (NHSRplotthedots' default).</summary>
    Increase,

    /// <summary>Lower values are better.</summary>
    Decrease,

    /// <summary>Neither direction is better: special causes are reported as high or low, and no assurance icon is given.</summary>
    Neutral,
}
