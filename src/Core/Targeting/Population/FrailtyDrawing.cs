using Commonweal.Core.Places;

namespace Commonweal.Core.Targeting.Population;

/// <summary>
/// Pass 4 of <see cref="PopulationGenerator"/>: the eFI deficits of people aged 50 and over. Each has a latent frailty
/// f = <see cref="AgeSlope"/> × (age − 75)/10 + <see cref="Spread"/> × z + <see cref="HealthLean"/> × the LSOA's health
/// deprivation z-score (z standard normal); a deficit with base prevalence p (at f = 0) is present with probability
/// logistic(logit p + f). Deficits that are conditions follow the traits (hypertension, diabetes, COPD or asthma for
/// respiratory disease); social vulnerability follows loneliness, homelessness or living alone at 65+; polypharmacy
/// (five or more medicines) most people with four or more conditions and deficits. The parameters were tuned so that
/// people 65+ come out near the frailtytoolkit's shares: fit 50 %, mild 35 %, moderate 12 %, severe 3 %.
/// </summary>
internal static class FrailtyDrawing
{
    public const double AgeSlope = 0.55;
    public const double Spread = 0.85;
    public const double HealthLean = 0.25;
    public const int FromAge = 50;

    /// <summary>Base prevalence at latent frailty 0 (about age 75) of the deficits drawn from frailty alone.</summary>
    private static readonly (EfiDeficit Deficit, double Prevalence)[] Base =
    [
        (EfiDeficit.ActivityLimitation, 0.10), (EfiDeficit.Anaemia, 0.12), (EfiDeficit.Arthritis, 0.42), (EfiDeficit.AtrialFibrillation, 0.08),
        (EfiDeficit.CerebrovascularDisease, 0.07), (EfiDeficit.ChronicKidneyDisease, 0.14), (EfiDeficit.Dizziness, 0.10), (EfiDeficit.Dyspnoea, 0.10),
        (EfiDeficit.Falls, 0.10), (EfiDeficit.FootProblems, 0.14), (EfiDeficit.FragilityFracture, 0.05), (EfiDeficit.HearingImpairment, 0.26),
        (EfiDeficit.HeartFailure, 0.03), (EfiDeficit.HeartValveDisease, 0.04), (EfiDeficit.Housebound, 0.03), (EfiDeficit.Hypotension, 0.05),
        (EfiDeficit.IschaemicHeartDisease, 0.13), (EfiDeficit.MemoryAndCognitiveProblems, 0.07), (EfiDeficit.MobilityProblems, 0.07),
        (EfiDeficit.Osteoporosis, 0.07), (EfiDeficit.Parkinsonism, 0.03), (EfiDeficit.PepticUlcer, 0.05), (EfiDeficit.PeripheralVascularDisease, 0.03),
        (EfiDeficit.RequirementForCare, 0.03), (EfiDeficit.SkinUlcer, 0.03), (EfiDeficit.SleepDisturbance, 0.08), (EfiDeficit.ThyroidDisease, 0.09),
        (EfiDeficit.UrinaryIncontinence, 0.09), (EfiDeficit.UrinarySystemDisease, 0.11), (EfiDeficit.VisualImpairment, 0.18),
        (EfiDeficit.WeightLossAndAnorexia, 0.03),
    ];

    private static readonly double[] BaseLogit = [.. Base.Select(b => Math.Log(b.Prevalence / (1 - b.Prevalence)))];

    public static void Draw(SyntheticPopulation population, ulong seed)
    {
        Parallel.For(0, population.Lsoas.Count, l =>
        {
            var lsoa = population.Lsoas[l];
            var draws = Draws.ForLsoa(seed, lsoa.Code.Value, lsoa.Copy);
            var start = population.Offsets[l];
            var end = population.Offsets[l + 1];
            var sizes = population.HouseholdSizes(l);
            for (var i = start; i < end; i++)
            {
                var age = population.Ages[i];
                if (age < FromAge) continue;
                var index = i - start;
                population.Deficits[i] = Deficits(age, population.Traits[i], sizes[population.Households[i]] == 1, lsoa.DomainZ[(int)DeprivationDomain.Health], draws, index);
            }
        });
    }

    private static ulong Deficits(int age, ulong traits, bool livesAlone, double healthZ, Draws draws, int index)
    {
        var normal = Math.Sqrt(-2 * Math.Log(draws.Uniform(index, Streams.FrailtyA))) * Math.Cos(2 * Math.PI * draws.Uniform(index, Streams.FrailtyB));
        var frailty = AgeSlope * (age - 75) / 10.0 + Spread * normal + HealthLean * healthZ;
        var deficits = 0UL;
        for (var d = 0; d < Base.Length; d++)
        {
            var p = 1 / (1 + Math.Exp(-(BaseLogit[d] + frailty)));
            if (draws.Uniform(index, Streams.Deficit(Base[d].Deficit)) < p) deficits |= Base[d].Deficit.Bit();
        }

        if (traits.Has(Trait.Hypertension)) deficits |= EfiDeficit.Hypertension.Bit();
        if (traits.Has(Trait.Diabetes)) deficits |= EfiDeficit.Diabetes.Bit();
        if (traits.Has(Trait.Copd) || traits.Has(Trait.Asthma)
            || draws.Uniform(index, Streams.OtherRespiratory) < 1 / (1 + Math.Exp(-(Math.Log(0.04 / 0.96) + frailty))))
            deficits |= EfiDeficit.RespiratoryDisease.Bit();
        if (traits.Has(Trait.Lonely) || traits.Has(Trait.Homeless) || (livesAlone && age >= 65 && draws.Uniform(index, Streams.SocialVulnerability) < 0.3))
            deficits |= EfiDeficit.SocialVulnerability.Bit();
        var conditions = System.Numerics.BitOperations.PopCount(deficits)
            + (traits.Has(Trait.Cancer) ? 1 : 0) + (traits.Has(Trait.Depression) ? 1 : 0) + (traits.Has(Trait.Smi) ? 1 : 0);
        if (conditions >= 4 && draws.Uniform(index, Streams.Polypharmacy) < 0.75) deficits |= EfiDeficit.Polypharmacy.Bit();
        return deficits;
    }
}
