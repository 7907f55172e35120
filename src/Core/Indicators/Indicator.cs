using Commonweal.Core.Statistics;

namespace Commonweal.Core.Indicators;

/// <summary>
/// An indicator in the catalogue, with the metadata Fingertips carries and what the outcomes framework needs: what it
/// measures, how its values are worked out (the value type fixes the method), which way is good, whom it is compared
/// with, where it sits in the County Health Rankings model, and how small numbers are protected.
/// </summary>
/// <param name="Multiplier">What the value is expressed per: 100 for a percentage, 100,000 for a rate per 100,000, 1 for a ratio or years.</param>
/// <param name="Unit">How the value reads: "%", "per 100,000", "years", "score".</param>
public sealed record Indicator(
    IndicatorId Id,
    string Name,
    IndicatorValueType ValueType,
    double Multiplier,
    string Unit,
    Polarity Polarity)
{
    /// <summary>What the indicator measures, in words (numerator, denominator, exclusions).</summary>
    public string? Definition { get; init; }

    public ReportingFrequency Frequency { get; init; } = ReportingFrequency.Annual;

    /// <summary>Who publishes the data, e.g. "OHID Fingertips: QOF (NHS England)".</summary>
    public string? Source { get; init; }

    /// <summary>The licence of the published data, e.g. "Open Government Licence v3.0".</summary>
    public string? Licence { get; init; }

    /// <summary>The areas a value is compared with (England always, where a value for England exists).</summary>
    public Comparators Comparators { get; init; } = Comparators.England;

    /// <summary>Where it sits in the County Health Rankings model (used by the outcomes framework).</summary>
    public HealthFactor? FactorGroup { get; init; }

    public FocusArea? FocusArea { get; init; }

    /// <summary>How small numbers are protected in public outputs.</summary>
    public DisclosureRule Disclosure { get; init; } = DisclosureRule.Default;

    /// <summary>The Fingertips profile(s) it belongs to, e.g. "Local Tobacco Control Profiles"; empty when none.</summary>
    public string Profile { get; init; } = string.Empty;
}

public enum ReportingFrequency
{
    Annual,
    Quarterly,
    Monthly,
    /// <summary>Pooled over several years ("2015 - 17").</summary>
    MultiYear,
}

/// <summary>The comparators an indicator's values are benchmarked against.</summary>
[Flags]
public enum Comparators
{
    None = 0,
    England = 1,
    /// <summary>The region the area lies in.</summary>
    Region = 2,
    /// <summary>The configured integrated care system.</summary>
    Ics = 4,
    /// <summary>The area's parent in the hierarchy (a PCN's sub-ICB location, a ward's district).</summary>
    Parent = 8,
}

/// <summary>The County Health Rankings model's groups (CHR 2014–2024): two of outcomes, four of factors.</summary>
public enum HealthFactor
{
    LengthOfLife,
    QualityOfLife,
    HealthBehaviours,
    ClinicalCare,
    SocialAndEconomicFactors,
    PhysicalEnvironment,
}

/// <summary>The County Health Rankings model's focus areas within its factor groups.</summary>
public enum FocusArea
{
    TobaccoUse,
    DietAndExercise,
    AlcoholAndDrugUse,
    SexualActivity,
    AccessToCare,
    QualityOfCare,
    Education,
    Employment,
    Income,
    FamilyAndSocialSupport,
    CommunitySafety,
    AirAndWaterQuality,
    HousingAndTransit,
}

/// <summary>Which <see cref="DisclosurePolicy"/> protects the indicator's small numbers in public outputs.</summary>
public enum DisclosureRule
{
    /// <summary>Counts 1–4 and denominators under 10 suppressed (<see cref="DisclosurePolicy.Default"/>).</summary>
    Default,
    /// <summary>Hospital Episode Statistics style: counts under 8 suppressed, others rounded to 5.</summary>
    HesStyle,
    /// <summary>Nothing suppressed (published aggregates of large populations, e.g. a score).</summary>
    None,
}

public static class DisclosureRules
{
    public static DisclosurePolicy Policy(this DisclosureRule rule) => rule switch
    {
        DisclosureRule.HesStyle => DisclosurePolicy.HesStyle,
        DisclosureRule.None => DisclosurePolicy.None,
        _ => DisclosurePolicy.Default,
    };
}
