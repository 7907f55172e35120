using Commonweal.Core.Indicators;

namespace Commonweal.Core.Outcomes;

/// <summary>
/// The County Health Rankings model (University of Wisconsin Population Health Institute, 2014–2024) the outcomes
/// framework is built on: health outcomes (length of life, quality of life) and health factors in four weighted groups —
/// health behaviours 30 %, socio-economic factors 40 %, clinical care 20 %, physical environment 10 % — each with its
/// focus areas.
/// </summary>
public static class CountyHealthRankings
{
    /// <summary>The health outcomes, then the four factor groups, in the model's order.</summary>
    public static readonly IReadOnlyList<HealthFactor> Groups =
    [
        HealthFactor.LengthOfLife, HealthFactor.QualityOfLife,
        HealthFactor.HealthBehaviours, HealthFactor.SocialAndEconomicFactors, HealthFactor.ClinicalCare, HealthFactor.PhysicalEnvironment,
    ];

    /// <summary>Whether the group is one of the health outcomes (rather than a factor).</summary>
    public static bool IsOutcome(this HealthFactor group) => group is HealthFactor.LengthOfLife or HealthFactor.QualityOfLife;

    /// <summary>The factor group's weight in the health factors (0.30, 0.40, 0.20, 0.10); the outcomes' share of the health outcomes (0.50 each).</summary>
    public static double Weight(this HealthFactor group) => group switch
    {
        HealthFactor.HealthBehaviours => 0.30,
        HealthFactor.SocialAndEconomicFactors => 0.40,
        HealthFactor.ClinicalCare => 0.20,
        HealthFactor.PhysicalEnvironment => 0.10,
        HealthFactor.LengthOfLife or HealthFactor.QualityOfLife => 0.50,
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, null),
    };

    /// <summary>The focus areas of a factor group in the model's order (none for the two outcomes).</summary>
    public static IReadOnlyList<FocusArea> FocusAreas(this HealthFactor group) => group switch
    {
        HealthFactor.HealthBehaviours => [FocusArea.TobaccoUse, FocusArea.DietAndExercise, FocusArea.AlcoholAndDrugUse, FocusArea.SexualActivity],
        HealthFactor.SocialAndEconomicFactors => [FocusArea.Education, FocusArea.Employment, FocusArea.Income, FocusArea.FamilyAndSocialSupport, FocusArea.CommunitySafety],
        HealthFactor.ClinicalCare => [FocusArea.AccessToCare, FocusArea.QualityOfCare],
        HealthFactor.PhysicalEnvironment => [FocusArea.AirAndWaterQuality, FocusArea.HousingAndTransit],
        _ => [],
    };

    /// <summary>The factor group a focus area belongs to.</summary>
    public static HealthFactor Group(this FocusArea area) =>
        Groups.First(g => g.FocusAreas().Contains(area));

    public static string Label(this HealthFactor group) => group switch
    {
        HealthFactor.LengthOfLife => "Length of life",
        HealthFactor.QualityOfLife => "Quality of life",
        HealthFactor.HealthBehaviours => "Health behaviours",
        HealthFactor.SocialAndEconomicFactors => "Socio-economic factors",
        HealthFactor.ClinicalCare => "Clinical care",
        HealthFactor.PhysicalEnvironment => "Physical environment",
        _ => group.ToString(),
    };

    public static string Label(this FocusArea area) => area switch
    {
        FocusArea.TobaccoUse => "Tobacco use",
        FocusArea.DietAndExercise => "Diet and exercise",
        FocusArea.AlcoholAndDrugUse => "Alcohol and drug use",
        FocusArea.SexualActivity => "Sexual activity",
        FocusArea.Education => "Education",
        FocusArea.Employment => "Employment",
        FocusArea.Income => "Income",
        FocusArea.FamilyAndSocialSupport => "Family and social support",
        FocusArea.CommunitySafety => "Community safety",
        FocusArea.AccessToCare => "Access to care",
        FocusArea.QualityOfCare => "Quality of care",
        FocusArea.AirAndWaterQuality => "Air and water quality",
        FocusArea.HousingAndTransit => "Housing and transit",
        _ => area.ToString(),
    };
}
