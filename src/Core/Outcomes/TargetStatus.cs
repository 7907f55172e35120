namespace Commonweal.Core.Outcomes;

/// <summary>
/// A target's status in a period, always computed from the data by <see cref="TargetStatusRule"/>, never typed in
/// (docs/methods/target-status.md).
/// </summary>
public enum TargetStatus
{
    /// <summary>No value for any period after the baseline.</summary>
    NotMeasurable,

    /// <summary>At or past the deadline, and the value meets the target.</summary>
    Achieved,

    /// <summary>The value is at least as good as the trajectory's value for its period.</summary>
    OnTrack,

    /// <summary>Worse than the trajectory, but the 95 % interval contains the trajectory's value.</summary>
    AtRisk,

    /// <summary>The whole 95 % interval is on the worse side of the trajectory (or, past the deadline, the target was missed).</summary>
    OffTrack,
}

public static class TargetStatusCodes
{
    /// <summary>The code the CLI, API and downloads write: not_measurable, achieved, on_track, at_risk, off_track.</summary>
    public static string Code(this TargetStatus status) => status switch
    {
        TargetStatus.NotMeasurable => "not_measurable",
        TargetStatus.Achieved => "achieved",
        TargetStatus.OnTrack => "on_track",
        TargetStatus.AtRisk => "at_risk",
        TargetStatus.OffTrack => "off_track",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Words for pages: "Not measurable", "Achieved", "On track", "At risk", "Off track".</summary>
    public static string Label(this TargetStatus status) => status switch
    {
        TargetStatus.NotMeasurable => "Not measurable",
        TargetStatus.Achieved => "Achieved",
        TargetStatus.OnTrack => "On track",
        TargetStatus.AtRisk => "At risk",
        TargetStatus.OffTrack => "Off track",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>An exception, reported page by page in the exception pack.</summary>
    public static bool IsException(this TargetStatus status) => status is TargetStatus.AtRisk or TargetStatus.OffTrack;
}
