namespace Commonweal.Core.Targeting.Population;

/// <summary>
/// Pass 3 of <see cref="PopulationGenerator"/>: the traits, in order. In each unit of a trait's target, k = round(rate ×
/// the unit's people of the published figure's ages) of those who can have it get it — those with the highest latent
/// value (log-odds + logistic noise), i.e. a logistic model whose intercept is solved on the people drawn. A household
/// trait goes to whole households, highest first, until k people have it.
/// </summary>
internal static class TraitDrawing
{
    public static void Draw(SyntheticPopulation population, PopulationFrame frame, ulong seed, int scale)
    {
        var lsoaOf = population.LsoaOf;
        var draws = population.Lsoas.Select(l => Draws.ForLsoa(seed, l.Code.Value, l.Copy)).ToArray();
        var membersByLevel = new Dictionary<TargetLevel, Dictionary<int, List<int>>>();
        foreach (var model in TraitModels.All.Where(m => m.Trait != Trait.Pregnant))
        {
            var target = frame.TargetOf(model.Trait) ?? TraitTarget.Prior(model);
            if (!membersByLevel.TryGetValue(target.Level, out var units))
                membersByLevel[target.Level] = units = Members(PopulationUnits.Of(population, target.Level, scale));
            Parallel.ForEach(units, unit => DrawUnit(population, model, target, unit.Key, unit.Value, lsoaOf, draws));
        }
    }

    private static Dictionary<int, List<int>> Members(int[] unitOf)
    {
        var units = new Dictionary<int, List<int>>();
        for (var i = 0; i < unitOf.Length; i++)
        {
            if (!units.TryGetValue(unitOf[i], out var members)) units[unitOf[i]] = members = [];
            members.Add(i);
        }

        return units;
    }

    private static void DrawUnit(SyntheticPopulation population, TraitModel model, TraitTarget target, int unit, List<int> members, int[] lsoaOf, Draws[] draws)
    {
        var denominator = 0;
        foreach (var i in members)
        {
            var age = population.Ages[i];
            if (age >= target.DenominatorMinAge && age <= target.DenominatorMaxAge && (model.OnlySex is null || model.OnlySex == population.SexOf(i))) denominator++;
        }

        var k = (int)Math.Round(target.RateOf(unit) * denominator, MidpointRounding.AwayFromZero);
        if (k <= 0) return;
        if (model.Household)
        {
            DrawHouseholds(population, model, members, k, lsoaOf, draws);
            return;
        }

        // People of the published figure's ages are drawn to its rate; others who can have the trait (children with
        // diabetes or epilepsy, whose registers count adults) to the same rate scaled by the age curve's odds ratio.
        var inside = new List<int>(members.Count);
        var outside = new List<int>();
        foreach (var i in members)
        {
            var age = population.Ages[i];
            if (!model.Eligible(age, population.SexOf(i))) continue;
            (age >= target.DenominatorMinAge && age <= target.DenominatorMaxAge ? inside : outside).Add(i);
        }

        Select(population, model, inside, k, lsoaOf, draws);
        if (outside.Count > 0 && inside.Count > 0)
        {
            var ratio = outside.Average(i => Math.Exp(model.AgeLogOdds(population.Ages[i]))) / inside.Average(i => Math.Exp(model.AgeLogOdds(population.Ages[i])));
            var rate = Math.Min(1, target.RateOf(unit) * ratio);
            Select(population, model, outside, (int)Math.Round(rate * outside.Count, MidpointRounding.AwayFromZero), lsoaOf, draws);
        }
    }

    /// <summary>Gives the trait to the k people with the highest latent values.</summary>
    private static void Select(SyntheticPopulation population, TraitModel model, List<int> eligible, int k, int[] lsoaOf, Draws[] draws)
    {
        var bit = model.Trait.Bit();
        if (k <= 0) return;
        if (k >= eligible.Count)
        {
            foreach (var i in eligible) population.Traits[i] |= bit;
            return;
        }

        var values = new double[eligible.Count];
        for (var j = 0; j < eligible.Count; j++)
        {
            var i = eligible[j];
            var l = lsoaOf[i];
            values[j] = Latent(population, model, i, l, draws[l], i - population.Offsets[l]);
        }

        var threshold = Selection.KthLargest((double[])values.Clone(), k);
        for (var j = 0; j < eligible.Count; j++)
            if (values[j] >= threshold) population.Traits[eligible[j]] |= bit;
    }

    private static void DrawHouseholds(SyntheticPopulation population, TraitModel model, List<int> members, int k, int[] lsoaOf, Draws[] draws)
    {
        // Households are keyed by (LSOA, number); a member list per household, in the order its members come.
        var index = new Dictionary<(int Lsoa, int Household), int>();
        var latent = new List<double>();
        var people = new List<List<int>>();
        foreach (var i in members)
        {
            if (!model.Eligible(population.Ages[i], population.SexOf(i))) continue;
            var l = lsoaOf[i];
            var key = (l, population.Households[i]);
            if (index.TryGetValue(key, out var h))
            {
                people[h].Add(i);
                continue;
            }

            // The household's latent value: its first member's log-odds and the household's own noise.
            index[key] = people.Count;
            var noise = draws[l].Logistic(population.Households[i], Streams.HouseholdTrait(model.Trait));
            latent.Add(model.LogOdds(population.Ages[i], population.SexOf(i), population.Lsoas[l].DomainZ, population.Traits[i]) + noise);
            people.Add([i]);
        }

        var order = Enumerable.Range(0, people.Count).ToArray();
        var keys = latent.Select(v => -v).ToArray();
        Array.Sort(keys, order);
        var taken = 0;
        foreach (var h in order)
        {
            if (taken >= k) break;
            foreach (var i in people[h]) population.Traits[i] |= model.Trait.Bit();
            taken += people[h].Count;
        }
    }

    private static double Latent(SyntheticPopulation population, TraitModel model, int person, int lsoa, Draws draws, int index) =>
        model.LogOdds(population.Ages[person], population.SexOf(person), population.Lsoas[lsoa].DomainZ, population.Traits[person])
        + draws.Logistic(index, Streams.Trait(model.Trait));
}

/// <summary>Order statistics without a full sort.</summary>
internal static class Selection
{
    /// <summary>The k-th largest value (k from 1) by quickselect (Hoare partition, median of three); reorders the array.</summary>
    public static double KthLargest(double[] values, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, values.Length);
        var want = values.Length - k; // the index in ascending order
        int lo = 0, hi = values.Length - 1;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            var pivot = Median(values[lo], values[mid], values[hi]);
            int i = lo, j = hi;
            while (i <= j)
            {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i > j) break;
                (values[i], values[j]) = (values[j], values[i]);
                i++;
                j--;
            }

            if (want <= j) hi = j;
            else if (want >= i) lo = i;
            else return values[want];
        }

        return values[want];
    }

    private static double Median(double a, double b, double c) => Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
}
