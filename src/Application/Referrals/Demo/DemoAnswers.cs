using Commonweal.Core.Places;
using Commonweal.Core.Referrals;
using Commonweal.Core.Targeting.Population;

namespace Commonweal.Application.Referrals.Demo;

/// <summary>
/// A referred person's holistic assessment, answered as their characteristics say: a smoker smokes (most of those referred
/// want to stop), excess weight gives a BMI of 25 or more (over half of it obese), inactivity 0 or 1 active days, harmful
/// drinking more than 14 units, low income struggling or just about managing, debt worry or arrears, unemployment looking
/// for work (or kept out of it by health), homelessness and poor housing their answers, loneliness often, caring yes, two or
/// more conditions "several", frailty from the eFI deficits (needing care, a fall, mobility), and ONS4 low for poor
/// wellbeing; people without a characteristic answer as most people do. Weight and ONS4 are sometimes left out, as
/// people do. Every set passes <see cref="HolisticAssessment.Check"/>.
/// </summary>
internal static class DemoAnswers
{
    private static readonly string[] NotLonely = ["some-of-the-time", "occasionally", "hardly-ever", "never"];

    public static Dictionary<string, AssessmentValue> For(DemoPerson person, Random random)
    {
        bool Chance(double p) => random.NextDouble() < p;
        int Between(int low, int high) => random.Next(low, high + 1);
        var answers = new Dictionary<string, AssessmentValue>(StringComparer.Ordinal)
        {
            ["smoking"] = AssessmentValue.OfCode(person.Has(Trait.Smoker) ? Chance(0.65) ? "yes-want-to-quit" : "yes-not-now" : Chance(person.Age >= 40 ? 0.35 : 0.15) ? "ex" : "never"),
            ["activity-days"] = AssessmentValue.Of(person.Has(Trait.Inactive) ? Between(0, 1) : Chance(0.6) ? Between(5, 7) : Between(2, 4)),
            ["alcohol-units"] = AssessmentValue.Of(person.Has(Trait.HarmfulDrinking) ? Chance(0.3) ? Between(36, 70) : Between(15, 35) : Chance(0.3) ? 0 : Between(1, 14)),
            ["money"] = AssessmentValue.OfCode(person.Has(Trait.LowIncome) ? Chance(0.7) ? "struggling" : "just-about" : Chance(0.25) ? "just-about" : "managing"),
            ["debt"] = AssessmentValue.OfCode(person.Has(Trait.Debt) ? Chance(0.5) ? "behind-on-bills" : "worried" : person.Has(Trait.LowIncome) && Chance(0.2) ? "worried" : "none"),
            ["employment"] = AssessmentValue.OfCode(Work(person, random)),
            ["housing"] = AssessmentValue.OfCode(person.Has(Trait.Homeless) ? Chance(0.4) ? "homeless" : "at-risk" : person.Has(Trait.PoorHousing) && Chance(0.3) ? "worried" : "settled"),
            ["loneliness"] = AssessmentValue.OfCode(person.Has(Trait.Lonely) ? "often-always" : NotLonely[random.Next(NotLonely.Length)]),
            ["caring"] = AssessmentValue.Of(person.Has(Trait.Carer)),
            ["long-term-conditions"] = AssessmentValue.OfCode(person.Conditions switch { 0 => "none", 1 => Chance(0.75) ? "one-coping" : "struggling", _ => "several" }),
            ["frailty"] = AssessmentValue.OfCode(
                person.HasDeficit(EfiDeficit.RequirementForCare) ? "need-help"
                : person.HasDeficit(EfiDeficit.Falls) ? "fallen"
                : person.HasDeficit(EfiDeficit.MobilityProblems) || person.HasDeficit(EfiDeficit.ActivityLimitation) ? "slowing-down"
                : "none"),
            ["home-environment"] = AssessmentValue.OfCode(person.Has(Trait.Homeless) ? "unsafe" : person.Has(Trait.PoorHousing) ? Chance(0.75) ? "cold-or-damp" : "unsafe" : "fine"),
        };

        if (Chance(0.9))
        {
            var height = Math.Round((decimal)Normal(random, person.Sex == Sex.Male ? 176 : 162, person.Sex == Sex.Male ? 7 : 6.5));
            var bmi = person.Has(Trait.ExcessWeight) ? Chance(0.55) ? 30.5 + (12 * random.NextDouble()) : 25.5 + (4 * random.NextDouble()) : 19 + (5.5 * random.NextDouble());
            answers["height-cm"] = AssessmentValue.Of(height);
            answers["weight-kg"] = AssessmentValue.Of(Math.Round((decimal)bmi * height * height / 10_000m, 1));
        }

        if (Chance(0.85))
        {
            var low = person.Has(Trait.PoorWellbeing);
            var satisfaction = low ? Between(1, 4) : Between(5, 9);
            var anxious = person.Has(Trait.Depression) || person.Has(Trait.Smi) || low ? Between(5, 9) : Between(0, 5);
            answers[Ons4.LifeSatisfactionLinkId] = AssessmentValue.Of(satisfaction);
            answers[Ons4.WorthwhileLinkId] = AssessmentValue.Of(Math.Clamp(satisfaction + Between(-1, 2), 0, 10));
            answers[Ons4.HappyLinkId] = AssessmentValue.Of(Math.Clamp(satisfaction + Between(-2, 1), 0, 10));
            answers[Ons4.AnxiousLinkId] = AssessmentValue.Of(anxious);
        }

        return answers;
    }

    private static string Work(DemoPerson person, Random random)
    {
        if (person.Age >= 66) return "not-looking";
        if (person.Has(Trait.Unemployed)) return person.Conditions > 0 || person.Has(Trait.Smi) ? "health-stops-me" : "looking";
        return random.NextDouble() < 0.75 ? "working" : "not-looking";
    }

    /// <summary>A normal draw (Box–Muller).</summary>
    private static double Normal(Random random, double mean, double sd) =>
        mean + (sd * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
}
