using Commonweal.Core.Indicators;
using Commonweal.Core.Places;

namespace Commonweal.Application.Indicators;

/// <summary>An area's row (as shown) and how it compares with the comparator.</summary>
public sealed record ComparedArea(DisclosedRow Row, Benchmark Benchmark);

/// <summary>The places of one type in one period compared with a comparator: the bar chart with limits, in value order.</summary>
/// <param name="Within">The place the areas lie in (null: every area of the type the indicator has).</param>
public sealed record AreaComparison(
    IndicatorTable Table, IndicatorPeriod Period, AreaType Type, AreaCode? Within, Breakdown Breakdown, Comparators Comparator,
    DisclosedRow? ComparatorRow, IReadOnlyList<ComparedArea> Areas);
