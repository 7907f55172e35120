using Commonweal.Core.Indicators;
using Commonweal.Core.Outcomes;
using Commonweal.Core.Statistics;

namespace Commonweal.Core.Tests.Outcomes;

/// <summary>The County Health Rankings structure and the coverage view of its domains.</summary>
public sealed class FrameworkTests
{
    [Fact]
    public void The_factor_groups_are_weighted_30_40_20_10_and_hold_thirteen_focus_areas_each_in_one_group()
    {
        var factors = CountyHealthRankings.Groups.Where(g => !g.IsOutcome()).ToList();

        Assert.Equal([HealthFactor.HealthBehaviours, HealthFactor.SocialAndEconomicFactors, HealthFactor.ClinicalCare, HealthFactor.PhysicalEnvironment], factors);
        Assert.Equal([0.30, 0.40, 0.20, 0.10], factors.Select(g => g.Weight()));
        Assert.Equal(1.0, factors.Sum(g => g.Weight()), 12);
        Assert.Equal(Enum.GetValues<FocusArea>().Order(), factors.SelectMany(g => g.FocusAreas()).Order());
        Assert.Equal(HealthFactor.SocialAndEconomicFactors, FocusArea.CommunitySafety.Group());
        Assert.Equal(["Tobacco use", "Diet and exercise", "Alcohol and drug use", "Sexual activity"], HealthFactor.HealthBehaviours.FocusAreas().Select(a => a.Label()));
        Assert.Empty(HealthFactor.LengthOfLife.FocusAreas());
    }

    [Fact]
    public void Coverage_lists_every_domain_and_shows_the_gaps()
    {
        Indicator Make(int id, HealthFactor? group, FocusArea? area) =>
            new Indicator(new IndicatorId(id), $"Indicator {id}", IndicatorValueType.Proportion, 100, "%", Polarity.LowIsGood) { FactorGroup = group, FocusArea = area };
        var smoking = Make(91547, HealthFactor.HealthBehaviours, FocusArea.TobaccoUse);
        var lifeExpectancy = Make(90366, HealthFactor.LengthOfLife, null);
        var poverty = Make(90630, null, FocusArea.Income);
        var unmapped = Make(1_000_001, null, null);
        var behaviourOnly = Make(1_000_002, HealthFactor.HealthBehaviours, null);

        var rows = FrameworkCoverage.Of([smoking, lifeExpectancy, poverty, unmapped, behaviourOnly], new Dictionary<IndicatorId, int> { [smoking.Id] = 2 });

        Assert.Equal(2 + 13 + 1, rows.Count); // two outcomes, thirteen focus areas, and the behaviours' own row
        var tobacco = rows.Single(r => r.FocusArea == FocusArea.TobaccoUse);
        Assert.Equal([smoking.Id], tobacco.Indicators);
        Assert.Equal((2, string.Empty), (tobacco.Targets, tobacco.Gap));
        Assert.Equal("no target", rows.Single(r => r.Group == HealthFactor.LengthOfLife).Gap);
        Assert.Equal("no target", rows.Single(r => r.FocusArea == FocusArea.Income).Gap);
        Assert.Equal("no indicator", rows.Single(r => r.FocusArea == FocusArea.HousingAndTransit).Gap);
        Assert.Equal("no indicator", rows.Single(r => r.Group == HealthFactor.QualityOfLife).Gap);
        Assert.Equal("Health behaviours", rows.Single(r => r.Group == HealthFactor.HealthBehaviours && r.FocusArea is null).Domain);
        Assert.Equal("Physical environment: Housing and transit", rows.Single(r => r.FocusArea == FocusArea.HousingAndTransit).Domain);
        Assert.Equal(12, rows.Count(r => r.Gap == "no indicator")); // quality of life and 11 of the 13 focus areas
        Assert.DoesNotContain(rows, r => r.Indicators.Contains(unmapped.Id));
    }
}
