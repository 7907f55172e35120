using Commonweal.Core.Indicators;
using Commonweal.Core.Statistics;

namespace Commonweal.Application.Indicators;

/// <summary>
/// Works out a value and both its limits from counts, by the method the indicator's value type fixes (the methods of
/// <c>Core/Statistics</c>, as Fingertips uses them): proportions by Wilson's score; crude rates and ratios by Byar's
/// method (exact Poisson below 10 events); counts by the same Poisson limits; indirectly standardised ratios as O/E ×
/// the multiplier with the same limits (the denominator is the expected count); directly standardised rates by Dobson
/// from the 2013 European Standard Population; life expectancy by Chiang II from deaths and populations in 20 bands.
/// Means and scores are not worked out from counts. Impossible counts give a value that is not calculated, with the
/// reason, never an exception.
/// </summary>
public static class ValueMethods
{
    /// <summary>Whether the value type is worked out from age-band counts (a DSR, a life expectancy) rather than a count and a denominator.</summary>
    public static bool NeedsAgeBands(IndicatorValueType type) => type is IndicatorValueType.Dsr or IndicatorValueType.LifeExpectancy;

    /// <summary>Whether a value of this type is worked out from a count alone (no denominator).</summary>
    public static bool NeedsDenominator(IndicatorValueType type) => type != IndicatorValueType.Count;

    /// <summary>A value from its count and denominator (the denominator is ignored for a count).</summary>
    public static ComputedValue FromCounts(IndicatorValueType type, double multiplier, double count, double denominator)
    {
        switch (type)
        {
            case IndicatorValueType.Proportion:
            {
                if (Proportions.Problem(count, denominator) is { } problem) return ComputedValue.NotCalculated(count, denominator, problem);
                var l95 = Proportions.WilsonScore(count, denominator, ConfidenceLevel.Percent95).Scale(multiplier);
                var l998 = Proportions.WilsonScore(count, denominator, ConfidenceLevel.Percent998).Scale(multiplier);
                return new ComputedValue(count, denominator, count / denominator * multiplier, l95, l998, null);
            }

            case IndicatorValueType.CrudeRate or IndicatorValueType.Ratio:
            {
                if (Rates.Problem(count, denominator) is { } problem) return ComputedValue.NotCalculated(count, denominator, problem);
                var rate = Rates.CrudeRate(count, denominator, ConfidenceLevel.Standard, multiplier);
                return new ComputedValue(count, denominator, rate.Value, rate.Limits[0], rate.Limits[1], null);
            }

            case IndicatorValueType.Count:
            {
                if (!double.IsFinite(count) || count < 0) return ComputedValue.NotCalculated(count, double.NaN, "count must be a number ≥ 0");
                return new ComputedValue(count, double.NaN, count, Rates.CountLimits(count, ConfidenceLevel.Percent95),
                    Rates.CountLimits(count, ConfidenceLevel.Percent998), null);
            }

            case IndicatorValueType.Isr:
            {
                if (Isr.Problem(count, denominator) is { } problem) return ComputedValue.NotCalculated(count, denominator, problem);
                var ratio = Isr.Ratio(count, denominator, ConfidenceLevel.Standard, multiplier);
                return new ComputedValue(count, denominator, ratio.Value, ratio.Limits[0], ratio.Limits[1], ratio.Note);
            }

            default:
                return ComputedValue.NotCalculated(count, denominator, $"a {type.Label()} is not worked out from a count and a denominator");
        }
    }

    /// <summary>
    /// A directly standardised rate or a life expectancy from counts and populations by age band. For a life expectancy,
    /// <paramref name="age"/> is the published age label, whose first number is the starting age ("All ages" → at birth).
    /// </summary>
    public static ComputedValue FromAgeBands(IndicatorValueType type, double multiplier, IReadOnlyList<IndicatorAgeCount> bands, string age)
    {
        ArgumentNullException.ThrowIfNull(bands);
        double events = 0, people = 0;
        foreach (var band in bands)
        {
            events += band.Count;
            people += band.Population;
        }

        if (bands.Count == 0) return ComputedValue.NotCalculated(double.NaN, double.NaN, "no counts by age band");
        return type switch
        {
            IndicatorValueType.Dsr => Standardised(multiplier, bands, events, people),
            IndicatorValueType.LifeExpectancy => LifeTable(bands, age, events, people),
            _ => ComputedValue.NotCalculated(events, people, $"a {type.Label()} is not worked out from age bands"),
        };
    }

    private static ComputedValue Standardised(double multiplier, IReadOnlyList<IndicatorAgeCount> bands, double events, double people)
    {
        var counts = new double[bands.Count];
        var populations = new double[bands.Count];
        var weights = new double[bands.Count];
        for (var i = 0; i < bands.Count; i++)
        {
            var band = bands[i];
            weights[i] = StandardAgeBands.EspWeight(band.AgeBand);
            if (double.IsNaN(weights[i]))
                return ComputedValue.NotCalculated(events, people, $"age band {band.AgeBand.Label} is not made of whole five-year bands of the European Standard Population");
            if (Dsr.Problem(band.Count, band.Population) is { } problem)
                return ComputedValue.NotCalculated(events, people, $"age band {band.AgeBand.Label}: {problem}");
            counts[i] = band.Count;
            populations[i] = band.Population;
        }

        var dsr = Dsr.Dobson(counts, populations, weights, ConfidenceLevel.Standard, multiplier);
        return new ComputedValue(dsr.TotalCount, dsr.TotalPopulation, dsr.Value, dsr.Limits[0], dsr.Limits[1], dsr.Note);
    }

    private static ComputedValue LifeTable(IReadOnlyList<IndicatorAgeCount> bands, string age, double events, double people)
    {
        var deaths = new double[LifeExpectancy.BandCount];
        var populations = new double[LifeExpectancy.BandCount];
        var seen = new bool[LifeExpectancy.BandCount];
        foreach (var band in bands)
        {
            var index = StandardAgeBands.LifeTableIndex(band.AgeBand);
            if (index < 0 || seen[index])
                return ComputedValue.NotCalculated(events, people, "life expectancy needs deaths and populations in the 20 bands 0, 1–4, 5–9, …, 85–89, 90+");
            seen[index] = true;
            deaths[index] = band.Count;
            populations[index] = band.Population;
        }

        if (Array.IndexOf(seen, false) >= 0)
            return ComputedValue.NotCalculated(events, people, "life expectancy needs deaths and populations in the 20 bands 0, 1–4, 5–9, …, 85–89, 90+");
        var start = StandardAgeBands.StartAge(age);
        if (start < 0) return ComputedValue.NotCalculated(events, people, $"'{age}' is not an age the life table starts a band at");
        var at = LifeExpectancy.Calculate(deaths, populations, ConfidenceLevel.Standard)[LifeExpectancy.BandIndex(start)];
        return new ComputedValue(events, people, at.Value, at.Intervals[0], at.Intervals[1], at.Note);
    }
}
