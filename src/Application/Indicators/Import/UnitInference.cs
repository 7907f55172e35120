using System.Globalization;
using Commonweal.Core.Indicators;

namespace Commonweal.Application.Indicators.Import;

/// <summary>How a value reads ("%", "per 100,000", "years") and how often it comes, from its value type, multiplier and periods.</summary>
public static class UnitInference
{
    /// <summary>The unit a value of this type and multiplier reads in.</summary>
    public static string Unit(IndicatorValueType type, double multiplier) => type switch
    {
        IndicatorValueType.Proportion => multiplier == 100 ? "%" : multiplier == 1 ? "proportion" : Per(multiplier),
        IndicatorValueType.CrudeRate or IndicatorValueType.Dsr => Per(multiplier),
        IndicatorValueType.Isr => multiplier == 100 ? "ratio (100 = expected)" : "ratio",
        IndicatorValueType.Ratio => "ratio",
        IndicatorValueType.LifeExpectancy => "years",
        IndicatorValueType.Count => "count",
        IndicatorValueType.Mean => "mean",
        _ => "score",
    };

    /// <summary>A file's own unit where it is one a reader understands ("%", "yrs", "Years"); null otherwise.</summary>
    public static string? FromFile(string? unit) => unit?.Trim().ToLowerInvariant() switch
    {
        "%" or "percentage" => "%",
        "yrs" or "years" => "years",
        _ => null,
    };

    /// <summary>How often values come, from the shortest period the file gives (a pooled period of several years is multi-year).</summary>
    public static ReportingFrequency Frequency(IEnumerable<IndicatorPeriod> periods)
    {
        var months = periods.Select(p => p.MonthsSpanned).DefaultIfEmpty(12).Min();
        return months switch
        {
            <= 1 => ReportingFrequency.Monthly,
            <= 3 => ReportingFrequency.Quarterly,
            <= 12 => ReportingFrequency.Annual,
            _ => ReportingFrequency.MultiYear,
        };
    }

    /// <summary>The default multiplier of a value type: 100 for a proportion or ratio (×100), 100,000 for a rate, else 1.</summary>
    public static double DefaultMultiplier(IndicatorValueType type) => type switch
    {
        IndicatorValueType.Proportion or IndicatorValueType.Isr => 100,
        IndicatorValueType.CrudeRate or IndicatorValueType.Dsr => 100_000,
        _ => 1,
    };

    private static string Per(double multiplier) => "per " + multiplier.ToString("N0", CultureInfo.InvariantCulture);
}
