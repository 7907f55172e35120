namespace Commonweal.Core.Indicators;

/// <summary>What kind of statistic an indicator is; it fixes how values, limits and aggregates are worked out.</summary>
public enum IndicatorValueType
{
    /// <summary>A share of a denominator (Wilson score limits), e.g. smoking prevalence: count of smokers of people on the list.</summary>
    Proportion,

    /// <summary>Events per population (Byar's or exact Poisson limits), times a multiplier such as 100,000.</summary>
    CrudeRate,

    /// <summary>A directly standardised rate (Dobson limits) on the European Standard Population 2013.</summary>
    Dsr,

    /// <summary>An indirectly standardised ratio: observed over expected events (×100).</summary>
    Isr,

    /// <summary>A ratio of two counts that is not standardised.</summary>
    Ratio,

    /// <summary>Life expectancy in years (Chiang II abridged life table).</summary>
    LifeExpectancy,

    /// <summary>A count of events or people.</summary>
    Count,

    /// <summary>A mean (Student's t limits).</summary>
    Mean,

    /// <summary>A score (e.g. the IMD score of a practice's population): published values, no limits worked out.</summary>
    Score,
}

public static class IndicatorValueTypes
{
    /// <summary>The CLI's spelling: proportion, crude-rate, dsr, isr, ratio, life-expectancy, count, mean, score.</summary>
    public static string Code(this IndicatorValueType type) => type switch
    {
        IndicatorValueType.CrudeRate => "crude-rate",
        IndicatorValueType.LifeExpectancy => "life-expectancy",
        _ => type.ToString().ToLowerInvariant(),
    };

    public static bool TryParse(string? text, out IndicatorValueType type)
    {
        foreach (var candidate in Enum.GetValues<IndicatorValueType>())
        {
            if (string.Equals(candidate.Code(), text, StringComparison.OrdinalIgnoreCase))
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }

    /// <summary>How a reader names it: "proportion", "crude rate", "directly standardised rate", …</summary>
    public static string Label(this IndicatorValueType type) => type switch
    {
        IndicatorValueType.CrudeRate => "crude rate",
        IndicatorValueType.Dsr => "directly standardised rate",
        IndicatorValueType.Isr => "indirectly standardised ratio",
        IndicatorValueType.LifeExpectancy => "life expectancy",
        _ => type.ToString().ToLowerInvariant(),
    };

    /// <summary>Whether values of this type can be added up from areas' counts (and denominators or age bands).</summary>
    public static bool Aggregates(this IndicatorValueType type) =>
        type is IndicatorValueType.Proportion or IndicatorValueType.CrudeRate or IndicatorValueType.Dsr or IndicatorValueType.Count
            or IndicatorValueType.Isr or IndicatorValueType.Ratio or IndicatorValueType.LifeExpectancy;
}
