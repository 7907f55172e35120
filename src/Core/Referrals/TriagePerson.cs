using Commonweal.Core.Places;

namespace Commonweal.Core.Referrals;

/// <summary>
/// What triage knows of the person beyond the assessment: age in whole years, every place code they are in (LSOA, ward,
/// district, ICB …, so a service listing any level matches), the cohorts they belong to ("core20", "carers", a PLUS group)
/// and whether NICE's lower BMI thresholds apply (South Asian, Chinese, other Asian, Middle Eastern, Black African or
/// African-Caribbean family background) — taken from the referral, since the assessment does not ask about ethnicity.
/// </summary>
public sealed record TriagePerson(int AgeYears, IReadOnlyCollection<AreaCode> Places, IReadOnlyCollection<string> Cohorts, bool LowerBmiThreshold = false)
{
    /// <summary>The person's places in words, for a sentence.</summary>
    public string PlaceWords => Places.Count == 0 ? "no known place" : string.Join(", ", Places.Select(p => p.Value));

    /// <summary>Whether the person is in the cohort (names compared without regard to case).</summary>
    public bool IsIn(string cohort) => Cohorts.Any(c => string.Equals(c, cohort, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The age and cohort tests rules and services share, so "eligible" means one thing.</summary>
internal static class Eligibility
{
    public static bool AgeFits(int? min, int? max, int age) => (min is null || age >= min) && (max is null || age <= max);

    public static string AgeWords(int? min, int? max) => (min, max) switch
    {
        ({ } a, { } b) => $"{a} to {b}",
        ({ } a, null) => $"{a} and over",
        (null, { } b) => $"up to {b}",
        _ => "any age",
    };

    /// <summary>True when no cohort is named, or the person is in at least one of them.</summary>
    public static bool InCohort(IReadOnlyList<string>? cohorts, TriagePerson person) => cohorts is null || cohorts.Count == 0 || cohorts.Any(person.IsIn);
}
