using Commonweal.Core.Indicators;
using Commonweal.Core.Statistics;

namespace Commonweal.Application.Indicators;

/// <summary>
/// The recent trend of every value (<see cref="TrendMarker"/>, Fingertips' χ² test over the last five points): the series
/// of its area and breakdown over the periods of the same length (years with years, quarters with quarters) that it has a
/// row for, ending at its own period. As in Fingertips, a period with no row is skipped (North Yorkshire's 2022/23 trend
/// runs 2017/18–2020/21 then 2022/23), while a row without a value breaks the run. Proportions use their counts when all
/// five points have them; every other value its 95 % limits. A score (no limits) has no trend. Fingertips publishes the
/// trend of the latest period only; an earlier period's row here carries the trend of the five points ending at it (what
/// Fingertips showed when that period was the latest).
/// </summary>
public static class RecentTrends
{
    /// <summary>The trend of each value, by its key.</summary>
    public static Dictionary<ValueKey, RecentTrend> Of(IEnumerable<IndicatorValue> values, IReadOnlyList<IndicatorPeriod> periods, Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(indicator);
        var trends = new Dictionary<ValueKey, RecentTrend>();
        if (indicator.ValueType == IndicatorValueType.Score) return trends;

        // Each period's place among the periods of its length.
        var position = new Dictionary<string, (int Span, int Index)>();
        foreach (var group in periods.GroupBy(p => p.MonthsSpanned))
        {
            var index = 0;
            foreach (var period in group.Order()) position[period.Label] = (group.Key, index++);
        }

        var counts = indicator.ValueType == IndicatorValueType.Proportion;
        foreach (var series in values.GroupBy(v => (v.Area, Breakdown.Of(v), position[v.Period].Span)))
        {
            // The area's own points, oldest first: a period it has no row for is not a point (Fingertips' series hold the rows there are).
            var points = series.OrderBy(v => position[v.Period].Index).ToArray();
            var length = points.Length;
            var value = new double[length];
            var lower = new double[length];
            var upper = new double[length];
            var count = Filled(length);
            var denominator = Filled(length);
            for (var i = 0; i < length; i++)
            {
                var v = points[i];
                value[i] = v.Value ?? double.NaN;
                lower[i] = v.Lower95 ?? double.NaN;
                upper[i] = v.Upper95 ?? double.NaN;
                if (v.Count is { } c && v.Denominator is { } d && c >= 0 && d > 0 && c <= d)
                {
                    count[i] = c;
                    denominator[i] = d;
                }
            }

            for (var i = 0; i < length; i++)
            {
                var end = i + 1;
                var marker = counts && HasCounts(count, end)
                    ? TrendMarker.FromCounts(count.AsSpan(0, end), denominator.AsSpan(0, end))
                    : TrendMarker.FromIntervals(value.AsSpan(0, end), lower.AsSpan(0, end), upper.AsSpan(0, end));
                trends[new ValueKey(series.Key.Area, points[i].Period, series.Key.Item2)] = RecentTrend.Of(marker, indicator.Polarity);
            }
        }

        return trends;
    }

    // Counts for the last five points (fewer points: the intervals give the same "cannot be calculated").
    private static bool HasCounts(double[] count, int end)
    {
        if (end < TrendMarker.PointsToUse) return false;
        for (var i = end - TrendMarker.PointsToUse; i < end; i++)
        {
            if (double.IsNaN(count[i])) return false;
        }

        return true;
    }

    private static double[] Filled(int length)
    {
        var array = new double[length];
        Array.Fill(array, double.NaN);
        return array;
    }
}
