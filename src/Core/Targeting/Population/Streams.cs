namespace Commonweal.Core.Targeting.Population;

/// <summary>What each random draw is for (the stream of <see cref="Draws"/>): changing one never changes another's draws.</summary>
internal static class Streams
{
    public const int Age = 1;
    public const int Pregnancy = 2;
    public const int HouseholdOrder = 3;
    public const int SiblingCount = 4;
    public const int ParentAge = 5;
    public const int Couple = 6;
    public const int LivingArrangement = 7;
    public const int PracticeOrder = 8;
    public const int FrailtyA = 9;
    public const int FrailtyB = 10;
    public const int SocialVulnerability = 11;
    public const int Polypharmacy = 12;
    public const int OtherRespiratory = 13;
    public const int LoneParentSex = 14;
    public const int SharedCount = 15;
    /// <summary>The sex of each adult sought to share a home: index = 4 × person + which of up to three.</summary>
    public const int SharedSex = 16;

    /// <summary>The latent noise of a trait.</summary>
    public static int Trait(Trait trait) => 100 + (int)trait;

    /// <summary>The latent noise of a household trait, by household number.</summary>
    public static int HouseholdTrait(Trait trait) => 300 + (int)trait;

    /// <summary>Whether a deficit is present (for the deficits drawn from frailty alone).</summary>
    public static int Deficit(EfiDeficit deficit) => 200 + (int)deficit;
}
