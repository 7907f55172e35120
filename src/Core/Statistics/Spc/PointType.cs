namespace Commonweal.Core.Statistics.Spc;

/// <summary>
/// A point's special cause read through the improvement direction, as NHSRplotthedots' <c>point_type</c>
/// (<c>ptd_point_type</c> in <c>R/ptd_calculate_point_type.R</c>). A trend point takes the trend's direction,
/// not its side of the mean (NHSRplotthedots issue #171).
/// </summary>
public enum PointType : byte
{
    /// <summary><c>common_cause</c>.</summary>
    CommonCause,

    /// <summary><c>special_cause_improvement</c>: a special cause in the better direction.</summary>
    SpecialCauseImprovement,

    /// <summary><c>special_cause_concern</c>: a special cause in the worse direction.</summary>
    SpecialCauseConcern,

    /// <summary><c>special_cause_neutral_high</c>: a high special cause when no direction is better.</summary>
    SpecialCauseNeutralHigh,

    /// <summary><c>special_cause_neutral_low</c>: a low special cause when no direction is better.</summary>
    SpecialCauseNeutralLow,

    /// <summary>The value is missing: not classified (an empty field in the CLI).</summary>
    Missing,
}

/// <summary>Point types from special causes, and their NHSRplotthedots codes.</summary>
public static class PointTypes
{
    /// <summary>
    /// The point type of a special cause: "Above"/"Increasing" causes are high, "Below"/"Decreasing" low; high is an
    /// improvement when the direction is <see cref="ImprovementDirection.Increase"/>, a concern when it is
    /// <see cref="ImprovementDirection.Decrease"/>, and neutral high when it is <see cref="ImprovementDirection.Neutral"/>.
    /// </summary>
    public static PointType Of(SpecialCause cause, ImprovementDirection direction)
    {
        var side = cause switch
        {
            SpecialCause.AboveUpperLimit or SpecialCause.TrendIncreasing or SpecialCause.TwoInThreeAbove or SpecialCause.ShiftAbove => 1,
            SpecialCause.BelowLowerLimit or SpecialCause.TrendDecreasing or SpecialCause.TwoInThreeBelow or SpecialCause.ShiftBelow => -1,
            _ => 0,
        };
        if (cause == SpecialCause.Missing) return PointType.Missing;
        if (side == 0) return PointType.CommonCause;
        return direction switch
        {
            ImprovementDirection.Neutral => side > 0 ? PointType.SpecialCauseNeutralHigh : PointType.SpecialCauseNeutralLow,
            ImprovementDirection.Increase => side > 0 ? PointType.SpecialCauseImprovement : PointType.SpecialCauseConcern,
            _ => side < 0 ? PointType.SpecialCauseImprovement : PointType.SpecialCauseConcern,
        };
    }

    /// <summary>The NHSRplotthedots code, e.g. <c>special_cause_improvement</c>; empty for <see cref="PointType.Missing"/>.</summary>
    public static string Code(this PointType type) => type switch
    {
        PointType.CommonCause => "common_cause",
        PointType.SpecialCauseImprovement => "special_cause_improvement",
        PointType.SpecialCauseConcern => "special_cause_concern",
        PointType.SpecialCauseNeutralHigh => "special_cause_neutral_high",
        PointType.SpecialCauseNeutralLow => "special_cause_neutral_low",
        _ => string.Empty,
    };
}
