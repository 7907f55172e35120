using System.Globalization;
using System.Text.RegularExpressions;
using Commonweal.Core.Indicators;
using Commonweal.Core.Statistics;

namespace Commonweal.Web.Features.Indicators;

/// <summary>How the indicator pages write values and metadata: one decimal place as Fingertips does, enum names in words.</summary>
public static partial class IndicatorWords
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    /// <summary>A value to one decimal place ("17.2"), a dash where there is none.</summary>
    public static string Value(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("#,0.0", English) : "–";

    /// <summary>A value with its unit: "17.2%", "431.0 per 100,000", "79.8 years".</summary>
    public static string WithUnit(double? value, Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (value is not { } v || !double.IsFinite(v)) return "–";
        return indicator.Unit switch
        {
            "%" => Value(v) + "%",
            { Length: > 0 } unit => Value(v) + " " + unit,
            _ => Value(v),
        };
    }

    public static string Interval(Interval interval) => interval.IsDefined ? $"{Value(interval.Lower)}–{Value(interval.Upper)}" : "–";

    public static string Count(double? count) => count is { } c ? c.ToString("#,0.##", English) : "–";

    /// <summary>"Health behaviours" from HealthBehaviours.</summary>
    public static string Words<T>(T value)
        where T : struct, Enum
    {
        var text = Capitals().Replace(value.ToString(), " $1").Trim();
        return text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..].ToLowerInvariant();
    }

    public static string Polarity(Polarity polarity) => polarity switch
    {
        Core.Statistics.Polarity.HighIsGood => "High is good",
        Core.Statistics.Polarity.LowIsGood => "Low is good",
        _ => "No judgement (higher or lower only)",
    };

    public static string Comparators(Comparators comparators) =>
        comparators == Core.Indicators.Comparators.None ? "None" : string.Join(", ", Enum.GetValues<Comparators>().Where(c => c != Core.Indicators.Comparators.None && comparators.HasFlag(c)).Select(c => c == Core.Indicators.Comparators.Ics ? "ICS" : Words(c)));

    public static string Disclosure(DisclosureRule rule) => rule switch
    {
        DisclosureRule.HesStyle => "Hospital Episode Statistics style: counts under 8 suppressed, others rounded to the nearest 5",
        DisclosureRule.None => "None: published aggregates of large populations, shown as published",
        _ => "Counts from 1 to 4 and denominators under 10 suppressed, with the values worked out from them",
    };

    /// <summary>The method a value type fixes, in words.</summary>
    public static string Method(IndicatorValueType type) => type switch
    {
        IndicatorValueType.Proportion => "Proportion: count ÷ denominator, 95 % limits by the Wilson score method",
        IndicatorValueType.CrudeRate => "Crude rate: events ÷ population × multiplier, limits by Byar's method (exact Poisson for small counts)",
        IndicatorValueType.Dsr => "Directly standardised rate on the European Standard Population 2013, limits by Dobson's method",
        IndicatorValueType.Isr => "Indirectly standardised ratio: observed ÷ expected events",
        IndicatorValueType.Ratio => "Ratio of two counts",
        IndicatorValueType.LifeExpectancy => "Life expectancy by the Chiang II abridged life table",
        IndicatorValueType.Count => "Count of events or people",
        IndicatorValueType.Mean => "Mean, limits by Student's t",
        _ => "Score as published; compared by quintiles",
    };

    [GeneratedRegex("([A-Z])")]
    private static partial Regex Capitals();
}
