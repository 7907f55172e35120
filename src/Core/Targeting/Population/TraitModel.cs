using Commonweal.Core.Places;

namespace Commonweal.Core.Targeting.Population;

/// <summary>
/// How likely a person is to have a trait, on the logistic scale: an age curve (log-odds at given ages, straight lines
/// between them, flat beyond the ends), a term for men, a term per standard deviation of the LSOA's score on one
/// deprivation domain (among the ICS's LSOAs), and terms for traits drawn before it. The intercept is not here: it is
/// whatever makes the published figure come out (<see cref="PopulationGenerator"/> picks the people with the highest
/// latent value, which is solving for the intercept on the people actually drawn).
/// </summary>
/// <param name="MinAge">Youngest age that can have the trait.</param>
/// <param name="MaxAge">Oldest age that can have the trait.</param>
/// <param name="Prior">The rate used where no published figure is in the store, among people aged <paramref name="MinAge"/>–<paramref name="MaxAge"/>.</param>
/// <param name="PriorSource">Where the prior comes from.</param>
/// <param name="Household">Drawn for whole households (all members have it or none): housing, homelessness, ethnicity.</param>
public sealed record TraitModel(
    Trait Trait,
    int MinAge,
    int MaxAge,
    double Prior,
    string PriorSource,
    IReadOnlyList<(int Age, double LogOdds)> AgeCurve,
    double Male = 0,
    DeprivationDomain? Domain = null,
    double DomainLogOdds = 0,
    IReadOnlyList<(Trait Trait, double LogOdds)>? Links = null,
    Sex? OnlySex = null,
    bool Household = false)
{
    public bool Eligible(int age, Sex sex) => age >= MinAge && age <= MaxAge && (OnlySex is null || OnlySex == sex);

    /// <summary>The age curve at an age.</summary>
    public double AgeLogOdds(int age)
    {
        var curve = AgeCurve;
        if (curve.Count == 0) return 0;
        if (age <= curve[0].Age) return curve[0].LogOdds;
        for (var k = 1; k < curve.Count; k++)
        {
            if (age > curve[k].Age) continue;
            var (a0, l0) = curve[k - 1];
            var (a1, l1) = curve[k];
            return l0 + (l1 - l0) * (age - a0) / (a1 - a0);
        }

        return curve[^1].LogOdds;
    }

    /// <summary>The linear predictor without its intercept: age, sex, the LSOA's domain z-score and the person's earlier traits.</summary>
    public double LogOdds(int age, Sex sex, ReadOnlySpan<double> domainZ, ulong traits)
    {
        var value = AgeLogOdds(age) + (sex == Sex.Male ? Male : 0);
        if (Domain is { } domain) value += DomainLogOdds * domainZ[(int)domain];
        if (Links is not null)
        {
            foreach (var (trait, logOdds) in Links)
                if (traits.Has(trait)) value += logOdds;
        }

        return value;
    }
}
