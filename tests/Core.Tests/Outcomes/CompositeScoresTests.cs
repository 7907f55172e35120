using Commonweal.Core.Indicators;
using Commonweal.Core.Outcomes;
using Commonweal.Core.Places;
using Commonweal.Core.Statistics;

namespace Commonweal.Core.Tests.Outcomes;

/// <summary>The composite of docs/methods/composite-z-scores.md, on its worked example.</summary>
public sealed class CompositeScoresTests
{
    private static readonly AreaCode A = AreaCode.Parse("E07000066");
    private static readonly AreaCode B = AreaCode.Parse("E07000067");
    private static readonly AreaCode C = AreaCode.Parse("E07000068");

    private static CompositeMeasure Measure(int id, HealthFactor group, Polarity polarity, double a, double b, double? c) => new(
        new IndicatorId(id), $"Measure {id}", "2023/24", group, polarity,
        c is { } vc ? new Dictionary<AreaCode, double> { [A] = a, [B] = b, [C] = vc } : new Dictionary<AreaCode, double> { [A] = a, [B] = b });

    [Fact]
    public void The_worked_example_standardises_turns_low_is_good_and_weights_the_groups()
    {
        // Smoking (low is good) 20, 15, 10: mean 15, sd 5 → z +1 −0 … turned: −1, 0, +1.
        // Employment (high is good) 70, 75, 80: z −1, 0, +1. Life expectancy (high is good) 80, 82, 81: mean 81, sd 1 → −1, +1, 0.
        var result = CompositeScores.Of([A, B, C],
        [
            Measure(1, HealthFactor.HealthBehaviours, Polarity.LowIsGood, 20, 15, 10),
            Measure(2, HealthFactor.SocialAndEconomicFactors, Polarity.HighIsGood, 70, 75, 80),
            Measure(3, HealthFactor.LengthOfLife, Polarity.HighIsGood, 80, 82, 81),
        ]);

        var a = result.Places.Single(p => p.Place == A);
        var c = result.Places.Single(p => p.Place == C);
        Assert.Equal(-1, a.Groups[HealthFactor.HealthBehaviours], 12);
        // Factors: (0.3 × −1 + 0.4 × −1) / (0.3 + 0.4) = −1 for A; +1 for C.
        Assert.Equal(-1, a.Factors!.Value, 12);
        Assert.Equal(1, c.Factors!.Value, 12);
        Assert.Equal((3, 1), (a.FactorsRank, c.FactorsRank));
        Assert.Equal(1, result.Places.Single(p => p.Place == B).OutcomesRank);
        Assert.Equal(3, result.Measures.Count);
    }

    [Fact]
    public void Groups_are_weighted_30_40_20_10_over_the_groups_a_place_has()
    {
        var result = CompositeScores.Of([A, B, C],
        [
            Measure(1, HealthFactor.HealthBehaviours, Polarity.HighIsGood, 1, 2, 3),     // z −1, 0, +1
            Measure(2, HealthFactor.PhysicalEnvironment, Polarity.HighIsGood, 3, 2, 1),  // z +1, 0, −1
        ]);

        // A: (0.3 × −1 + 0.1 × +1) / 0.4 = −0.5.
        Assert.Equal(-0.5, result.Places.Single(p => p.Place == A).Factors!.Value, 12);
        Assert.Null(result.Places.Single(p => p.Place == A).Outcomes);
    }

    [Fact]
    public void Measures_without_a_judgement_with_too_few_places_or_no_spread_are_left_out_with_the_reason()
    {
        var result = CompositeScores.Of([A, B, C],
        [
            Measure(1, HealthFactor.ClinicalCare, Polarity.NoJudgement, 1, 2, 3),
            Measure(2, HealthFactor.ClinicalCare, Polarity.HighIsGood, 1, 2, null),
            Measure(3, HealthFactor.ClinicalCare, Polarity.HighIsGood, 5, 5, 5),
        ]);

        Assert.Empty(result.Measures);
        Assert.Equal(["no judgement of which way is good", "values for 2 of the places (at least 3 are needed)", "the same value for every place"], result.Excluded.Select(e => e.Reason));
        Assert.All(result.Places, p => Assert.Null(p.Factors));
    }
}
