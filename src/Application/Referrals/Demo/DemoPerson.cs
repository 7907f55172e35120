using Commonweal.Core.Places;
using Commonweal.Core.Referrals;
using Commonweal.Core.Targeting.Population;
using Commonweal.Core.Targeting.Risk;

namespace Commonweal.Application.Referrals.Demo;

/// <summary>
/// A person of the synthetic population who is referred: their age and sex, the LSOA they live in (with its district and
/// deprivation), their characteristics and eFI deficits, the practice they are registered with, and the way in.
/// </summary>
internal sealed record DemoPerson(int Age, Sex Sex, PopulationLsoa Lsoa, AreaCode District, ulong Traits, ulong Deficits, AreaCode? Practice, ReferralRoute Route)
{
    public bool Has(Trait trait) => Traits.Has(trait);

    public bool HasDeficit(EfiDeficit deficit) => (Deficits & deficit.Bit()) != 0;

    public FrailtyCategory Frailty => Efi.Category(Deficits);

    /// <summary>How many long-term conditions of the population's the person has.</summary>
    public int Conditions => DemoPeople.Conditions.Count(Has);
}
