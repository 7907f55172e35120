using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Core.Targeting.Population;

namespace Commonweal.Core.Targeting.Risk;

/// <summary>
/// One factor of a risk model: what it tests about a person, the County Health Rankings group it belongs to, and the
/// points it adds when present. A person's score is the sum of the points of the factors present — its explanation.
/// </summary>
public sealed record RiskFactor(string Code, string Label, HealthFactor Group, double Points, RiskTest Test);

/// <summary>What a risk factor tests.</summary>
public abstract record RiskTest
{
    public abstract bool Applies(SyntheticPopulation population, int person, int lsoa);
}

/// <summary>The person has a trait (a behaviour, a socio-economic circumstance, a condition, a PLUS characteristic).</summary>
public sealed record TraitTest(Trait Trait) : RiskTest
{
    public override bool Applies(SyntheticPopulation population, int person, int lsoa) => population.Traits[person].Has(Trait);
}

/// <summary>The person is 65 or over (the eFI's population) and in the frailty category.</summary>
public sealed record FrailtyTest(FrailtyCategory Category) : RiskTest
{
    public const int FromAge = 65;

    public override bool Applies(SyntheticPopulation population, int person, int lsoa) =>
        population.Ages[person] >= FromAge && Efi.Category(population.Deficits[person]) == Category;
}

/// <summary>The person has at least this many of the long-term conditions (hypertension, diabetes, COPD, SMI, cancer, depression, asthma, epilepsy).</summary>
public sealed record MultimorbidityTest(int AtLeast) : RiskTest
{
    public static readonly ulong Conditions =
        Trait.Hypertension.Bit() | Trait.Diabetes.Bit() | Trait.Copd.Bit() | Trait.Smi.Bit() | Trait.Cancer.Bit() | Trait.Depression.Bit() | Trait.Asthma.Bit() | Trait.Epilepsy.Bit();

    public override bool Applies(SyntheticPopulation population, int person, int lsoa) =>
        System.Numerics.BitOperations.PopCount(population.Traits[person] & Conditions) >= AtLeast;
}

/// <summary>The person lives in an LSOA in the given national deciles of a deprivation domain (IMD deciles 1–2: Core20).</summary>
public sealed record PlaceTest(DeprivationDomain Domain, int MostDecile) : RiskTest
{
    public override bool Applies(SyntheticPopulation population, int person, int lsoa) =>
        population.Lsoas[lsoa].DomainDecile[(int)Domain] is { } decile && decile <= MostDecile;
}
