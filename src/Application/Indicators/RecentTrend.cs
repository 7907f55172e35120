using Commonweal.Core.Statistics;

namespace Commonweal.Application.Indicators;

/// <summary>
/// The Fingertips recent-trend marker of a series ending at one period (<see cref="TrendMarker"/>: the last five points),
/// with the words Fingertips publishes it in: "Increasing and getting worse", "Decreasing and getting better",
/// "Increasing" (no judgement), "No significant change", "Cannot be calculated".
/// </summary>
public sealed record RecentTrend(TrendMarkerResult Marker, string Label)
{
    public const string CannotBeCalculated = "Cannot be calculated";

    public const string NoSignificantChange = "No significant change";

    public static RecentTrend Of(TrendMarkerResult marker, Polarity polarity) => new(marker, Words(marker.Direction, polarity));

    /// <summary>Fingertips' words for a direction read through the indicator's polarity.</summary>
    public static string Words(TrendDirection direction, Polarity polarity) => (direction, polarity) switch
    {
        (TrendDirection.Increasing, Polarity.HighIsGood) => "Increasing and getting better",
        (TrendDirection.Increasing, Polarity.LowIsGood) => "Increasing and getting worse",
        (TrendDirection.Increasing, _) => "Increasing",
        (TrendDirection.Decreasing, Polarity.HighIsGood) => "Decreasing and getting worse",
        (TrendDirection.Decreasing, Polarity.LowIsGood) => "Decreasing and getting better",
        (TrendDirection.Decreasing, _) => "Decreasing",
        (TrendDirection.NoSignificantChange, _) => NoSignificantChange,
        _ => CannotBeCalculated,
    };
}
