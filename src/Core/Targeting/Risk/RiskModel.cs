using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Core.Targeting.Population;

namespace Commonweal.Core.Targeting.Risk;

/// <summary>
/// A named, versioned risk model: its factors with their points, and the tiers the score falls into (docs/methods/risk-stratification.md).
/// A tier holds the scores from its <see cref="RiskTier.From"/> up to the next tier's.
/// </summary>
public sealed record RiskModel(string Name, int Version, IReadOnlyList<RiskFactor> Factors, IReadOnlyList<RiskTier> Tiers)
{
    /// <summary>The model Commonweal ships: factors across the four County Health Rankings groups (docs/methods/risk-stratification.md lists them and what it leaves out).</summary>
    public static RiskModel Default { get; } = new("commonweal-default", 1,
    [
        Trait(Commonweal.Core.Targeting.Population.Trait.Smoker, HealthFactor.HealthBehaviours, 3),
        Trait(Commonweal.Core.Targeting.Population.Trait.HarmfulDrinking, HealthFactor.HealthBehaviours, 2),
        Trait(Commonweal.Core.Targeting.Population.Trait.ExcessWeight, HealthFactor.HealthBehaviours, 1),
        Trait(Commonweal.Core.Targeting.Population.Trait.Inactive, HealthFactor.HealthBehaviours, 1),
        Trait(Commonweal.Core.Targeting.Population.Trait.LowIncome, HealthFactor.SocialAndEconomicFactors, 2),
        Trait(Commonweal.Core.Targeting.Population.Trait.Unemployed, HealthFactor.SocialAndEconomicFactors, 1),
        Trait(Commonweal.Core.Targeting.Population.Trait.Debt, HealthFactor.SocialAndEconomicFactors, 1),
        Trait(Commonweal.Core.Targeting.Population.Trait.Lonely, HealthFactor.SocialAndEconomicFactors, 1.5),
        Trait(Commonweal.Core.Targeting.Population.Trait.PoorWellbeing, HealthFactor.SocialAndEconomicFactors, 1.5),
        Trait(Commonweal.Core.Targeting.Population.Trait.Carer, HealthFactor.SocialAndEconomicFactors, 1),
        Trait(Commonweal.Core.Targeting.Population.Trait.Homeless, HealthFactor.SocialAndEconomicFactors, 3),
        Trait(Commonweal.Core.Targeting.Population.Trait.DomesticAbuse, HealthFactor.SocialAndEconomicFactors, 3),
        Trait(Commonweal.Core.Targeting.Population.Trait.Hypertension, HealthFactor.ClinicalCare, 1),
        Trait(Commonweal.Core.Targeting.Population.Trait.Diabetes, HealthFactor.ClinicalCare, 2),
        Trait(Commonweal.Core.Targeting.Population.Trait.Copd, HealthFactor.ClinicalCare, 2),
        Trait(Commonweal.Core.Targeting.Population.Trait.Smi, HealthFactor.ClinicalCare, 3),
        Trait(Commonweal.Core.Targeting.Population.Trait.Cancer, HealthFactor.ClinicalCare, 2),
        Trait(Commonweal.Core.Targeting.Population.Trait.Depression, HealthFactor.ClinicalCare, 1.5),
        Trait(Commonweal.Core.Targeting.Population.Trait.LearningDisability, HealthFactor.ClinicalCare, 2),
        new("multimorbidity", "Two or more long-term conditions", HealthFactor.ClinicalCare, 2, new MultimorbidityTest(2)),
        new("efi_mild", "Mild frailty (eFI, 65+)", HealthFactor.ClinicalCare, 1, new FrailtyTest(FrailtyCategory.Mild)),
        new("efi_moderate", "Moderate frailty (eFI, 65+)", HealthFactor.ClinicalCare, 2.5, new FrailtyTest(FrailtyCategory.Moderate)),
        new("efi_severe", "Severe frailty (eFI, 65+)", HealthFactor.ClinicalCare, 4, new FrailtyTest(FrailtyCategory.Severe)),
        new("core20", "Lives in a Core20 LSOA (IMD deciles 1–2)", HealthFactor.PhysicalEnvironment, 1.5, new PlaceTest(DeprivationDomain.Imd, 2)),
        new("living_environment_1_2", "Lives in an LSOA in living environment deciles 1–2", HealthFactor.PhysicalEnvironment, 1, new PlaceTest(DeprivationDomain.LivingEnvironment, 2)),
    ],
    [new("Low", 0), new("Rising", 3), new("High", 6), new("Very high", 10)]);

    /// <summary>The model's name and version, as stored with the results: "commonweal-default v1".</summary>
    public string Label => $"{Name} v{Version}";

    private static RiskFactor Trait(Trait trait, HealthFactor group, double points) => new(trait.Name(), trait.Label(), group, points, new TraitTest(trait));

    /// <summary>The tier of a score (index into <see cref="Tiers"/>).</summary>
    public int TierOf(double score)
    {
        var tier = 0;
        for (var t = 1; t < Tiers.Count; t++)
            if (score >= Tiers[t].From) tier = t;
        return tier;
    }

    /// <summary>What is wrong with the model, if anything: no factors, duplicate codes, negative points, tiers not rising from 0.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Factors.Count == 0) problems.Add("the model has no factors");
        foreach (var code in Factors.GroupBy(f => f.Code, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key))
            problems.Add($"factor '{code}' is listed more than once");
        foreach (var factor in Factors.Where(f => f.Points < 0 || double.IsNaN(f.Points) || double.IsInfinity(f.Points)))
            problems.Add($"factor '{factor.Code}' has {factor.Points} points: points are 0 or more");
        if (Tiers.Count == 0 || Tiers[0].From != 0) problems.Add("the first tier must start at score 0");
        for (var t = 1; t < Tiers.Count; t++)
            if (!(Tiers[t].From > Tiers[t - 1].From)) problems.Add($"tier '{Tiers[t].Name}' starts at {Tiers[t].From}, not above '{Tiers[t - 1].Name}' ({Tiers[t - 1].From})");
        return problems;
    }
}

/// <summary>A risk tier: its name and the lowest score in it.</summary>
public sealed record RiskTier(string Name, double From);
