namespace Commonweal.Core.Places;

/// <summary>The Index of Multiple Deprivation and its seven domains, with their IMD weights (IoD2019).</summary>
public enum DeprivationDomain
{
    Imd,
    Income,
    Employment,
    Education,
    Health,
    Crime,
    Barriers,
    LivingEnvironment,
}

public static class DeprivationDomains
{
    public static readonly IReadOnlyList<DeprivationDomain> Seven =
    [
        DeprivationDomain.Income, DeprivationDomain.Employment, DeprivationDomain.Education, DeprivationDomain.Health,
        DeprivationDomain.Crime, DeprivationDomain.Barriers, DeprivationDomain.LivingEnvironment,
    ];

    /// <summary>The name a measure has in rules and files: imd, income, employment, education, health, crime, barriers, living_environment.</summary>
    public static string RuleName(this DeprivationDomain domain) => domain == DeprivationDomain.LivingEnvironment ? "living_environment" : domain.ToString().ToLowerInvariant();

    public static string Label(this DeprivationDomain domain) => domain switch
    {
        DeprivationDomain.Imd => "Index of Multiple Deprivation",
        DeprivationDomain.Income => "Income",
        DeprivationDomain.Employment => "Employment",
        DeprivationDomain.Education => "Education, skills and training",
        DeprivationDomain.Health => "Health deprivation and disability",
        DeprivationDomain.Crime => "Crime",
        DeprivationDomain.Barriers => "Barriers to housing and services",
        DeprivationDomain.LivingEnvironment => "Living environment",
        _ => domain.ToString(),
    };

    /// <summary>Weight of the domain in the IMD (IoD2019 technical report): 22.5/22.5/13.5/13.5/9.3/9.3/9.3 %.</summary>
    public static double ImdWeight(this DeprivationDomain domain) => domain switch
    {
        DeprivationDomain.Income or DeprivationDomain.Employment => 0.225,
        DeprivationDomain.Education or DeprivationDomain.Health => 0.135,
        DeprivationDomain.Crime or DeprivationDomain.Barriers or DeprivationDomain.LivingEnvironment => 0.093,
        _ => 1.0,
    };
}
