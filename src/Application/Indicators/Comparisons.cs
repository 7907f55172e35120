using Commonweal.Core.Indicators;
using Commonweal.Core.Statistics;

namespace Commonweal.Application.Indicators;

/// <summary>
/// Benchmarking an indicator's values the Fingertips way (<see cref="Benchmarking"/>): the area's confidence interval
/// against the comparator's value — never interval overlap — adjusted for polarity, or the value's quintile among the
/// comparator's areas. A category's value is compared with the comparator's whole population of the same sex and age;
/// a value is never compared with itself (England's deprivation deciles are compared with England).
/// </summary>
public static class Comparisons
{
    private static readonly string[] QuintileLabels = ["Lowest", "Low", "Middle", "High", "Highest"];

    /// <summary>
    /// The method for an indicator: quintiles for a value type without limits (a score); both levels when the publisher's
    /// own labels use them (Best, Worst); otherwise the 95 % interval.
    /// </summary>
    public static BenchmarkMethod MethodFor(IndicatorData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Indicator.ValueType == IndicatorValueType.Score) return BenchmarkMethod.Quintiles;
        var published = data.Values.Select(v => v.PublishedComparison).OfType<string>().Distinct().ToList();
        if (published.Any(l => l.Contains("Best", StringComparison.OrdinalIgnoreCase) || l.Contains("Worst", StringComparison.OrdinalIgnoreCase)))
            return data.Values.Any(v => v.Lower95 is not null) ? BenchmarkMethod.ConfidenceIntervals95And998 : BenchmarkMethod.Quintiles;
        if (published.Any(l => Array.Exists(QuintileLabels, q => string.Equals(q, l, StringComparison.OrdinalIgnoreCase))))
            return BenchmarkMethod.Quintiles;
        return BenchmarkMethod.ConfidenceInterval95;
    }

    /// <summary>An area's value against a comparator's value by an interval method (not quintiles).</summary>
    public static BenchmarkOutcome Compare(IndicatorRow row, IndicatorRow comparator, BenchmarkMethod method, Polarity polarity)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(comparator);
        if (row.Key == comparator.Key) return BenchmarkOutcome.NotCompared;
        return method switch
        {
            BenchmarkMethod.ConfidenceIntervals95And998 =>
                Benchmarking.CompareTwoLevels(row.Number, row.Limits95, row.Limits998, comparator.Number, polarity),
            BenchmarkMethod.ConfidenceInterval95 => Benchmarking.CompareOneLevel(row.Number, row.Limits95, comparator.Number, polarity),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "quintiles compare a value with many areas: use Quintile"),
        };
    }

    /// <summary>A value's quintile among the values of the comparator's areas (bounds from <see cref="Benchmarking.QuintileBounds"/>).</summary>
    public static BenchmarkOutcome Quintile(IndicatorRow row, ReadOnlySpan<double> bounds, Polarity polarity) =>
        Benchmarking.QuintileOutcome(Benchmarking.Quintile(row.Number, bounds), polarity);
}
