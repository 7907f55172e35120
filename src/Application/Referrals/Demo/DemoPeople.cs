using Commonweal.Core.Referrals;
using Commonweal.Core.Targeting.Population;
using Commonweal.Core.Targeting.Risk;

namespace Commonweal.Application.Referrals.Demo;

/// <summary>
/// Who the demo refers: adults of the synthetic population drawn without replacement with a weight that rises with their
/// risk factors (e^0.6 for each) and by half again in Core20 places (case-finding where need is greatest), so referrals
/// follow need; and how each comes in — self-referral more often for younger people, a GP system for older people and
/// long-term conditions, the council's case system for debt and housing, the professional form for the rest.
/// </summary>
internal static class DemoPeople
{
    public const int AdultAge = 18;

    /// <summary>The characteristics that bring people to a wellbeing service.</summary>
    public static readonly Trait[] RiskFactors =
    [
        Trait.Smoker, Trait.ExcessWeight, Trait.Inactive, Trait.HarmfulDrinking, Trait.LowIncome, Trait.Unemployed, Trait.Debt,
        Trait.PoorHousing, Trait.Homeless, Trait.Lonely, Trait.PoorWellbeing, Trait.Carer, Trait.Depression, Trait.Smi, Trait.Diabetes, Trait.Copd,
    ];

    /// <summary>The long-term conditions the population holds.</summary>
    public static readonly Trait[] Conditions =
        [Trait.Hypertension, Trait.Diabetes, Trait.Copd, Trait.Smi, Trait.Cancer, Trait.Depression, Trait.Asthma, Trait.Epilepsy];

    public static int Risks(ulong traits, ulong deficits) =>
        RiskFactors.Count(t => traits.Has(t)) + (Efi.Category(deficits) >= FrailtyCategory.Moderate ? 1 : 0);

    /// <summary><paramref name="count"/> adults, by need (Efraimidis–Spirakis weighted sampling: the largest ln(u) ÷ weight), in the population's order.</summary>
    public static List<DemoPerson> Choose(SyntheticPopulation population, int count, Random random)
    {
        var lsoaOf = population.LsoaOf;
        var keys = new List<(double Key, int Person)>(population.Count);
        for (var i = 0; i < population.Count; i++)
        {
            var u = random.NextDouble();
            if (population.Ages[i] < AdultAge) continue;
            var weight = Math.Exp(0.6 * Risks(population.Traits[i], population.Deficits[i])) * (population.Lsoas[lsoaOf[i]].Core20 ? 1.5 : 1.0);
            keys.Add((Math.Log(Math.Max(u, double.Epsilon)) / weight, i));
        }

        return [.. keys.OrderByDescending(k => k.Key).ThenBy(k => k.Person).Take(count).Select(k => k.Person).Order().Select(i => Person(population, i, lsoaOf[i], random))];
    }

    private static DemoPerson Person(SyntheticPopulation population, int i, int lsoa, Random random)
    {
        var (traits, age) = (population.Traits[i], population.Ages[i]);
        var self = age < 40 ? 0.3 : age >= 75 ? 0.05 : 0.18;
        var gp = 0.35 + (age >= 65 ? 0.15 : 0) + (Conditions.Count(t => traits.Has(t)) >= 2 ? 0.1 : 0);
        var council = traits.Has(Trait.Debt) || traits.Has(Trait.Homeless) || traits.Has(Trait.PoorHousing) ? 0.15 : 0.04;
        var r = random.NextDouble();
        var route = r < self ? ReferralRoute.SelfReferral : r < self + gp + council ? ReferralRoute.Fhir : ReferralRoute.Professional;
        var practice = population.Practices[i] is >= 0 and var p ? population.PracticeCodes[p] : (Core.Places.AreaCode?)null;
        var place = population.Lsoas[lsoa];
        return new DemoPerson(age, population.SexOf(i), place, population.Districts[place.District], traits, population.Deficits[i], practice, route);
    }
}
