using Commonweal.Core.Statistics;

namespace Commonweal.Core.Allocation;

/// <summary>A run's answer: a line per place whose allocations add up to the budget exactly, or the reason there is none.</summary>
public sealed record AllocationOutcome(IReadOnlyList<AllocationLine> Lines, long Budget, IReadOnlyList<double> NeedReferences, bool PaceApplied, string? Problem)
{
    public static AllocationOutcome Refused(long budget, string problem) => new([], budget, [], false, problem);
}

/// <summary>
/// A transparent need-weighted allocation (docs/methods/allocation.md; standards §7.3, after NHS England's fair shares
/// and the public health grant formula). Pure: the same model, places and budget give the same pence.
/// <list type="number">
/// <item>Target share Tᵢ = Pᵢ*·Nᵢ·Uᵢ·Cᵢ ÷ Σ: weighted population × need index × inequalities uplift × unit cost.</item>
/// <item>Limits: per-head floor and cap as ratios to the equal per-head share; with a baseline and a pace of change, growth
/// between the minimum and maximum, held at the minimum when more than the margin above target.</item>
/// <item>Allocation aᵢ = clamp(α·Tᵢ·B, floorᵢ, capᵢ) with the one α that makes Σ aᵢ = B (α = 1 when no limit binds).</item>
/// <item>Whole pence by largest remainder within the limits, so Σ aᵢ = B to the penny.</item>
/// </list>
/// </summary>
public static class AllocationEngine
{
    /// <summary>
    /// Runs a model over its places with a budget in pence. <paramref name="england"/> holds England's value of each need
    /// component (null where none is known) for components standardised against England.
    /// </summary>
    public static AllocationOutcome Run(AllocationModel model, IReadOnlyList<AllocationPlace> places, long budget, IReadOnlyList<double?>? england = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(places);
        if (BudgetProblem(budget) is { } unusable) return AllocationOutcome.Refused(budget, unusable);
        if (model.Problems() is { Count: > 0 } problems) return AllocationOutcome.Refused(budget, string.Join("; ", problems));
        if (places.Count == 0) return AllocationOutcome.Refused(budget, "There are no places to allocate to.");
        var n = places.Count;
        foreach (var place in places)
        {
            if (place.Population < 0 || !(place.WeightedPopulation >= 0) || double.IsInfinity(place.WeightedPopulation))
                return AllocationOutcome.Refused(budget, $"{place.Code}: the population cannot be negative.");
            if (place.Need.Count != model.Need.Count)
                return AllocationOutcome.Refused(budget, $"{place.Code}: {place.Need.Count} need values for {model.Need.Count} components.");
            if (!(place.Uplift > 0) || !(place.UnitCost > 0) || double.IsInfinity(place.Uplift) || double.IsInfinity(place.UnitCost))
                return AllocationOutcome.Refused(budget, $"{place.Code}: the uplift and unit cost must be above 0.");
            if (place.Baseline is < 0 or > MostPence) return AllocationOutcome.Refused(budget, $"{place.Code}: the baseline must be from £0.00 to {Money(MostPence)}.");
        }

        var population = places.Sum(p => (double)p.Population);
        if (population <= 0) return AllocationOutcome.Refused(budget, "The places have no population.");

        var references = new double[model.Need.Count];
        var index = new double[n];
        Array.Fill(index, 1.0);
        for (var k = 0; k < model.Need.Count; k++)
        {
            var component = model.Need[k];
            double reference;
            if (component.Standard == NeedStandard.England)
            {
                if (england is null || k >= england.Count || england[k] is not { } e)
                    return AllocationOutcome.Refused(budget, $"{component.Source}: England's value is not known, so it cannot be standardised against England (use the ICS mean).");
                reference = e;
            }
            else reference = places.Sum(p => p.Population * p.Need[k]) / population;

            if (!(reference > 0) || double.IsInfinity(reference))
                return AllocationOutcome.Refused(budget, $"{component.Source}: the value it is standardised against is {reference:0.####}; it must be above 0.");
            references[k] = reference;
            var strict = component.LowerMeansMoreNeed || model.Combination == NeedCombination.Product;
            for (var i = 0; i < n; i++)
            {
                var value = places[i].Need[k];
                if (double.IsNaN(value) || double.IsInfinity(value) || value < 0 || (strict && value == 0))
                    return AllocationOutcome.Refused(budget, $"{places[i].Code}: {component.Source} is {value:0.####}; it must be {(strict ? "above" : "at least")} 0 {(strict ? "(a ratio is taken or raised to a power)" : "")}".TrimEnd());
                var ratio = component.LowerMeansMoreNeed ? reference / value : value / reference;
                index[i] = model.Combination == NeedCombination.Product
                    ? index[i] * Math.Pow(ratio, component.Weight)
                    : (k == 0 ? 0 : index[i]) + component.Weight * ratio / model.WeightsTotal!.Value;
            }
        }

        if (Array.FindIndex(index, v => !double.IsFinite(v)) is var bad and >= 0)
            return AllocationOutcome.Refused(budget, $"{places[bad].Code}: the need index is too large to work with (a weight or exponent too big for its values).");

        // The index is read against the ICS: its mean over the weighted population is 1.
        var weighted = places.Sum(p => p.WeightedPopulation);
        if (weighted <= 0) return AllocationOutcome.Refused(budget, "The places have no weighted population.");
        var mean = places.Select((p, i) => p.WeightedPopulation * index[i]).Sum() / weighted;
        if (!(mean > 0)) return AllocationOutcome.Refused(budget, "The need index is 0 everywhere.");
        for (var i = 0; i < n; i++) index[i] /= mean;

        // The stages of the waterfall, each a budget-exact apportionment.
        var s0 = places.Select(p => (double)p.Population).ToArray();
        var s1 = places.Select(p => p.WeightedPopulation).ToArray();
        var s2 = s1.Select((w, i) => w * index[i]).ToArray();
        var s3 = s2.Select((w, i) => w * places[i].Uplift).ToArray();
        var s4 = s3.Select((w, i) => w * places[i].UnitCost).ToArray();
        var e0 = Apportionment.LargestRemainder(budget, s0);
        var e1 = Apportionment.LargestRemainder(budget, s1);
        var e2 = Apportionment.LargestRemainder(budget, s2);
        var e3 = Apportionment.LargestRemainder(budget, s3);
        var target = Apportionment.LargestRemainder(budget, s4);
        var total = s4.Sum();
        var exact = s4.Select(w => budget * (w / total)).ToArray();

        var pace = model.Pace is not null && places.All(p => p.Baseline is not null) ? model.Pace : null;
        var lo = new long[n];
        var hi = new long[n];
        var hasFloor = new bool[n];
        var hasCap = new bool[n];
        for (var i = 0; i < n; i++)
        {
            // Per-head limits are ratios of the equal per-head share in whole pence, so a floor or cap of 1 is that share exactly.
            var equal = (double)e0[i];
            hi[i] = budget;
            if (model.PerHeadFloor is { } floor) (lo[i], hasFloor[i]) = (Ceiling(floor * equal), true);
            if (model.PerHeadCap is { } cap) (hi[i], hasCap[i]) = (Math.Min(hi[i], Floor(cap * equal)), true);
            if (pace is null) continue;
            var baseline = (double)places[i].Baseline!.Value;
            var least = Ceiling(baseline * (1 + pace.MinimumGrowth));
            lo[i] = Math.Max(lo[i], least);
            // The most is never below the least in whole pence (equal growths give one figure, rounded up).
            hi[i] = Math.Min(hi[i], Math.Max(least, Floor(baseline * (1 + pace.MaximumGrowth))));
            if (pace.OverTargetMargin is { } margin && baseline > exact[i] * (1 + margin)) hi[i] = Math.Min(hi[i], Math.Max(lo[i], least));
            (hasFloor[i], hasCap[i]) = (true, true);
        }

        for (var i = 0; i < n; i++)
            if (lo[i] > hi[i])
                return AllocationOutcome.Refused(budget, $"{places[i].Code} {places[i].Name}: its floor {Money(lo[i])} is above its cap {Money(hi[i])}; widen the limits or the pace of change.");
        var least2 = lo.Sum();
        var most = hi.Sum();
        if (least2 > budget)
            return AllocationOutcome.Refused(budget, $"The floors add up to {Money(least2)}, more than the budget of {Money(budget)}: lower the floors or the minimum growth, or raise the budget.");
        if (most < budget)
            return AllocationOutcome.Refused(budget, $"The caps add up to {Money(most)}, less than the budget of {Money(budget)}: raise the caps or the maximum growth, or lower the budget.");

        // Places with no target never rise above their floors: what the others can take under their caps must reach the budget.
        var reachable = 0L;
        for (var i = 0; i < n; i++) reachable += exact[i] > 0 ? hi[i] : lo[i];
        if (reachable < budget)
            return AllocationOutcome.Refused(budget, $"The places with any need can take at most {Money(reachable)} under their caps (with the others at their floors), less than the budget of {Money(budget)}: raise the caps, or give every place some need.");

        var continuous = Clamped(exact, lo, hi, budget);
        var allocation = Rounded(continuous, lo, hi, budget);
        var lines = new AllocationLine[n];
        for (var i = 0; i < n; i++)
        {
            var steps = new AllocationSteps(e0[i], e1[i] - e0[i], e2[i] - e1[i], e3[i] - e2[i], target[i] - e3[i], allocation[i] - target[i]);
            lines[i] = new AllocationLine(places[i], index[i], s4[i] / total, e0[i], target[i], allocation[i], steps,
                hasFloor[i] ? lo[i] : null, hasCap[i] ? hi[i] : null);
        }

        return new AllocationOutcome(lines, budget, references, pace is not null, null);
    }

    /// <summary>£1 trillion: the largest budget or baseline a run takes, so that no sum of pence can overflow.</summary>
    public const long MostPence = Pence.Most;

    /// <summary>Why a budget cannot be run (negative, or more than <see cref="MostPence"/>); null when it can.</summary>
    public static string? BudgetProblem(long budget) =>
        budget < 0 ? $"The budget cannot be negative ({Money(budget)})."
        : budget > MostPence ? $"The budget {Money(budget)} is more than {Money(MostPence)}, the most a run takes."
        : null;

    /// <summary>£1,234.56 from pence.</summary>
    public static string Money(long pence) => Pence.Format(pence);

    private static long Ceiling(double pence) => (long)Math.Ceiling(pence - 1e-6);

    private static long Floor(double pence) => (long)Math.Floor(pence + 1e-6);

    /// <summary>clamp(α·xᵢ, loᵢ, hiᵢ) with the α that makes the sum the budget: bisection, then solved exactly over the places no limit holds.</summary>
    private static double[] Clamped(double[] target, long[] lo, long[] hi, long budget)
    {
        double Sum(double alpha)
        {
            var sum = 0.0;
            for (var i = 0; i < target.Length; i++) sum += Math.Clamp(alpha * target[i], lo[i], hi[i]);
            return sum;
        }

        double low = 0, high = 1;
        while (Sum(high) < budget && high < 1e18) high *= 2;
        for (var step = 0; step < 200 && high - low > high * 1e-15; step++)
        {
            var middle = (low + high) / 2;
            if (Sum(middle) < budget) low = middle;
            else high = middle;
        }

        var alpha = (low + high) / 2;
        // Exactly: the places between their limits share what the others leave.
        double fixedSum = 0, freeTarget = 0;
        for (var i = 0; i < target.Length; i++)
        {
            var a = alpha * target[i];
            if (target[i] > 0 && a > lo[i] && a < hi[i]) freeTarget += target[i];
            else fixedSum += Math.Clamp(a, lo[i], hi[i]);
        }

        if (freeTarget > 0) alpha = (budget - fixedSum) / freeTarget;
        return [.. target.Select((x, i) => Math.Clamp(alpha * x, lo[i], hi[i]))];
    }

    /// <summary>Whole pence by largest remainder within the limits: the whole parts, then a penny each to the largest fractions (ties to the earlier place) until the budget is met.</summary>
    private static long[] Rounded(double[] amounts, long[] lo, long[] hi, long budget)
    {
        var pence = new long[amounts.Length];
        for (var i = 0; i < amounts.Length; i++) pence[i] = Math.Clamp((long)Math.Floor(amounts[i]), lo[i], hi[i]);
        var left = budget - pence.Sum();
        // The continuous amounts meet the budget, so whole parts leave at most a penny a place (a few more from floating error).
        if (Math.Abs(left) > 2L * amounts.Length + 2) throw new InvalidOperationException($"rounding left {left} pence for {amounts.Length} places: the amounts did not meet the budget");
        var order = Enumerable.Range(0, amounts.Length).OrderByDescending(i => amounts[i] - Math.Floor(amounts[i])).ThenBy(i => i).ToArray();
        while (left > 0)
        {
            var given = false;
            foreach (var i in order)
            {
                if (left == 0) break;
                if (pence[i] >= hi[i]) continue;
                pence[i]++;
                left--;
                given = true;
            }

            if (!given) break;
        }

        while (left < 0)
        {
            var taken = false;
            foreach (var i in order.Reverse())
            {
                if (left == 0) break;
                if (pence[i] <= lo[i]) continue;
                pence[i]--;
                left++;
                taken = true;
            }

            if (!taken) break;
        }

        return pence;
    }
}
