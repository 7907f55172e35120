using Commonweal.Core.Targeting.Population;

namespace Commonweal.Core.Targeting.Risk;

/// <summary>
/// The eight population segments of Bridges to Health (Lynn J et al., "The Bridges to Health Model", Milbank Quarterly
/// 2007;85(2):185–208). Everyone is in exactly one: the first that applies in <see cref="Segments.Of"/>'s order.
/// </summary>
public enum Segment
{
    Healthy,
    MaternalAndInfant,
    AcutelyIll,
    ChronicConditions,
    StableDisability,
    ShortDecline,
    OrganFailure,
    Frailty,
}

public static class Segments
{
    public static readonly IReadOnlyList<Segment> All = Enum.GetValues<Segment>();

    /// <summary>
    /// The segment of a person, testing from the most to the least serious: short period of decline before dying (cancer
    /// with severe frailty, or with weight loss at 65+); long period of decline (65+ and severely frail, or moderately frail
    /// with memory problems); limited reserve and exacerbations (heart failure, or COPD with moderate or severe frailty);
    /// stable but serious disability (learning disability, or needing care under 65); chronic conditions with normal
    /// function (any long-term condition, or mild frailty or worse); maternal and infant health (pregnant, or under 1);
    /// otherwise healthy. Acutely ill needs episode data the population does not hold: nobody is put there from it.
    /// </summary>
    public static Segment Of(int age, ulong traits, ulong deficits)
    {
        var category = Efi.Category(deficits);
        var frailtyAge = age >= FrailtyTest.FromAge;
        if (traits.Has(Trait.Cancer) && ((frailtyAge && category == FrailtyCategory.Severe) || (frailtyAge && Has(deficits, EfiDeficit.WeightLossAndAnorexia))))
            return Segment.ShortDecline;
        if (frailtyAge && (category == FrailtyCategory.Severe || (category == FrailtyCategory.Moderate && Has(deficits, EfiDeficit.MemoryAndCognitiveProblems))))
            return Segment.Frailty;
        if (Has(deficits, EfiDeficit.HeartFailure) || (traits.Has(Trait.Copd) && category >= FrailtyCategory.Moderate))
            return Segment.OrganFailure;
        if (traits.Has(Trait.LearningDisability) || (age < FrailtyTest.FromAge && Has(deficits, EfiDeficit.RequirementForCare)))
            return Segment.StableDisability;
        if ((traits & MultimorbidityTest.Conditions) != 0 || (frailtyAge && category >= FrailtyCategory.Mild))
            return Segment.ChronicConditions;
        if (traits.Has(Trait.Pregnant) || age == 0)
            return Segment.MaternalAndInfant;
        return Segment.Healthy;
    }

    private static bool Has(ulong deficits, EfiDeficit deficit) => (deficits & deficit.Bit()) != 0;

    public static string Label(this Segment segment) => segment switch
    {
        Segment.Healthy => "Healthy",
        Segment.MaternalAndInfant => "Maternal and infant health",
        Segment.AcutelyIll => "Acutely ill (curable)",
        Segment.ChronicConditions => "Chronic conditions, normal function",
        Segment.StableDisability => "Stable but serious disability",
        Segment.ShortDecline => "Short period of decline before dying",
        Segment.OrganFailure => "Limited reserve and exacerbations",
        Segment.Frailty => "Long period of decline (frailty)",
        _ => segment.ToString(),
    };

    /// <summary>The segment's name in rules and files: healthy, maternal_infant, acutely_ill, chronic, disability, short_decline, organ_failure, frailty.</summary>
    public static string Code(this Segment segment) => segment switch
    {
        Segment.Healthy => "healthy",
        Segment.MaternalAndInfant => "maternal_infant",
        Segment.AcutelyIll => "acutely_ill",
        Segment.ChronicConditions => "chronic",
        Segment.StableDisability => "disability",
        Segment.ShortDecline => "short_decline",
        Segment.OrganFailure => "organ_failure",
        Segment.Frailty => "frailty",
        _ => segment.ToString(),
    };
}
