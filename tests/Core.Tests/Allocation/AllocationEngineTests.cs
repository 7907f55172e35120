using Commonweal.Core.Allocation;
using Commonweal.Core.Places;
using CsCheck;

namespace Commonweal.Core.Tests.Allocation;

public sealed class AllocationEngineTests
{
    private const long Budget = 100_000_000; // £1,000,000.00

    /// <summary>The hand-worked example of docs/methods/allocation.md: three places, IMD score as the need, uplift and unit cost.</summary>
    internal static AllocationModel Worked(PaceOfChange? pace = null) => new(
        "worked-example", 1, "docs/methods/allocation.md", AreaType.District, PopulationBase.Resident,
        [new AgeCost(0, 1.0), new AgeCost(65, 2.0)], NeedCombination.Product, 1.0, [new NeedComponent("imd_score", 1.0)],
        new DeprivationUplift(1.9, 1.0), new Dictionary<string, double> { ["E07000074"] = 1.05 }, 0.5, 3.0, pace);

    internal static AllocationPlace[] WorkedPlaces(long? a = null, long? b = null, long? c = null) =>
    [
        // 40,000 under 65 and 10,000 aged 65+ at twice the cost: 60,000; IMD score 20; decile 6 → uplift 1.4.
        new(AreaCode.Parse("E07000066"), "A", 50_000, 60_000, [20], 1.4, 1.0, a),
        new(AreaCode.Parse("E06000033"), "B", 30_000, 33_000, [40], 1.9, 1.0, b),
        new(AreaCode.Parse("E07000074"), "C", 20_000, 22_000, [10], 1.0, 1.05, c),
    ];

    [Fact]
    public void The_worked_example_is_reproduced_to_the_penny()
    {
        var run = AllocationEngine.Run(Worked(), WorkedPlaces(), Budget);

        Assert.Null(run.Problem);
        Assert.Equal([24.0], run.NeedReferences);
        // N = (score ÷ 24) ÷ (137/138): 115/137, 230/137, 115/274.
        Assert.All(run.Lines.Zip([115.0 / 137, 230.0 / 137, 115.0 / 274]), x => Assert.Equal(x.Second, x.First.NeedIndex, 1e-12));
        Assert.All(run.Lines.Zip([560.0 / 1473, 836.0 / 1473, 77.0 / 1473]), x => Assert.Equal(x.Second, x.First.TargetShare, 1e-12));
        Assert.Equal([50_000_000L, 30_000_000, 20_000_000], run.Lines.Select(l => l.EqualShare));
        Assert.Equal([38_017_651L, 56_754_922, 5_227_427], run.Lines.Select(l => l.TargetAllocation));
        // C is held at its floor of half the equal per-head share; A and B share the rest in proportion to target.
        Assert.Equal([36_103_152L, 53_896_848, 10_000_000], run.Lines.Select(l => l.Allocation));
        var a = run.Lines[0].Steps;
        Assert.Equal(new AllocationSteps(50_000_000, 2_173_913, -8_378_293, -5_683_097, -94_872, -1_914_499), a);
        Assert.Equal(new AllocationSteps(20_000_000, -869_565, -11_101_238, -3_038_272, 236_502, 4_772_573), run.Lines[2].Steps);
        Assert.Equal(36_103_152 / 100.0 / 50_000, run.Lines[0].PerHead!.Value, 12);
        Assert.Equal(5.0, run.Lines[2].PerHead!.Value, 12);
    }

    [Fact]
    public void The_worked_example_with_last_years_allocations_converges_the_under_target_place()
    {
        var run = AllocationEngine.Run(Worked(new PaceOfChange(0.01, 0.08, 0.05)), WorkedPlaces(42_000_000, 40_000_000, 15_000_000), Budget);

        Assert.Null(run.Problem);
        Assert.True(run.PaceApplied);
        // A and C are more than 5 % over target: held at +1 %. B, under target, takes the rest: +6.075 %, within +8 %.
        Assert.Equal([42_420_000L, 42_430_000, 15_150_000], run.Lines.Select(l => l.Allocation));
        Assert.Equal([42_420_000L, 40_400_000, 15_150_000], run.Lines.Select(l => l.Floor!.Value));
        Assert.Equal([42_420_000L, 43_200_000, 15_150_000], run.Lines.Select(l => l.Cap!.Value));
        Assert.Equal((42_000_000.0 - 38_017_651) / 38_017_651, run.Lines[0].DistanceFromTarget!.Value, 12);
        Assert.Equal(2_430_000, run.Lines[1].ChangeFromBaseline);
    }

    [Fact]
    public void A_budget_the_floors_cannot_fit_is_refused_with_the_figures()
    {
        var run = AllocationEngine.Run(Worked(new PaceOfChange(0.05, 0.10, null)), WorkedPlaces(42_000_000, 40_000_000, 15_000_000), 90_000_000);
        Assert.Equal("The floors add up to £1,018,500.00, more than the budget of £900,000.00: lower the floors or the minimum growth, or raise the budget.", run.Problem);
        Assert.Empty(run.Lines);
    }

    [Fact]
    public void Caps_that_cannot_reach_the_budget_are_refused()
    {
        var run = AllocationEngine.Run(Worked(new PaceOfChange(0.0, 0.01, null)), WorkedPlaces(42_000_000, 40_000_000, 15_000_000), Budget);
        Assert.StartsWith("The caps add up to £979,700.00, less than the budget of £1,000,000.00", run.Problem);
    }

    [Fact]
    public void A_negative_budget_is_refused()
    {
        Assert.Equal("The budget cannot be negative (-£1.00).", AllocationEngine.Run(Worked(), WorkedPlaces(), -100).Problem);
    }

    [Theory]
    [InlineData("weights", "need.weights_total: the weights add up to 1, not the 2 declared")]
    [InlineData("floor-above-cap", "pace: the minimum growth 0.1 is above the maximum growth 0.02 (a floor above the cap)")]
    [InlineData("per-head", "limits.per_head_floor: a floor is a ratio to the equal per-head share from 0 to 1 (0.8 = no place below 80 % of it)")]
    [InlineData("sum-undeclared", "need.weights_total: a weighted sum must declare what its weights add up to (e.g. 1 or 100)")]
    [InlineData("ages", "population.age_costs[1].from: ages must rise from step to step")]
    public void Bad_configuration_is_named_field_by_field(string fault, string problem)
    {
        var model = fault switch
        {
            "weights" => Worked() with { WeightsTotal = 2 },
            "floor-above-cap" => Worked(new PaceOfChange(0.1, 0.02, null)),
            "per-head" => Worked() with { PerHeadFloor = 1.2 },
            "sum-undeclared" => Worked() with { Combination = NeedCombination.WeightedSum, WeightsTotal = null },
            _ => Worked() with { AgeCosts = [new AgeCost(0, 1), new AgeCost(0, 2)] },
        };
        Assert.Contains(problem, model.Problems());
        Assert.Contains(problem, AllocationEngine.Run(model, WorkedPlaces(), Budget).Problem);
    }

    [Fact]
    public void A_value_that_cannot_be_a_ratio_names_the_place()
    {
        var places = WorkedPlaces();
        places[1] = places[1] with { Need = [0] };
        Assert.StartsWith("E06000033: imd_score is 0; it must be above 0", AllocationEngine.Run(Worked(), places, Budget).Problem);
    }

    // Properties over random places, models and budgets.
    private static readonly Gen<(AllocationModel Model, AllocationPlace[] Places, long Budget)> Cases =
        Gen.Select(Gen.Int[1, 400], Gen.Long[0, AllocationEngine.MostPence], Gen.Bool, Gen.Bool, Gen.Int[0, int.MaxValue]).Select((count, budget, sum, pace, seed) =>
        {
            var random = new Random(seed);
            var model = new AllocationModel("p", 1, "", AreaType.Lsoa, PopulationBase.Resident, [], sum ? NeedCombination.WeightedSum : NeedCombination.Product,
                sum ? 1.0 : null, [new NeedComponent("a", sum ? 0.6 : 1.0), new NeedComponent("b", sum ? 0.4 : 0.5, LowerMeansMoreNeed: true)],
                new DeprivationUplift(3, 1), new Dictionary<string, double>(), random.NextDouble() < 0.5 ? 0.5 : null, random.NextDouble() < 0.5 ? 2.5 : null,
                pace ? new PaceOfChange(-0.05, 0.2, 0.05) : null);
            var people = Enumerable.Range(0, count).Select(_ => (long)random.Next(1, 200_000)).ToArray();
            var total = people.Sum();
            // Last year's allocations near an equal share per head (within ±20 %), as a real baseline would be.
            var places = Enumerable.Range(0, count).Select(i => new AllocationPlace(AreaCode.Parse($"E01{i:000000}"), $"P{i}", people[i], people[i] * (0.8 + random.NextDouble()),
                [0.1 + random.NextDouble() * 60, 50 + random.NextDouble() * 40], 1 + 2 * random.NextDouble(), 0.9 + 0.2 * random.NextDouble(),
                pace ? (long)(budget * ((double)people[i] / total) * (0.8 + 0.4 * random.NextDouble())) : null)).ToArray();
            return (model, places, budget);
        });

    [Fact]
    public void Allocations_add_up_to_the_budget_to_the_penny_within_their_floors_and_caps()
    {
        var made = 0;
        Cases.Sample(c =>
        {
            var run = AllocationEngine.Run(c.Model, c.Places, c.Budget);
            if (run.Problem is not null) return Infeasible(run.Problem);
            Interlocked.Increment(ref made);
            return run.Lines.Sum(l => l.Allocation) == c.Budget
                && run.Lines.Sum(l => l.TargetAllocation) == c.Budget
                && run.Lines.Sum(l => l.EqualShare) == c.Budget
                && run.Lines.All(l => l.Allocation >= (l.Floor ?? 0) && l.Allocation <= (l.Cap ?? long.MaxValue))
                && run.Lines.All(l => l.Steps.EqualPerHead + l.Steps.Changes.Sum(s => s.Pence) == l.Allocation);
        }, iter: 300);
        // Most random cases make an allocation, so the properties are tested, not only the refusals.
        Assert.True(made > 150, $"only {made} of 300 random runs made an allocation");
    }

    [Fact]
    public void Places_with_no_need_stay_at_their_floors_and_caps_that_cannot_take_the_budget_are_refused()
    {
        var model = Worked() with { Combination = NeedCombination.WeightedSum, WeightsTotal = 1, Need = [new NeedComponent("core20_share", 1)], Uplift = null, AgeCosts = [] };
        var places = Enumerable.Range(0, 10).Select(i => new AllocationPlace(AreaCode.Parse($"E01{i:000000}"), $"P{i}", 1_000, 1_000, [i < 2 ? 1.0 : 0.0])).ToArray();

        // Two places of ten have need: under a cap of 2.5 times an equal share they take at most half the budget, the other
        // eight at their floors (half an equal share) 40 %: 10 % has nowhere to go.
        var capped = AllocationEngine.Run(model with { PerHeadCap = 2.5 }, places, Budget);
        Assert.Equal("The places with any need can take at most £900,000.00 under their caps (with the others at their floors), less than the budget of £1,000,000.00: raise the caps, or give every place some need.", capped.Problem);
        // With a cap of three they take all that the others' floors leave.
        var run = AllocationEngine.Run(model, places, Budget);
        Assert.Null(run.Problem);
        Assert.All(run.Lines.Skip(2), l => Assert.Equal(5_000_000, l.Allocation));
        Assert.Equal([30_000_000L, 30_000_000], run.Lines.Take(2).Select(l => l.Allocation));
    }

    [Fact]
    public void A_floor_and_cap_of_one_give_every_place_its_equal_share_and_equal_growths_give_every_place_that_growth()
    {
        var equal = AllocationEngine.Run(Worked() with { PerHeadFloor = 1, PerHeadCap = 1 }, WorkedPlaces(), Budget);
        Assert.Equal([50_000_000L, 30_000_000, 20_000_000], equal.Lines.Select(l => l.Allocation));

        var places = WorkedPlaces(42_000_000, 40_000_000, 15_000_000);
        var grown = AllocationEngine.Run(Worked(new PaceOfChange(0.02, 0.02, null)) with { PerHeadFloor = null, PerHeadCap = null }, places, 98_940_000);
        Assert.Null(grown.Problem);
        Assert.Equal([42_840_000L, 40_800_000, 15_300_000], grown.Lines.Select(l => l.Allocation));
    }

    [Fact]
    public void A_budget_above_a_trillion_pounds_is_refused_and_one_of_a_trillion_is_shared_to_the_penny()
    {
        Assert.StartsWith("The budget £1,000,000,000,000.01 is more than £1,000,000,000,000.00", AllocationEngine.Run(Worked(), WorkedPlaces(), AllocationEngine.MostPence + 1).Problem, StringComparison.Ordinal);
        var run = AllocationEngine.Run(Worked(), WorkedPlaces(), AllocationEngine.MostPence);
        Assert.Equal(AllocationEngine.MostPence, run.Lines.Sum(l => l.Allocation));
    }

    /// <summary>Random limits can contradict each other or the budget: such runs are refused, which is right.</summary>
    private static bool Infeasible(string problem) =>
        problem.StartsWith("The floors", StringComparison.Ordinal) || problem.StartsWith("The caps", StringComparison.Ordinal) || problem.Contains("is above its cap", StringComparison.Ordinal);

    [Fact]
    public void With_equal_need_everywhere_the_allocation_is_per_head()
    {
        Gen.Select(Gen.Int[1, 200_000].Array[1, 40], Gen.Long[0, 10_000_000_000], Gen.Double[0.1, 100]).Sample((people, budget, need) =>
        {
            var places = people.Select((p, i) => new AllocationPlace(AreaCode.Parse($"E01{i:000000}"), "", p, p, [need, need])).ToArray();
            var model = Worked() with { Need = [new NeedComponent("a", 0.7), new NeedComponent("b", 0.3)], Combination = NeedCombination.WeightedSum, Uplift = null };
            var run = AllocationEngine.Run(model, places, budget);
            var total = people.Sum(p => (double)p);
            // Whole pence: each place within a penny of its exact per-head share, and exactly the equal per-head column.
            return run.Problem is null && run.Lines.All(l => l.Allocation == l.EqualShare && Math.Abs(l.Allocation - budget * (l.Place.Population / total)) < 1.0 + 1e-6 * budget / total);
        }, iter: 200);
    }

    [Fact]
    public void Raising_one_places_need_never_lowers_its_allocation()
    {
        Gen.Select(Cases, Gen.Double[1.0, 3.0]).Sample((c, factor) =>
        {
            var before = AllocationEngine.Run(c.Model, c.Places, c.Budget);
            if (before.Problem is not null) return true;
            var j = c.Places.Length / 2;
            var raised = (AllocationPlace[])c.Places.Clone();
            raised[j] = raised[j] with { Need = [raised[j].Need[0] * factor, raised[j].Need[1] / factor] };
            var after = AllocationEngine.Run(c.Model, raised, c.Budget);
            // More need can push another place over its target and so hold it at the minimum growth; if the caps then fall short of the budget the run is refused.
            if (after.Problem is not null) return Infeasible(after.Problem);
            return after.Lines[j].Allocation >= before.Lines[j].Allocation && after.Lines[j].NeedIndex >= before.Lines[j].NeedIndex - 1e-12;
        }, iter: 300);
    }

    [Fact]
    public void The_same_inputs_give_the_same_pence()
    {
        Cases.Sample(c =>
        {
            var one = AllocationEngine.Run(c.Model, c.Places, c.Budget);
            var two = AllocationEngine.Run(c.Model, [.. c.Places], c.Budget);
            return one.Problem == two.Problem && one.Lines.Select(l => (l.Allocation, l.Steps)).SequenceEqual(two.Lines.Select(l => (l.Allocation, l.Steps)));
        }, iter: 100);
    }
}
