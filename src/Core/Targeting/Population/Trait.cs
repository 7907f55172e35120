namespace Commonweal.Core.Targeting.Population;

/// <summary>
/// A characteristic a person has or has not: a bit of <see cref="SyntheticPopulation.Traits"/>. The order is the order they are
/// drawn in (a trait's model may lean on those before it: COPD on smoking), and the bit numbers are part of the stored
/// format and of the population hash: add new ones at the end.
/// </summary>
public enum Trait
{
    LowIncome,
    Unemployed,
    Debt,
    PoorHousing,
    Homeless,
    EthnicMinority,
    Smoker,
    ExcessWeight,
    Inactive,
    HarmfulDrinking,
    Lonely,
    PoorWellbeing,
    Carer,
    LearningDisability,
    Autism,
    Veteran,
    CareLeaver,
    DomesticAbuse,
    InclusionHealth,
    Hypertension,
    Diabetes,
    Copd,
    Smi,
    Cancer,
    Depression,
    Asthma,
    Epilepsy,
    ToothDecay,
    CypMentalHealth,
    LookedAfter,
    Pregnant,
}

/// <summary>Where a trait stands in Core20PLUS5 and the County Health Rankings model.</summary>
public enum TraitGroup
{
    Behaviour,
    SocioEconomic,
    Plus,
    AdultClinical,
    ChildClinical,
    Maternity,
}

/// <summary>The names and groups of the traits.</summary>
public static class Traits
{
    public static readonly IReadOnlyList<Trait> All = Enum.GetValues<Trait>();

    public static ulong Bit(this Trait trait) => 1UL << (int)trait;

    public static bool Has(this ulong traits, Trait trait) => (traits & trait.Bit()) != 0;

    /// <summary>The trait's name in rules, files and reports: snake case (low_income, smoker, copd, cyp_mental_health).</summary>
    public static string Name(this Trait trait) => trait switch
    {
        Trait.LowIncome => "low_income",
        Trait.Unemployed => "unemployed",
        Trait.Debt => "debt",
        Trait.PoorHousing => "poor_housing",
        Trait.Homeless => "homeless",
        Trait.EthnicMinority => "ethnic_minority",
        Trait.Smoker => "smoker",
        Trait.ExcessWeight => "excess_weight",
        Trait.Inactive => "inactive",
        Trait.HarmfulDrinking => "harmful_drinking",
        Trait.Lonely => "lonely",
        Trait.PoorWellbeing => "poor_wellbeing",
        Trait.Carer => "carer",
        Trait.LearningDisability => "learning_disability",
        Trait.Autism => "autism",
        Trait.Veteran => "veteran",
        Trait.CareLeaver => "care_leaver",
        Trait.DomesticAbuse => "domestic_abuse",
        Trait.InclusionHealth => "inclusion_health",
        Trait.Hypertension => "hypertension",
        Trait.Diabetes => "diabetes",
        Trait.Copd => "copd",
        Trait.Smi => "smi",
        Trait.Cancer => "cancer",
        Trait.Depression => "depression",
        Trait.Asthma => "asthma",
        Trait.Epilepsy => "epilepsy",
        Trait.ToothDecay => "tooth_decay",
        Trait.CypMentalHealth => "cyp_mental_health",
        Trait.LookedAfter => "looked_after",
        Trait.Pregnant => "pregnant",
        _ => throw new ArgumentOutOfRangeException(nameof(trait), trait, null),
    };

    public static string Label(this Trait trait) => trait switch
    {
        Trait.LowIncome => "Low income (income deprived)",
        Trait.Unemployed => "Out of work involuntarily (employment deprived)",
        Trait.Debt => "Problem debt",
        Trait.PoorHousing => "Poor housing (non-decent home)",
        Trait.Homeless => "Experiencing homelessness",
        Trait.EthnicMinority => "Ethnic minority community",
        Trait.Smoker => "Smokes",
        Trait.ExcessWeight => "Overweight or obese",
        Trait.Inactive => "Physically inactive",
        Trait.HarmfulDrinking => "Drinks above low-risk guidelines",
        Trait.Lonely => "Lonely often or always",
        Trait.PoorWellbeing => "Low life satisfaction (0–4)",
        Trait.Carer => "Unpaid carer",
        Trait.LearningDisability => "Learning disability",
        Trait.Autism => "Autistic",
        Trait.Veteran => "Armed forces veteran",
        Trait.CareLeaver => "Care leaver",
        Trait.DomesticAbuse => "Victim of domestic abuse",
        Trait.InclusionHealth => "Other inclusion health group",
        Trait.Hypertension => "Hypertension",
        Trait.Diabetes => "Diabetes",
        Trait.Copd => "COPD",
        Trait.Smi => "Severe mental illness",
        Trait.Cancer => "Cancer",
        Trait.Depression => "Depression",
        Trait.Asthma => "Asthma",
        Trait.Epilepsy => "Epilepsy",
        Trait.ToothDecay => "Tooth decay (child)",
        Trait.CypMentalHealth => "Mental health need (child or young person)",
        Trait.LookedAfter => "Looked-after child",
        Trait.Pregnant => "Pregnant",
        _ => throw new ArgumentOutOfRangeException(nameof(trait), trait, null),
    };

    public static TraitGroup Group(this Trait trait) => trait switch
    {
        Trait.Smoker or Trait.ExcessWeight or Trait.Inactive or Trait.HarmfulDrinking => TraitGroup.Behaviour,
        Trait.LowIncome or Trait.Unemployed or Trait.Debt or Trait.PoorHousing or Trait.Lonely or Trait.PoorWellbeing => TraitGroup.SocioEconomic,
        Trait.Hypertension or Trait.Diabetes or Trait.Copd or Trait.Smi or Trait.Cancer or Trait.Depression => TraitGroup.AdultClinical,
        Trait.Asthma or Trait.Epilepsy or Trait.ToothDecay or Trait.CypMentalHealth => TraitGroup.ChildClinical,
        Trait.Pregnant => TraitGroup.Maternity,
        _ => TraitGroup.Plus,
    };

    public static Trait? Find(string name) => All.Cast<Trait?>().FirstOrDefault(t => string.Equals(t!.Value.Name(), name, StringComparison.OrdinalIgnoreCase));
}
