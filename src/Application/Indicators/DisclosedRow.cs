using Commonweal.Core.Statistics;

namespace Commonweal.Application.Indicators;

/// <summary>
/// A row as a public output shows it under the indicator's disclosure rule: its numbers (null where suppressed; counts
/// and denominators possibly rounded), its comparison and trend (withheld with a suppressed value), and why anything was
/// suppressed or rounded.
/// </summary>
/// <param name="Note">Why something is not shown as it is (suppressed or rounded), or null.</param>
public sealed record DisclosedRow(
    IndicatorRow Row,
    double? Count,
    double? Denominator,
    double? Value,
    Interval Limits95,
    Interval Limits998,
    BenchmarkOutcome? ComparedToEngland,
    RecentTrend? Trend,
    DisclosureAction Action,
    string? Note)
{
    public bool IsSuppressed => Action == DisclosureAction.Suppressed;

    /// <summary>The row shown as it is (no rule applies, or none is asked for).</summary>
    public static DisclosedRow AsItIs(IndicatorRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var v = row.Value;
        return new DisclosedRow(row, v.Count, v.Denominator, v.Value, row.Limits95, row.Limits998, row.ComparedToEngland, row.Trend, DisclosureAction.Shown, null);
    }
}
