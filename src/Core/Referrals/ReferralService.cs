using Commonweal.Core.Places;

namespace Commonweal.Core.Referrals;

/// <summary>Whether support is light-touch community support or a professional service.</summary>
public enum SupportTier
{
    Community,
    Professional,
}

/// <summary>What kind of support a service gives; the first three are the community tier.</summary>
public enum SupportKind
{
    Volunteer,
    CommunityAsset,
    Digital,
    Professional,
}

/// <summary>
/// A service people can be routed to: which needs it addresses, where (<paramref name="Areas"/> empty = everywhere; a person
/// is in it when any of their place codes — LSOA, ward, district, ICB … — is listed), for what ages (inclusive) and cohorts
/// (empty = anyone; otherwise the person must be in at least one, e.g. "core20", "carers"), and how many open support lines
/// it can hold at once (<paramref name="Capacity"/>; null = unlimited, e.g. a digital offer). <paramref name="ContractRef"/>
/// and <paramref name="ServiceLine"/> tie it to the contract register.
/// </summary>
public sealed record ReferralService(
    string Code,
    string Name,
    SupportKind Kind,
    IReadOnlyList<Need> Needs,
    IReadOnlyList<AreaCode> Areas,
    int? MinAge,
    int? MaxAge,
    IReadOnlyList<string> Cohorts,
    int? Capacity,
    string? ContractRef,
    string? ServiceLine)
{
    public SupportTier Tier => Kind == SupportKind.Professional ? SupportTier.Professional : SupportTier.Community;

    /// <summary>Name and code, as a sentence names the service: "Specialist weight management (SWM-BAS)".</summary>
    public string Label => $"{Name} ({Code})";

    /// <summary>Where it serves, in words: the area codes, or "everywhere".</summary>
    public string Serves => Areas.Count == 0 ? "everywhere" : string.Join(", ", Areas.Select(a => a.Value));

    public bool Addresses(Need need) => Needs.Contains(need);

    /// <summary>Why the person may not use the service (age, place, cohort — the first that fails), or null when they may.</summary>
    public string? Ineligibility(TriagePerson person)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (!Eligibility.AgeFits(MinAge, MaxAge, person.AgeYears))
            return $"is for ages {Eligibility.AgeWords(MinAge, MaxAge)} and the person is {person.AgeYears}";
        if (Areas.Count > 0 && !person.Places.Any(Areas.Contains))
            return $"serves {Serves}, not {person.PlaceWords}";
        if (!Eligibility.InCohort(Cohorts, person))
            return $"is for people in {string.Join(" or ", Cohorts)}, which the person is not";
        return null;
    }
}
