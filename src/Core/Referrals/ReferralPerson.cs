using Commonweal.Core.Places;

namespace Commonweal.Core.Referrals;

/// <summary>
/// The person a referral is about: the NHS number where known, otherwise the demographics identify them. The place, where
/// the referrer gave one (an LSOA, a ward or a district: the most precise known), places them for eligibility and capacity.
/// </summary>
public sealed record ReferralPerson(
    string? NhsNumber,
    string GivenName,
    string FamilyName,
    DateOnly BirthDate,
    string? Gender,
    string? Postcode,
    AreaCode? Place,
    string? Phone,
    string? Email)
{
    /// <summary>Age in whole years on a day (someone born on 29 February is a year older on 1 March in other years).</summary>
    public int AgeOn(DateOnly day)
    {
        var age = day.Year - BirthDate.Year;
        return day.Month < BirthDate.Month || (day.Month == BirthDate.Month && day.Day < BirthDate.Day) ? age - 1 : age;
    }
}
