using Commonweal.Core.Indicators;
using Commonweal.Core.Statistics;

namespace Commonweal.Application.Indicators.Import;

/// <summary>What is known of a Fingertips indicator before any file says it: its value type, multiplier, unit and polarity.</summary>
/// <param name="Names">Names files give it without its number (Fingertips-derived series name their indicator but do not number it).</param>
public sealed record KnownIndicator(int Id, string Name, IndicatorValueType ValueType, double Multiplier, string Unit, Polarity Polarity, params string[] Names);

/// <summary>
/// Defaults for the Fingertips indicators of the reference files, as <c>indicators/more/SOURCES.md</c> and the data
/// README describe them (value type, multiplier and unit as Fingertips publishes them; polarity as Fingertips
/// colours them). A file's own evidence (its limits reproduced, its comparisons) comes first; these fill in what a
/// file cannot show (a DSR's method without its age bands, a value-only series' unit), and number the
/// Fingertips-derived series that name their indicator without its number.
/// </summary>
public static class KnownIndicators
{
    public static IReadOnlyList<KnownIndicator> All { get; } =
    [
        new(91547, "Smoking prevalence in adults (15+) - current smokers (QOF)", IndicatorValueType.Proportion, 100, "%", Polarity.LowIsGood),
        new(90988, "Hospital admissions due to coronary heart disease", IndicatorValueType.Dsr, 100_000, "per 100,000", Polarity.LowIsGood),
        new(93356, "Campylobacter incidence rate/100,000", IndicatorValueType.CrudeRate, 100_000, "per 100,000", Polarity.LowIsGood),
        new(90284, "Hospital admissions caused by unintentional and deliberate injuries in children (aged 0 to 14 years)", IndicatorValueType.CrudeRate, 10_000, "per 10,000", Polarity.LowIsGood),
        new(90285, "Hospital admissions caused by unintentional and deliberate injuries in young people (aged 15 to 24 years)", IndicatorValueType.CrudeRate, 10_000, "per 10,000", Polarity.LowIsGood),
        new(93077, "Proportion of the population meeting the recommended '5 a day' on a 'usual day' (adults) (old method)", IndicatorValueType.Proportion, 100, "%", Polarity.HighIsGood),
        new(93982, "Percentage of adults meeting the '5-a-day' fruit and vegetable consumption recommendations (new method)", IndicatorValueType.Proportion, 100, "%", Polarity.HighIsGood),
        new(93553, "Deprivation score (IMD)", IndicatorValueType.Score, 1, "score", Polarity.NoJudgement, "Deprivation score (IMD 2019)"),
        new(93532, "Proportion of dependent drinkers not in treatment (%) (Current method)", IndicatorValueType.Proportion, 100, "%", Polarity.LowIsGood),
        new(93722, "Under 75 mortality rate from cardiovascular disease considered preventable", IndicatorValueType.Dsr, 100_000, "per 100,000", Polarity.LowIsGood,
            "Preventable cardiovascular mortality (England)"),
        new(93671, "Cancers diagnosed at stage 1 and 2", IndicatorValueType.Proportion, 100, "%", Polarity.HighIsGood, "Cancer diagnosis at stage 1 and 2"),
        new(93881, "Percentage of adults (aged 18 plus) classified as obese", IndicatorValueType.Proportion, 100, "%", Polarity.LowIsGood, "Adult obesity prevalence"),
        new(90366, "Life expectancy at birth", IndicatorValueType.LifeExpectancy, 1, "years", Polarity.HighIsGood),
        new(93721, "Under 75 mortality rate from causes considered preventable (per 100,000 population)", IndicatorValueType.Dsr, 100_000, "per 100,000", Polarity.LowIsGood),
        new(91112, "People receiving an NHS Health Check", IndicatorValueType.Proportion, 100, "%", Polarity.HighIsGood),
        new(21001, "Emergency Hospital Admissions for Intentional Self-Harm", IndicatorValueType.Dsr, 100_000, "per 100,000", Polarity.LowIsGood),
        new(91414, "Alcohol related admissions (narrow measure)", IndicatorValueType.Dsr, 100_000, "per 100,000", Polarity.LowIsGood),
        new(90362, "Healthy life expectancy at birth", IndicatorValueType.LifeExpectancy, 1, "years", Polarity.HighIsGood),
    ];

    public static KnownIndicator? ById(int id) => All.FirstOrDefault(k => k.Id == id);

    /// <summary>The known indicator a file names without numbering it (its name, or a name files give it, case ignored).</summary>
    public static KnownIndicator? ByName(string name) =>
        All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase)
            || k.Names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)));
}
