using Commonweal.Core.Places;

namespace Commonweal.Core.Targeting.Population;

/// <summary>
/// The model of each trait (docs/methods/synthetic-population.md lists them with their sources). The age curves and
/// gradients are round numbers read off published age and deprivation profiles (Health Survey for England, QOF by age,
/// APS, Census 2021); the levels are then set by calibration to the published figures in the store, or by the prior
/// where the store has none. They shape who has a trait, not how many do.
/// </summary>
public static class TraitModels
{
    private static (int, double)[] Curve(params (int, double)[] points) => points;

    public static readonly IReadOnlyList<TraitModel> All =
    [
        new(Trait.LowIncome, 0, 120, 0.12, "IoD2025 income domain: the share of the LSOA's people who are income deprived (set per LSOA where the store has the scores)",
            Curve((0, 0.35), (18, 0), (30, 0.1), (60, -0.1), (75, 0.15)), Domain: DeprivationDomain.Income, DomainLogOdds: 0.2),
        new(Trait.Unemployed, 18, 64, 0.09, "IoD2025 employment domain: the share of working-age people involuntarily out of work (set per LSOA where the store has the scores)",
            Curve((18, 0.2), (35, -0.1), (55, 0.2), (64, 0.4)), Male: 0.1, Domain: DeprivationDomain.Employment, DomainLogOdds: 0.2,
            Links: [(Trait.LowIncome, 1.8)]),
        new(Trait.Debt, 18, 120, 0.09, "FCA Financial Lives 2022: about 9 % of adults in financial difficulty (missed bills or credit payments)",
            Curve((18, 0.3), (30, 0.4), (50, 0.1), (70, -0.9), (90, -1.5)), Domain: DeprivationDomain.Income, DomainLogOdds: 0.35,
            Links: [(Trait.LowIncome, 1.4), (Trait.Unemployed, 0.6)]),
        new(Trait.PoorHousing, 0, 120, 0.10, "English Housing Survey 2022-23: about 1 in 7 homes non-decent; a tenth of people in a home with a serious hazard",
            Curve((0, 0), (80, 0.3)), Domain: DeprivationDomain.LivingEnvironment, DomainLogOdds: 0.55, Links: [(Trait.LowIncome, 0.6)], Household: true),
        new(Trait.Homeless, 0, 120, 0.0055, "Shelter 2023: 1 in 182 people in England homeless (mostly in temporary accommodation)",
            Curve((0, 0.2), (18, 0), (40, 0), (70, -1.2)), Domain: DeprivationDomain.Barriers, DomainLogOdds: 0.5, Links: [(Trait.LowIncome, 1.2)], Household: true),
        new(Trait.EthnicMinority, 0, 120, 0.10, "Census 2021: ethnic groups other than White (19 % in England; about 1 in 10 in Mid and South Essex)",
            Curve((0, 0.3), (40, 0), (70, -0.9)), Domain: DeprivationDomain.Barriers, DomainLogOdds: 0.3, Household: true),
        new(Trait.Smoker, 15, 120, 0.13, "OHID Fingertips 91547: QOF smoking prevalence, 15+ (England 2022-23 about 14 %)",
            Curve((15, -0.8), (20, 0.1), (30, 0.35), (45, 0.2), (60, -0.1), (75, -0.9), (90, -1.8)), Male: 0.25,
            Domain: DeprivationDomain.Income, DomainLogOdds: 0.45, Links: [(Trait.Unemployed, 0.5)]),
        new(Trait.ExcessWeight, 18, 120, 0.64, "OHID Fingertips (district profiles): overweight including obesity, adults 18+ (England 2022-23 64 %)",
            Curve((18, -1.1), (30, -0.2), (45, 0.3), (60, 0.55), (75, 0.45), (90, -0.4)), Male: 0.35,
            Domain: DeprivationDomain.Health, DomainLogOdds: 0.2),
        new(Trait.Inactive, 19, 120, 0.22, "OHID Fingertips (district profiles): physically inactive adults 19+ (England 2022-23 22 %)",
            Curve((19, -0.6), (40, -0.4), (60, 0), (75, 0.7), (90, 1.6)), Male: -0.1,
            Domain: DeprivationDomain.Income, DomainLogOdds: 0.35, Links: [(Trait.ExcessWeight, 0.3)]),
        new(Trait.HarmfulDrinking, 18, 120, 0.21, "Health Survey for England 2021: about 21 % of adults drink more than 14 units a week",
            Curve((18, -0.1), (45, 0.2), (65, 0.2), (80, -0.6)), Male: 0.8, Domain: DeprivationDomain.Income, DomainLogOdds: -0.1),
        new(Trait.Lonely, 16, 120, 0.07, "DCMS Community Life Survey 2021-22: 7 % of adults lonely often or always",
            Curve((16, 0.4), (30, 0.1), (60, -0.3), (80, 0.3), (95, 0.6)), Domain: DeprivationDomain.Health, DomainLogOdds: 0.3,
            Links: [(Trait.Unemployed, 0.5)]),
        new(Trait.PoorWellbeing, 16, 120, 0.055, "ONS Annual Population Survey 2022-23: about 5.5 % of adults with low life satisfaction (0–4)",
            Curve((16, 0), (50, 0.2), (80, 0)), Domain: DeprivationDomain.Health, DomainLogOdds: 0.4,
            Links: [(Trait.Lonely, 1.6), (Trait.Unemployed, 0.8), (Trait.Debt, 0.8)]),
        new(Trait.Carer, 5, 120, 0.089, "Census 2021: 8.9 % of usual residents aged 5+ in England provide unpaid care",
            Curve((5, -3.2), (16, -1.6), (25, -0.5), (50, 0.6), (65, 0.4), (85, -0.6)), Male: -0.3, Domain: DeprivationDomain.Health, DomainLogOdds: 0.15),
        new(Trait.LearningDisability, 0, 120, 0.0055, "NHS Digital QOF: learning disability register, all ages (England 2022-23 0.6 %)",
            Curve((0, -0.6), (10, 0.2), (30, 0.2), (60, -0.3), (80, -1.3)), Male: 0.4, Domain: DeprivationDomain.Income, DomainLogOdds: 0.3),
        new(Trait.Autism, 0, 120, 0.011, "NHS England: about 1 in 100 people are autistic",
            Curve((0, -1.0), (8, 0.5), (20, 0.3), (50, -0.6), (80, -1.3)), Male: 1.2),
        new(Trait.Veteran, 18, 120, 0.038, "Census 2021: 3.8 % of usual residents aged 16+ in England and Wales previously served in the UK armed forces",
            Curve((18, -3.0), (30, -1.2), (60, 0), (80, 0.9)), Male: 2.5),
        new(Trait.CareLeaver, 18, 25, 0.01, "DfE Children looked after 2023: about 1 in 100 young adults 18–25 left care",
            [], Domain: DeprivationDomain.Income, DomainLogOdds: 0.5),
        new(Trait.DomesticAbuse, 16, 120, 0.048, "ONS Crime Survey for England and Wales, year ending March 2023: 4.8 % of people 16+ experienced domestic abuse",
            Curve((16, 0.4), (25, 0.4), (45, 0), (60, -0.6), (75, -1.2)), Male: -0.8, Domain: DeprivationDomain.Income, DomainLogOdds: 0.3),
        new(Trait.InclusionHealth, 18, 120, 0.01, "NHS England inclusion health groups (drug dependence, Gypsy, Roma and Traveller communities, vulnerable migrants, sex workers, people in contact with the justice system): about 1 %",
            Curve((18, 0.2), (40, 0.2), (65, -1.0)), Male: 0.6, Domain: DeprivationDomain.Income, DomainLogOdds: 0.6, Links: [(Trait.Homeless, 2.0)]),
        new(Trait.Hypertension, 18, 120, 0.14, "NHS Digital QOF: hypertension register, all ages list (England 2022-23 14.4 %)",
            Curve((18, -5.0), (30, -3.6), (45, -2.0), (60, -0.6), (75, 0.5), (90, 0.9)), Male: 0.2,
            Domain: DeprivationDomain.Health, DomainLogOdds: 0.15, Links: [(Trait.ExcessWeight, 0.7)]),
        new(Trait.Diabetes, 0, 120, 0.075, "NHS Digital QOF: diabetes register 17+, all ages list (England 2022-23 7.5 %)",
            Curve((0, -5.5), (16, -4.8), (30, -3.2), (50, -1.5), (70, -0.4), (85, -0.5)), Male: 0.35,
            Domain: DeprivationDomain.Income, DomainLogOdds: 0.35, Links: [(Trait.ExcessWeight, 1.0)]),
        new(Trait.Copd, 35, 120, 0.019, "NHS Digital QOF: COPD register, all ages list (England 2022-23 1.9 %)",
            Curve((35, -4.0), (50, -2.5), (65, -1.2), (80, -0.6)), Male: 0.1,
            Domain: DeprivationDomain.Income, DomainLogOdds: 0.5, Links: [(Trait.Smoker, 1.5)]),
        new(Trait.Smi, 16, 120, 0.0095, "NHS Digital QOF: mental health (SMI) register, all ages list (England 2022-23 0.95 %)",
            Curve((16, -0.8), (35, 0), (55, 0), (80, -0.7)), Male: 0.1, Domain: DeprivationDomain.Income, DomainLogOdds: 0.6),
        new(Trait.Cancer, 0, 120, 0.035, "NHS Digital QOF: cancer register (diagnosed since 2003), all ages list (England 2022-23 3.5 %)",
            Curve((0, -7.0), (30, -5.0), (50, -3.0), (65, -1.8), (80, -1.1)), Male: -0.1, Links: [(Trait.Smoker, 0.3)]),
        new(Trait.Depression, 18, 120, 0.132, "NHS Digital QOF: depression register 18+ (England 2022-23 13.2 %)",
            Curve((18, 0.1), (35, 0.1), (55, 0), (75, -0.5)), Male: -0.6, Domain: DeprivationDomain.Income, DomainLogOdds: 0.3,
            Links: [(Trait.Lonely, 0.8), (Trait.PoorWellbeing, 1.0), (Trait.DomesticAbuse, 0.8)]),
        new(Trait.Asthma, 6, 120, 0.065, "NHS Digital QOF: asthma register 6+, all ages list (England 2022-23 6.5 %)",
            Curve((6, 0.2), (15, 0.3), (40, 0), (70, 0.1)), Male: -0.2, Domain: DeprivationDomain.Income, DomainLogOdds: 0.2,
            Links: [(Trait.Smoker, 0.3)]),
        new(Trait.Epilepsy, 0, 120, 0.008, "NHS Digital QOF: epilepsy register 18+ (England 2022-23 0.8 %; children have it too, for the CYP clinical area)",
            [], Domain: DeprivationDomain.Income, DomainLogOdds: 0.3, Links: [(Trait.LearningDisability, 2.5)]),
        new(Trait.ToothDecay, 3, 9, 0.237, "OHID National Dental Epidemiology Programme 2022: 23.7 % of 5-year-olds with visually obvious decay",
            [], Domain: DeprivationDomain.Income, DomainLogOdds: 0.6),
        new(Trait.CypMentalHealth, 5, 17, 0.20, "NHS England, Mental Health of Children and Young People 2023: 20.3 % of 8–16-year-olds with a probable mental disorder",
            Curve((5, -0.7), (11, 0), (17, 0.4)), Domain: DeprivationDomain.Income, DomainLogOdds: 0.3),
        new(Trait.LookedAfter, 0, 17, 0.007, "DfE Children looked after in England 2023: 71 per 10,000 children",
            Curve((0, -0.5), (10, 0), (16, 0.5)), Domain: DeprivationDomain.Income, DomainLogOdds: 0.8),
        new(Trait.Pregnant, 16, 45, 0.045, "ONS Conceptions in England and Wales 2021: 71.6 per 1,000 women 15–44 a year; about 4.5 % pregnant at a time",
            Curve((16, -1.6), (20, -0.5), (25, 0.1), (31, 0.35), (36, 0), (40, -1.0), (45, -3.0)), OnlySex: Sex.Female),
    ];

    public static TraitModel For(Trait trait) => All[(int)trait];
}
