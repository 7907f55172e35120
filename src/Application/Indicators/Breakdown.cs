using Commonweal.Core.Indicators;
using Commonweal.Core.Places;

namespace Commonweal.Application.Indicators;

/// <summary>
/// The group of people a value is about, within its area and period: sex, age group as published, and a category of a
/// breakdown (a deprivation decile, an ethnic group); an empty category type is the whole population.
/// </summary>
public readonly record struct Breakdown(Sex Sex, string Age, string CategoryType, string Category)
{
    /// <summary>Persons, all ages, the whole population.</summary>
    public static Breakdown Persons { get; } = new(Sex.Persons, IndicatorValue.AllAges, string.Empty, string.Empty);

    public static Breakdown Of(IndicatorValue value) => new(value.Sex, value.Age, value.CategoryType, value.Category);

    public static Breakdown Of(IndicatorAgeCount count) => new(count.Sex, string.Empty, count.CategoryType, count.Category);

    public bool IsWholePopulation => CategoryType.Length == 0;

    /// <summary>The whole population of the same sex and age: what a category's value is compared with (as Fingertips does).</summary>
    public Breakdown WholePopulation => this with { CategoryType = string.Empty, Category = string.Empty };

    /// <summary>The breakdown without its age: age-band counts behind a standardised rate are keyed so.</summary>
    public Breakdown WithoutAge => this with { Age = string.Empty };

    /// <summary>"Persons, 15+ yrs" or "Persons, 15+ yrs, IMD deciles: Most deprived decile" (the generated one would recurse through <see cref="WholePopulation"/>).</summary>
    public override string ToString() =>
        string.Join(", ", new[] { Sex.ToString(), Age, IsWholePopulation ? string.Empty : $"{CategoryType}: {Category}" }.Where(s => s.Length > 0));
}
