namespace Commonweal.Core.Referrals;

/// <summary>
/// A routing rule, as configured: a finding of <paramref name="Need"/> at <paramref name="AtLeast"/> or above, for a person of
/// the ages (inclusive) and in one of the <paramref name="Cohorts"/> (null or empty = anyone), goes to <paramref name="Tier"/>;
/// <paramref name="Explanation"/> is the sentence the decision shows. Which rule wins when several match:
/// <see cref="TriageRules.InOrder"/>.
/// </summary>
public sealed record TriageRule(
    string Id,
    Need Need,
    NeedLevel AtLeast,
    SupportTier Tier,
    string Explanation,
    int? MinAge = null,
    int? MaxAge = null,
    IReadOnlyList<string>? Cohorts = null)
{
    /// <summary>How many conditions on the person the rule has (age, cohort): more is more specific.</summary>
    public int Conditions => (MinAge is not null || MaxAge is not null ? 1 : 0) + (Cohorts is { Count: > 0 } ? 1 : 0);

    public bool Applies(NeedFinding finding, TriagePerson person)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(person);
        return finding.Need == Need && finding.Level >= AtLeast && Eligibility.AgeFits(MinAge, MaxAge, person.AgeYears) && Eligibility.InCohort(Cohorts, person);
    }
}
