using Commonweal.Core.Places;

namespace Commonweal.Core.Indicators;

/// <summary>Where a value comes from: as published, recomputed from its own counts, or added up from the areas within.</summary>
public enum ValueSource
{
    /// <summary>Kept as published: the file gave no counts to recompute it from.</summary>
    Published,
    /// <summary>Worked out by Commonweal from the row's own count and denominator (and checked against any published value).</summary>
    Computed,
    /// <summary>Worked out by Commonweal from the counts of the areas within the place, as at the period.</summary>
    Aggregated,
}

/// <summary>
/// One value of an indicator for one area, period and breakdown, as a file gives it (Fingertips' columns). The key is
/// (indicator, area, period, sex, age, category type, category); an empty category is the whole population.
/// </summary>
/// <param name="AreaType">The area's type in the product's terms (Fingertips' "ICB sub-locations" is <see cref="Places.AreaType.SubIcb"/>).</param>
/// <param name="AreaName">The area's name as the file spells it (kept for areas of other vintages than the loaded geography).</param>
/// <param name="Age">The age group as published: "All ages", "15+ yrs", "0-9 yrs".</param>
/// <param name="CategoryType">The breakdown, e.g. "County &amp; UA deprivation deciles in England (IMD2019, 4/19 geog.)"; empty for none.</param>
/// <param name="Category">The group within the breakdown, e.g. "Most deprived decile (IMD2019)"; empty for none.</param>
/// <param name="PublishedComparison">The publisher's own "Compared to England" label, kept as published (Better, Similar, …).</param>
/// <param name="PublishedTrend">The publisher's recent-trend label, as published.</param>
public sealed record IndicatorValue(
    IndicatorId Indicator,
    AreaCode Area,
    AreaType AreaType,
    string AreaName,
    string Period,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    Sex Sex,
    string Age,
    string CategoryType,
    string Category,
    double? Count,
    double? Denominator,
    double? Value,
    double? Lower95,
    double? Upper95,
    double? Lower998,
    double? Upper998,
    string? ValueNote,
    string? PublishedComparison,
    string? PublishedTrend,
    ValueSource Source)
{
    /// <summary>The age group of the whole population, as Fingertips writes it.</summary>
    public const string AllAges = "All ages";

    /// <summary>Whether the row is the whole population (no category breakdown).</summary>
    public bool IsWholePopulation => CategoryType.Length == 0;
}

/// <summary>
/// The counts behind a directly standardised rate (or a life expectancy): events and population of one age band of one
/// area, period and breakdown. Kept so that rates can be recomputed and added up across areas from their age bands.
/// </summary>
public sealed record IndicatorAgeCount(
    IndicatorId Indicator,
    AreaCode Area,
    string Period,
    Sex Sex,
    string CategoryType,
    string Category,
    AgeBand AgeBand,
    double Count,
    double Population);
