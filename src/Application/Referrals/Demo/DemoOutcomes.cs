using Commonweal.Core.Referrals;

namespace Commonweal.Application.Referrals.Demo;

/// <summary>
/// The outcome a completed demo case records, in words, by its lead need (the first professional line's, else the first
/// line's) — quit at four weeks or not, the share of weight lost, debt plans, tenancies kept, groups joined — with the
/// ONS4 life satisfaction before and after where the person answered it.
/// </summary>
internal static class DemoOutcomes
{
    public static string Words(Need lead, IReadOnlyDictionary<string, AssessmentValue> answers, Random random)
    {
        bool Chance(double p) => random.NextDouble() < p;
        var main = lead switch
        {
            Need.Smoking => Chance(0.55) ? "Quit at 4 weeks (carbon monoxide confirmed)" : "Not quit at 4 weeks; smoking less, with nicotine replacement",
            Need.Weight => $"Lost {1 + (8 * random.NextDouble()):0.0} % of body weight over 12 weeks",
            Need.PhysicalActivity => $"Now active on {random.Next(3, 6)} days a week",
            Need.Alcohol => $"Drinking down to {random.Next(6, 15)} units a week",
            Need.Money => $"Benefits check done: £{random.Next(8, 60) * 100:N0} a year more income",
            Need.Debt => Chance(0.7) ? "Debt plan agreed with creditors; enforcement paused" : "Debt relief order applied for",
            Need.Employment => Chance(0.4) ? "Back in paid work" : "Started a work placement with support",
            Need.Housing => Chance(0.75) ? "Homelessness prevented: tenancy kept" : "Moved to settled accommodation",
            Need.Loneliness => "Joined a weekly community group; now lonely some of the time",
            Need.Caring => "Carer's assessment done; a break arranged",
            Need.LongTermConditions => "Self-management plan agreed with the practice",
            Need.Frailty => "Completed a strength and balance course; no falls since",
            Need.Environment => "Warm-home grant: heating repaired",
            _ => "Completed a course of support and knows where to turn",
        };
        if (answers.TryGetValue(Ons4.LifeSatisfactionLinkId, out var before) && before.Integer is { } score)
            main += $"; life satisfaction {score} → {Math.Min(10, score + random.Next(0, 4))} (ONS4)";
        return main;
    }
}
