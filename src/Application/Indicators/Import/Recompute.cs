using Commonweal.Core.Indicators;
using Commonweal.Core.Statistics;

namespace Commonweal.Application.Indicators.Import;

/// <summary>A value and its 95 % and 99.8 % limits as Commonweal works them out from a row's counts.</summary>
public readonly record struct ComputedFigures(double Value, Interval Limits95, Interval Limits998);

/// <summary>
/// A row's value and limits worked out from its own count and denominator with the statistics engine, by the method
/// the value type fixes: Wilson score for a proportion (<see cref="Proportions.WilsonScore(double, double, ConfidenceLevel)"/>),
/// Byar's or exact Poisson limits for a crude rate, an indirectly standardised ratio (the denominator is then the
/// expected count) and a count (<see cref="Rates.CountLimits"/>). A DSR or a life expectancy needs age-specific counts
/// (<see cref="AgeBandValues"/>); a score, a mean or an unstandardised ratio is kept as published.
/// </summary>
public static class Recompute
{
    /// <summary>Whether values of this type are worked out from a count and denominator alone.</summary>
    public static bool FromCounts(IndicatorValueType type) =>
        type is IndicatorValueType.Proportion or IndicatorValueType.CrudeRate or IndicatorValueType.Isr or IndicatorValueType.Count;

    /// <summary>The method's name, for what the import says: "Wilson score", "Byar's/exact Poisson".</summary>
    public static string Method(IndicatorValueType type) => type switch
    {
        IndicatorValueType.Proportion => "Wilson score",
        IndicatorValueType.CrudeRate or IndicatorValueType.Isr or IndicatorValueType.Count => "Byar's/exact Poisson",
        IndicatorValueType.Dsr => "Dobson (ESP 2013)",
        IndicatorValueType.LifeExpectancy => "Chiang II",
        _ => "none",
    };

    /// <summary>Why a count and denominator cannot give a value of this type, or null when they can.</summary>
    public static string? Problem(IndicatorValueType type, double count, double? denominator) => type switch
    {
        IndicatorValueType.Count => count >= 0 ? null : "a count cannot be negative",
        IndicatorValueType.Proportion => denominator is { } n ? Proportions.Problem(count, n) : "no denominator",
        IndicatorValueType.CrudeRate or IndicatorValueType.Isr => denominator is { } d ? Rates.Problem(count, d) : "no denominator",
        _ => $"a {type.Label()} is not worked out from a count and denominator alone",
    };

    /// <summary>The value and limits; call only when <see cref="Problem"/> is null.</summary>
    public static ComputedFigures Compute(IndicatorValueType type, double multiplier, double count, double? denominator)
    {
        switch (type)
        {
            case IndicatorValueType.Proportion:
                var n = denominator!.Value;
                return new ComputedFigures(count / n * multiplier,
                    Proportions.WilsonScore(count, n, ConfidenceLevel.Percent95).Scale(multiplier),
                    Proportions.WilsonScore(count, n, ConfidenceLevel.Percent998).Scale(multiplier));
            case IndicatorValueType.Count:
                return new ComputedFigures(count, Rates.CountLimits(count, ConfidenceLevel.Percent95), Rates.CountLimits(count, ConfidenceLevel.Percent998));
            default:
                var scale = multiplier / denominator!.Value;
                return new ComputedFigures(count * scale,
                    Rates.CountLimits(count, ConfidenceLevel.Percent95).Scale(scale),
                    Rates.CountLimits(count, ConfidenceLevel.Percent998).Scale(scale));
        }
    }
}
