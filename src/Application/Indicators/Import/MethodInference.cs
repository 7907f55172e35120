using System.Globalization;
using Commonweal.Core.Indicators;

namespace Commonweal.Application.Indicators.Import;

/// <summary>
/// An indicator's value type and multiplier from its rows' figures: the multiplier from value ÷ count × denominator
/// (a constant power of ten: 100 for a percentage, 100,000 for a rate per 100,000); the method from which one
/// reproduces the published limits — Wilson score (a proportion) or Byar's/exact Poisson (a crude rate, or an
/// indirectly standardised ratio whose denominator is the expected count). When value ÷ count × denominator varies
/// from row to row the value is standardised (a DSR); when the value is the count, a count.
/// </summary>
public static class MethodInference
{
    private static readonly double[] PowersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

    public static Evidence? From(IReadOnlyList<StagedValue> rows)
    {
        var ratios = new List<double>();
        var equalToCount = 0;
        var withCount = 0;
        foreach (var row in rows)
        {
            if (row.Value is not { } value || row.Count is not { } count) continue;
            withCount++;
            if (Math.Abs(value.Value - count.Value) <= value.HalfUnit + count.HalfUnit) equalToCount++;
            if (row.Denominator is { Value: > 0 } denominator && count.Value > 0)
                ratios.Add(value.Value * denominator.Value / count.Value);
        }

        if (withCount > 0 && ratios.Count == 0 && equalToCount == withCount)
            return new Evidence(IndicatorValueType.Count, 1, Strength.Counts, $"the value is the count on all {withCount:N0} rows with both");
        if (ratios.Count == 0) return null;

        ratios.Sort();
        var median = ratios[ratios.Count / 2];
        var near = ratios.Count(r => Math.Abs(r / median - 1) <= 0.01);
        var power = PowersOfTen.FirstOrDefault(p => Math.Abs(median / p - 1) <= 0.02);
        var said = $"value ÷ count × denominator is {Show(median)} on {near:N0} of {ratios.Count:N0} rows";
        if (near < 0.9 * ratios.Count)
        {
            var nearest = PowersOfTen.MinBy(p => Math.Abs(Math.Log10(median / p)));
            return new Evidence(IndicatorValueType.Dsr, nearest, Strength.Standardised,
                $"value ÷ count × denominator varies between rows ({Show(ratios[ratios.Count / 20])} to {Show(ratios[ratios.Count - 1 - (ratios.Count / 20)])}): a standardised rate per {Show(nearest)}");
        }

        if (power == 0) return null;
        var (wilson, poisson, tested) = Reproduced(rows, power);
        if (tested > 0 && Math.Max(wilson, poisson) >= 0.5 * tested)
        {
            // Where both reproduce the limits (small proportions, large counts), a percentage is a proportion and a rate per 1,000 or more a rate.
            return wilson > poisson || (wilson == poisson && power <= 100)
                ? new Evidence(IndicatorValueType.Proportion, power, Strength.Reproduced, $"{said}; Wilson score reproduces the published limits of {wilson:N0} of {tested:N0} rows")
                : new Evidence(IndicatorValueType.CrudeRate, power, Strength.Reproduced, $"{said}; Byar's/exact Poisson limits reproduce the published limits of {poisson:N0} of {tested:N0} rows");
        }

        var tail = tested > 0 ? $"; neither Wilson score ({wilson:N0}) nor Byar's/exact Poisson ({poisson:N0}) reproduces the published limits of most of its {tested:N0} rows" : "; no limits to test a method against";
        var within = rows.All(r => r.Count is not { } c || r.Denominator is not { } d || c.Value <= d.Value);
        return power is 100 or 1 && within
            ? new Evidence(IndicatorValueType.Proportion, power, Strength.Counts, said + tail + ": a percentage of counts within their denominators")
            : new Evidence(IndicatorValueType.CrudeRate, power, Strength.Counts, said + tail);
    }

    /// <summary>How many rows with published limits each method reproduces.</summary>
    private static (int Wilson, int Poisson, int Tested) Reproduced(IReadOnlyList<StagedValue> rows, double multiplier)
    {
        int wilson = 0, poisson = 0, tested = 0;
        foreach (var row in rows)
        {
            if (row.Count is not { } count || row.Denominator is not { Value: > 0 } denominator) continue;
            if (row.Lower95 is null && row.Upper95 is null && row.Lower998 is null && row.Upper998 is null) continue;
            tested++;
            if (Reproduces(row, IndicatorValueType.Proportion, multiplier, count, denominator)) wilson++;
            if (Reproduces(row, IndicatorValueType.CrudeRate, multiplier, count, denominator)) poisson++;
        }

        return (wilson, poisson, tested);
    }

    private static bool Reproduces(StagedValue row, IndicatorValueType type, double multiplier, Figure count, Figure denominator)
    {
        if (Recompute.Problem(type, count.Value, denominator.Value) is not null) return false;
        var computed = Recompute.Compute(type, multiplier, count.Value, denominator.Value);
        var found = PublishedPrecision.Check(row, type, multiplier, computed);
        return !found.Exists(d => d.Field is not StagedField.Value);
    }

    private static string Show(double number) =>
        number.ToString(number >= 100 ? "N0" : "0.###", CultureInfo.InvariantCulture);
}
