using Commonweal.Core.Statistics;

namespace Commonweal.Application.Indicators;

/// <summary>A value and its 95 % and 99.8 % limits as the engine works them out; NaN where not calculated, with the reason.</summary>
/// <param name="Count">The numerator the value was worked out from (for a standardised rate, the events of all bands).</param>
/// <param name="Denominator">The denominator (population, expected events); NaN for a count.</param>
public readonly record struct ComputedValue(double Count, double Denominator, double Value, Interval Limits95, Interval Limits998, string? Note)
{
    public static ComputedValue NotCalculated(double count, double denominator, string note) =>
        new(count, denominator, double.NaN, Interval.None, Interval.None, note);

    public bool IsCalculated => !double.IsNaN(Value);
}
