using Commonweal.Core.Indicators;
using Commonweal.Core.Places;

namespace Commonweal.Application.Indicators;

/// <summary>One period of a place's series: its row and its comparator's (as shown), and how they compare; rows are null where there is no value.</summary>
public sealed record SeriesPoint(IndicatorPeriod Period, DisclosedRow? Row, DisclosedRow? Comparator, Benchmark? Benchmark);

/// <summary>A place's values over every period of the indicator for one breakdown, against a comparator: the trend chart with its limits.</summary>
public sealed record AreaSeries(IndicatorTable Table, AreaCode Area, string AreaName, Breakdown Breakdown, Comparators Comparator, IReadOnlyList<SeriesPoint> Points)
{
    /// <summary>The recent trend at the latest period with a value.</summary>
    public RecentTrend? LatestTrend => Points.LastOrDefault(p => p.Row is not null)?.Row?.Trend;
}
