namespace Commonweal.Core.Targeting;

/// <summary>
/// The cohorts of Core20PLUS5 that Commonweal ships as named definitions (version 1, made by "commonweal"): the places
/// (Core20, the ICS's most deprived 10 %, domain need) and the people (the PLUS groups, the five adult and five children and
/// young people's clinical areas). A user's own definition of the same name is a later version of it.
/// </summary>
public static class BuiltInCohorts
{
    public const string Author = "commonweal";

    private static readonly DateTimeOffset Shipped = new(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<CohortDefinition> All { get; } =
    [
        Place("core20-places", "imd_decile <= 2", "Core20: LSOAs in the most deprived 20 % of England (national IMD deciles 1–2)"),
        Place("local-most-deprived-10", "local_imd_percent <= 10", "The ICS's own most deprived 10 % of LSOAs by the IMD"),
        Place("income-deprived", "income_decile <= 2", "LSOAs in the most income-deprived 20 % of England"),
        Place("health-deprived", "health_decile <= 2", "LSOAs in the 20 % of England with the most health deprivation and disability"),
        Place("living-environment-deprived", "living_environment_decile <= 2", "LSOAs in the 20 % of England with the poorest living environment"),
        Person("core20", "core20", "Core20: people living in the most deprived 20 % of England's LSOAs"),
        Person("ethnic-minority", "ethnic_minority", "PLUS: people of ethnic minority communities"),
        Person("inclusion-health", "inclusion_health or homeless", "PLUS: inclusion health groups, including people experiencing homelessness"),
        Person("learning-disability-autism", "learning_disability or autism", "PLUS: people with a learning disability or autism"),
        Person("carers", "carer", "PLUS: unpaid carers"),
        Person("veterans", "veteran", "PLUS: armed forces veterans"),
        Person("care-leavers", "care_leaver", "PLUS: care leavers"),
        Person("homelessness", "homeless", "PLUS: people experiencing homelessness"),
        Person("domestic-abuse", "domestic_abuse", "PLUS: victims of domestic abuse"),
        Person("maternity", "pregnant", "Adult clinical area 1: maternity (continuity of care for Core20PLUS women)"),
        Person("severe-mental-illness", "smi", "Adult clinical area 2: severe mental illness (annual health checks)"),
        Person("chronic-respiratory", "copd", "Adult clinical area 3: chronic respiratory disease (COPD)"),
        Person("early-cancer-diagnosis", "cancer", "Adult clinical area 4: early cancer diagnosis"),
        Person("hypertension", "hypertension", "Adult clinical area 5: hypertension case-finding"),
        Person("cyp-asthma", "asthma and age < 18", "Children and young people 1: asthma"),
        Person("cyp-diabetes", "diabetes and age < 18", "Children and young people 2: diabetes"),
        Person("cyp-epilepsy", "epilepsy and age < 18", "Children and young people 3: epilepsy"),
        Person("cyp-oral-health", "tooth_decay and age < 18", "Children and young people 4: oral health (tooth decay)"),
        Person("cyp-mental-health", "cyp_mental_health", "Children and young people 5: mental health"),
        Person("first-families", "family and (core20 or low_income)", "Families (a child under 18 or a pregnancy) in Core20 places or on a low income"),
    ];

    private static CohortDefinition Place(string name, string rule, string description) => new(name, 1, CohortSubject.Place, rule, description, Shipped, Author);

    private static CohortDefinition Person(string name, string rule, string description) => new(name, 1, CohortSubject.Person, rule, description, Shipped, Author);
}
