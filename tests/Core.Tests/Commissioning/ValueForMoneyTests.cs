using Commonweal.Core.Commissioning;

namespace Commonweal.Core.Tests.Commissioning;

public sealed class ValueForMoneyTests
{
    /// <summary>The seeds' weight-management service: £1,000,000 a year for 1,000 people, replaced by £500,000 for 1,300.</summary>
    private static readonly ValueComparison WeightManagement = new(new ValueFigures(50_000_000, 1_300, null), new ValueFigures(100_000_000, 1_000, null));

    [Fact]
    public void The_seeds_worked_example_gives_thirty_per_cent_more_people_for_half_the_value()
    {
        Assert.Equal(0.30, WeightManagement.PeopleChange!.Value, 12);
        Assert.Equal(-0.50, WeightManagement.ValueChange!.Value, 12);
    }

    [Fact]
    public void The_seeds_worked_example_has_unit_cost_down_61_point_5_per_cent()
    {
        var change = WeightManagement.UnitCostChange!.Value;

        Assert.Equal((0.5 / 1.3) - 1, change, 12);
        Assert.Equal(-0.6153846153846154, change, 12);
        Assert.Equal(61.5, Math.Round(-change * 100, 1));
    }

    [Fact]
    public void Unit_cost_is_value_over_people_supported()
    {
        Assert.Equal(100_000.0, WeightManagement.Baseline.UnitCostPence!.Value, 9);
        Assert.Equal(50_000_000.0 / 1_300, WeightManagement.Current.UnitCostPence!.Value, 9);
        Assert.Equal(38_461.538461538461, WeightManagement.Current.UnitCostPence!.Value, 6);
    }

    [Fact]
    public void Without_outcomes_there_is_no_cost_per_outcome()
    {
        Assert.Null(WeightManagement.Current.CostPerOutcomePence);
        Assert.Null(WeightManagement.Baseline.CostPerOutcomePence);
        Assert.Null(WeightManagement.CostPerOutcomeChange);
        Assert.Null(new ValueFigures(50_000_000, 1_300, 0).CostPerOutcomePence);
    }

    [Fact]
    public void Cost_per_outcome_is_value_over_outcomes_achieved()
    {
        var comparison = new ValueComparison(new ValueFigures(50_000_000, 1_300, 400), new ValueFigures(100_000_000, 1_000, 250));

        Assert.Equal(125_000.0, comparison.Current.CostPerOutcomePence!.Value, 9);
        Assert.Equal(400_000.0, comparison.Baseline.CostPerOutcomePence!.Value, 9);
        Assert.Equal((125_000.0 / 400_000) - 1, comparison.CostPerOutcomeChange!.Value, 12);
    }

    [Fact]
    public void With_nobody_supported_there_is_no_unit_cost_nor_the_changes_that_need_it()
    {
        var noneNow = new ValueComparison(new ValueFigures(50_000_000, 0, null), new ValueFigures(100_000_000, 1_000, null));
        var noneBefore = new ValueComparison(new ValueFigures(50_000_000, 1_300, null), new ValueFigures(100_000_000, 0, null));

        Assert.Null(noneNow.Current.UnitCostPence);
        Assert.Null(noneNow.UnitCostChange);
        Assert.Equal(-1.0, noneNow.PeopleChange!.Value, 12);
        Assert.Equal(-0.5, noneNow.ValueChange!.Value, 12);

        Assert.Null(noneBefore.Baseline.UnitCostPence);
        Assert.Null(noneBefore.UnitCostChange);
        Assert.Null(noneBefore.PeopleChange);
        Assert.Equal(-0.5, noneBefore.ValueChange!.Value, 12);
    }

    [Fact]
    public void A_baseline_of_no_value_has_no_value_change()
    {
        var comparison = new ValueComparison(new ValueFigures(50_000_000, 1_300, null), new ValueFigures(0, 1_000, null));

        Assert.Null(comparison.ValueChange);
        Assert.Null(comparison.UnitCostChange);
        Assert.Equal(0.0, comparison.Baseline.UnitCostPence!.Value);
    }

    [Fact]
    public void The_seeds_mental_health_first_aid_reached_45000_people_where_classroom_training_reached_976()
    {
        // Classroom training: £150,000 for 976 trained; the digital campaign: £120,000 for 45,000.
        var comparison = new ValueComparison(new ValueFigures(12_000_000, 45_000, null), new ValueFigures(15_000_000, 976, null));

        Assert.Equal((45_000.0 / 976) - 1, comparison.PeopleChange!.Value, 12);
        Assert.Equal(45.1065573770, comparison.PeopleChange!.Value, 9);
        Assert.Equal(-0.2, comparison.ValueChange!.Value, 12);
        Assert.Equal(((12_000_000.0 / 45_000) / (15_000_000.0 / 976)) - 1, comparison.UnitCostChange!.Value, 12);
        Assert.Equal(98.3, Math.Round(-comparison.UnitCostChange!.Value * 100, 1));
    }
}
