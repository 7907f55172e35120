using Commonweal.Core.Indicators;
using Commonweal.Core.Targeting.Population;
using Commonweal.Core.Targeting.Risk;

namespace Commonweal.Core.Tests.Targeting;

/// <summary>Risk scores, their explanations, tiers and the Bridges to Health segments.</summary>
public sealed class RiskStratificationTests
{
    private static readonly SyntheticPopulation People = PopulationGenerator.Generate(PopulationGeneratorTests.Frame(), 11);
    private static readonly RiskStratification Risk = RiskStratification.Run(People, RiskModel.Default);

    [Fact]
    public void Every_score_is_the_sum_of_the_points_of_its_explanation_and_falls_in_its_tier()
    {
        for (var i = 0; i < People.Count; i += 7)
        {
            var factors = RiskStratification.Explain(People, i, RiskModel.Default);
            Assert.Equal(factors.Sum(f => f.Points), Risk.Scores[i], 5);
            Assert.Equal(RiskModel.Default.TierOf(Risk.Scores[i]), Risk.Tiers[i]);
        }

        Assert.Contains(Risk.Tiers, t => t == 3);
        Assert.Contains(Risk.Tiers, t => t == 0);
    }

    [Fact]
    public void The_default_model_has_factors_in_all_four_county_health_rankings_groups_and_its_tiers_rise()
    {
        Assert.Equal(
            [HealthFactor.HealthBehaviours, HealthFactor.SocialAndEconomicFactors, HealthFactor.ClinicalCare, HealthFactor.PhysicalEnvironment],
            RiskModel.Default.Factors.Select(f => f.Group).Distinct());
        Assert.Empty(RiskModel.Default.Problems());
        Assert.Equal(0, RiskModel.Default.TierOf(2.99));
        Assert.Equal(1, RiskModel.Default.TierOf(3));
        Assert.Equal(3, RiskModel.Default.TierOf(10));
    }

    [Fact]
    public void A_model_with_bad_points_or_tiers_is_refused_with_the_reasons()
    {
        var bad = RiskModel.Default with
        {
            Factors = [.. RiskModel.Default.Factors.Take(2), RiskModel.Default.Factors[0] with { Points = -1 }],
            Tiers = [new("Low", 1), new("High", 1)],
        };
        var problems = bad.Problems();
        Assert.Contains(problems, p => p.Contains("'smoker' is listed more than once", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("-1 points", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("first tier must start at score 0", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => RiskStratification.Run(People, bad));
    }

    [Theory]
    [InlineData(72, "cancer", 13, Segment.ShortDecline)]
    [InlineData(80, "", 13, Segment.Frailty)]
    [InlineData(60, "copd", 9, Segment.OrganFailure)]
    [InlineData(30, "learning_disability", 0, Segment.StableDisability)]
    [InlineData(50, "hypertension", 0, Segment.ChronicConditions)]
    [InlineData(70, "", 5, Segment.ChronicConditions)]
    [InlineData(28, "pregnant", 0, Segment.MaternalAndInfant)]
    [InlineData(0, "", 0, Segment.MaternalAndInfant)]
    [InlineData(40, "smoker", 0, Segment.Healthy)]
    [InlineData(70, "", 4, Segment.Healthy)]
    public void Each_person_is_in_the_first_segment_that_applies(int age, string trait, int deficits, Segment expected)
    {
        var traits = trait.Length == 0 ? 0 : Traits.Find(trait)!.Value.Bit();
        var set = deficits == 0 ? 0UL : (1UL << deficits) - 1;
        Assert.Equal(expected, Segments.Of(age, traits, set & ~EfiDeficit.HeartFailure.Bit() & ~EfiDeficit.MemoryAndCognitiveProblems.Bit() | (deficits > 13 ? EfiDeficit.HeartFailure.Bit() : 0)));
    }

    [Fact]
    public void A_streamed_stratification_of_blocks_counts_the_same_as_stratifying_everyone_at_once()
    {
        IEnumerable<SyntheticPopulation> Blocks()
        {
            for (var l = 0; l < People.Lsoas.Count; l++)
            {
                var (start, n) = (People.Offsets[l], People.Offsets[l + 1] - People.Offsets[l]);
                var block = new SyntheticPopulation([People.Lsoas[l]], People.PracticeCodes, People.Districts, n);
                block.Offsets[1] = n;
                PopulationFormat.Decode(PopulationFormat.Encode(People, l), block, 0);
                Assert.Equal(People.Traits.AsSpan(start, n).ToArray(), block.Traits);
                yield return block;
            }
        }

        var tally = RiskTally.Stream(Blocks(), RiskModel.Default);
        Assert.Equal(People.Count, tally.People);
        Assert.Equal(Enumerable.Range(0, 4).Select(t => (long)Risk.Tiers.Count(x => x == t)), tally.Tiers);
        Assert.Equal(Segments.All.Select(s => (long)Risk.Segments.Count(x => x == (byte)s)), tally.Segments);
        Assert.Equal(Risk.Scores.Sum(x => (double)x), tally.ScoreSum, 3);
        var old = Enumerable.Range(0, People.Count).Where(i => People.Ages[i] >= 65).ToList();
        Assert.Equal(old.Count, tally.Frailty.Sum());
        Assert.Equal(old.Count(i => Efi.Category(People.Deficits[i]) == FrailtyCategory.Severe), tally.Frailty[3]);
        Assert.Throws<ArgumentException>(() => RiskTally.Stream(Blocks(), RiskModel.Default with { Tiers = [] }));
    }
}
