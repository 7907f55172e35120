using System.Globalization;
using System.Text.RegularExpressions;
using Commonweal.Core.Indicators;

namespace Commonweal.Application.Indicators.Import;

/// <summary>
/// An indicator's value type (and multiplier) from the words a file uses for it — its measure ("Age-standardised
/// rate", "Percentage"), its unit ("Rate per 100,000 population") or its name ("… rate / 1,000", "… QOF prevalence",
/// "… standardised mortality ratio") — when its figures cannot show it.
/// </summary>
public static partial class WordsInference
{
    /// <summary>What the measure, unit or name says, tried in that order; null when none says anything.</summary>
    public static Evidence? From(IndicatorDescription description)
    {
        foreach (var (what, text) in new[] { ("measure", description.Measure), ("unit", description.Unit), ("name", description.Name) })
        {
            if (string.IsNullOrWhiteSpace(text) || Read(text) is not { } found) continue;
            return new Evidence(found.Type, found.Multiplier, Strength.Words, $"from the {what} '{text}'");
        }

        return null;
    }

    /// <summary>The value type (and a multiplier, when the words give one) some words name.</summary>
    public static (IndicatorValueType Type, double? Multiplier)? Read(string text)
    {
        var t = text.ToLowerInvariant();
        var per = Per(t);
        if (t.Contains("slope index of inequality", StringComparison.Ordinal)) return (IndicatorValueType.Score, 1);
        if (t.Contains("life expectancy", StringComparison.Ordinal)) return (IndicatorValueType.LifeExpectancy, 1);
        if (Has(t, "standardised ratio", "standardized ratio", "standardised mortality ratio", "standardised admission ratio", "standardised incidence ratio",
                "standardised referral ratio", "smr"))
            return (IndicatorValueType.Isr, 100);
        if (Has(t, "standardised rate", "standardized rate", "age-standardised", "age standardised", "directly standardised", "dsr"))
            return (IndicatorValueType.Dsr, per ?? 100_000);
        if (Has(t, "percentage", "proportion", "%", "prevalence", "coverage", "diagnosis rate", "percent"))
            return (IndicatorValueType.Proportion, 100);
        if (per is not null && Has(t, "rate", "per "))
            return (IndicatorValueType.CrudeRate, per);
        if (Has(t, "ratio", "risk")) return (IndicatorValueType.Ratio, 1);
        if (Has(t, "score")) return (IndicatorValueType.Score, 1);
        if (Has(t, "number of", "count", "admissions")) return (IndicatorValueType.Count, 1);
        return null;
    }

    private static bool Has(string text, params string[] words) => words.Any(w => text.Contains(w, StringComparison.Ordinal));

    /// <summary>"per 100,000", "/100,000", "rate / 1,000", "per 10 000" → the number.</summary>
    private static double? Per(string text)
    {
        var m = PerNumber().Match(text);
        if (!m.Success) return null;
        var digits = m.Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        return double.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 10 ? n : null;
    }

    [GeneratedRegex(@"(?:per|/)\s*(\d{1,3}(?:[, ]\d{3})+|\d+)")]
    private static partial Regex PerNumber();
}
