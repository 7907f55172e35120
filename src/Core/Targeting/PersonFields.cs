using System.Numerics;
using Commonweal.Core.Places;
using Commonweal.Core.Targeting.Population;
using Commonweal.Core.Targeting.Risk;

namespace Commonweal.Core.Targeting;

/// <summary>
/// What a person rule can ask of a person (docs/methods/cohort-rules.md): age, sex, every characteristic by its name
/// (<c>smoker</c>, <c>diabetes</c>, <c>carer</c>, <c>pregnant</c> …), long-term conditions, the eFI (65+), the risk score, tier
/// and segment, where they live (LSOA, district, Core20, the national decile of the IMD and each domain), their practice,
/// and their household.
/// </summary>
public static class PersonFields
{
    private static readonly DeprivationDomain[] Measures = [DeprivationDomain.Imd, .. DeprivationDomains.Seven];

    public static readonly RuleFields<CaseloadPerson> All = new(
    [
        RuleField.Numeric<CaseloadPerson>("age", "age in whole years (0–100, 100 meaning 100 or over)", p => p.Age),
        RuleField.Word<CaseloadPerson>("sex", "male or female", p => p.Caseload.People.Sexes[p.Index] == (byte)Sex.Male ? "male" : "female"),
        .. Traits.All.Select(t => RuleField.YesNo<CaseloadPerson>(t.Name(), t.Label(), p => p.Traits.Has(t))),
        RuleField.Numeric<CaseloadPerson>("conditions", "how many of the long-term conditions counted for multimorbidity the person has", p => Conditions(p)),
        RuleField.YesNo<CaseloadPerson>("multimorbidity", "two or more long-term conditions", p => Conditions(p) >= 2),
        RuleField.Numeric<CaseloadPerson>("efi_deficits", "eFI deficits present, 0–36 (people aged 65 and over; unknown under 65)", p => Frail(p) ? p.Caseload.Risk.EfiCounts[p.Index] : null),
        RuleField.Numeric<CaseloadPerson>("efi_score", "the eFI: deficits ÷ 36 (65 and over)", p => Frail(p) ? p.Caseload.Risk.EfiCounts[p.Index] / (double)Efi.Deficits : null),
        RuleField.Word<CaseloadPerson>("efi_category", "fit, mild, moderate or severe (65 and over)", p => Frail(p) ? Efi.Category(p.Caseload.Risk.EfiCounts[p.Index]).ToString().ToLowerInvariant() : null),
        RuleField.Numeric<CaseloadPerson>("risk_score", "the risk model's score (the sum of the points of the factors present)", p => p.Caseload.Risk.Scores[p.Index]),
        RuleField.Word<CaseloadPerson>("tier", "the risk tier: low, rising, high, very_high", p => Caseload.TierCode(p.Caseload.Risk.Model.Tiers[p.Caseload.Risk.Tiers[p.Index]])),
        RuleField.Word<CaseloadPerson>("segment", "the Bridges to Health segment: healthy, maternal_infant, acutely_ill, chronic, disability, short_decline, organ_failure, frailty", p => ((Segment)p.Caseload.Risk.Segments[p.Index]).Code()),
        RuleField.YesNo<CaseloadPerson>("core20", "lives in a Core20 LSOA (IMD deciles 1–2)", p => p.Caseload.People.Lsoas[p.Lsoa].Core20),
        .. Measures.Select(m => RuleField.Numeric<CaseloadPerson>(m.RuleName() + "_decile", $"{m.Label()}: the national decile of the person's LSOA (1 = most deprived 10 %)", p => p.Caseload.People.Lsoas[p.Lsoa].DomainDecile[(int)m])),
        RuleField.Word<CaseloadPerson>("lsoa", "the code of the LSOA (2021) the person lives in", p => p.Caseload.People.Lsoas[p.Lsoa].Code.Value),
        RuleField.Word<CaseloadPerson>("district", "the code of the district or unitary authority the person lives in", p => p.Caseload.DistrictOf(p.Lsoa)?.Value),
        RuleField.Word<CaseloadPerson>("practice", "the ODS code of the practice the person is registered with (unknown when none)", p => p.Caseload.People.Practices[p.Index] is >= 0 and var k ? p.Caseload.People.PracticeCodes[k].Value : null),
        RuleField.Numeric<CaseloadPerson>("household_size", "people in the person's household", p => p.Caseload.HouseholdSize[p.Caseload.HouseholdOf[p.Index]]),
        RuleField.Numeric<CaseloadPerson>("household_children", "children under 18 in the person's household", p => p.Caseload.HouseholdChildren[p.Caseload.HouseholdOf[p.Index]]),
        RuleField.YesNo<CaseloadPerson>("family", "lives in a family: a household with a child under 18 or a pregnancy", p => p.Caseload.IsFamily(p.Caseload.HouseholdOf[p.Index])),
    ]);

    private static int Conditions(CaseloadPerson p) => BitOperations.PopCount(p.Traits & MultimorbidityTest.Conditions);

    private static bool Frail(CaseloadPerson p) => p.Age >= FrailtyTest.FromAge;
}
