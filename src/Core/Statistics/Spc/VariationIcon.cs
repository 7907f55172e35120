namespace Commonweal.Core.Statistics.Spc;

/// <summary>
/// The Making Data Count variation icon, read from the point type of the last point of the last segment
/// (NHSRplotthedots <c>inst/icons/variation/</c>, <c>summary.ptd_spc_df</c>).
/// </summary>
public enum VariationIcon : byte
{
    /// <summary>No icon: the series is empty or its last value is missing.</summary>
    None,

    /// <summary><c>common_cause</c>.</summary>
    CommonCause,

    /// <summary><c>improvement_high</c>: special cause improvement where higher is better.</summary>
    ImprovementHigh,

    /// <summary><c>improvement_low</c>: special cause improvement where lower is better.</summary>
    ImprovementLow,

    /// <summary><c>concern_high</c>: special cause concern where lower is better (the value is high).</summary>
    ConcernHigh,

    /// <summary><c>concern_low</c>: special cause concern where higher is better (the value is low).</summary>
    ConcernLow,

    /// <summary><c>neutral_high</c>: a high special cause with no better direction.</summary>
    NeutralHigh,

    /// <summary><c>neutral_low</c>: a low special cause with no better direction.</summary>
    NeutralLow,
}

/// <summary>The variation icon of a chart, and its code.</summary>
public static class VariationIcons
{
    /// <summary>
    /// The icon for the last point's type: improvement is high when higher is better and low when lower is better;
    /// concern is the opposite. A missing last value gives <see cref="VariationIcon.None"/> (NHSRplotthedots would
    /// show common cause; we do not claim a reading for a period without data).
    /// </summary>
    public static VariationIcon Of(PointType lastPoint, ImprovementDirection direction) => lastPoint switch
    {
        PointType.CommonCause => VariationIcon.CommonCause,
        PointType.SpecialCauseImprovement => direction == ImprovementDirection.Decrease ? VariationIcon.ImprovementLow : VariationIcon.ImprovementHigh,
        PointType.SpecialCauseConcern => direction == ImprovementDirection.Decrease ? VariationIcon.ConcernHigh : VariationIcon.ConcernLow,
        PointType.SpecialCauseNeutralHigh => VariationIcon.NeutralHigh,
        PointType.SpecialCauseNeutralLow => VariationIcon.NeutralLow,
        _ => VariationIcon.None,
    };

    /// <summary>The icon of a calculated chart: from its last point; <see cref="VariationIcon.None"/> when there are no points.</summary>
    public static VariationIcon Of(ReadOnlySpan<XmrPoint> points, ImprovementDirection direction) =>
        points.IsEmpty ? VariationIcon.None : Of(points[^1].PointType, direction);

    /// <summary>The code, e.g. <c>improvement_high</c>; empty for <see cref="VariationIcon.None"/>.</summary>
    public static string Code(this VariationIcon icon) => icon switch
    {
        VariationIcon.CommonCause => "common_cause",
        VariationIcon.ImprovementHigh => "improvement_high",
        VariationIcon.ImprovementLow => "improvement_low",
        VariationIcon.ConcernHigh => "concern_high",
        VariationIcon.ConcernLow => "concern_low",
        VariationIcon.NeutralHigh => "neutral_high",
        VariationIcon.NeutralLow => "neutral_low",
        _ => string.Empty,
    };
}
