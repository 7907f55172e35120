namespace Commonweal.Core.Targeting;

/// <summary>What a cohort's rule is about: LSOAs (place rules) or people (person rules).</summary>
public enum CohortSubject
{
    Place,
    Person,
}

/// <summary>
/// A named, versioned cohort: a rule over places or people that indicators, allocation and referrals can use by name.
/// A change is a new version; earlier versions stay, so what a cohort meant at any time can be read back.
/// </summary>
public sealed record CohortDefinition(string Name, int Version, CohortSubject Subject, string Rule, string Description, DateTimeOffset CreatedAt, string CreatedBy);
