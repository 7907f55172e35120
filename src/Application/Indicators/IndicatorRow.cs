using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Core.Statistics;

namespace Commonweal.Application.Indicators;

/// <summary>
/// One value of an indicator as the engine gives it: as published, recomputed from its own counts, or added up from the
/// areas within its place (<see cref="IndicatorValue.Source"/>), with how it compares with England and its recent trend.
/// The value's area is the place's code in the loaded geography (QH8 for a row published as E54000026) when known.
/// </summary>
/// <param name="ComparedToEngland">The benchmark against England's value; null when there is no England value to compare with.</param>
/// <param name="Trend">The recent trend of the series ending at this period; null when the indicator has no series.</param>
/// <param name="Members">For a place of a level of the ICS, the areas within it that have a value (in code order), whether its value was added up from them or is its own; empty otherwise.</param>
public sealed record IndicatorRow(IndicatorValue Value, BenchmarkOutcome? ComparedToEngland, RecentTrend? Trend, IReadOnlyList<AreaCode> Members)
{
    public ValueKey Key => new(Value.Area, Value.Period, Breakdown.Of(Value));

    public ValueSource Source => Value.Source;

    public AreaCode Area => Value.Area;

    public string Period => Value.Period;

    public Breakdown Breakdown => Breakdown.Of(Value);

    /// <summary>The 95 % limits (NaN when none).</summary>
    public Interval Limits95 => new(Value.Lower95 ?? double.NaN, Value.Upper95 ?? double.NaN);

    /// <summary>The 99.8 % limits (NaN when none).</summary>
    public Interval Limits998 => new(Value.Lower998 ?? double.NaN, Value.Upper998 ?? double.NaN);

    /// <summary>The value, NaN when none.</summary>
    public double Number => Value.Value ?? double.NaN;
}
